// Conformance: every corpus file gets the verdict ../shared/corpus/README.md states, through the CLI's --json output.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, CORPUS } from '../helpers/cli';

interface JsonDiagnostic {
  severity: string;
  code: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixes?: { title: string; edits: unknown[] }[];
}
interface JsonFile {
  path: string;
  kind: string;
  valid: boolean;
  diagnostics: JsonDiagnostic[];
}

function validate(paths: string[]): { status: number; files: JsonFile[] } {
  const r = runCli(['sim', 'validate', '--json', ...paths]);
  assert.equal(r.stderr, '');
  return { status: r.status, files: (JSON.parse(r.stdout) as { files: JsonFile[] }).files };
}

const errorsOf = (f: JsonFile) => f.diagnostics.filter((d) => d.severity === 'error');
const show = (f: JsonFile) => f.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`).join('\n');

describe('corpus templates', () => {
  const dir = join(CORPUS, 'templates');
  const { status, files } = validate([dir]);
  test('the directory validates with exit 0', () => assert.equal(status, 0, files.map(show).join('\n')));
  for (const name of readdirSync(dir).sort()) {
    test(`${name}: a template with zero errors`, () => {
      const f = files.find((x) => x.path.endsWith(name));
      assert.ok(f, `${name} not reported`);
      assert.equal(f.kind, 'template');
      assert.deepEqual(errorsOf(f), [], show(f));
      assert.equal(f.valid, true);
    });
  }
});

describe('corpus valid models', () => {
  const dir = join(CORPUS, 'models', 'valid');
  const { status, files } = validate([dir]);
  test('exit 0', () => assert.equal(status, 0, files.map(show).join('\n')));
  for (const name of readdirSync(dir).sort()) {
    test(`${name}: a model with zero errors`, () => {
      const f = files.find((x) => x.path.endsWith(name))!;
      assert.equal(f.kind, 'model');
      assert.deepEqual(errorsOf(f), [], show(f));
    });
  }
});

function one(name: string): JsonFile {
  const { status, files } = validate([join(CORPUS, 'models', 'invalid', name)]);
  assert.equal(status, 1, `${name} must fail validation`);
  assert.equal(files[0].kind, 'model');
  return files[0];
}

/** Asserts every error sits on one of the allowed 1-based lines and each required line has one matching `gist`. */
function expectErrors(f: JsonFile, expected: { lines: number[]; gist: RegExp }[]): void {
  const errors = errorsOf(f);
  const allowed = new Set(expected.flatMap((e) => e.lines));
  for (const e of errors) assert.ok(allowed.has(e.range.start.line + 1), `unexpected error:\n${show(f)}`);
  for (const e of expected) {
    const hit = errors.find((d) => e.lines.includes(d.range.start.line + 1) && e.gist.test(d.message));
    assert.ok(hit, `no error matching ${e.gist} on line(s) ${e.lines.join(',')}:\n${show(f)}`);
  }
}

describe('corpus invalid models', () => {
  test('const-length-mismatch.yaml: demand has 6 values but grid.bins is 8, on its values (line 11)', () => {
    const f = one('const-length-mismatch.yaml');
    expectErrors(f, [{ lines: [11], gist: /demand.*6 values.*grid\.bins is 8/ }]);
    const d = errorsOf(f)[0];
    assert.deepEqual(d.range, { start: { line: 10, character: 12 }, end: { line: 10, character: 36 } });
  });

  test('legacy-binminutes.yaml: binMinutes is the legacy form, with a quick fix (line 4)', () => {
    const f = one('legacy-binminutes.yaml');
    expectErrors(f, [{ lines: [4], gist: /binMinutes.*binSize.*binUnit/ }]);
    const d = errorsOf(f).find((x) => /binMinutes/.test(x.message))!;
    assert.ok(d.fixes && d.fixes.length > 0 && d.fixes[0].edits.length > 0, 'carries a migration fix');
  });

  test('legacy-node-based.yaml: metadata (1), expression (21), dependencies (22), outputs id/source (24-25)', () => {
    const f = one('legacy-node-based.yaml');
    expectErrors(f, [
      { lines: [1], gist: /metadata/ },
      { lines: [21], gist: /expression.*expr/ },
      { lines: [22], gist: /dependencies/ },
      { lines: [24, 25], gist: /(id|source).*series|series.*(id|source)/ },
    ]);
  });

  test('missing-schema-version.yaml: schemaVersion is required (document start)', () => {
    const f = one('missing-schema-version.yaml');
    const errors = errorsOf(f);
    assert.equal(errors.length, 1, show(f));
    assert.match(errors[0].message, /schemaVersion/);
    assert.deepEqual(errors[0].range.start, { line: 0, character: 0 });
  });
});
