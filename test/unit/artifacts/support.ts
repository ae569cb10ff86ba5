// Shared helpers for the artifact tests: temp roots, a layout scan that allows only the artifact files, schema checks.
import assert from 'node:assert/strict';
import { lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';

export const SCHEMA_PATH = join(__dirname, '..', '..', '..', 'schemas', 'metadata.schema.json');

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
export const validateMetadataSchema = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);

const created: string[] = [];
process.on('exit', () => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder per test, removed when the test process exits. */
export function tempDir(prefix = 'ft-artifacts-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

const ALLOWED = [
  /^models$/,
  /^models\/catalog\.json$/,
  /^models\/[a-z0-9]+(-[a-z0-9]+)*_[0-9a-f]{4,64}$/,
  /^models\/[a-z0-9]+(-[a-z0-9]+)*_[0-9a-f]{4,64}\/v[1-9][0-9]*$/,
  /^models\/[a-z0-9]+(-[a-z0-9]+)*_[0-9a-f]{4,64}\/v[1-9][0-9]*\/(model\.yaml|metadata\.json|preview\.svg|validation\.json)$/,
];

/** Every path under root (relative, forward slashes), directories included. */
export function walk(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      out.push(relative(root, p).split(sep).join('/'));
      const st = lstatSync(p);
      if (st.isDirectory() && !st.isSymbolicLink()) visit(p);
    }
  };
  visit(root);
  return out;
}

/**
 * Asserts the store holds nothing but the layout (no temp folders, no stray files), that every version folder has
 * exactly the four files, and that every metadata.json is schema-valid and under 5 KB.
 */
export function assertCleanStore(root: string, ignore: (p: string) => boolean = () => false): void {
  const paths = walk(root).filter((p) => !ignore(p));
  const stray = paths.filter((p) => !ALLOWED.some((re) => re.test(p)));
  assert.deepEqual(stray, [], `unexpected entries under the artifacts root: ${stray.join(', ')}`);
  for (const p of paths.filter((x) => /\/v[1-9][0-9]*$/.test(x))) {
    assert.deepEqual(readdirSync(join(root, p)).sort(), ['metadata.json', 'model.yaml', 'preview.svg', 'validation.json'], `incomplete version ${p}`);
    const text = readFileSync(join(root, p, 'metadata.json'), 'utf8');
    assertMetadataValid(text, p);
  }
}

export function assertMetadataValid(text: string, where = 'metadata.json'): void {
  assert.ok(Buffer.byteLength(text) < 5 * 1024, `${where} is ${Buffer.byteLength(text)} bytes`);
  const ok = validateMetadataSchema(JSON.parse(text));
  assert.ok(ok, `${where} fails the schema: ${ajv.errorsText(validateMetadataSchema.errors)}`);
}

export { artifactFiles, sampleModel } from './fixtures/files';
