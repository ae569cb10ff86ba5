// The artifact commands end to end through the built CLI: new, derive, export, list, validate --model.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { runCli, CORPUS, REPO } from '../helpers/cli';
import { scanArtifactsRoot } from '../helpers/scan';

const metadataSchema = JSON.parse(readFileSync(join(REPO, 'schemas', 'metadata.schema.json'), 'utf8')) as object;
const validateMetadata = new Ajv2020({ allErrors: true, strict: false }).compile(metadataSchema);

interface ArtifactJson {
  model_id: string;
  version: number;
  path: string;
  created: boolean;
  validation: { valid: boolean; diagnostics: { severity: string; code: string }[]; quality: { score: number } };
}

function json<T>(args: string[]): { status: number; value: T; stderr: string } {
  const r = runCli([...args, '--json']);
  return { status: r.status, value: JSON.parse(r.stdout) as T, stderr: r.stderr };
}

function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[p.slice(root.length)] = `${statSync(p).mtimeMs}:${readFileSync(p, 'utf8').length}`;
    }
  };
  if (existsSync(root)) walk(root);
  return out;
}

describe('flowtime sim new / derive / list / validate --model', () => {
  const root = mkdtempSync(join(tmpdir(), 'ft-art-'));
  let baseline: ArtifactJson;

  test('new writes the four files under models/{id}/v1 and prints the id', () => {
    const r = runCli(['sim', 'new', '--template', 'checkout', '--out', root, '--name', 'checkout-baseline']);
    assert.equal(r.status, 0, r.stderr);
    const m = /^(checkout-baseline_[0-9a-f]{4,}) v1 written to (\S+)/.exec(r.stdout);
    assert.ok(m, r.stdout);
    const dir = join(root, 'models', m[1], 'v1');
    assert.deepEqual(readdirSync(dir).sort(), ['metadata.json', 'model.yaml', 'preview.svg', 'validation.json']);
    const meta = JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')) as Record<string, unknown>;
    assert.ok(validateMetadata(meta), JSON.stringify(validateMetadata.errors));
    assert.ok(readFileSync(join(dir, 'metadata.json')).length < 5 * 1024);
    assert.match(readFileSync(join(dir, 'model.yaml'), 'utf8'), /^schemaVersion: 1\n/);
    assert.match(readFileSync(join(dir, 'preview.svg'), 'utf8'), /<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  test('running it again changes nothing (same id, created false, no file touched)', () => {
    const before = tree(root);
    const again = json<ArtifactJson>(['sim', 'new', '--template', 'checkout', '--out', root, '--name', 'checkout-baseline']);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.value.created, false);
    assert.equal(again.value.version, 1);
    assert.match(again.value.model_id, /^checkout-baseline_[0-9a-f]{4,}$/);
    assert.deepEqual(tree(root), before);
    baseline = again.value;
  });

  test('--json prints model_id, version, path, created and the validation report', () => {
    assert.deepEqual(Object.keys(baseline).sort(), ['created', 'model_id', 'path', 'validation', 'version']);
    assert.equal(baseline.validation.valid, true);
    assert.ok(baseline.validation.quality.score > 0.8);
  });

  test('a parameter change gives a different id; --params files and --set combine', () => {
    const params = join(root, '..', `params-${process.pid}.json`);
    writeFileSync(params, JSON.stringify({ peak_factor: 2, base_capacity: 120 }));
    const a = json<ArtifactJson>(['sim', 'new', '--template', 'checkout', '--out', root, '--name', 'checkout-baseline', '--set', 'peak_factor=2.0']);
    assert.equal(a.status, 0, a.stderr);
    assert.notEqual(a.value.model_id, baseline.model_id);
    const b = json<ArtifactJson>(['sim', 'new', '--template', 'checkout', '--out', root, '--name', 'checkout-baseline', '--params', params, '--set', 'base_capacity=100']);
    assert.equal(b.status, 0, b.stderr);
    assert.equal(b.value.model_id, a.value.model_id, 'peak_factor 2 (file) + base_capacity 100 (--set wins) = the --set peak_factor=2.0 model');
  });

  test('bad parameters are usage errors naming the parameter, and nothing is written', () => {
    const before = tree(root);
    const cases: [string[], RegExp][] = [
      [['--set', 'peak_facter=2'], /unknown parameter 'peak_facter'; did you mean 'peak_factor'\?/],
      [['--set', 'peak_factor=lots'], /peak_factor.*expects a number/],
      [['--set', 'base_capacity=1.5'], /base_capacity.*whole number/],
      [['--set', 'base_capacity=100000000'], /base_capacity/],
      [['--set', 'novalue'], /name=value/],
      [['--title', 'x'.repeat(300)], /title is too long: 302 bytes as JSON \(at most 200\)/],
      [Array.from({ length: 13 }, (_, i) => ['--tag', `t${i}`]).flat(), /too many tags: 13/],
    ];
    for (const [extra, pattern] of cases) {
      const r = runCli(['sim', 'new', '--template', 'checkout', '--out', root, '--name', 'bad', ...extra]);
      assert.equal(r.status, 2, `${extra.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, pattern);
    }
    const unknown = runCli(['sim', 'new', '--template', 'chekout', '--out', root, '--name', 'x']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown template 'chekout'; did you mean 'checkout'\?/);
    for (const name of ['../escape', 'a/b', '', '..']) {
      const r = runCli(['sim', 'new', '--template', 'checkout', '--out', root, '--name', name]);
      assert.equal(r.status, 2, `name ${JSON.stringify(name)}: ${r.stderr}`);
    }
    assert.deepEqual(tree(root), before);
  });

  test('--out file.yaml writes only the model YAML (the legacy form)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ft-file-')), 'checkout.yaml');
    const r = runCli(['sim', 'new', '--template', 'checkout', '--out', out, '--name', 'checkout']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(readdirSync(join(out, '..')), ['checkout.yaml']);
    const v = runCli(['sim', 'validate', out]);
    assert.equal(v.status, 0, v.stdout);
  });

  test('a real FlowTime template file works as --template', () => {
    const r = json<ArtifactJson>(['sim', 'new', '--template', join(CORPUS, 'templates', 'warehouse-picker-waves.yaml'), '--out', root, '--name', 'picker']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.value.validation.valid, true);
  });

  test('a template that evolved becomes v2 of the same id; --version clashes are refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ft-tpl-'));
    const tpl = join(dir, 'checkout.yaml');
    copyFileSync(join(REPO, 'templates', 'checkout.yaml'), tpl);
    const v1 = json<ArtifactJson>(['sim', 'new', '--template', tpl, '--out', root, '--name', 'evolving']);
    assert.equal(v1.value.version, 1, v1.stderr);
    writeFileSync(tpl, readFileSync(tpl, 'utf8').replace(/title: .*/, 'title: Evolved checkout').replace('version: 1.0.0', 'version: 1.1.0'));
    const v2 = json<ArtifactJson>(['sim', 'new', '--template', tpl, '--out', root, '--name', 'evolving']);
    assert.equal(v2.status, 0, v2.stderr);
    assert.equal(v2.value.model_id, v1.value.model_id);
    assert.equal(v2.value.version, 2);
    assert.equal(v2.value.created, true);
    const same = json<ArtifactJson>(['sim', 'new', '--template', tpl, '--out', root, '--name', 'evolving', '--version', 'v2']);
    assert.equal(same.status, 0);
    assert.equal(same.value.created, false);
    const clash = runCli(['sim', 'new', '--template', tpl, '--out', root, '--name', 'evolving', '--version', 'v1']);
    assert.equal(clash.status, 1);
    assert.match(clash.stderr, /v1/);
    const v5 = json<ArtifactJson>(['sim', 'new', '--template', join(REPO, 'templates', 'checkout.yaml'), '--out', root, '--name', 'evolving', '--version', 'v5']);
    assert.equal(v5.value.version, 5, v5.stderr);
    const badVersion = runCli(['sim', 'new', '--template', 'checkout', '--out', root, '--name', 'x', '--version', 'latest']);
    assert.equal(badVersion.status, 2);
  });

  test('derive records derived_from and applies --set on the source parameters', () => {
    const r = json<ArtifactJson>(['sim', 'derive', '--from', baseline.model_id, '--name', 'checkout-peak', '--set', 'peak_factor=2.0', '--out', root]);
    assert.equal(r.status, 0, r.stderr);
    const meta = JSON.parse(readFileSync(join(r.value.path, 'metadata.json'), 'utf8')) as { lineage?: { derived_from: string }; spec: { sim_config: { parameters: Record<string, unknown> } } };
    assert.equal(meta.lineage?.derived_from, `${baseline.model_id}@v1`);
    assert.equal(meta.spec.sim_config.parameters.peak_factor, 2);
    assert.equal(meta.spec.sim_config.parameters.base_capacity, 100);
    const missing = runCli(['sim', 'derive', '--from', 'nope_1234', '--name', 'x', '--out', root]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope_1234/);
  });

  test('list --kind model shows artifacts, filters by template, and prints JSON', () => {
    const table = runCli(['sim', 'list', '--kind', 'model', '--out', root]);
    assert.equal(table.status, 0);
    assert.match(table.stdout, /^MODEL\s+LATEST\s+VERSIONS\s+TEMPLATE\s+TITLE/);
    assert.match(table.stdout, new RegExp(baseline.model_id));
    const filtered = json<{ id: string; template: string }[]>(['sim', 'list', '--kind', 'model', '--template', 'warehouse-picker-waves', '--out', root]);
    assert.deepEqual(filtered.value.map((m) => m.template), ['warehouse-picker-waves']);
  });

  test('list --kind template lists built-ins with their parameters', () => {
    const r = json<{ id: string; title: string; version: string; parameters: { name: string; type: string }[] }[]>(['sim', 'list', '--kind', 'template']);
    assert.equal(r.status, 0);
    const ids = r.value.map((t) => t.id);
    for (const id of ['checkout', 'call-center', 'support-tickets']) assert.ok(ids.includes(id), id);
    const checkout = r.value.find((t) => t.id === 'checkout')!;
    assert.deepEqual(checkout.parameters.find((p) => p.name === 'peak_factor')?.type, 'number');
    const extra = json<{ id: string }[]>(['sim', 'list', '--kind', 'template', '--templates', join(CORPUS, 'templates')]);
    assert.ok(extra.value.some((t) => t.id === 'warehouse-picker-waves'));
  });

  test('validate --model validates a stored artifact', () => {
    const ok = runCli(['sim', 'validate', '--model', baseline.model_id, '--out', root]);
    assert.equal(ok.status, 0, ok.stdout);
    assert.match(ok.stdout, /1 file checked: 0 invalid/);
    const v1 = runCli(['sim', 'validate', '--model', baseline.model_id, '--version', 'v1', '--out', root, '--json']);
    assert.equal((JSON.parse(v1.stdout) as { files: { kind: string }[] }).files[0].kind, 'model');
    const missing = runCli(['sim', 'validate', '--model', 'nope_beef', '--out', root]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no model artifact 'nope_beef'/);
  });

  test('the artifacts root holds only the four files per version and the catalog; metadata is schema-valid', () => {
    const scan = scanArtifactsRoot(root);
    assert.deepEqual(scan.unexpected, []);
    assert.ok(scan.versions >= 5);
    for (const meta of scan.metadataFiles) assert.ok(validateMetadata(JSON.parse(readFileSync(meta, 'utf8'))), meta);
  });
});

describe('flowtime sim export', () => {
  const root = mkdtempSync(join(tmpdir(), 'ft-exp-'));

  test('a hand-written model becomes an artifact; its text is kept and provenance added', () => {
    const file = join(CORPUS, 'models', 'valid', 'order-system.yaml');
    const r = json<ArtifactJson>(['sim', 'export', '--model', file, '--name', 'order-system', '--out', root]);
    assert.equal(r.status, 0, r.stderr);
    const text = readFileSync(join(r.value.path, 'model.yaml'), 'utf8');
    assert.ok(text.startsWith(readFileSync(file, 'utf8').trimEnd()), 'original text kept byte for byte');
    assert.match(text, /\nprovenance:\n {2}generator: flowtime-sim\//);
    assert.match(text, new RegExp(`modelId: ${r.value.model_id}`));
    const again = json<ArtifactJson>(['sim', 'export', '--model', file, '--name', 'order-system', '--out', root]);
    assert.equal(again.value.created, false);
  });

  test('a model with errors is refused with its diagnostics and nothing is written', () => {
    const before = scanArtifactsRoot(root).versions;
    const file = join(CORPUS, 'models', 'invalid', 'const-length-mismatch.yaml');
    const r = runCli(['sim', 'export', '--model', file, '--name', 'broken', '--out', root]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /const-length-mismatch\.yaml:11:13 error model\.const-length const node 'demand' has 6 values but grid\.bins is 8/);
    assert.equal(scanArtifactsRoot(root).versions, before);
    const missing = runCli(['sim', 'export', '--model', 'no/such.yaml', '--name', 'x', '--out', root]);
    assert.equal(missing.status, 2);
  });

  test('derive refuses a model that was not made from a template', () => {
    const list = json<{ id: string }[]>(['sim', 'list', '--out', root]);
    const r = runCli(['sim', 'derive', '--from', list.value[0].id, '--name', 'x', '--out', root]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not made from a template/);
  });
});

describe('charter boundary: no command writes anything but artifact files and the catalog', () => {
  test('every command, run from an empty folder, leaves only artifacts/models/{id}/v{n}/{4 files} and catalog.json', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ft-cwd-'));
    const run = (args: string[]) => runCli(args, { cwd });
    assert.equal(run(['sim', 'new', '--template', 'support-tickets', '--out', 'artifacts', '--name', 'tickets']).status, 0);
    assert.equal(run(['sim', 'new', '--template', 'support-tickets', '--out', 'artifacts', '--name', 'tickets']).status, 0);
    const id = (JSON.parse(run(['sim', 'list', '--out', 'artifacts', '--json']).stdout) as { id: string }[])[0].id;
    assert.equal(run(['sim', 'derive', '--from', id, '--name', 'tickets-busy', '--set', 'front_line_agents=12', '--out', 'artifacts']).status, 0);
    assert.equal(run(['sim', 'export', '--model', join(CORPUS, 'models', 'valid', 'class-enabled.yaml'), '--name', 'classes', '--out', 'artifacts']).status, 0);
    assert.equal(run(['sim', 'export', '--model', join(CORPUS, 'models', 'invalid', 'legacy-binminutes.yaml'), '--name', 'legacy', '--out', 'artifacts']).status, 1);
    assert.equal(run(['sim', 'new', '--template', 'support-tickets', '--out', 'artifacts', '--name', 'bad', '--set', 'specialists=-1']).status, 2);
    assert.equal(run(['sim', 'validate', '--model', id, '--out', 'artifacts']).status, 0);
    assert.equal(run(['sim', 'list', '--kind', 'template']).status, 0);
    assert.equal(run(['sim', 'validate', join(CORPUS, 'templates')]).status, 0);
    assert.deepEqual(readdirSync(cwd), ['artifacts']);
    const scan = scanArtifactsRoot(join(cwd, 'artifacts'));
    assert.deepEqual(scan.unexpected, []);
    assert.equal(scan.versions, 3);
    for (const meta of scan.metadataFiles) assert.ok(validateMetadata(JSON.parse(readFileSync(meta, 'utf8'))), meta);
  });
});
