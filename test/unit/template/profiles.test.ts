// Builtin profile curves, resampling and normalization; G17 formatting; the two snake_case rules.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILTIN_PROFILE_NAMES, builtinCurve, PROFILE_POINTS } from '../../../core/src/template/builtin-profiles';
import { normalizeMean, resample, resolveProfile } from '../../../core/src/template/profiles';
import { formatG17 } from '../../../core/src/template/g17';
import { csharpSnake, rustSnake } from '../../../core/src/template/snake-case';

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const at = (curve: number[], hour: number) => curve[Math.round(hour * 12) % curve.length];

describe('builtin profiles', () => {
  test('three builtins, 288 points of 5 minutes each, all positive', () => {
    assert.deepEqual([...BUILTIN_PROFILE_NAMES], ['weekday-office', 'three-shift', 'hub-rush-hour']);
    for (const name of BUILTIN_PROFILE_NAMES) {
      const curve = builtinCurve(name)!;
      assert.equal(curve.length, PROFILE_POINTS);
      assert.ok(curve.every((w) => w > 0 && Number.isFinite(w)), name);
    }
    assert.equal(builtinCurve('weekend'), undefined);
    assert.deepEqual(builtinCurve('THREE-SHIFT'), builtinCurve('three-shift'), 'names are case-insensitive');
  });

  for (const name of ['weekday-office', 'three-shift', 'hub-rush-hour']) {
    for (const bins of [1, 7, 12, 24, 96, 288, 1000]) {
      test(`${name} resolved for ${bins} bins: length = bins, mean 1`, () => {
        const r = resolveProfile({ kind: 'builtin', name }, bins);
        assert.equal(r.error, undefined);
        assert.equal(r.weights!.length, bins);
        assert.ok(Math.abs(mean(r.weights!) - 1) < 1e-12, `mean ${mean(r.weights!)}`);
      });
    }
  }

  test('weekday-office: low night, morning ramp, lunch dip, afternoon peak, evening decline', () => {
    const c = builtinCurve('weekday-office')!;
    assert.ok(at(c, 3) < 0.2 && at(c, 3) < at(c, 8) && at(c, 8) < at(c, 10));
    assert.ok(at(c, 12.5) < at(c, 11) && at(c, 12.5) < at(c, 15), 'lunch dip');
    assert.ok(at(c, 15) >= Math.max(...c.slice(0, 144)), 'afternoon peak');
    assert.ok(at(c, 21) < at(c, 17));
  });

  test('three-shift: three plateaus with dips at 06:00, 14:00 and 22:00', () => {
    const c = builtinCurve('three-shift')!;
    assert.ok(at(c, 10) > at(c, 18) && at(c, 18) > at(c, 2), 'day > swing > night');
    for (const h of [6, 14, 22]) assert.ok(at(c, h) < at(c, h - 2) && at(c, h) < at(c, h + 2), `dip at ${h}:00`);
  });

  test('hub-rush-hour: a morning and an evening peak above the midday level', () => {
    const c = builtinCurve('hub-rush-hour')!;
    const morning = c.slice(0, 144).indexOf(Math.max(...c.slice(0, 144))) / 12;
    const evening = 12 + c.slice(144).indexOf(Math.max(...c.slice(144))) / 12;
    assert.ok(Math.abs(morning - 8) < 0.5 && Math.abs(evening - 17.5) < 0.5, `${morning} ${evening}`);
    assert.ok(at(c, 13) < at(c, 8) && at(c, 3) < at(c, 13));
  });
});

describe('resampling and normalization', () => {
  test('resampling to the curve length is the identity; halving takes every other point', () => {
    const curve = builtinCurve('hub-rush-hour')!;
    assert.deepEqual(resample(curve, 288), curve);
    assert.deepEqual(resample(curve, 144), curve.filter((_, i) => i % 2 === 0));
  });

  test('upsampling interpolates linearly and wraps around the day', () => {
    assert.deepEqual(resample([0, 2], 4), [0, 1, 2, 1]);
  });

  test('normalization needs a positive mean', () => {
    assert.deepEqual(normalizeMean([1, 3]), [0.5, 1.5]);
    assert.equal(normalizeMean([0, 0]), undefined);
    assert.equal(normalizeMean([]), undefined);
  });

  test('inline weights', () => {
    assert.deepEqual(resolveProfile({ kind: 'inline', weights: [2, 2, 4, 0] }, 4).weights, [1, 1, 2, 0]);
    assert.match(resolveProfile({ kind: 'inline', weights: [1, 2] }, 3).error!.message, /2 weights but grid\.bins is 3/);
    assert.match(resolveProfile({ kind: 'inline' }, 3).error!.message, /non-empty `weights`/);
    assert.match(resolveProfile({ name: 'three-shift' }, 0).error!.message, /positive grid\.bins/);
  });
});

describe('G17', () => {
  test('formats like .NET round-trip precision', () => {
    assert.equal(formatG17(17.5), '17.5');
    assert.equal(formatG17(56), '56');
    assert.equal(formatG17(16.9), '16.899999999999999');
    assert.equal(formatG17(0.1), '0.10000000000000001');
    assert.equal(formatG17(-2.25), '-2.25');
    assert.equal(formatG17(1e-7), '9.9999999999999995E-08');
    assert.equal(formatG17(1e20), '1E+20');
    assert.equal(formatG17(0), '0');
  });
});

describe('snake_case of topology ids', () => {
  test('C# splits at every capital; Rust keeps acronyms together', () => {
    const cases: [string, string, string][] = [
      ['PickerWave', 'picker_wave', 'picker_wave'],
      ['IngressQueue', 'ingress_queue', 'ingress_queue'],
      ['HTTPService', 'h_t_t_p_service', 'http_service'],
      ['DLQ', 'd_l_q', 'dlq'],
      ['Hub Queue', 'hub_queue', 'hub_queue'],
      ['already_snake', 'already_snake', 'already_snake'],
      ['Node2B', 'node2_b', 'node2_b'],
    ];
    for (const [id, cs, rs] of cases) {
      assert.equal(csharpSnake(id), cs, id);
      assert.equal(rustSnake(id), rs, id);
    }
  });
});
