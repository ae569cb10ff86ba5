// The real FlowTime corpus: valid models get no semantic findings; const-length-mismatch gets exactly its one error.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checkModelSemantics } from '../../../core/src/model/semantics';
import { parseYaml } from '../../../core/src/yaml/parse';
import { fmtRange, show } from './fixture';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

function check(file: string) {
  const { doc } = parseYaml(readFileSync(path.join(CORPUS, 'models', file), 'utf8'));
  return checkModelSemantics(doc);
}

describe('corpus models', () => {
  const valid = readdirSync(path.join(CORPUS, 'models', 'valid')).filter((f) => f.endsWith('.yaml')).sort();

  test('the valid directory is there', () => assert.ok(valid.length >= 5, valid.join(', ')));

  for (const name of valid) {
    test(`valid/${name}: no errors and no warnings`, () => {
      const ds = check(`valid/${name}`);
      assert.deepEqual(ds, [], show(ds));
    });
  }

  test('invalid/const-length-mismatch.yaml: exactly the const-length error on the values of demand (line 11)', () => {
    const ds = check('invalid/const-length-mismatch.yaml');
    assert.equal(ds.length, 1, show(ds));
    assert.equal(ds[0].code, 'model.const-length');
    assert.equal(ds[0].severity, 'error');
    assert.equal(ds[0].message, "const node 'demand' has 6 values but grid.bins is 8");
    assert.equal(fmtRange(ds[0].range), '10:12-10:36');
  });
});
