// Codes of the JSON Schema layer: the shape of a model (rules S4-S14) or template (T2) before any semantic rule.
import { defineCodes } from './registry';

export const schemaCodes = defineCodes({
  'schema.missing-key': {
    severity: 'error',
    title: 'A required key is missing.',
    explanation:
      'FlowTime\'s schema requires this key here: `schemaVersion`, `grid` and `nodes` at the top of a model (S4); `bins`, `binSize` and `binUnit` in the grid (S5); `id` and `kind` on every node plus the key of its kind — `values` (const), `expr` (expr), `pmf` (pmf), `inflow`/`outflow` (serviceWithBuffer), `inputs`/`routes` (router) (S6); `periodBins` in a dispatchSchedule (S9); `series` in an output (S10); `id` in a class and `nodeId`/`pattern`/`pattern.kind` in an arrival (S11); `id`, `kind`, `semantics.arrivals` and `semantics.served` on a topology node and `from`/`to` on an edge (S13). The diagnostic sits on the key of the block that lacks it (at the document start for top-level keys). Add the key.',
  },
  'schema.unknown-key': {
    severity: 'error',
    title: 'A key is not allowed here.',
    explanation:
      'The model schema is closed at the top level, in `grid`, nodes, `pmf`, router `inputs`/`routes`, `dispatchSchedule`, outputs, classes, `traffic`, `topology`, `rng` and `provenance` (S4-S14; the template schema at its top level, `grid`, `pmf`, `inputs`, `routes` and `dispatchSchedule`), so a misspelled or unsupported key makes the engine reject the file. Keys are case-sensitive. Rename the key (the message suggests the closest allowed one) or delete it.',
  },
  'schema.key-not-for-kind': {
    severity: 'error',
    title: 'A key belongs to a different node kind.',
    explanation:
      'Each node kind has its own keys and the schema rejects the keys of other kinds (S6): const nodes take `values`, expr nodes `expr`, pmf nodes `pmf`, serviceWithBuffer nodes `inflow`/`outflow`/`loss`, router nodes `inputs`/`routes`; every kind takes `id`, `kind`, `metadata` and `dispatchSchedule`. Either change `kind` to the kind this key belongs to, or replace the key with the one the current kind needs.',
  },
  'schema.wrong-type': {
    severity: 'error',
    title: 'A value has the wrong type.',
    explanation:
      'FlowTime reads YAML scalars by their style: plain `5`, `1.5`, `true` are numbers and booleans, while quoted values are always strings. So `expr: 0` is a number where a string is required (write `expr: "0"`), `bins: "8"` is a string where an integer is required (remove the quotes), and a plain `null` is the text "null". Lists must be YAML sequences: `values: 5` is not expanded to a list (S4-S14).',
  },
  'schema.schema-version': {
    severity: 'error',
    title: '`schemaVersion` must be the integer 1.',
    explanation:
      'The schema requires `schemaVersion` to be exactly the integer 1 (S4). A quoted `"1"` is a string and fails; write `schemaVersion: 1`.',
  },
  'schema.invalid-enum': {
    severity: 'error',
    title: 'A value is not one of the allowed choices.',
    explanation:
      'Keys such as `grid.binUnit` (minutes, hours, days, weeks), `dispatchSchedule.kind` (time-based), arrival `pattern.kind` (constant, poisson), edge `type`/`measure`, `rng.kind` and `provenance.mode` accept a fixed list of values (S5, S9, S11, S13, S14). The list is case-sensitive in the schema even where the engine itself would accept another case, so `Hours` fails. Use one of the listed values.',
  },
  'schema.unknown-node-kind': {
    severity: 'error',
    title: 'A node has a kind that nodes cannot have.',
    explanation:
      'Node kinds are const, expr, pmf, serviceWithBuffer and router, spelled exactly so (S6). queue, dlq, sink, service and dependency are topology kinds: declare those boxes under `topology.nodes` and keep their series as const/expr nodes.',
  },
  'schema.out-of-range': {
    severity: 'error',
    title: 'A number is outside its allowed range.',
    explanation:
      'Ranges enforced by the schema: `grid.bins` 1..10000 and `grid.binSize` 1..1000 (S5), PMF probabilities 0..1 (S7), route `weight` above 0 (S8), `dispatchSchedule.periodBins` at least 1 (S9), semantics `parallelism` at least 1 (S13), `rng.seed` 0..2147483647 (S14).',
  },
  'schema.empty-list': {
    severity: 'error',
    title: 'A list that needs items is empty.',
    explanation:
      'These lists need at least one item: `nodes` (S4), const `values` and the PMF `values`/`probabilities` (S7), router `routes` (S8), `classes` and `traffic.arrivals` (S11). For `classes`, remove the key instead of writing `classes: []` (Sim omits empty lists).',
  },
  'schema.empty-text': {
    severity: 'error',
    title: 'A text value that must not be empty is empty.',
    explanation:
      'An `expr` (S7), a router `inputs.queue` or route `target` (S8), and topology node or constraint ids (S13) must contain text. Write the value, or remove the entry.',
  },
  'schema.invalid-pattern': {
    severity: 'error',
    title: 'A name does not have the required form.',
    explanation:
      'Node ids start with a letter or `_` and contain only letters, digits and `_` (S6); output `as` is a file name of letters, digits, `_` or `-` ending in `.csv` or `.txt` (S10); class ids use letters, digits, `_` and `-` (S11); template parameter names follow the node id rule. Rename the value (and every reference to it).',
  },
  'schema.route-needs-classes-or-weight': {
    severity: 'error',
    title: 'A router route has neither `classes` nor `weight`.',
    explanation:
      'Every route must say which flow it takes: the flow of some `classes`, or a `weight` share of the rest (S8). Add `classes: [...]` or `weight: 1`.',
  },
  'schema.class-id-required': {
    severity: 'error',
    title: 'An arrival lacks `classId` although the model declares classes.',
    explanation:
      'Once `classes` lists at least one class, every `traffic.arrivals` entry must name the class it belongs to (S12, also checked by S15). Add `classId:` with one of the declared class ids.',
  },
  'schema.template-without-version': {
    severity: 'warning',
    title: 'The template has no `schemaVersion`, so FlowTime-Sim skips its schema check.',
    explanation:
      'Sim validates a template against its JSON Schema only when the root has `schemaVersion` (T2); without it, shape mistakes surface later as YAML or model errors that are harder to trace. Add `schemaVersion: 1` at the top.',
  },
  'schema.invalid': {
    severity: 'error',
    title: 'The value does not match the FlowTime schema.',
    explanation:
      'A schema rule that has no more specific diagnostic failed here (S4-S14). The message names the rule; compare the value with the documented shape of this key.',
  },
});
