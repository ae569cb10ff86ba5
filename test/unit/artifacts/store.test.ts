import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArtifactError, ArtifactStore, inputsDigest, modelIdFor, serializeCatalog } from '../../../core/src/artifacts';
import type { ArtifactFiles, ModelCatalog } from '../../../core/src/artifacts';
import { artifactFiles, assertCleanStore, sampleModel, tempDir, walk } from './support';

function fresh(): { root: string; store: ArtifactStore } {
  const root = tempDir();
  return { root, store: new ArtifactStore(root) };
}

function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ArtifactError) return e.code;
    throw e;
  }
  return 'no error';
}

/**
 * Every entry under root with its inode and mtime: equal snapshots mean nothing was written. A failed save may touch
 * the `models` directory's mtime (its temp folder came and went), so `strict: false` ignores directory mtimes.
 */
function snapshot(root: string, strict = true): string {
  return walk(root)
    .map((p) => {
      const st = statSync(join(root, p));
      return `${p} ${st.ino} ${st.isDirectory() && !strict ? '' : st.mtimeMs} ${st.size}`;
    })
    .join('\n');
}

const ID = 'checkout-baseline_a1b2';

describe('ArtifactStore.save', () => {
  test('writes v1 with the four files and a catalog, and nothing else', () => {
    const { root, store } = fresh();
    const files = artifactFiles(ID, 1, sampleModel());
    const r = store.save(ID, files);
    assert.deepEqual(r, { version: 1, created: true, path: join(root, 'models', ID, 'v1') });
    for (const name of Object.keys(files) as (keyof ArtifactFiles)[]) assert.equal(readFileSync(join(r.path, name), 'utf8'), files[name]);
    assertCleanStore(root);
    assert.ok(existsSync(join(root, 'models', 'catalog.json')));
  });

  test('an identical model.yaml is a no-op that writes nothing, even with other metadata', () => {
    const { root, store } = fresh();
    store.save(ID, artifactFiles(ID, 1, sampleModel()));
    const before = snapshot(root);
    const again = artifactFiles(ID, 2, sampleModel(), { created: '2030-01-01T00:00:00Z' });
    assert.deepEqual(store.save(ID, again), { version: 1, created: false, path: join(root, 'models', ID, 'v1') });
    assert.equal(snapshot(root), before);
    assertCleanStore(root);
  });

  test('a different model becomes v{n+1}; going back to an older model is a new version too', () => {
    const { root, store } = fresh();
    assert.equal(store.save(ID, artifactFiles(ID, 1, sampleModel([1, 2, 3]))).version, 1);
    assert.equal(store.save(ID, artifactFiles(ID, 2, sampleModel([1, 2, 4]))).version, 2);
    assert.equal(store.save(ID, artifactFiles(ID, 2, sampleModel([1, 2, 4]))).created, false);
    const back = store.save(ID, artifactFiles(ID, 3, sampleModel([1, 2, 3])));
    assert.deepEqual([back.version, back.created], [3, true]);
    assert.equal(store.latest(ID), 3);
    assertCleanStore(root);
  });

  test('the function form gets the version number the files are stored under', () => {
    const { root, store } = fresh();
    store.save(ID, (n) => artifactFiles(ID, n, sampleModel([1])));
    store.save(ID, (n) => artifactFiles(ID, n, sampleModel([2])));
    for (const n of [1, 2]) {
      const meta = JSON.parse(store.read(ID, n, 'metadata.json')) as { metadata: { version: string } };
      assert.equal(meta.metadata.version, `v${n}`);
    }
    assertCleanStore(root);
  });

  test('an explicit version is written if absent, a no-op if identical, a conflict if different', () => {
    const { root, store } = fresh();
    store.save(ID, artifactFiles(ID, 1, sampleModel([1])));
    assert.deepEqual(store.save(ID, artifactFiles(ID, 5, sampleModel([5])), { version: 5 }), { version: 5, created: true, path: join(root, 'models', ID, 'v5') });
    assert.equal(store.save(ID, artifactFiles(ID, 5, sampleModel([5])), { version: 5 }).created, false);
    assert.equal(store.save(ID, artifactFiles(ID, 1, sampleModel([1])), { version: 1 }).created, false);
    const before = snapshot(root);
    assert.throws(
      () => store.save(ID, artifactFiles(ID, 5, sampleModel([6])), { version: 5 }),
      (e: unknown) => e instanceof ArtifactError && e.code === 'version-conflict' && /v5 already exists/.test(e.message) && e.details.version === 5,
    );
    assert.equal(snapshot(root), before);
    assert.equal(store.save(ID, artifactFiles(ID, 6, sampleModel([6]))).version, 6);
    assert.deepEqual(store.get(ID).versions.map((v) => v.version), [1, 5, 6]);
    for (const bad of [0, -1, 1.5, Number.NaN]) assert.equal(errorCode(() => store.save(ID, artifactFiles(ID, 1, sampleModel()), { version: bad })), 'invalid-name');
    assertCleanStore(root);
  });

  test('a version taken by another writer between the check and the rename goes to the next number', () => {
    const { root, store } = fresh();
    const rival = new ArtifactStore(root);
    let planted = false;
    const r = store.save(ID, (n) => {
      // Simulates another process winning the race for v{n} while this save is writing its temp folder.
      if (!planted) {
        planted = true;
        assert.equal(rival.save(ID, artifactFiles(ID, n, sampleModel([42]))).version, n);
      }
      return artifactFiles(ID, n, sampleModel([1]));
    });
    assert.deepEqual([r.version, r.created], [2, true]);
    assert.match(store.read(ID, 1, 'model.yaml'), /values: \[42\]/);
    assert.match(store.read(ID, 2, 'model.yaml'), /values: \[1\]/);
    assert.equal((JSON.parse(store.read(ID, 2, 'metadata.json')) as { metadata: { version: string } }).metadata.version, 'v2');
    assertCleanStore(root);
  });

  test('a rival that stored the same model first makes the save a no-op; with an explicit version a different one is a conflict', () => {
    const { root, store } = fresh();
    const rival = new ArtifactStore(root);
    let first = true;
    const same = store.save(ID, (n) => {
      if (first) {
        first = false;
        rival.save(ID, artifactFiles(ID, n, sampleModel([5])));
      }
      return artifactFiles(ID, n, sampleModel([5]));
    });
    assert.deepEqual([same.version, same.created], [1, false]);
    let once = true;
    assert.throws(
      () =>
        store.save(
          ID,
          (n) => {
            if (once) {
              once = false;
              rival.save(ID, artifactFiles(ID, n, sampleModel([8])), { version: 3 });
            }
            return artifactFiles(ID, n, sampleModel([9]));
          },
          { version: 3 },
        ),
      (e: unknown) => e instanceof ArtifactError && e.code === 'version-conflict',
    );
    assert.deepEqual(store.get(ID).versions.map((v) => v.version), [1, 3]);
    assertCleanStore(root);
  });

  test('a write that fails midway leaves no temp folder, no empty model folder and an unchanged catalog', () => {
    const { root, store } = fresh();
    const failing = (base: ArtifactFiles): ArtifactFiles => {
      const f = { ...base } as Partial<ArtifactFiles>;
      delete f['preview.svg'];
      Object.defineProperty(f, 'preview.svg', { enumerable: true, get: () => { throw new Error('renderer crashed'); } });
      return f as ArtifactFiles;
    };
    assert.throws(
      () => store.save(ID, failing(artifactFiles(ID, 1, sampleModel()))),
      (e: unknown) => e instanceof ArtifactError && e.code === 'io' && /renderer crashed/.test(e.message),
    );
    assert.deepEqual(walk(root), ['models']);

    store.save(ID, artifactFiles(ID, 1, sampleModel([1])));
    const before = snapshot(root, false);
    assert.equal(errorCode(() => store.save(ID, failing(artifactFiles(ID, 2, sampleModel([2]))))), 'io');
    assert.equal(errorCode(() => store.save(ID, { ...artifactFiles(ID, 2, sampleModel([2])), 'validation.json': 42 as unknown as string })), 'io');
    assert.equal(errorCode(() => store.save(ID, () => { throw new Error('builder failed'); })), 'io');
    assert.equal(snapshot(root, false), before);
    assertCleanStore(root);
  });
});

