// Benchmarks full validation against a schema-only peer (yaml.parse + ajv, no positions, no semantics).
import { parse } from 'yaml';
import { modelSchemaValidator } from '../core/src/schema';
import { clearExpressionCache } from '../core/src/expr/parse';
import { validateText } from '../core/src/validate';
import { generateModel } from './gen-model';
import { median, timeRuns } from './timing';

export function benchValidate(): string[] {
  // The peer is what a schema-only YAML tool does: parse to plain JSON (no positions) and run the JSON Schema.
  const peerValidate = modelSchemaValidator();
  const rows: string[] = ['validate: nodes | ours median ms | peer (yaml.parse + JSON Schema) median ms | ratio | errors | target'];
  for (const n of [50, 500, 5000]) {
    const text = generateModel(n);
    const runs = n >= 5000 ? 9 : 21;
    let errors = 0;
    const ours = median(
      timeRuns(runs, () => {
        // Cold: a CLI run parses every expression once; the editor's warm path is measured by bench:lsp.
        clearExpressionCache();
        errors = validateText(text, { kind: 'model' }).diagnostics.filter((d) => d.severity === 'error').length;
      }),
    );
    const peer = median(timeRuns(runs, () => void peerValidate(parse(text))));
    const target = n === 5000 ? (ours < 100 ? 'met (< 100 ms)' : 'MISSED (< 100 ms)') : '';
    rows.push(`validate: ${n} | ${ours.toFixed(2)} | ${peer.toFixed(2)} | ${(ours / peer).toFixed(2)}x | ${errors} | ${target}`);
  }
  return rows;
}
