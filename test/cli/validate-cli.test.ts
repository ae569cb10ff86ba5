import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, CORPUS } from '../helpers/cli';

function tmpFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ft-cli-'));
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const VALID = 'schemaVersion: 1\ngrid:\n  bins: 2\n  binSize: 1\n  binUnit: hours\nnodes:\n  - id: a\n    kind: const\n    values: [1, 2]\n';

describe('flowtime sim validate', () => {
  test('valid model: exit 0 and a summary line', () => {
    const r = runCli(['sim', 'validate', tmpFile('ok.yaml', VALID)]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /1 file checked: 0 invalid, 0 errors/);
  });

  test('invalid model: exit 1 and path:line:col severity code message', () => {
    const p = tmpFile('bad.yaml', VALID.replace('[1, 2]', '[1, 2, 3]'));
    const r = runCli(['sim', 'validate', p]);
    assert.equal(r.status, 1);
    const line = r.stdout.split('\n')[0];
    assert.ok(line.startsWith(`${p}:9:13 error `), line);
    assert.match(line, /3 values but grid\.bins is 2/);
  });

  test('--json has the documented shape with 0-based ranges', () => {
    const p = tmpFile('bad.yaml', VALID.replace('[1, 2]', '[1, 2, 3]'));
    const r = runCli(['sim', 'validate', '--json', p]);
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout) as { files: { path: string; kind: string; valid: boolean; diagnostics: { severity: string; code: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[] }[] };
    assert.equal(out.files.length, 1);
    const f = out.files[0];
    assert.equal(f.path, p);
    assert.equal(f.kind, 'model');
    assert.equal(f.valid, false);
    const d = f.diagnostics[0];
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.range, { start: { line: 8, character: 12 }, end: { line: 8, character: 21 } });
    assert.equal(typeof d.code, 'string');
  });

  test('--kind forces the kind', () => {
    const r = runCli(['sim', 'validate', '--json', '--kind', 'template', tmpFile('m.yaml', VALID)]);
    const out = JSON.parse(r.stdout) as { files: { kind: string; valid: boolean }[] };
    assert.equal(out.files[0].kind, 'template');
    assert.equal(out.files[0].valid, false, 'a bare model is not a valid template (no metadata/window/outputs)');
  });

  test('directories are searched recursively and sorted', () => {
    const r = runCli(['sim', 'validate', '--json', join(CORPUS, 'models')]);
    const out = JSON.parse(r.stdout) as { files: { path: string }[] };
    const paths = out.files.map((f) => f.path);
    assert.ok(paths.length >= 9, `found ${paths.length}`);
    assert.deepEqual(paths, [...paths].sort());
  });

  test('usage errors exit 2 with a clear message', () => {
    const missing = runCli(['sim', 'validate', 'no/such/file.yaml']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such file or directory: no\/such\/file\.yaml/);
    const flag = runCli(['sim', 'validate', '--bogus', 'x.yaml']);
    assert.equal(flag.status, 2);
    assert.match(flag.stderr, /unknown option '--bogus'/);
    const kind = runCli(['sim', 'validate', '--kind', 'modle', 'x.yaml']);
    assert.equal(kind.status, 2);
    assert.match(kind.stderr, /model, template/);
    const noArgs = runCli(['sim', 'validate']);
    assert.equal(noArgs.status, 2);
    const unknownCmd = runCli(['sim', 'frobnicate']);
    assert.equal(unknownCmd.status, 2);
  });

  test('--help works on every command and exits 0', () => {
    const commands = ['validate', 'new', 'derive', 'export', 'list', 'serve'];
    for (const args of [['--help'], ['sim', '--help'], ...commands.map((c) => ['sim', c, '--help'])]) {
      const r = runCli(args);
      assert.equal(r.status, 0, args.join(' '));
      assert.match(r.stdout, /Usage: flowtime/);
    }
  });

  test('a non-FlowTime YAML file is reported as such and does not fail the run', () => {
    const r = runCli(['sim', 'validate', '--json', tmpFile('ci.yaml', 'jobs:\n  build:\n    runs-on: x\n')]);
    assert.equal(r.status, 0);
    const out = JSON.parse(r.stdout) as { files: { kind: string; diagnostics: { code: string; severity: string }[] }[] };
    assert.equal(out.files[0].kind, 'unknown');
    assert.equal(out.files[0].diagnostics[0].severity, 'info');
  });
});
