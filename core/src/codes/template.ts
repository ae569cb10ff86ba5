// Codes of the Sim template rules (reference §4.6, rules T*) and of template → model instantiation.
import { defineCodes } from './registry';

export const templateCodes = defineCodes({
  'template.unsupported-mode': {
    severity: 'error',
    title: 'The template mode is neither `simulation` nor `telemetry`.',
    explanation: 'Sim parses `mode` into one of two modes and rejects any other value (rule T4). Remove `mode` (the default is `simulation`) or use `simulation` / `telemetry`.',
  },
  'template.generator': {
    severity: 'error',
    title: '`generator` must start with `flowtime-sim`.',
    explanation: 'Sim rejects a blank generator or one that does not start with `flowtime-sim` (case-insensitive, rule T9). Remove the key (the default is `flowtime-sim`) or fix its value.',
  },
  'template.metadata-required': {
    severity: 'error',
    title: 'A required `metadata` field is blank.',
    explanation: 'Sim requires `metadata.id`, `metadata.title` and `metadata.version` to be non-blank (rule T10); the id names the template in the catalog and in provenance.',
  },
  'template.version-semver': {
    severity: 'error',
    title: '`metadata.version` is not a semantic version.',
    explanation: 'Sim checks the version against `MAJOR.MINOR.PATCH` with an optional `-prerelease` suffix (rule T11), so `1.0` is rejected. Write for example `1.0.0` (quote it if YAML would read it as a number).',
  },
  'template.window-start': {
    severity: 'error',
    title: '`window.start` is missing, unparseable or not UTC.',
    explanation: 'Sim requires `window.start` to be a date-time with UTC offset 0 (rule T12); a value without a zone counts as UTC. It becomes `grid.start` of the model when the grid has no `start` of its own.',
  },
  'template.window-timezone': {
    severity: 'error',
    title: '`window.timezone` must be `UTC`.',
    explanation: 'Sim only supports UTC windows (rule T13): the timezone must be present and equal `UTC` (any case).',
  },
  'template.grid': {
    severity: 'error',
    title: 'The grid has no positive `bins`/`binSize` or no `binUnit`.',
    explanation: 'Sim requires `grid.bins > 0`, `grid.binSize > 0` and a non-blank `grid.binUnit` (rule T14). Profiles and sink synthesis depend on the bin count too.',
  },
  'template.node-id-required': {
    severity: 'error',
    title: 'A node has a blank id.',
    explanation: 'Every entry of `nodes` needs an id (rule T15); expressions, outputs and topology semantics refer to nodes by id.',
  },
  'template.duplicate-node-id': {
    severity: 'error',
    title: 'Two nodes have the same id.',
    explanation: 'Sim compares node ids exactly (ordinal) and rejects duplicates (rule T15); the first declaration is shown as related information. Rename one of them.',
  },
  'template.node-kind': {
    severity: 'error',
    title: 'A node kind is blank or not one Sim supports.',
    explanation: 'Sim matches node kinds exactly, case included (rule T16): `const`, `pmf`, `expr`, `serviceWithBuffer` or `router`. Topology-only kinds (`service`, `queue`, `dlq`, `sink`, `dependency`) belong under `topology.nodes`.',
  },
  'template.const-values': {
    severity: 'error',
    title: 'A const node has neither `values` nor a telemetry `source`.',
    explanation: 'Sim requires a const node to specify `values` or a telemetry `source` (rule T17). Add `values` with one number per bin.',
  },
  'template.const-source-only': {
    severity: 'error',
    title: 'A const node has only a telemetry `source`, so the generated model has no `values`.',
    explanation: 'Sim accepts a const node with only `source` (rule T17), but `source` is authoring-only and is dropped from the model, so the emitted const node has no `values` and the Engine schema rejects the model. Add `values` (for example as a fallback series).',
  },
  'template.pmf': {
    severity: 'error',
    title: 'A profiled pmf node has no usable `pmf` (missing, empty, or values and probabilities of different lengths).',
    explanation: 'A pmf node with a `profile` is turned into a const series `E[pmf] × weight` during generation (rule T18); without a complete pmf there is no expected value. (Pmf nodes without a profile are checked as model nodes.)',
  },
  'template.pmf-sum': {
    severity: 'error',
    title: 'The probabilities of a profiled pmf node do not sum to 1.',
    explanation: 'Sim requires |Σp − 1| ≤ 1e-10 for template pmfs (rule T19), much stricter than the model tolerance of 1e-4.',
  },
  'template.pmf-negative': {
    severity: 'error',
    title: 'A profiled pmf node has a negative probability.',
    explanation: 'Probabilities must be non-negative (rule T20).',
  },
  'template.profile': {
    severity: 'error',
    title: 'A pmf profile cannot be resolved.',
    explanation:
      'Profiles are `kind: builtin` (default) with a `name` of `weekday-office`, `three-shift` or `hub-rush-hour`, or `kind: inline` with `weights`: exactly `grid.bins` non-negative numbers with a positive average (rule T21).',
  },
  'template.dependencies': {
    severity: 'error',
    title: '`dependencies` does not match the references in `expr`.',
    explanation: 'When a node declares a non-empty `dependencies` list, Sim requires it to equal the set of node references in its expression: missing and extra entries are both errors (rule T23). `dependencies` never reaches the model; remove it or keep it in sync.',
  },
  'template.outputs-required': {
    severity: 'error',
    title: 'The template has no outputs.',
    explanation: 'Sim requires at least one entry in `outputs` (rule T26). Outputs pin the series a run reports; `series: "*"` keeps every series.',
  },
  'template.topology-required': {
    severity: 'error',
    title: 'The template has no topology nodes.',
    explanation: 'The template schema makes `topology` optional, but Sim requires at least one topology node (rule T27), and simulation runs need one too (O3).',
  },
  'template.topology-node': {
    severity: 'error',
    title: 'A topology node has a blank id or kind, or no semantics.',
    explanation: 'Every topology node needs a non-blank `id`, a non-blank `kind` and a `semantics` block (rule T28).',
  },
  'template.duplicate-topology-id': {
    severity: 'error',
    title: 'Two topology nodes have the same id.',
    explanation: 'Sim rejects duplicate topology ids (rule T28), and the Engine fails on ids that differ only in case (C23). The first declaration is shown as related information.',
  },
  'template.semantics-not-allowed': {
    severity: 'error',
    title: 'A semantics field that this topology kind must not define.',
    explanation:
      'Sim rejects `queueDepth`, `capacity`, `attempts`, `failures`, `retryEcho` and a non-empty `retryKernel` on `dependency` and `sink` nodes (rule T29), and `parallelism` on anything but `serviceWithBuffer` (rule T30).',
  },
  'template.parallelism': {
    severity: 'error',
    title: '`semantics.parallelism` is below 1 or names an unknown series.',
    explanation: 'Parallelism is a number ≥ 1, or a series reference (a node id, or `file:`) (rule T31).',
  },
  'template.semantics-reference': {
    severity: 'error',
    title: 'A topology semantics reference is not an exact node id.',
    explanation:
      'In templates, `arrivals`, `served`, `errors`, `attempts`, `failures`, `retryEcho`, `queueDepth`, `capacity`, `external_demand`, `processingTimeMsSum` and `servedCount` must name a node exactly, case included (rule T32). The model forms `self` (outside queue kinds), `file:…`, `series:…` and `node@class` are rejected by Sim; queue names Sim synthesizes count as nodes.',
  },
  'template.retry-kernel': {
    severity: 'error',
    title: '`semantics.retryKernel` holds a non-finite value.',
    explanation: 'Every retry-kernel coefficient must be a finite number (rule T33).',
  },
  'template.semantics-required': {
    severity: 'error',
    title: 'A topology node lacks the semantics its kind needs.',
    explanation:
      'Queue kinds (`serviceWithBuffer`, `queue`, `dlq`) need `arrivals` and `served` or `capacity` to synthesize their queue (T5); sinks need `arrivals` (T7); in simulation mode every node needs `arrivals`, dependencies need `served`, and other kinds need `served` or `queueDepth` (T34).',
  },
  'template.sink-served': {
    severity: 'error',
    title: 'A sink maps `served` to a different series than `arrivals` without `errors`.',
    explanation: 'A sink absorbs what arrives: without `errors`, Sim requires `semantics.served` to be the same series as `semantics.arrivals` (rule T8). Remove `served` (Sim then uses `arrivals`), make them equal, or add `errors` for what is lost.',
  },
  'template.constraint': {
    severity: 'error',
    title: 'A topology constraint is incomplete, duplicated or refers to an unknown series.',
    explanation: 'Constraints need a unique id (case-insensitive), `semantics.arrivals` and `semantics.served`, and every series they name (`arrivals`, `served`, `errors`, `latencyMinutes`) must be a node id (rule T35).',
  },
  'template.node-constraint': {
    severity: 'error',
    title: 'A topology node names a constraint that is not defined.',
    explanation: 'Each id in a topology node\'s `constraints` list must match a `topology.constraints[].id` (case-insensitive, rule T36).',
  },
  'template.edges-required': {
    severity: 'error',
    title: 'A topology with more than one node has no edges.',
    explanation: 'Sim requires `topology.edges` as soon as there are two or more topology nodes (rule T37).',
  },
  'template.edge-endpoint': {
    severity: 'error',
    title: 'An edge endpoint is blank or names an unknown topology node.',
    explanation: 'Edge `from`/`to` are topology node ids, optionally followed by `:port`; the part before the first `:` must be a topology id (rule T38).',
  },
  'template.self-shift': {
    severity: 'error',
    title: 'A node uses SHIFT on itself without an initial queue depth.',
    explanation:
      'For `SHIFT(id, lag)` on the node\'s own id, Sim requires a topology node whose `semantics.queueDepth` is exactly this id and whose `initialCondition.queueDepth` is set (rule T39). That is stricter than the model rule S24.',
  },
  'template.class': {
    severity: 'error',
    title: 'A class has a blank or duplicate id.',
    explanation: 'Class ids must be non-empty and unique (rule T41).',
  },
  'template.arrival': {
    severity: 'error',
    title: 'A traffic arrival is incomplete.',
    explanation: 'Each arrival needs a `nodeId` and a `pattern.kind`; a `constant` pattern needs `ratePerBin` ≥ 0 (rule T42).',
  },
  'template.rng': {
    severity: 'error',
    title: 'The `rng` block has an unsupported kind or no seed.',
    explanation: 'When a template declares `rng`, Sim requires `kind: pcg32` (any case) and a non-blank `seed` (rule T43); a run of such a template must also provide a seed (O4).',
  },
  'template.dropped-key': {
    severity: 'warning',
    title: 'A key that Sim silently drops: its value never reaches the model.',
    explanation:
      'Sim reads templates into fixed types and ignores keys those types lack (reference §2.9): semantics `exhaustedFailures`, `retryBudgetRemaining`, `maxAttempts`, `slaMin`, `backoffStrategy`, `exhaustedPolicy` and camelCase `externalDemand` (templates use `external_demand`), topology `wipLimit`/`wipLimitSeries`/`wipOverflow`, node `group`/`telemetry`, output `id`/`description`/`filename`, and `profile` on nodes that are not pmf. The generated model and every analysis of it never see these values.',
  },
  'template.engine-synthesized-output': {
    severity: 'info',
    title: 'An output names a queue the engines synthesize; it is left out of the model.',
    explanation:
      'This tool lets the engines synthesize the queue of a queue-kind topology node (see docs/templates.md), so the queue series is not a `nodes[]` id and the C# schema would reject it under `outputs` (S18). The output is left out of the generated model; both engines still compute the series.',
  },
  'rust.synthesized-queue-node': {
    severity: 'warning',
    title: 'The generated model puts a synthesized `serviceWithBuffer` node in `nodes`, which the Rust engine rejects.',
    explanation:
      'Normally the topology node is emitted without `queueDepth` and both engines synthesize the queue themselves. When something references the queue by name (an expression, another semantics field, a serviceWithBuffer/router field, a dispatch `capacitySeries`), when the queue has a custom name, or when the C# and Rust engines would name it differently, the generated model falls back to Sim\'s form: a hidden `serviceWithBuffer` node in `nodes`. The C# engine accepts it; the Rust engine fails with "unsupported node kind" (gap G-019).',
  },
});
