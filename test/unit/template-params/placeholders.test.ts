// Placeholder scanning (comments, malformed forms) and the unknown/malformed/unused/quoted/array checks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPlaceholders, findPlaceholders, scanPlaceholders } from '../../../core/src/template/placeholders';
import { readParameters } from '../../../core/src/template/parameters';
import type { ParameterValue } from '../../../core/src/template/types';
import { LineIndex } from '../../../core/src/text/line-index';
import { dedent, marked } from '../../helpers/markers';
import { fixture, withCode } from './helpers';

/** Offsets of the «marked» spans of `source` (dedented). */
function spans(source: string): { text: string; spans: [number, number][] } {
  const m = marked(dedent(source));
  const lines = new LineIndex(m.text);
  return { text: m.text, spans: m.ranges.map((r) => [lines.offset(r.start), lines.offset(r.end)]) };
}

function check(source: string, values?: ReadonlyMap<string, ParameterValue>) {
  const f = fixture(source);
  const { params } = readParameters(f.doc);
  return { ...f, diagnostics: checkPlaceholders(f.text, f.doc, f.doc.lines, params, values ? { values } : {}) };
}

describe('findPlaceholders', () => {
  test('finds every ${name} with its offsets, flagging the ones inside comments', () => {
    const { text, spans: s } = spans(`
      # header «\${a}»
      grid:
        bins: «\${bins}»   # was «\${old}»
      nodes:
        - expr: "«\${x}» * 2 # not a comment «\${y}»"
          note: 'q # «\${z}»'
          text: |
            # not a comment either «\${w}»
      #«\${end}»
    `);
    const found = findPlaceholders(text);
    assert.deepEqual(
      found.map((p) => [p.name, p.start, p.end, p.inComment]),
      [
        ['a', ...s[0], true],
        ['bins', ...s[1], false],
        ['old', ...s[2], true],
        ['x', ...s[3], false],
        ['y', ...s[4], false],
        ['z', ...s[5], false],
        ['w', ...s[6], false],
        ['end', ...s[7], true],
      ],
    );
  });

  test('a # glued to text is not a comment', () => {
    const found = findPlaceholders('a: x#${p}\n');
    assert.deepEqual(found.map((p) => p.inComment), [false]);
  });

  test('malformed forms are kept apart, with a reason and (when derivable) the meant placeholder', () => {
    const { text, spans: s } = spans(`
      a: «\${ x }»
      b: «\${}»
      c: «\${a-b}»
      d: «\${x:-1}»
      e: «\${1x}»
      f: «\${open» rest
      g: «\${»«\${inner}»}
      # «\${ c }»
    `);
    const scan = scanPlaceholders(text);
    assert.deepEqual(
      scan.malformed.map((m) => [m.reason, m.start, m.end, m.suggestion, m.inComment]),
      [
        ['whitespace', ...s[0], '${x}', false],
        ['empty', ...s[1], undefined, false],
        ['invalid-name', ...s[2], undefined, false],
        ['default-syntax', ...s[3], '${x}', false],
        ['invalid-name', ...s[4], undefined, false],
        ['unterminated', ...s[5], '${open}', false],
        ['unterminated', ...s[6], undefined, false],
        ['whitespace', ...s[8], '${c}', true],
      ],
    );
    assert.deepEqual(scan.placeholders.map((p) => [p.name, p.start, p.end]), [['inner', ...s[7]]]);
    assert.equal(scan.malformed[2].content, 'a-b');
  });
});