describe('nothing but the layout, ever', () => {
  test('after every operation, successful or failed, the root holds only the four files per version and catalog.json', () => {
    const { root, store } = fresh();
    const throwing = { ...artifactFiles(ID, 9, sampleModel([9])) } as Partial<ArtifactFiles>;
    delete throwing['validation.json'];
    Object.defineProperty(throwing, 'validation.json', { enumerable: true, get: () => { throw new Error('boom'); } });
    const ops: [string, () => unknown][] = [
      ['resolveId on an empty root', () => store.resolveId('checkout baseline', inputsDigest({ templateId: 't', parameters: {} }))],
      ['list on an empty root', () => store.list()],
      ['failed first save', () => store.save(ID, throwing as ArtifactFiles)],
      ['save v1', () => store.save(ID, artifactFiles(ID, 1, sampleModel([1])))],
      ['idempotent save', () => store.save(ID, artifactFiles(ID, 1, sampleModel([1])))],
      ['save v2', () => store.save(ID, (n) => artifactFiles(ID, n, sampleModel([2])))],
      ['explicit v4', () => store.save(ID, artifactFiles(ID, 4, sampleModel([4])), { version: 4 })],
      ['conflicting v4', () => store.save(ID, artifactFiles(ID, 4, sampleModel([5])), { version: 4 })],
      ['failed later save', () => store.save(ID, throwing as ArtifactFiles)],
      ['traversal save', () => store.save('../../escape_abcd', artifactFiles(ID, 1, sampleModel()))],
      ['second model', () => store.save('other_0000', artifactFiles('other_0000', 1, sampleModel([3]), { templateId: 'call-center' }))],
      ['read', () => store.read(ID, 4, 'model.yaml')],
      ['read traversal', () => store.read(ID, 1, '../../../etc/passwd')],
      ['get', () => store.get(ID)],
      ['list with filter', () => store.list({ template: 'call-center' })],
      ['catalog', () => store.catalog()],
      ['rebuild', () => store.rebuildCatalog()],
    ];
    for (const [name, op] of ops) {
      try {
        op();
      } catch (e) {
        assert.ok(e instanceof ArtifactError, `${name}: ${String(e)}`);
      }
      assertCleanStore(root);
      if (store.list().length > 0) {
        const catalog = JSON.parse(readFileSync(join(root, 'models', 'catalog.json'), 'utf8')) as ModelCatalog;
        assert.equal(serializeCatalog(catalog), serializeCatalog(store.catalog()), `${name}: catalog out of date`);
      }
    }
    assert.deepEqual(store.get(ID).versions.map((v) => v.version), [1, 2, 4]);
    assert.ok(!existsSync(join(root, '..', 'escape_abcd')));
  });
});

