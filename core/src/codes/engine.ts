// Codes of engine divergence: models the C# engine accepts but the Rust engine rejects or computes differently.
import { defineCodes } from './registry';

export const engineCodes = defineCodes({
  'rust.service-with-buffer-node': {
    severity: 'warning',
    title: 'The Rust engine does not support `serviceWithBuffer` in `nodes[]`.',
    explanation:
      'The Rust engine compiles only const, expr, pmf and router nodes and fails with "unsupported node kind" (rule R10; reference Appendix B). It builds queues from topology nodes instead: declare a topology node with `kind: serviceWithBuffer` and `semantics.arrivals`/`served`.',
  },
  'rust.router-shape': {
    severity: 'warning',
    title: 'The Rust engine reads routers in a different shape.',
    explanation:
      'C# routers carry `inputs` and `routes` on the node; the Rust engine expects them nested under `router: {inputs, routes}` and fails with "Router node … requires router field" (rule R11; reference §1.10). Each engine rejects the other\'s shape, so a model with a router runs on one engine only.',
  },
  'rust.edge-endpoints': {
    severity: 'info',
    title: 'The Rust engine ignores edges written with `from`/`to`.',
    explanation:
      'The Rust engine reads edge endpoints from `source`/`target` and ignores unknown keys, so edges written `from`/`to` (the C# schema shape) are silently dropped there: the model runs, but no edge series are computed (reference §1.10, Appendix B). The C# schema requires `from`/`to` and Sim requires edges once a topology has two nodes, so every valid multi-node model has this shape; it is a note (one per model, on `edges`), not a warning, because nothing can be changed to satisfy both engines and the Rust engine still accepts the model.',
  },
  'rust.bin-unit-weeks': {
    severity: 'warning',
    title: 'The Rust engine treats `weeks` as minutes in derived metrics.',
    explanation:
      'The Rust engine uses `binUnit` only for derived time metrics and does not know `weeks`: it falls back to minutes, so latency-style metrics come out 10080 times too small (reference §4.7, Appendix B). Use `days` with a 7× `binSize` when the model also runs on the Rust engine.',
  },
  'rust.queue-depth-self': {
    severity: 'warning',
    title: 'The Rust engine does not understand `queueDepth: self`.',
    explanation:
      'The C# engine synthesizes a queue node for `self`; the Rust engine instead creates a column literally named `self` (two such topology nodes share it) (reference §4.7, Appendix B). Name the queue series explicitly, or leave `queueDepth` out so both engines synthesize one.',
  },
  'rust.file-reference': {
    severity: 'warning',
    title: 'The Rust engine does not resolve `file:` references.',
    explanation:
      'The C# engine reads `file:` series from telemetry; the Rust engine looks for a series literally named `file:…`, finds none and fails for queue inputs and served/capacity (rules R13, R16; Appendix B).',
  },
  'rust.negative-phase-offset': {
    severity: 'warning',
    title: 'The Rust engine does not normalize a negative `phaseOffset`.',
    explanation:
      'The C# engine normalizes `phaseOffset` modulo `periodBins`; the Rust engine casts it to an unsigned integer, so the dispatch bins differ (reference §4.7, Appendix B). Write the equivalent non-negative offset (offset mod periodBins).',
  },
  'rust.shift-dependency': {
    severity: 'warning',
    title: 'The Rust engine drops a same-bin dependency because the name also appears inside SHIFT.',
    explanation:
      'The Rust engine removes from a node\'s dependencies every name that appears anywhere inside a SHIFT(...) call, even when the same name is also used directly (or in `SHIFT(x, 0)`). The C# engine keeps such a same-bin dependency (reference §3.5). When that makes the Rust engine evaluate the node before the referenced expression, it reads 0 for the current bin and computes a different result. Move the direct use into its own node (for example `x_now = x`) so the dependency survives in both engines.',
  },
  'rust.dependency-cycle': {
    severity: 'warning',
    title: 'The Rust engine finds a dependency cycle that the C# engine does not.',
    explanation:
      'The Rust engine resolves a name to the queue column it synthesizes for a queue-like topology node (named by `semantics.queueDepth`, or `{snake_case(id)}_queue`) and makes that column depend on the node\'s arrivals, served (or capacity) and errors. When one of those inputs reads the column in the same bin, Rust rejects the model with "model has a dependency cycle" (rules R6, R13; reference §3.5), although the C# engine orders it. Read the queue through `SHIFT(…, 1)` in the input, or give the queue column its own name.',
  },
  'rust.queue-column-name': {
    severity: 'warning',
    title: 'The engines name a synthesized queue differently.',
    explanation:
      'A queue synthesized for a topology node is named `{snake_case(id)}_queue`, but the engines snake-case acronyms differently: C# splits every capital (`HTTPService` → `h_t_t_p_service_queue`), Rust keeps acronyms together (`http_service_queue`) (reference §2.13, §4.7). A reference to one of the names works on one engine only; set `semantics.queueDepth` to an explicit node id to get the same name in both.',
  },
  'rust.unknown-wip-limit-series': {
    severity: 'warning',
    title: '`wipLimitSeries` names no node.',
    explanation:
      'The C# engine drops topology WIP fields, but the Rust engine evaluates them and fails to compile when `wipLimitSeries` is not a known series (rule R13). Name an existing node.',
  },
});
