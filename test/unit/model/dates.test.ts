// ISO-8601 date-times in grid.start and provenance.generatedAt (S28, C19).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isIsoDateTime } from '../../../core/src/model/iso-date';
import { checkText, expectOne } from './fixture';
import { dedent } from '../../helpers/markers';

describe('isIsoDateTime', () => {
  test('accepts the ISO forms C# parses', () => {
    for (const s of [
      '2025-01-01T00:00:00Z',
      '2025-10-07T00:00:00z',
      '2025-01-01T00:00:00+02:00',
      '2025-01-01T23:59:59-0530',
      '2025-01-01T12:00:00.1234567Z',
      '2025-01-01T12:00Z',
      '2025-01-01 12:00:00',
      '2025-01-01',
      '2024-02-29T00:00:00Z',
      ' 2025-01-01T00:00:00Z ',
    ]) {
      assert.equal(isIsoDateTime(s), true, s);
    }
  });

  test('rejects garbage and impossible dates', () => {
    for (const s of [
      'not a date',
      '2025-13-01T00:00:00Z',
      '2025-02-29',
      '2025-04-31T00:00:00Z',
      '2025-01-01T24:00:00Z',
      '2025-01-01T12:60:00Z',
      '2025-01-01T12:00:61Z',
      '2025-01-01T00:00:00+15:00',
      '0000-01-01',
      '2025-1-1',
      '2025-01-01T',
      '',
    ]) {
      assert.equal(isIsoDateTime(s), false, s);
    }
  });
});

describe('date fields', () => {
  test('an unparseable grid.start and provenance.generatedAt are errors on the values', () => {
    const { diagnostics, ranges } = checkText(
      dedent(`
        schemaVersion: 1
        grid:
          bins: 1
          binSize: 1
          binUnit: hours
          start: «"2025-13-01T00:00:00Z"»
        nodes:
          - id: a
            kind: const
            values: [1]
        provenance:
          generatedAt: «yesterday»
      `),
    );
    const hits = diagnostics.filter((d) => d.code === 'model.invalid-date-time');
    assert.deepEqual(hits.map((d) => d.range), ranges);
    assert.match(hits[0].message, /grid.start '2025-13-01T00:00:00Z' is not a parseable ISO-8601 date-time/);
    assert.match(hits[1].message, /provenance.generatedAt 'yesterday'/);
    expectOne(hits.slice(0, 1), 'model.invalid-date-time', ranges[0]);
  });

  test('valid and empty values are accepted', () => {
    const { diagnostics } = checkText(
      dedent(`
        schemaVersion: 1
        grid:
          bins: 1
          binSize: 1
          binUnit: hours
          start: 2025-10-07T00:00:00Z
        nodes:
          - id: a
            kind: const
            values: [1]
        provenance:
          generatedAt: ""
      `),
    );
    assert.deepEqual(diagnostics, []);
  });
});