describe('ArtifactStore.resolveId', () => {
  const digest = inputsDigest({ templateId: 'checkout', parameters: { peak_factor: 1.5 } });

  test('starts at 4 hex and keeps the id for the same inputs', () => {
    const { root, store } = fresh();
    const id = store.resolveId('Checkout Baseline', digest);
    assert.equal(id, `checkout-baseline_${digest.slice(0, 4)}`);
    store.save(id, artifactFiles(id, 1, sampleModel(), { parameters: { peak_factor: 1.5 } }));
    assert.equal(store.resolveId('checkout-baseline', digest), id);
    assertCleanStore(root);
  });

  test('lengthens the hex when the id holds a model made from other inputs', () => {
    const { root, store } = fresh();
    // Find real inputs whose digest shares the first 4 hex with ours (about 65536 tries, deterministic).
    let other: Record<string, unknown> | undefined;
    for (let i = 0; i < 2_000_000 && !other; i++) {
      const params = { peak_factor: 1.5, seed: i };
      const d = inputsDigest({ templateId: 'checkout', parameters: params });
      if (d.slice(0, 4) === digest.slice(0, 4) && d !== digest) other = params;
    }
    assert.ok(other, 'no 4-hex collision found');
    const otherDigest = inputsDigest({ templateId: 'checkout', parameters: other });
    const taken = store.resolveId('checkout-baseline', otherDigest);
    store.save(taken, artifactFiles(taken, 1, sampleModel([9]), { parameters: other }));

    const ours = store.resolveId('checkout-baseline', digest);
    assert.notEqual(ours, taken);
    assert.equal(ours, modelIdFor('checkout-baseline', digest, digest.slice(0, 5) === otherDigest.slice(0, 5) ? 6 : 5));
    store.save(ours, artifactFiles(ours, 1, sampleModel([1]), { parameters: { peak_factor: 1.5 } }));
    assert.equal(store.resolveId('checkout-baseline', digest), ours);
    assert.equal(store.resolveId('checkout-baseline', otherDigest), taken);
    assertCleanStore(root);
  });

  test('a planted artifact with the same prefix and unreadable metadata also counts as taken', () => {
    const { root, store } = fresh();
    const four = modelIdFor('x', digest, 4);
    const five = modelIdFor('x', digest, 5);
    for (const id of [four, five]) {
      mkdirSync(join(root, 'models', id, 'v1'), { recursive: true });
      for (const f of ['model.yaml', 'preview.svg', 'validation.json']) writeFileSync(join(root, 'models', id, 'v1', f), 'x');
    }
    writeFileSync(join(root, 'models', four, 'v1', 'metadata.json'), JSON.stringify({ spec: { validation: { inputs_digest: 'f'.repeat(64) } } }));
    writeFileSync(join(root, 'models', five, 'v1', 'metadata.json'), 'not json');
    assert.equal(store.resolveId('x', digest), modelIdFor('x', digest, 6));
  });

  test('rejects unsafe names', () => {
    const { root, store } = fresh();
    for (const name of ['../x', 'a/b', '', '..', 'a\u0000b', 'a'.repeat(65)]) assert.equal(errorCode(() => store.resolveId(name, digest)), 'invalid-name', name);
    assert.deepEqual(walk(root), []);
  });
});

