// Template header rules: mode (T4), generator (T9), metadata (T10/T11), window (T12/T13), grid (T14), rng (T43).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../../core/src/yaml/parse';
import { checkTemplateRules } from '../../../core/src/template/rules/index';
import { marked } from '../../helpers/markers';
import { fmtRange } from '../../helpers/markers';
import { expectAt, onlyErrors, run, template } from './helpers';

const META = `metadata:
  id: t
  title: T
  version: 1.0.0`;
const WINDOW = `window:
  start: 2025-01-01T00:00:00Z
  timezone: UTC`;

/** Runs only the rule module (no schema in front of it) on a marked template. */
function rulesOnly(source: string) {
  const m = marked(source);
  const diagnostics = checkTemplateRules(parseYaml(m.text).doc);
  return { ...m, diagnostics };
}

describe('T9 generator', () => {
  test('a generator that does not start with flowtime-sim is an error on its value', () => {
    const r = run(template({ header: `schemaVersion: 1\ngenerator: «my-tool»\n${META}\n${WINDOW}` }));
    expectAt(r, 'template.generator', /must start with 'flowtime-sim'/);
    onlyErrors(r, 'template.generator');
  });

  test('the prefix is case-insensitive and may carry a suffix', () => {
    const r = run(template({ header: `schemaVersion: 1\ngenerator: FlowTime-Sim/2.1\n${META}\n${WINDOW}` }));
    onlyErrors(r);
  });

  test('a generator that comes from ${x} is reported on the placeholder', () => {
    const header = `schemaVersion: 1\ngenerator: «\${gen}»\n${META}\n${WINDOW}\nparameters:\n  - name: gen\n    type: string\n    default: other-tool`;
    const r = run(template({ header }));
    expectAt(r, 'template.generator', /`other-tool` must start with 'flowtime-sim'/);
    onlyErrors(r, 'template.generator');
  });
});

describe('T10/T11 metadata', () => {
  test('a version that is not semver is an error on the version', () => {
    const r = run(template({ header: `schemaVersion: 1\nmetadata:\n  id: t\n  title: T\n  version: «"1.0"»\n${WINDOW}` }));
    expectAt(r, 'template.version-semver', /`1\.0` must follow semantic versioning/);
    onlyErrors(r, 'template.version-semver');
  });

  test('prerelease suffixes are semver', () => {
    onlyErrors(run(template({ header: `schemaVersion: 1\nmetadata:\n  id: t\n  title: T\n  version: 2.0.0-rc.1\n${WINDOW}` })));
  });

  test('blank id, title and version are errors of the rule itself', () => {
    const r = rulesOnly(template({ header: `schemaVersion: 1\nmetadata:\n  id: «" "»\n  title: «""»\n  version: «''»\n${WINDOW}` }));
    const found = r.diagnostics.filter((d) => d.code === 'template.metadata-required');
    assert.deepEqual(found.map((d) => fmtRange(d.range)), r.ranges.map(fmtRange));
    assert.match(found[0].message, /metadata\.id is required/);
    assert.match(found[1].message, /metadata\.title is required/);
  });
});