describe('checkPlaceholders: names', () => {
  test('unknown placeholder: error at the placeholder with did-you-mean and a fix', () => {
    const r = check(`
      parameters:
        - {name: bins, type: integer, default: 12}
      grid:
        bins: «\${bisn}»
    `);
    const [d] = withCode(r.diagnostics, 'placeholder.unknown');
    assert.equal(d.severity, 'error');
    assert.match(d.message, /Unknown parameter `bisn`: .* Sim leaves `\$\{bisn\}` in the generated text\. Did you mean `bins`\?/);
    assert.deepEqual(d.range, r.ranges[0]);
    assert.deepEqual(d.fixes, [{ title: 'Change to `${bins}`', edits: [{ range: r.ranges[0], newText: '${bins}' }] }]);
  });

  test('unknown placeholder without a close name: no suggestion, no fix; comments are ignored', () => {
    const r = check(`
      parameters:
        - {name: bins, type: integer, default: 12}
      # \${whatever} in a comment is fine
      grid:
        bins: \${bins}
      nodes:
        - {id: a, kind: expr, expr: "«\${zzzzzz}» * 2"}
    `);
    const [d] = withCode(r.diagnostics, 'placeholder.unknown');
    assert.doesNotMatch(d.message, /Did you mean/);
    assert.equal(d.fixes, undefined);
    assert.deepEqual(d.range, r.ranges[0]);
  });

  test('malformed placeholders: errors with reason-specific messages and fixes; ignored in comments', () => {
    const r = check(`
      parameters:
        - {name: x, type: integer, default: 1}
      a: «\${ x }»
      b: «\${x:-1}»
      c: «\${}»
      d: «\${a-b}»
      e: «\${x» and more
      # \${ x } in a comment
    `);
    const ds = withCode(r.diagnostics, 'placeholder.malformed', 5);
    for (const d of ds) assert.equal(d.severity, 'error');
    assert.match(ds[0].message, /`\$\{ x \}` is never substituted: Sim replaces only the exact text `\$\{x\}`/);
    assert.deepEqual(ds[0].fixes, [{ title: 'Change to `${x}`', edits: [{ range: r.ranges[0], newText: '${x}' }] }]);
    assert.match(ds[1].message, /Sim has no default syntax; declare the default under `parameters` and write `\$\{x\}`/);
    assert.match(ds[2].message, /`\$\{\}` names no parameter/);
    assert.equal(ds[2].fixes, undefined);
    assert.match(ds[3].message, /`a-b` is not a parameter name/);
    assert.match(ds[4].message, /`\$\{x` has no closing `\}`/);
    assert.deepEqual(ds[4].fixes?.[0].edits[0].newText, '${x}');
    assert.deepEqual(ds.map((d) => d.range), r.ranges);
  });

  test('a declared name the pattern rejects is substituted literally by Sim: no malformed error, and it counts as used', () => {
    const r = check(`
      parameters:
        - {name: a-b, type: integer, default: 1}
      x: \${a-b}
    `);
    assert.deepEqual(r.diagnostics, []);
  });

  test('unused parameter: warning on its name; use inside a comment does not count', () => {
    const r = check(`
      parameters:
        - {name: bins, type: integer, default: 12}
        - {name: «spare», type: integer, default: 1}
        - {name: «old», type: integer, default: 1}
      # old was \${old}
      grid:
        bins: \${bins}
    `);
    const ds = withCode(r.diagnostics, 'param.unused', 2);
    assert.equal(ds[0].severity, 'warning');
    assert.match(ds[0].message, /Parameter `spare` is never used: no `\$\{spare\}` appears in the template\.$/);
    assert.deepEqual(ds[0].range, r.ranges[0]);
    assert.match(ds[1].message, /only inside comments/);
    assert.deepEqual(ds[1].range, r.ranges[1]);
  });
});