describe('ArtifactStore: reading', () => {
  test('list (with template filter), get, version, latest and read', () => {
    const { root, store } = fresh();
    store.save('b-model_1234', artifactFiles('b-model_1234', 1, sampleModel([1]), { templateId: 'call-center' }));
    store.save('a-model_abcd', artifactFiles('a-model_abcd', 1, sampleModel([1])));
    store.save('a-model_abcd', artifactFiles('a-model_abcd', 2, sampleModel([2])));
    assert.deepEqual(store.list().map((m) => m.id), ['a-model_abcd', 'b-model_1234']);
    assert.deepEqual(store.list({ template: 'call-center' }).map((m) => m.id), ['b-model_1234']);
    assert.deepEqual(store.list({ template: 'nope' }), []);
    const got = store.get('a-model_abcd');
    assert.equal(got.latestVersion, 2);
    assert.equal(got.template, 'checkout');
    assert.deepEqual(got.versions.map((v) => [v.version, v.path, v.files]), [
      [1, 'models/a-model_abcd/v1', ['metadata.json', 'model.yaml', 'preview.svg', 'validation.json']],
      [2, 'models/a-model_abcd/v2', ['metadata.json', 'model.yaml', 'preview.svg', 'validation.json']],
    ]);
    assert.equal((got.metadata as { metadata: { version: string } }).metadata.version, 'v2');
    assert.equal(store.version('a-model_abcd', 1).created, '2025-09-19T10:22:30Z');
    assert.equal(store.latest('a-model_abcd'), 2);
    assert.match(store.read('a-model_abcd', 1, 'model.yaml'), /values: \[1\]/);
    assertCleanStore(root);
  });

  test('missing things are not-found; malformed ids are invalid-name', () => {
    const { store } = fresh();
    assert.equal(errorCode(() => store.get('none_abcd')), 'not-found');
    assert.equal(errorCode(() => store.latest('none_abcd')), 'not-found');
    assert.deepEqual(store.list(), []);
    store.save(ID, artifactFiles(ID, 1, sampleModel()));
    assert.equal(errorCode(() => store.read(ID, 2, 'model.yaml')), 'not-found');
    assert.equal(errorCode(() => store.version(ID, 2)), 'not-found');
    for (const file of ['catalog.json', '../v1/model.yaml', '../../catalog.json', 'model.yaml/', 'MODEL.YAML', '', '.']) {
      assert.equal(errorCode(() => store.read(ID, 1, file)), 'not-found', file);
    }
    for (const v of [0, -1, 1.5, Number.NaN, Infinity]) assert.equal(errorCode(() => store.read(ID, v, 'model.yaml')), 'not-found', String(v));
    for (const id of ['..', '../x_abcd', 'checkout-baseline_a1b2/../x_abcd', '/etc/passwd', 'catalog.json', '.tmp-x']) {
      assert.equal(errorCode(() => store.read(id, 1, 'model.yaml')), 'invalid-name', id);
      assert.equal(errorCode(() => store.get(id)), 'invalid-name', id);
      assert.equal(errorCode(() => store.save(id, artifactFiles(ID, 1, sampleModel()))), 'invalid-name', id);
    }
  });
});

