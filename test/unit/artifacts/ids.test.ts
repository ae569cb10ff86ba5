import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ArtifactError, assertModelId, canonicalJson, inputsDigest, isModelId, modelIdFor, slugName } from '../../../core/src/artifacts';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof ArtifactError ? e.code : `other:${(e as Error).name}`;
  }
  return undefined;
}

describe('slugName', () => {
  const ok: [string, string][] = [
    ['checkout-baseline', 'checkout-baseline'],
    ['Checkout Baseline', 'checkout-baseline'],
    ['  Checkout   Baseline  ', 'checkout-baseline'],
    ['checkout_peak.v2', 'checkout-peak-v2'],
    ['--a--b--', 'a-b'],
    ['Café Crème', 'cafe-creme'],
    ['ＡＢＣ', 'abc'],
    ['CON', 'con'],
    ['a'.repeat(64), 'a'.repeat(64)],
  ];
  for (const [name, slug] of ok) test(`${JSON.stringify(name)} → ${slug}`, () => assert.equal(slugName(name), slug));

  const bad: [string, RegExp][] = [
    ['../x', /path separators/],
    ['a/b', /path separators/],
    ['a\\b', /path separators/],
    ['', /no letters or digits/],
    ['.', /"\." or "\.\."/],
    ['..', /"\." or "\.\."/],
    ['a\u0000b', /NUL or control/],
    ['a\nb', /NUL or control/],
    ['a\u007fb', /NUL or control/],
    ['a\u0085b', /NUL or control/],
    ['---', /no letters or digits/],
    ['日本語', /no letters or digits/],
    ['a'.repeat(65), /too long.*65 characters/],
  ];
  for (const [name, why] of bad) {
    test(`rejects ${JSON.stringify(name.slice(0, 20))}`, () => {
      assert.throws(
        () => slugName(name),
        (e: unknown) => e instanceof ArtifactError && e.code === 'invalid-name' && why.test(e.message),
      );
    });
  }
});

describe('canonicalJson', () => {
  test('sorts keys at every level, keeps array order, drops undefined', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [3, 1], c: undefined, b: 'x' } }), '{"a":{"b":"x","d":[3,1]},"b":1}');
  });
  test('normalizes -0, integral doubles and NFC strings (keys too)', () => {
    assert.equal(canonicalJson({ x: -0, y: 1.0, z: 2.5e3 }), '{"x":0,"y":1,"z":2500}');
    assert.equal(canonicalJson({ 'e\u0301': 'cafe\u0301' }), canonicalJson({ '\u00e9': 'caf\u00e9' }));
  });
  test('orders keys by code unit (ordinal), not locale', () => {
    assert.equal(canonicalJson({ b: 1, B: 2, a: 3, _: 4 }), '{"B":2,"_":4,"a":3,"b":1}');
  });
  test('refuses values JSON would silently turn into null', () => {
    assert.throws(() => canonicalJson({ a: NaN }), /NaN/);
    assert.throws(() => canonicalJson({ a: Infinity }), /Infinity/);
    assert.throws(() => canonicalJson({ a: new Date(0) }), /not a plain object/);
    assert.throws(() => canonicalJson({ a: () => 1 }), /function/);
  });
  test('keys that collide after NFC are an error', () => {
    assert.throws(() => canonicalJson({ 'e\u0301': 1, '\u00e9': 2 }), /collide/);
  });
});

