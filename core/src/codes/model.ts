// Codes of model semantics: ids, references, const/PMF data, dependency cycles, dates, WIP and queue synthesis.
import { defineCodes } from './registry';

export const modelCodes = defineCodes({
  'model.duplicate-node-id': {
    severity: 'error',
    title: 'Two nodes have the same id.',
    explanation:
      'Node ids must be unique (rule S17). The C# engine rejects the model at its schema tier and its graph builder fails on the duplicate key (C21); the Rust engine panics with "Column … already exists" (R5). Rename one of the nodes; the first declaration is shown as related information.',
  },
  'model.node-id-case-conflict': {
    severity: 'error',
    title: 'Two node ids differ only in case.',
    explanation:
      'The C# schema tier compares ids exactly and accepts `Demand` next to `demand`, but the C# model parser and the invariant analyzer index nodes case-insensitively and fail with a duplicate-key error (rule C23), so the model cannot run or be analysed. Give the nodes names that differ by more than case.',
  },
  'model.duplicate-topology-node-id': {
    severity: 'error',
    title: 'Two topology nodes have the same id (ignoring case).',
    explanation:
      'The C# engine indexes topology nodes case-insensitively; a second node with the same id (in any case) fails with a duplicate-key error when the model is parsed or analysed (rule C23). The schema tier does not check this. Rename one of the topology nodes.',
  },
  'model.duplicate-constraint-id': {
    severity: 'error',
    title: 'Two topology constraints have the same id (ignoring case).',
    explanation:
      'Constraint ids are indexed case-insensitively by the C# model parser and analyzer; a duplicate fails with a duplicate-key error (rule C23, T35 for templates). Rename one of the constraints.',
  },
  'model.unknown-output-series': {
    severity: 'error',
    title: 'An output names a series that is not a node.',
    explanation:
      '`outputs[].series` must be `*` or the id of a node in `nodes[]` (rule S18; ids are case-sensitive). Fix the name (the message suggests the closest id) or add the node.',
  },
  'model.unknown-series-reference': {
    severity: 'error',
    title: 'A topology semantics reference names no node.',
    explanation:
      'Topology `semantics` fields (`arrivals`, `served`, `errors`, `queueDepth`, `capacity`, …) name the node that produces the series. After removing an optional `series:` prefix and `@class` suffix, the name must be a node id (rule S25; `self` and `file:` references are exempt). A `parallelism` written as a non-numeric string is a series reference too (the Rust engine rejects an unknown one, R15). Fix the name or declare the node.',
  },
  'model.self-reference': {
    severity: 'error',
    title: '`self` is used where it does not name a series.',
    explanation:
      '`self` stands for the queue the engine synthesizes for a queue-like topology node and is meaningful in `semantics.queueDepth`. In any other field the C# engine resolves `self` to the topology node\'s own id, which is not a node in `nodes[]`, so the series is missing. Name the producing node instead.',
  },
  'model.empty-reference': {
    severity: 'error',
    title: 'A semantics reference has no node id.',
    explanation:
      'A reference such as `@Gold` or `series:` has an empty node id; the C# compiler rejects it ("semantic reference does not contain a node id", rule C4). Write `nodeId@classId` or just `nodeId`.',
  },
  'model.unknown-class': {
    severity: 'error',
    title: 'A class id is not declared under `classes`.',
    explanation:
      'When the model declares `classes`, every class used by `traffic.arrivals[].classId` (rule S16), by a router route\'s `classes` and by a `node@class` semantics reference must be one of `classes[].id`. The C# validators only check arrivals; an undeclared route class silently receives no flow (and the Rust engine rejects it, R11). Fix the class id or declare the class.',
  },
  'model.missing-class-id': {
    severity: 'error',
    title: 'An arrival lacks `classId` although the model declares classes.',
    explanation:
      'With `classes` declared, each `traffic.arrivals[]` entry must say which class it carries (rules S12/S15). Add `classId` with one of the declared class ids.',
  },
  'model.unknown-node': {
    severity: 'error',
    title: 'A node field names a node that does not exist.',
    explanation:
      'serviceWithBuffer `inflow`/`outflow`/`loss`, router `inputs.queue` and `routes[].target`, `dispatchSchedule.capacitySeries` and `traffic.arrivals[].nodeId` must be ids of nodes in `nodes[]` (exact case). The C# schema tier does not check these (a gap listed in the rules digest); the series is then missing at evaluation, and Sim rejects the same mistake in templates (T24, T25). Fix the name (the message suggests the closest id) or add the node.',
  },
  'model.blank-reference': {
    severity: 'error',
    title: 'A required reference is empty.',
    explanation:
      'An empty string passes the JSON schema but fails in the C# engine: serviceWithBuffer `inflow`/`outflow` (rule C16), topology `semantics.arrivals`/`served`, edge endpoints and constraint `arrivals`/`served` (rule C20). Name the node that produces the series.',
  },
  'model.unknown-topology-node': {
    severity: 'error',
    title: 'An edge endpoint names no topology node.',
    explanation:
      'Edge `from`/`to` are `NodeId` or `NodeId:port`; the part before the first `:` must be a topology node id (case-insensitive, like the C# analyzer; Sim enforces it for templates, T38). The C# schema tier does not check it, so the edge silently contributes nothing to flow checks. Fix the id.',
  },
  'model.unknown-constraint': {
    severity: 'error',
    title: 'A topology node references a constraint that is not defined.',
    explanation:
      'Ids in a topology node\'s `constraints` must be defined under `topology.constraints` (compared case-insensitively, as Sim does, T36). Neither engine reports an undefined id; the constraint is silently not applied. Define the constraint or remove the id.',
  },
  'model.unknown-constraint-series': {
    severity: 'warning',
    title: 'A constraint semantics reference names no node.',
    explanation:
      'Constraint `semantics.arrivals`/`served`/`errors`/`latencyMinutes` should name nodes. The C# engine does not evaluate constraints (its analyzer warns `constraint_missing_*`), and the Rust engine only reads `served` of a constraint that some topology node uses, rejecting an unknown one (R14). Sim rejects the same mistake in templates (T35). Fix the name or declare the node.',
  },
  'model.const-length': {
    severity: 'error',
    title: 'A const node has a different number of values than `grid.bins`.',
    explanation:
      'A const series needs exactly one value per bin (rules S20, V1). The C# engine rejects the model; the Rust engine silently zero-pads or truncates it. Add or remove values, or change `grid.bins`.',
  },
  'model.pmf-length-mismatch': {
    severity: 'error',
    title: 'PMF values and probabilities have different lengths.',
    explanation: 'Each PMF value needs exactly one probability (rules S21, C14, R9). Make `pmf.values` and `pmf.probabilities` the same length.',
  },
  'model.pmf-duplicate-value': {
    severity: 'error',
    title: 'A PMF lists the same value twice.',
    explanation: 'PMF values must be unique (rules S22, C14). Merge the two entries by adding their probabilities.',
  },
  'model.pmf-probability-range': {
    severity: 'error',
    title: 'A PMF probability is above 1.',
    explanation: 'Each probability must lie in 0..1 (rule S7). Fix the value; probabilities are fractions, not percentages.',
  },
  'model.pmf-sum': {
    severity: 'error',
    title: 'PMF probabilities do not sum to 1.',
    explanation:
      'The C# engine requires |Σp − 1| ≤ 1e-4 for models (rule S23; Sim requires 1e-10 for templates, T19). The Rust engine silently normalizes the probabilities instead, so the two engines would not even agree on a failure. Adjust the probabilities so they sum to 1.',
  },
  'model.pmf-invalid': {
    severity: 'error',
    title: 'A PMF has a negative, non-finite or all-zero probability, or a non-finite value.',
    explanation:
      'The C# PMF constructor rejects negative probabilities, NaN or infinite values and probabilities, and a probability sum of zero (rule C15); the Rust engine rejects a non-positive sum (R9). Use finite values and non-negative probabilities that sum to 1.',
  },
  'model.same-bin-cycle': {
    severity: 'error',
    title: 'Nodes depend on each other within the same bin.',
    explanation:
      'Every reference is a same-bin dependency except one inside the first argument of `SHIFT(x, lag)` with a literal lag ≥ 1 (`SHIFT(x, 0)` is same-bin). A loop of same-bin dependencies (including `x = x + 1`) cannot be ordered: the C# engine fails with "graph has a cycle" (rule C22), the Rust engine with "model has a dependency cycle" (R6). serviceWithBuffer inputs and router `inputs.queue` count as dependencies too. Break the loop by reading one of the values from the previous bin with `SHIFT(…, 1)`.',
  },
  'model.self-shift-initial-condition': {
    severity: 'error',
    title: 'A node reads its own previous value but nothing seeds it.',
    explanation:
      '`SHIFT(x, lag)` inside node `x` itself is a stock-and-flow recurrence that needs an initial value (rules S24, C7): some topology node must carry `initialCondition` and either have the id `x` or map `semantics.queueDepth: x` (compared case-insensitively). Add `initialCondition: { queueDepth: 0 }` to that topology node.',
  },
  'model.feedback-span-node': {
    severity: 'error',
    title: 'A node falls inside a C# feedback span but cannot be evaluated bin by bin.',
    explanation:
      'When an expr node reads, through `SHIFT(…, ≥1)`, a node that the C# engine orders after it, the engine evaluates every node between the two positions of its evaluation order bin by bin. Only expr and serviceWithBuffer nodes support that; a const, pmf or router node in the span makes evaluation fail with "unsupported node type in feedback subgraph" (rule V3). The evaluation order is a breadth-first topological order that follows document order, so declaring a const or pmf node before the expr node that starts the span moves it out.',
  },
  'model.invalid-date-time': {
    severity: 'error',
    title: 'A date-time cannot be parsed.',
    explanation:
      '`grid.start` and `provenance.generatedAt` must be ISO-8601 date-times such as `2025-01-01T00:00:00Z` (rules S28, C19); offsets, fractional seconds and a date alone are accepted, impossible dates are not.',
  },
  'model.unknown-wip-overflow-target': {
    severity: 'error',
    title: '`wipOverflow` names no topology node.',
    explanation:
      'A topology node\'s `wipOverflow` must be empty, `loss` (any case) or the id of a topology node, compared case-insensitively (rule S26). Fix the target.',
  },
  'model.wip-overflow-cycle': {
    severity: 'error',
    title: 'WIP overflow routing loops back on itself.',
    explanation:
      'Following `wipOverflow` from node to node must end at `loss`, an empty target or a node without overflow; a loop is rejected (rules S27, C6). Route one of the nodes to `loss` or to a node outside the loop.',
  },
  'model.queue-synthesis': {
    severity: 'error',
    title: 'A queue-like topology node lacks what its queue is built from.',
    explanation:
      'For a `serviceWithBuffer`, `queue` or `dlq` topology node whose `queueDepth` is missing, `self` or not a node, the C# compiler synthesizes the queue from `semantics.arrivals` (inflow) and `served`, or `capacity` when `served` is empty (outflow). Without them it fails (rules C2, C3). Fill in the missing series.',
  },
  'model.check-failed': {
    severity: 'warning',
    title: 'A semantic check could not complete.',
    explanation:
      'One of the semantic checks stopped on an unexpected value shape; the other checks still ran. This points at a defect in the validator rather than in the model; please report it with the model that triggers it.',
  },
});
