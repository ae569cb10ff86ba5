// Differential harness: the fast path either gives up or builds exactly what the yaml-library path builds.
import assert from 'node:assert/strict';
import { explainFastParse } from '../../../core/src/yaml/fast-parse';
import { parseYaml, parseYamlWithLibrary, toJs } from '../../../core/src/yaml/parse';
import type { ParseResult } from '../../../core/src/yaml/parse';
import type { PositionedDocument, YNode } from '../../../core/src/yaml/document';

export type Outcome = 'fast' | 'bail';

/** Every pointer of a tree, plus a child of each that does not exist (exercises locate's fallback). */
function pointers(node: YNode, out: string[] = []): string[] {
  out.push(node.pointer);
  if (node.type === 'map') for (const e of node.entries) pointers(e.value, out);
  else if (node.type === 'seq') for (const item of node.items) pointers(item, out);
  return out;
}

function locations(doc: PositionedDocument, ptrs: string[]): unknown[] {
  const out: unknown[] = [];
  for (const p of ptrs) {
    out.push(p, doc.locate(p, 'key'), doc.locate(p, 'value'), doc.locate(`${p}/missing`, 'value'), doc.keyNode(p));
    const n = doc.node(p);
    if (n?.type === 'scalar' && n.text.length > 0) {
      out.push(doc.locateInString(p, 0, 1), doc.locateInString(p, n.text.length - 1, n.text.length));
    }
  }
  return out;
}

function assertSameResult(fast: ParseResult, lib: ParseResult, text: string): void {
  assert.deepStrictEqual(fast.diagnostics, lib.diagnostics, `diagnostics differ for ${JSON.stringify(text)}`);
  assert.equal(fast.documentCount, lib.documentCount);
  assert.deepStrictEqual(fast.doc.root, lib.doc.root);
  assert.deepStrictEqual(fast.doc.value, lib.doc.value);
  // The whole document too: text, line index and the pointer index.
  assert.deepStrictEqual(fast.doc, lib.doc);
}

/**
 * Parses text both ways and asserts equality: the whole tree (offsets, pointers, values, texts, styles, flow flags),
 * the plain JS value, every locate result, and parseYaml's full result against the library path's.
 */
export function compareWithLibrary(text: string): Outcome {
  const fast = explainFastParse(text);
  const lib = parseYamlWithLibrary(text);
  const viaParseYaml = parseYaml(text);
  assertSameResult(viaParseYaml, lib, text);
  if (!fast.root) return 'bail';
  const root: YNode = fast.root;
  assert.deepStrictEqual(lib.diagnostics, [], `fast path accepted text the library reports: ${JSON.stringify(text)}`);
  assert.equal(lib.documentCount, 1);
  assert.ok(lib.doc.root, `library found no root in ${JSON.stringify(text)}`);
  assert.deepStrictEqual(root, lib.doc.root, `trees differ for ${JSON.stringify(text)}`);
  assert.deepStrictEqual(toJs(root), lib.doc.value);
  const ptrs = pointers(lib.doc.root);
  assert.deepStrictEqual(locations(viaParseYaml.doc, ptrs), locations(lib.doc, ptrs));
  return 'fast';
}

/** The reason the fast path gave up on text, with the line it gave up on (for assertion messages). */
export function bailReason(text: string): string {
  const r = explainFastParse(text);
  if (r.root) return 'no bail';
  const at = r.at ?? 0;
  const line = text.slice(0, at).split('\n').length;
  return `${r.reason} at line ${line}: ${JSON.stringify(text.slice(at, at + 40))}`;
}