describe('ArtifactStore: path safety', () => {
  test('a models symlink leaving the root is refused and nothing is written outside', () => {
    const root = tempDir();
    const outside = tempDir('ft-outside-');
    symlinkSync(outside, join(root, 'models'), 'dir');
    const store = new ArtifactStore(root);
    assert.equal(errorCode(() => store.save(ID, artifactFiles(ID, 1, sampleModel()))), 'io');
    assert.equal(errorCode(() => store.list()), 'io');
    assert.equal(errorCode(() => store.read(ID, 1, 'model.yaml')), 'io');
    assert.equal(errorCode(() => store.rebuildCatalog()), 'io');
    assert.deepEqual(readdirSync(outside), []);
  });

  test('a models symlink that stays inside the root is fine', () => {
    const root = tempDir();
    mkdirSync(join(root, 'real-models'));
    symlinkSync(join(root, 'real-models'), join(root, 'models'), 'dir');
    const store = new ArtifactStore(root);
    assert.equal(store.save(ID, artifactFiles(ID, 1, sampleModel())).version, 1);
    assert.ok(existsSync(join(root, 'real-models', ID, 'v1', 'model.yaml')));
  });

  test('symlinked model and version folders are refused for writes and ignored by reads', () => {
    const root = tempDir();
    const outside = tempDir('ft-outside-');
    const store = new ArtifactStore(root);
    store.save(ID, artifactFiles(ID, 1, sampleModel()));
    symlinkSync(outside, join(root, 'models', 'evil_abcd'), 'dir');
    assert.equal(errorCode(() => store.save('evil_abcd', artifactFiles('evil_abcd', 1, sampleModel()))), 'io');
    mkdirSync(join(outside, 'v1'));
    writeFileSync(join(outside, 'v1', 'model.yaml'), 'secret');
    assert.equal(errorCode(() => store.read('evil_abcd', 1, 'model.yaml')), 'not-found');
    symlinkSync(join(outside, 'v1'), join(root, 'models', ID, 'v2'), 'dir');
    assert.equal(errorCode(() => store.read(ID, 2, 'model.yaml')), 'not-found');
    assert.deepEqual(store.list().map((m) => [m.id, m.latestVersion]), [[ID, 1]]);
    assert.deepEqual(readdirSync(outside), ['v1']);
    assert.deepEqual(readdirSync(join(outside, 'v1')), ['model.yaml']);
  });
});

