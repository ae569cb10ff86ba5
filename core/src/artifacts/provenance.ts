// Adds or replaces the `provenance` block of a hand-written model without touching one byte of the author's text.
import { isDeepStrictEqual } from 'node:util';
import { parseYaml } from '../yaml/parse';
import type { MapNode, YNode } from '../yaml/document';
import { emitModelYaml, numberText, quote } from './emit-yaml';

/**
 * The model's `provenance` block (reference §1.9). `generatedAt` is deliberately absent: a timestamp inside
 * model.yaml would make identical exports differ byte for byte.
 */
export interface ModelProvenance {
  generator?: string;
  templateId?: string;
  templateVersion?: string;
  mode?: 'simulation' | 'telemetry';
  modelId?: string;
  parameters?: Record<string, unknown>;
}

/** The provenance fields in the reference's order, so every emitter writes them the same way. */
export function provenanceObject(p: ModelProvenance): Record<string, unknown> {
  return {
    generator: p.generator,
    templateId: p.templateId,
    templateVersion: p.templateVersion,
    mode: p.mode,
    modelId: p.modelId,
    parameters: p.parameters,
  };
}

/**
 * Returns `text` with a top-level `provenance:` block: an existing one is replaced where it stands, otherwise the block
 * is appended after the model (before a `---`/`...` document marker if the file has one). Everything else, comments
 * and formatting included, is kept byte for byte; the block follows the file's line endings and root indentation.
 * Flow-style roots (`{...}`, e.g. JSON) get a flow-style entry instead. The result is re-parsed and checked to hold
 * exactly the original entries plus the new provenance; a TypeError/Error is thrown rather than return anything else.
 */
export function withProvenance(text: string, provenance: ModelProvenance): string {
  const parsed = parseYaml(text);
  const root = parsed.doc.root;
  if (!root || root.type !== 'map' || parsed.diagnostics.some((d) => d.severity === 'error')) {
    throw new TypeError('withProvenance: the text must be a readable YAML mapping (a FlowTime model)');
  }
  const expected = expectedProvenance(provenance);
  const out = root.flow ? placeFlow(text, root, expected) : placeBlock(text, root, provenance);
  verify(parsed.doc.value as Record<string, unknown>, out, expected);
  return out;
}

/** The provenance value as parseYaml will read it back (typed scalars, nothing empty), or undefined when empty. */
function expectedProvenance(p: ModelProvenance): Record<string, unknown> | undefined {
  const emitted = emitModelYaml({ provenance: provenanceObject(p) });
  return (parseYaml(emitted).doc.value as Record<string, unknown>).provenance as Record<string, unknown> | undefined;
}

function placeBlock(text: string, root: MapNode, provenance: ModelProvenance): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = text.slice(lineStart(text, root.entries[0].keyNode.start), root.entries[0].keyNode.start);
  const block = emitModelYaml({ provenance: provenanceObject(provenance) });
  const lines = block === '{}\n' ? [] : block.slice(0, -1).split('\n');
  const blockText = lines.map((l) => `${indent}${l}${eol}`).join('');
  const existing = root.entries.find((e) => e.key === 'provenance');
  if (existing) {
    const from = lineStart(text, existing.keyNode.start);
    const end = Math.max(existing.keyNode.end, contentEnd(existing.value));
    // Block scalars end after their last line break; anything else ends mid-line (a comment may follow).
    const nl = text.indexOf('\n', end);
    const to = text[end - 1] === '\n' ? end : nl < 0 ? text.length : nl + 1;
    return text.slice(0, from) + blockText + text.slice(to);
  }
  const marker = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
  marker.lastIndex = root.end;
  const m = marker.exec(text);
  const at = m ? m.index : text.length;
  const sep = at > 0 && text[at - 1] !== '\n' ? eol : '';
  return text.slice(0, at) + sep + blockText + text.slice(at);
}

function placeFlow(text: string, root: MapNode, expected: Record<string, unknown> | undefined): string {
  const value = flowText(expected ?? {});
  const existing = root.entries.find((e) => e.key === 'provenance');
  if (existing) return text.slice(0, existing.value.start) + value + text.slice(existing.value.end);
  if (!expected) return text;
  const close = root.end - 1;
  if (text[close] !== '}') throw new Error('withProvenance: could not find the end of the flow mapping');
  const last = root.entries[root.entries.length - 1];
  if (!last) return `${text.slice(0, close)}provenance: ${value}${text.slice(close)}`;
  const after = contentEnd(last.value);
  // A trailing comma (`{a: 1,}`) already separates the new entry; comments between are not code.
  if (text.slice(after, close).replace(/#[^\n]*/g, '').includes(',')) return `${text.slice(0, close)} provenance: ${value}${text.slice(close)}`;
  return `${text.slice(0, after)}, provenance: ${value}${text.slice(after)}`;
}

function flowText(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(flowText).join(', ')}]`;
  const obj = v as Record<string, unknown>;
  return `{${Object.keys(obj).map((k) => `${quote(k)}: ${flowText(obj[k])}`).join(', ')}}`;
}

/** Where a node's own content ends: block collections' ranges also cover trailing comments, which are not theirs. */
function contentEnd(node: YNode): number {
  if (node.type === 'scalar' || node.flow) return node.end;
  if (node.type === 'map') {
    const last = node.entries[node.entries.length - 1];
    return last ? Math.max(last.keyNode.end, contentEnd(last.value)) : node.end;
  }
  const last = node.items[node.items.length - 1];
  return last ? contentEnd(last) : node.end;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function verify(before: Record<string, unknown>, out: string, expected: Record<string, unknown> | undefined): void {
  const after = parseYaml(out);
  const value = after.doc.value as Record<string, unknown> | undefined;
  const ok =
    !after.diagnostics.some((d) => d.severity === 'error') &&
    typeof value === 'object' &&
    value !== null &&
    isDeepStrictEqual(withoutProvenance(value), withoutProvenance(before)) &&
    (expected === undefined ? !('provenance' in value) || isDeepStrictEqual(value.provenance, {}) : isDeepStrictEqual(value.provenance, expected));
  if (!ok) throw new Error('withProvenance: adding the provenance block would change the model; the file layout is not supported');
}

function withoutProvenance(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    if (k !== 'provenance') Object.defineProperty(out, k, { value: v[k], enumerable: true, writable: true, configurable: true });
  }
  return out;
}
