// Codes for legacy and Rust-engine shapes that the C# schema rejects: each gets a specific message and a quick fix.
import { defineCodes } from './registry';

export const legacyCodes = defineCodes({
  'legacy.bin-minutes': {
    severity: 'error',
    title: '`grid.binMinutes` is the legacy grid form; the grid needs `binSize` and `binUnit`.',
    explanation:
      'Older FlowTime models sized bins with `binMinutes`. The current schema rejects the key and requires `binSize` plus `binUnit` instead (S5); no C# input path accepts `binMinutes`, and the Rust engine ignores it and runs with a bin size of 0. The quick fix converts the value to the largest whole unit: 60 → `binSize: 1, binUnit: hours`, 1440 → 1 days, 10080 → 1 weeks, 90 → 90 minutes.',
  },
  'legacy.start-time-utc': {
    severity: 'error',
    title: '`grid.startTimeUtc` was renamed to `grid.start`.',
    explanation:
      'The grid start key was renamed in the m-E24-02 schema alignment; the schema now rejects `startTimeUtc` as an unknown grid key (S5). Rename it to `start` (same ISO-8601 UTC value).',
  },
  'legacy.node-expression': {
    severity: 'error',
    title: '`expression` is the legacy key for `expr`.',
    explanation:
      'Old node-based documents wrote the formula of an expr node under `expression`. The model schema only knows `expr` (S6), so the node is rejected and has no formula. Rename the key to `expr`; the value must be a string, so a plain number such as `0` has to be quoted ("0").',
  },
  'legacy.node-dependencies': {
    severity: 'error',
    title: '`dependencies` is not allowed on a model node.',
    explanation:
      'Models derive each node\'s dependencies from its `expr`; the model schema rejects a `dependencies` list (S6). (Templates may still carry one for checking, but Sim does not emit it.) Delete the entry.',
  },
  'legacy.output-id-source': {
    severity: 'error',
    title: 'Output `id`/`source` is the legacy form of `series`.',
    explanation:
      'Outputs used to name the exported node with `source` (plus an output `id`). The schema now requires `series` and rejects `id` and `source` (S10). Write `series: <node id>` and drop `id`; use `as: name.csv` to choose the file name.',
  },
  'legacy.output-filename': {
    severity: 'error',
    title: 'Output `filename` is the legacy key for `as`.',
    explanation:
      'The export file name is now written with `as` (a name of letters, digits, `_` or `-` ending in .csv or .txt); the model schema rejects `filename` (S10). Rename the key to `as`.',
  },
  'legacy.pmf-map': {
    severity: 'error',
    title: 'The PMF is written as a value→probability map (legacy form).',
    explanation:
      'A PMF is now two parallel lists, `pmf: {values: [...], probabilities: [...]}`; the schema rejects the old map form `pmf: {"10": 0.3, "20": 0.7}` (S6, S7). The quick fix rewrites the map into the two lists in the same order.',
  },
  'legacy.template-key': {
    severity: 'error',
    title: 'A template-only key appears at the top of a model.',
    explanation:
      '`metadata`, `window`, `generator` and `mode` belong to Sim templates. A model does not carry them, and the model schema rejects any unknown top-level key (S4); Sim stopped emitting them in the m-E24-02 alignment. Delete the block; the start of `window` belongs in `grid.start`, and the generator and mode live in `provenance`.',
  },
  'csharp.router-shape': {
    severity: 'error',
    title: 'A router node uses the Rust engine\'s nested `router:` block.',
    explanation:
      'The Rust engine reads a router as `router: {inputs, routes}`, but the C# engine and its schema want `inputs` and `routes` directly on the node and reject the nested block (S6). Rust would accept this file; C# rejects it. The quick fix moves `inputs` and `routes` up to the node (the Rust engine then no longer finds the router).',
  },
  'csharp.edge-endpoints': {
    severity: 'error',
    title: 'A topology edge uses `source`/`target` instead of `from`/`to`.',
    explanation:
      'The Rust engine names edge endpoints `source` and `target`; the C# schema requires `from` and `to` (S13). Rust would accept this edge; C# rejects it. Rename the keys (the Rust engine silently drops `from`/`to` edges, so a file cannot satisfy both engines).',
  },
  'csharp.dispatch-kind': {
    severity: 'error',
    title: 'A dispatch schedule kind other than `time-based`.',
    explanation:
      'The C# engine knows one dispatch schedule kind, `time-based` (the default), and rejects any other value (S9, C18). The Rust engine ignores `kind`, so it would accept e.g. `periodic`. Write `time-based` or delete the key.',
  },
});