describe('catalog.json', () => {
  function catalogText(root: string): string {
    return readFileSync(join(root, 'models', 'catalog.json'), 'utf8');
  }

  test('has the documented shape, sorted by id and version', () => {
    const { root, store } = fresh();
    store.save('zeta_0001', artifactFiles('zeta_0001', 1, sampleModel([1]), { templateId: 'hospital-ed' }));
    store.save(ID, artifactFiles(ID, 1, sampleModel([1])));
    store.save(ID, artifactFiles(ID, 2, sampleModel([2])));
    const c = JSON.parse(catalogText(root)) as ModelCatalog;
    assert.equal(c.apiVersion, 'flowtime/v1');
    assert.equal(c.kind, 'ModelCatalog');
    assert.deepEqual(c.models.map((m) => m.id), [ID, 'zeta_0001']);
    const m = c.models[0];
    assert.deepEqual(Object.keys(m), ['id', 'title', 'template', 'templateVersion', 'parametersDigest', 'latestVersion', 'versions']);
    assert.deepEqual([m.title, m.template, m.templateVersion, m.latestVersion], [ID, 'checkout', '1.0.0', 2]);
    assert.equal(m.parametersDigest, inputsDigest({ templateId: 'checkout', parameters: { peak_factor: 1.5 } }));
    assert.deepEqual(Object.keys(m.versions[0]), ['version', 'created', 'path', 'files', 'modelSha256']);
    assert.deepEqual(m.versions.map((v) => v.version), [1, 2]);
    assert.match(m.versions[1].modelSha256 ?? '', /^[0-9a-f]{64}$/);
    assert.equal(m.versions[1].modelSha256, (JSON.parse(store.read(ID, 2, 'metadata.json')) as { spec: { flowtime_model: { model_sha256: string } } }).spec.flowtime_model.model_sha256);
  });

  test('rebuilding from the folders gives exactly the incrementally maintained catalog', () => {
    const { root, store } = fresh();
    for (let i = 0; i < 4; i++) store.save(`m${i}_abcd`, artifactFiles(`m${i}_abcd`, 1, sampleModel([i])));
    store.save('m1_abcd', artifactFiles('m1_abcd', 2, sampleModel([10])));
    store.save('m1_abcd', artifactFiles('m1_abcd', 7, sampleModel([11])), { version: 7 });
    const incremental = catalogText(root);
    rmSync(join(root, 'models', 'catalog.json'));
    assert.equal(serializeCatalog(store.rebuildCatalog()), incremental);
    assert.equal(catalogText(root), incremental);
    assert.equal(serializeCatalog(store.catalog()), incremental);
    assertCleanStore(root);
  });

  test('a damaged or stale catalog is repaired by the next change or by a rebuild', () => {
    const { root, store } = fresh();
    store.save(ID, artifactFiles(ID, 1, sampleModel([1])));
    const good = catalogText(root);
    writeFileSync(join(root, 'models', 'catalog.json'), '{ not json');
    store.save(ID, artifactFiles(ID, 2, sampleModel([2])));
    const c = JSON.parse(catalogText(root)) as ModelCatalog;
    assert.deepEqual(c.models[0].versions.map((v) => v.version), [1, 2]);
    // A catalog that lies about an existing version is trusted as a cache, but a rebuild reads the folders again.
    const lying = JSON.parse(catalogText(root)) as ModelCatalog;
    lying.models[0].versions[0].modelSha256 = '0'.repeat(64);
    writeFileSync(join(root, 'models', 'catalog.json'), serializeCatalog(lying));
    const rebuilt = store.rebuildCatalog();
    assert.equal(rebuilt.models[0].versions[0].modelSha256, (JSON.parse(good) as ModelCatalog).models[0].versions[0].modelSha256);
    assertCleanStore(root);
  });
});
