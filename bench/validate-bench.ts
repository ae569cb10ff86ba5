// Benchmarks full validation against a schema-only peer (yaml.parse + ajv, no positions, no semantics).
import Ajv from 'ajv';
import { parse } from 'yaml';
import modelSchema from '../schemas/model.schema.json';
import { validateText } from '../core/src/validate';
import { generateModel } from './gen-model';
import { median, timeRuns } from './timing';

export function benchValidate(): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const peerValidate = ajv.compile(modelSchema as object);
  const rows: string[] = ['validate: nodes | ours median ms | peer (yaml.parse+ajv) median ms | ratio | errors'];
  for (const n of [50, 500, 5000]) {
    const text = generateModel(n);
    const runs = n >= 5000 ? 9 : 21;
    let errors = 0;
    const ours = median(
      timeRuns(runs, () => {
        errors = validateText(text, { kind: 'model' }).diagnostics.filter((d) => d.severity === 'error').length;
      }),
    );
    const peer = median(timeRuns(runs, () => void peerValidate(parse(text))));
    rows.push(`validate: ${n} | ${ours.toFixed(2)} | ${peer.toFixed(2)} | ${(ours / peer).toFixed(2)}x | ${errors}`);
  }
  return rows;
}