describe('inputsDigest', () => {
  const base = { templateId: 'checkout', parameters: { peak_factor: 1.5, base_capacity: 100, weights: [1, 2, 3], vip: true, label: 'x' } };

  test('is the sha256 of the canonical JSON', () => {
    const expected = createHash('sha256').update(canonicalJson(base)).digest('hex');
    assert.equal(inputsDigest(base), expected);
    assert.match(inputsDigest(base), /^[0-9a-f]{64}$/);
  });

  test('does not depend on key order or number spelling', () => {
    const reordered = { parameters: { label: 'x', vip: true, weights: [1.0, 2, 3e0], base_capacity: 1e2, peak_factor: 1.5 }, templateId: 'checkout' };
    assert.equal(inputsDigest(reordered), inputsDigest(base));
    assert.equal(inputsDigest({ templateId: 't', parameters: { a: -0 } }), inputsDigest({ templateId: 't', parameters: { a: 0 } }));
    assert.equal(inputsDigest({ templateId: 't', parameters: { a: Number('1.0') } }), inputsDigest({ templateId: 't', parameters: { a: Number('1') } }));
  });

  test('changes with every parameter, the template id and the template version', () => {
    const seen = new Set<string>([inputsDigest(base)]);
    const variants: unknown[] = [
      { ...base, templateId: 'checkout2' },
      { ...base, templateVersion: '1.0.0' },
      { ...base, templateVersion: '1.0.1' },
      { ...base, parameters: { ...base.parameters, peak_factor: 1.5000001 } },
      { ...base, parameters: { ...base.parameters, base_capacity: 101 } },
      { ...base, parameters: { ...base.parameters, weights: [1, 3, 2] } },
      { ...base, parameters: { ...base.parameters, weights: [1, 2, 3, 4] } },
      { ...base, parameters: { ...base.parameters, vip: false } },
      { ...base, parameters: { ...base.parameters, label: 'X' } },
      { ...base, parameters: { ...base.parameters, label: '1' } },
      { ...base, parameters: { ...base.parameters, extra: 0 } },
      { ...base, parameters: { peak_factor: 1.5, base_capacity: 100, weights: [1, 2, 3], vip: true } },
      { ...base, parameters: { ...base.parameters, base_capacity: '100' } },
      { modelSha256: 'a'.repeat(64) },
    ];
    for (const v of variants) {
      const d = inputsDigest(v as Parameters<typeof inputsDigest>[0]);
      assert.ok(!seen.has(d), `digest did not change for ${JSON.stringify(v)}`);
      seen.add(d);
    }
  });
});

describe('modelIdFor / isModelId', () => {
  const digest = inputsDigest({ templateId: 'checkout', parameters: { peak_factor: 1.5 } });

  test('slug + "_" + the first hex characters of the digest', () => {
    assert.equal(modelIdFor('Checkout Baseline', digest), `checkout-baseline_${digest.slice(0, 4)}`);
    assert.equal(modelIdFor('checkout-baseline', digest, 7), `checkout-baseline_${digest.slice(0, 7)}`);
    assert.equal(modelIdFor('x', digest, 64), `x_${digest}`);
  });

  test('is the same on every call (no clock, no randomness)', () => {
    const ids = new Set(Array.from({ length: 5 }, () => modelIdFor('checkout-baseline', inputsDigest({ parameters: { peak_factor: 1.5 }, templateId: 'checkout' }))));
    assert.equal(ids.size, 1);
  });

  test('rejects bad names, digests and lengths', () => {
    assert.equal(code(() => modelIdFor('../x', digest)), 'invalid-name');
    assert.throws(() => modelIdFor('x', 'abc'), TypeError);
    assert.throws(() => modelIdFor('x', digest.toUpperCase()), TypeError);
    assert.throws(() => modelIdFor('x', digest, 3), TypeError);
    assert.throws(() => modelIdFor('x', digest, 65), TypeError);
  });

  test('isModelId / assertModelId accept only slug_hex', () => {
    for (const id of ['checkout-baseline_a1b2', 'a_0000', `${'a'.repeat(64)}_${'f'.repeat(64)}`]) assert.ok(isModelId(id), id);
    for (const id of ['checkout', 'checkout_a1b', 'Checkout_a1b2', 'checkout_A1B2', '../x_a1b2', 'a/b_a1b2', '-a_a1b2', 'a--b_a1b2', 'a_a1b2/..', `${'a'.repeat(65)}_a1b2`, 'a_a1b2\u0000', '']) {
      assert.ok(!isModelId(id), id);
      assert.equal(code(() => assertModelId(id)), 'invalid-name', id);
    }
  });
});