describe('checkPlaceholders: string values inside quotes', () => {
  test('"${p}" with a value Sim quotes: error on the quoted scalar, fix removes the quotes', () => {
    const r = check(`
      parameters:
        - {name: ts, type: string, default: "2030-01-01 00:00"}
      window:
        start: «"\${ts}"»
    `);
    const [d] = withCode(r.diagnostics, 'placeholder.quoted-string');
    assert.equal(d.severity, 'error');
    assert.equal(d.message, '`"${ts}"` becomes `""2030-01-01 00:00""` and breaks the YAML (Sim quotes this value itself): write the placeholder unquoted.');
    assert.deepEqual(d.range, r.ranges[0]);
    assert.deepEqual(d.fixes, [{ title: 'Remove the quotes around `${ts}`', edits: [{ range: r.ranges[0], newText: '${ts}' }] }]);
  });

  for (const [label, value] of [['empty', '""'], ['colon', 'a:b'], ['hash', "'a#b'"], ['tab', '"a\\tb"']] as const) {
    test(`value needing quotes (${label}) inside double quotes is an error`, () => {
      const r = check(`
        parameters:
          - {name: s, type: string, default: ${value}}
        source: «"\${s}"»
      `);
      const [d] = withCode(r.diagnostics, 'placeholder.quoted-string');
      assert.deepEqual(d.range, r.ranges[0]);
    });
  }

  test("'${p}' with a value Sim quotes: the value keeps the quote characters", () => {
    const r = check(`
      parameters:
        - {name: s, type: string, default: "a b"}
      x: «'\${s}'»
    `);
    const [d] = withCode(r.diagnostics, 'placeholder.quoted-string');
    assert.equal(d.message, "`'${s}'` becomes `'\"a b\"'` and keeps the quote characters in the value (Sim quotes this value itself): write the placeholder unquoted.");
    assert.deepEqual(d.range, r.ranges[0]);
  });

  test('inside a longer quoted string: error on the placeholder, no fix', () => {
    const r = check(`
      parameters:
        - {name: s, type: string, default: "a b"}
      x: "prefix «\${s}» suffix"
    `);
    const [d] = withCode(r.diagnostics, 'placeholder.quoted-string');
    assert.match(d.message, /`\$\{s\}` inside this quoted string becomes `"prefix "a b" suffix"` and breaks the YAML/);
    assert.deepEqual(d.range, r.ranges[0]);
    assert.equal(d.fixes, undefined);
  });

  test('values that need no quotes, unquoted placeholders and non-string values are fine', () => {
    const r = check(`
      parameters:
        - {name: a, type: string, default: plain}
        - {name: b, type: string, default: ""}
        - {name: c, type: number, default: 0.5}
        - {name: d, type: string, default: "[x y]"}
      x: "\${a}"
      y: \${b}
      z: "\${c} * load"
      w: "\${d}"
    `);
    assert.deepEqual(r.diagnostics, []);
  });

  test('given values are checked instead of defaults', () => {
    const src = `
      parameters:
        - {name: s, type: string, default: ok}
      x: «"\${s}"»
    `;
    assert.deepEqual(check(src).diagnostics, []);
    const r = check(src, new Map([['s', 'not ok']]));
    const [d] = withCode(r.diagnostics, 'placeholder.quoted-string');
    assert.deepEqual(d.range, r.ranges[0]);
  });
});

describe('checkPlaceholders: arrays inside text', () => {
  test('an array placeholder inside an expression: warning showing the text it becomes', () => {
    const r = check(`
      parameters:
        - {name: p, type: array, default: [1, 2]}
      nodes:
        - {id: a, kind: expr, expr: "MAX(«\${p}»)"}
        - {id: b, kind: const, values: \${p}}
    `);
    const [d] = withCode(r.diagnostics, 'placeholder.array-in-text');
    assert.equal(d.severity, 'warning');
    assert.match(d.message, /Array parameter `p` is used inside a larger value: Sim writes it here as the text `\[a, b, …\]` \(`\[1, 2\]`\)/);
    assert.deepEqual(d.range, r.ranges[0]);
  });

  test('whole-value uses (plain or quoted) are fine, with or without a default', () => {
    const r = check(`
      parameters:
        - {name: p, type: array, default: [1, 2]}
        - {name: q, type: array}
      nodes:
        - id: a
          values: \${p}
        - id: b
          values: "\${p}"
        - id: c
          values: '\${q}'
        - id: d
          note: in \${q} text
    `);
    withCode(r.diagnostics, 'placeholder.array-in-text', 1);
    assert.equal(r.diagnostics.length, 1);
  });
});
