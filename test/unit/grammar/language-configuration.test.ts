// language-configuration.json (shared by both languages): comments, pairs, folding, words and YAML-aware Enter.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './grammar-harness';

interface Pair {
  open: string;
  close: string;
  notIn?: string[];
}

interface OnEnterRule {
  beforeText: string;
  action: { indent: 'none' | 'indent' | 'outdent'; appendText?: string };
}

interface LanguageConfiguration {
  comments: { lineComment: string };
  brackets: [string, string][];
  autoClosingPairs: Pair[];
  surroundingPairs: [string, string][];
  folding: { offSide: boolean; markers: { start: string; end: string } };
  wordPattern: { pattern: string; flags: string };
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  onEnterRules: OnEnterRule[];
}

const config = JSON.parse(readFileSync(resolve(ROOT, 'language-configuration.json'), 'utf8')) as LanguageConfiguration;

/** The words VS Code sees in a line (it adds the g flag to the configured pattern). */
function words(line: string): string[] {
  const re = new RegExp(config.wordPattern.pattern, config.wordPattern.flags + 'g');
  return [...line.matchAll(re)].map((m) => m[0]);
}

/** What VS Code puts at the start of the new line when Enter is pressed at the end of `line` (tab size 2, spaces). */
function enter(line: string): string {
  const indentation = /^\s*/.exec(line)![0];
  const rule = config.onEnterRules.find((r) => new RegExp(r.beforeText).test(line));
  if (!rule) {
    return new RegExp(config.indentationRules.increaseIndentPattern).test(line) ? indentation + '  ' : indentation;
  }
  const base = rule.action.indent === 'indent' ? indentation + '  ' : indentation;
  return base + (rule.action.appendText ?? '');
}

describe('language configuration', () => {
  test('YAML comments, brackets, quotes and ${ placeholders', () => {
    assert.equal(config.comments.lineComment, '#');
    assert.deepEqual(config.brackets, [['{', '}'], ['[', ']'], ['(', ')']]);
    const pairs = new Map(config.autoClosingPairs.map((p) => [p.open, p]));
    assert.equal(pairs.get('${')?.close, '}');
    for (const open of ['{', '[', '(', '"', "'"]) assert.ok(pairs.has(open), open);
    assert.ok(pairs.get('"')?.notIn?.includes('string'));
    assert.deepEqual(config.surroundingPairs.map((p) => p[0]), ['{', '[', '(', '"', "'"]);
  });

  test('folding follows indentation, with # region markers', () => {
    assert.equal(config.folding.offSide, true);
    assert.ok(new RegExp(config.folding.markers.start).test('  # region nodes'));
    assert.ok(new RegExp(config.folding.markers.end).test('  # endregion'));
    assert.ok(!new RegExp(config.folding.markers.start).test('  # regional note'));
  });

  test('words are node ids, numbers and names; : @ - $ { } and operators separate them', () => {
    assert.deepEqual(words('expr: "MAX(0, order_queue - served)"'), ['expr', 'MAX', '0', 'order_queue', 'served']);
    assert.deepEqual(words('from: Node:port'), ['from', 'Node', 'port']);
    assert.deepEqual(words('arrivals: "series:hub_queue@priority"'), ['arrivals', 'series', 'hub_queue', 'priority']);
    assert.deepEqual(words('expr: demand*0.8+a-b'), ['expr', 'demand', '0.8', 'a', 'b']);
    assert.deepEqual(words('values: ${arrivalRate}'), ['values', 'arrivalRate']);
    assert.deepEqual(words('id: ü_node2'), ['id', 'ü_node2']);
  });

  test('Enter after a key with no value, or a block scalar header, indents', () => {
    assert.equal(enter('nodes:'), '  ');
    assert.equal(enter('grid:   # the time grid'), '  ');
    assert.equal(enter('    expr: |'), '      ');
    assert.equal(enter('    expr: >- # folded'), '      ');
  });

  test('Enter in a list continues it: under the item key for mappings, with a new dash for scalars', () => {
    assert.equal(enter('  - id: order_queue'), '    ');
    assert.equal(enter('  - expr: "MAX(0, a - b)" # clamp'), '    ');
    assert.equal(enter('  - semantics:'), '      ');
    assert.equal(enter('  - expr: |'), '      ');
    assert.equal(enter('    - 10'), '    - ');
    assert.equal(enter('  - "quoted: item"'), '  - ');
    assert.equal(enter('  -'), '    ');
  });

  test('Enter after a complete key: value, a comment or an open flow collection', () => {
    assert.equal(enter('    kind: expr'), '    ');
    assert.equal(enter('    expr: "MAX(0, a - b)"'), '    ');
    assert.equal(enter('  # nodes:'), '  ');
    assert.equal(enter('    values: ['), '      ');
    assert.ok(new RegExp(config.indentationRules.decreaseIndentPattern).test('    ]'));
    assert.ok(!new RegExp(config.indentationRules.decreaseIndentPattern).test('    a: b'));
  });
});
