// MappedDocument: values from the substituted template, ranges in the raw template.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MappedDocument } from '../../../core/src/template/mapped-document';
import { substitute } from '../../../core/src/template/substitute';
import type { ParameterValue } from '../../../core/src/template/types';
import { LineIndex } from '../../../core/src/text/line-index';
import { parseYaml } from '../../../core/src/yaml/parse';
import { dedent, marked } from '../../helpers/markers';

function mapped(source: string, values: Record<string, ParameterValue>) {
  const m = marked(dedent(source));
  const out = substitute(m.text, new Map(Object.entries(values)));
  const parsed = parseYaml(out.text);
  assert.deepEqual(parsed.diagnostics, [], 'the substituted text parses');
  return { ranges: m.ranges, raw: m.text, sub: out.text, doc: new MappedDocument(parsed.doc, out.map, new LineIndex(m.text)) };
}

describe('MappedDocument', () => {
  const source = `
    grid:
      «bins»: «\${bins}»
      binSize: «\${binSize}»
      binUnit: «minutes»
    nodes:
      - id: «demand»
        kind: const
        values: «\${pattern}»
      - id: quoted
        kind: const
        values: «"\${pattern}"»
      - id: wave
        kind: expr
        expr: "«PULSE»(«\${period}», «\${phase}», «1»)"
  `;
  const values = { bins: 12, binSize: 60, pattern: [1, 2, 3], period: 4, phase: 10 };

  test('values come from the substituted document', () => {
    const { doc } = mapped(source, values);
    const v = doc.value as { grid: { bins: number }; nodes: { values?: number[]; expr?: string }[] };
    assert.equal(v.grid.bins, 12);
    assert.deepEqual(v.nodes[0].values, [1, 2, 3]);
    assert.deepEqual(v.nodes[1].values, [1, 2, 3]);
    assert.equal(v.nodes[2].expr, 'PULSE(4, 10, 1)');
    const node = doc.node('/grid/bins');
    assert.equal(node?.type === 'scalar' && node.value, 12);
    assert.equal(doc.node('/nope'), undefined);
  });

  test('a value that came from ${x} locates at ${x} in the raw text', () => {
    const { doc, ranges } = mapped(source, values);
    assert.deepEqual(doc.locate('/grid/bins'), ranges[1]);
    assert.deepEqual(doc.locate('/grid/binSize'), ranges[2]);
    assert.deepEqual(doc.locate('/nodes/0/values'), ranges[5]);
    assert.deepEqual(doc.locate('/nodes/0/values/1'), ranges[5], 'an element of a substituted array lands on the placeholder');
    assert.deepEqual(doc.locate('/nodes/1/values'), ranges[6], 'the quoted form is replaced quotes included');
  });

  test('ordinary keys and values keep their raw positions, also after a replacement on the same line', () => {
    const { doc, ranges, raw } = mapped(source, values);
    assert.deepEqual(doc.locate('/grid/bins', 'key'), ranges[0]);
    assert.deepEqual(doc.locate('/grid/binUnit'), ranges[3]);
    assert.deepEqual(doc.locate('/nodes/0/id'), ranges[4]);
    // Every key, and the fallback of a missing pointer to its ancestor's key, lands where the raw parse puts it.
    const rawDoc = parseYaml(raw).doc;
    for (const ptr of ['/grid', '/grid/binSize', '/nodes/2/kind', '/nodes/2/expr', '/grid/binUnit/x', '/nodes/9']) {
      assert.deepEqual(doc.locate(ptr, 'key'), rawDoc.locate(ptr, 'key'), ptr);
    }
  });

  test('locateInString maps expression positions through both layers', () => {
    const { doc, ranges } = mapped(source, values);
    const ptr = '/nodes/2/expr';
    // 'PULSE(4, 10, 1)': PULSE 0-5, 4 at 6, 10 at 9-11, 1 at 13.
    assert.deepEqual(doc.locateInString(ptr, 0, 5), ranges[7]);
    assert.deepEqual(doc.locateInString(ptr, 6, 7), ranges[8]);
    assert.deepEqual(doc.locateInString(ptr, 10, 11), ranges[9], 'part of a value covers the whole placeholder');
    assert.deepEqual(doc.locateInString(ptr, 13, 14), ranges[10], 'text after replacements on the same line is shifted back');
  });

  test('rangeFromSubstitutedOffsets converts raw offsets of the substituted text', () => {
    const { doc, sub, ranges } = mapped(source, values);
    const at = sub.indexOf('minutes');
    assert.deepEqual(doc.rangeFromSubstitutedOffsets(at, at + 'minutes'.length), ranges[3]);
    const twelve = sub.indexOf('12');
    assert.deepEqual(doc.rangeFromSubstitutedOffsets(twelve, twelve + 2), ranges[1]);
  });

  test('a multi-line template keeps later line numbers when a value is longer than its placeholder', () => {
    const { doc, ranges } = mapped(
      `
      a: «\${long}»
      b: «x»
      `,
      { long: 'a much longer value than the placeholder' },
    );
    assert.deepEqual(doc.locate('/a'), ranges[0]);
    assert.deepEqual(doc.locate('/b'), ranges[1]);
    assert.equal((doc.value as { a: string }).a, 'a much longer value than the placeholder');
    assert.equal(doc.substituted.text.split('\n')[0], 'a: "a much longer value than the placeholder"');
  });
});
