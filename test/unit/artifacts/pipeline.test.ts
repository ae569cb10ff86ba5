import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  ArtifactStore,
  buildMetadata,
  buildValidationReport,
  computeQuality,
  emitModelYaml,
  engineCompatibility,
  inputsDigest,
  serializeMetadata,
  serializeValidationReport,
  sha256Hex,
  withProvenance,
} from '../../../core/src/artifacts';
import { validateText } from '../../../core/src/validate';
import { parseYaml } from '../../../core/src/yaml/parse';
import { assertCleanStore, assertMetadataValid, tempDir } from './support';

const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'models', 'valid');

/** Exports a hand-written model file the way `flowtime sim export` is meant to: provenance appended, never reformatted. */
function exportModel(store: ArtifactStore, file: string, name: string) {
  const text = readFileSync(file, 'utf8');
  const digest = inputsDigest({ modelSha256: sha256Hex(text) });
  const id = store.resolveId(name, digest);
  const modelYaml = withProvenance(text, { generator: 'flowtime-sim/0.1.0', modelId: id });
  const result = validateText(modelYaml, { kind: 'model' });
  const model = parseYaml(modelYaml).doc.value;
  const quality = computeQuality(model, result.diagnostics);
  const saved = store.save(id, (version) => ({
    'model.yaml': modelYaml,
    'metadata.json': serializeMetadata(
      buildMetadata({
        id,
        version,
        created: '2025-09-19T10:22:30Z',
        source: { modelFile: file },
        model,
        modelYaml,
        quality,
        engineCompatibility: engineCompatibility(result.diagnostics),
        inputsDigest: digest,
      }),
    ),
    'preview.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
    'validation.json': serializeValidationReport(buildValidationReport(result.diagnostics, quality)),
  }));
  return { id, text, modelYaml, saved, result };
}

describe('artifact pipeline on real FlowTime models', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml')).sort();

  test('the corpus is there', () => assert.ok(files.length >= 3, CORPUS));

  for (const f of files) {
    test(`export ${f}: author text kept, provenance added, still valid, metadata schema-valid`, () => {
      const root = tempDir();
      const store = new ArtifactStore(root);
      const { id, text, modelYaml, saved, result } = exportModel(store, join(CORPUS, f), basename(f, '.yaml'));
      // None of these files has a provenance block yet, so the export is the author's bytes plus an appended block.
      assert.ok(!/^provenance:/m.test(text));
      assert.ok(modelYaml.startsWith(text), 'author text kept byte for byte');
      assert.match(modelYaml.slice(text.length), new RegExp(`^\\n?provenance:\\n  generator: flowtime-sim/0\\.1\\.0\\n  modelId: ${id}\\n$`));
      assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), [], `${f} has errors after export`);
      assert.equal(saved.version, 1);
      assert.equal(store.read(id, 1, 'model.yaml'), modelYaml);
      const meta = JSON.parse(store.read(id, 1, 'metadata.json')) as { spec: { validation: { engine_compatibility: { csharp: boolean } } } };
      assert.equal(meta.spec.validation.engine_compatibility.csharp, true);
      assertMetadataValid(store.read(id, 1, 'metadata.json'));
      // Exporting the same file again is idempotent: same id, same bytes, nothing new.
      const again = exportModel(store, join(CORPUS, f), basename(f, '.yaml'));
      assert.deepEqual([again.id, again.saved.version, again.saved.created], [id, 1, false]);
      assertCleanStore(root);
    });
  }

  test('a model re-emitted by emitModelYaml validates like the original', () => {
    for (const f of files) {
      const original = parseYaml(readFileSync(join(CORPUS, f), 'utf8')).doc.value as Record<string, unknown>;
      const emitted = emitModelYaml(original);
      assert.deepEqual(parseYaml(emitted).doc.value, JSON.parse(JSON.stringify(original)), f);
      const errors = validateText(emitted, { kind: 'model' }).diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(errors, [], f);
    }
  });
});
