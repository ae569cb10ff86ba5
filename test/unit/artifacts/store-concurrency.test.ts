import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ArtifactStore, serializeCatalog } from '../../../core/src/artifacts';
import type { SaveResult } from '../../../core/src/artifacts';
import { artifactFiles, assertCleanStore, sampleModel, tempDir } from './support';

const WORKER = join(__dirname, 'fixtures', 'save-worker.ts');

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  done: Promise<(SaveResult | { error: string })[]>;
}

function startWorker(root: string, id: string, models: number[][]): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, root, id, JSON.stringify(models)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout!.on('data', (b: Buffer) => {
    out += b.toString();
    if (out.startsWith('ready\n')) onReady();
  });
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const done = new Promise<(SaveResult | { error: string })[]>((resolve, reject) => {
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`worker exited ${code}: ${err}`));
      else resolve(JSON.parse(out.slice('ready\n'.length)) as (SaveResult | { error: string })[]);
    });
  });
  return { child, ready, done };
}

/** Starts all workers, waits until each has loaded, then releases them at once so their saves overlap. */
async function race(root: string, jobs: { id: string; models: number[][] }[]): Promise<(SaveResult | { error: string })[][]> {
  const workers = jobs.map((j) => startWorker(root, j.id, j.models));
  await Promise.all(workers.map((w) => w.ready));
  for (const w of workers) w.child.stdin!.end('go\n');
  return Promise.all(workers.map((w) => w.done));
}

function versionsOf(root: string, id: string): number[] {
  return readdirSync(join(root, 'models', id))
    .map((n) => Number(n.slice(1)))
    .sort((a, b) => a - b);
}

describe('concurrent saves from several processes', { timeout: 120_000 }, () => {
  test('different models for one id become complete, distinct, numbered versions', async () => {
    const root = tempDir();
    const id = 'race_abcd';
    const jobs = [0, 1, 2, 3].map((w) => ({ id, models: [0, 1, 2, 3, 4].map((i) => [w * 100 + i, i]) }));
    const results = (await race(root, jobs)).flat();
    assert.deepEqual(results.filter((r) => 'error' in r), []);
    const saved = results as SaveResult[];
    assert.ok(saved.every((r) => r.created));
    assert.deepEqual(saved.map((r) => r.version).sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
    assert.deepEqual(versionsOf(root, id), Array.from({ length: 20 }, (_, i) => i + 1));

    const store = new ArtifactStore(root);
    const expected = new Set(jobs.flatMap((j) => j.models.map((m) => artifactFiles(id, 1, sampleModel(m))['model.yaml'])));
    const found = new Set<string>();
    for (let n = 1; n <= 20; n++) {
      const model = store.read(id, n, 'model.yaml');
      found.add(model);
      const meta = JSON.parse(store.read(id, n, 'metadata.json')) as { metadata: { version: string } };
      assert.equal(meta.metadata.version, `v${n}`, 'metadata records the version it was stored under');
    }
    assert.deepEqual(found, expected);
    assertCleanStore(root);
    const onDisk = readFileSync(join(root, 'models', 'catalog.json'), 'utf8');
    assert.equal(onDisk, serializeCatalog(store.rebuildCatalog()), 'the catalog converged to the folders');
  });

  test('identical models saved at once collapse into one version', async () => {
    const root = tempDir();
    const id = 'same_1234';
    const results = (await race(root, Array.from({ length: 4 }, () => ({ id, models: [[7, 7, 7]] })))).flat() as SaveResult[];
    assert.deepEqual(results.filter((r) => 'error' in r), []);
    assert.equal(results.filter((r) => r.created).length, 1);
    assert.ok(results.every((r) => r.version === 1));
    assert.deepEqual(versionsOf(root, id), [1]);
    assertCleanStore(root);
  });

  test('writers on different ids at once all land and the catalog lists every one', async () => {
    const root = tempDir();
    const jobs = [0, 1, 2].map((w) => ({ id: `model-${w}_abcd`, models: [[w], [w, 1]] }));
    const results = (await race(root, jobs)).flat() as SaveResult[];
    assert.deepEqual(results.filter((r) => 'error' in r), []);
    const store = new ArtifactStore(root);
    const catalog = JSON.parse(readFileSync(join(root, 'models', 'catalog.json'), 'utf8')) as { models: { id: string; latestVersion: number }[] };
    assert.deepEqual(catalog.models.map((m) => [m.id, m.latestVersion]), jobs.map((j) => [j.id, 2]));
    assert.equal(serializeCatalog(store.catalog()), readFileSync(join(root, 'models', 'catalog.json'), 'utf8'));
    assertCleanStore(root);
  });
});