describe('T12/T13 window', () => {
  test('window.start with a non-zero offset is an error on the value', () => {
    const r = run(template({ header: `schemaVersion: 1\n${META}\nwindow:\n  start: «2025-01-01T00:00:00+02:00»\n  timezone: UTC` }));
    expectAt(r, 'template.window-start', /must be in UTC \(offset 0\)/);
    onlyErrors(r, 'template.window-start');
  });

  test('an unparseable window.start is an error', () => {
    const r = run(template({ header: `schemaVersion: 1\n${META}\nwindow:\n  start: «2025-13-01»\n  timezone: UTC` }));
    expectAt(r, 'template.window-start', /not a valid date-time/);
  });

  test('a zone-less start counts as UTC, and +00:00 is UTC', () => {
    onlyErrors(run(template({ header: `schemaVersion: 1\n${META}\nwindow:\n  start: 2025-01-01T06:30:00\n  timezone: utc` })));
    onlyErrors(run(template({ header: `schemaVersion: 1\n${META}\nwindow:\n  start: 2025-01-01T06:30:00+00:00\n  timezone: UTC` })));
  });

  test('a window.start from ${start} lands on the placeholder', () => {
    const header = `schemaVersion: 1\n${META}\nwindow:\n  start: «\${start}»\n  timezone: UTC\nparameters:\n  - name: start\n    type: string\n    default: "2025-01-01T00:00:00-05:00"`;
    const r = run(template({ header }));
    expectAt(r, 'template.window-start', /-05:00` must be in UTC/);
  });

  test('a timezone other than UTC is an error on the timezone', () => {
    const r = run(template({ header: `schemaVersion: 1\n${META}\nwindow:\n  start: 2025-01-01T00:00:00Z\n  timezone: «Europe/Paris»` }));
    expectAt(r, 'template.window-timezone', /`Europe\/Paris` is not supported: it must be 'UTC'/);
    onlyErrors(r, 'template.window-timezone');
  });
});

describe('T4 mode and T14 grid (rule module on its own; the schema reports these first in validateTemplate)', () => {
  test('an unsupported mode', () => {
    const r = rulesOnly(template({ header: `schemaVersion: 1\nmode: «Replay»\n${META}\n${WINDOW}` }));
    const found = r.diagnostics.filter((d) => d.code === 'template.unsupported-mode');
    assert.equal(found.length, 1);
    assert.equal(fmtRange(found[0].range), fmtRange(r.ranges[0]));
    assert.match(found[0].message, /Unsupported template mode `Replay`/);
  });

  test('mode is case-insensitive for Sim', () => {
    const r = rulesOnly(template({ header: `schemaVersion: 1\nmode: Telemetry\n${META}\n${WINDOW}` }));
    assert.deepEqual(r.diagnostics.filter((d) => d.code === 'template.unsupported-mode'), []);
  });

  test('bins and binSize must be > 0 and binUnit non-blank', () => {
    const r = rulesOnly(template({ grid: `grid:\n  bins: «0»\n  binSize: «-5»\n  binUnit: «" "»` }));
    const found = r.diagnostics.filter((d) => d.code === 'template.grid');
    assert.deepEqual(found.map((d) => fmtRange(d.range)), r.ranges.map(fmtRange));
    assert.match(found[0].message, /grid\.bins must be > 0/);
    assert.match(found[1].message, /grid\.binSize must be > 0/);
    assert.match(found[2].message, /binUnit is required/);
  });

  test('in validateTemplate the schema reports bins 0 once, and the rule stays quiet', () => {
    const r = run(template({ grid: `grid:\n  bins: 0\n  binSize: 60\n  binUnit: minutes` }));
    assert.equal(r.diagnostics.filter((d) => d.code === 'template.grid').length, 0);
    assert.equal(r.diagnostics.filter((d) => d.severity === 'error').length, 1);
  });
});

describe('T43 rng', () => {
  test('a kind other than pcg32 is an error on the kind; a missing seed on the rng key', () => {
    const r = run(template({ extra: '«rng»:\n  kind: «mt19937»' }));
    const found = r.diagnostics.filter((d) => d.code === 'template.rng');
    assert.deepEqual(found.map((d) => fmtRange(d.range)), r.ranges.map(fmtRange));
    assert.match(found[0].message, /rng\.seed is required/);
    assert.match(found[1].message, /`mt19937` is not supported: Sim only supports pcg32/);
    onlyErrors(r, 'template.rng', 'template.rng');
  });

  test('PCG32 in any case with a seed is fine', () => {
    onlyErrors(run(template({ extra: 'rng:\n  kind: PCG32\n  seed: 42' })));
  });

  test('a blank kind is an error on the kind', () => {
    const r = run(template({ extra: 'rng:\n  kind: «""»\n  seed: 1' }));
    expectAt(r, 'template.rng', /rng\.kind is required/);
  });
});
