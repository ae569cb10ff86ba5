// Validates two tiny documents right after initialize, so the schemas are compiled before the user's first keystroke.
import { validateText } from '../../core/src/validate';

const MODEL = 'schemaVersion: 1\ngrid: {bins: 2, binSize: 1, binUnit: hours}\nnodes:\n  - id: a\n    kind: const\n    values: [1, 2]\n  - id: b\n    kind: expr\n    expr: "a * 2"\n';

const TEMPLATE = [
  'schemaVersion: 1',
  'metadata: {id: warm-up, title: Warm up, version: 1.0.0}',
  'window: {start: "2025-01-01T00:00:00Z", timezone: UTC}',
  'parameters:',
  '  - {name: n, type: integer, default: 2}',
  'topology:',
  '  nodes:',
  '    - {id: Desk, kind: service, semantics: {arrivals: a, served: b}}',
  'grid: {bins: 2, binSize: 1, binUnit: hours}',
  'nodes:',
  '  - {id: a, kind: const, values: [1, 2]}',
  '  - {id: b, kind: expr, expr: "a * ${n}"}',
  'outputs:',
  '  - {series: b}',
  '',
].join('\n');

/**
 * Compiling the model and template schemas takes hundreds of milliseconds once per process. Each warm-up runs in its
 * own macrotask, so a didOpen that arrives meanwhile is queued behind at most one of them.
 */
export function warmUp(onError: (e: unknown) => void): void {
  const steps = [() => validateText(MODEL, { kind: 'model' }), () => validateText(TEMPLATE, { kind: 'template' })];
  const next = (i: number) => {
    if (i >= steps.length) return;
    setTimeout(() => {
      try {
        steps[i]();
      } catch (e) {
        onError(e);
      }
      next(i + 1);
    }, 0);
  };
  next(0);
}
