// Parses YAML text into a PositionedDocument; never throws, bounds aliases, reports syntax errors where they are.
import { parseAllDocuments, isAlias, isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import type { Alias, Document, Node as YamlNode, Pair } from 'yaml';
import type { Diagnostic } from '../diagnostics';
import { diag } from '../codes/make';
import { yamlCodes } from '../codes/yaml';
import { PositionedDocument, joinPointer } from './document';
import type { MapEntry, MapNode, ScalarNode, ScalarStyle, SeqNode, YNode } from './document';
import { typePlainScalar } from './scalar-typing';
import type { CompactTree } from './compact-tree';
import { fastParseCompact } from './fast-parse';

export interface ParseResult {
  doc: PositionedDocument;
  /** Syntax-stage diagnostics; when any is an error, later stages must not run. */
  diagnostics: Diagnostic[];
  /** Number of YAML documents in the text (only the first is modelled). */
  documentCount: number;
}

/** Nodes that alias expansion may add in total; generous for real models, fatal for alias bombs. */
const ALIAS_NODE_BUDGET = 100_000;

export function parseYaml(text: string): ParseResult {
  // The fast path covers what FlowTime files use and gives up on anything else; the library path is the reference.
  let tree: CompactTree | undefined;
  try {
    tree = fastParseCompact(text);
  } catch {
    tree = undefined;
  }
  if (tree) return { doc: new PositionedDocument(text, tree, tree.values[0]), diagnostics: [], documentCount: 1 };
  return parseYamlWithLibrary(text);
}

/** The reference path through the yaml library (every error message comes from here). */
export function parseYamlWithLibrary(text: string): ParseResult {
  try {
    return parseUnsafe(text);
  } catch (e) {
    // The yaml library is robust, but a parser that must never throw gets a last line of defence.
    const doc = new PositionedDocument(text, undefined, undefined);
    const message = e instanceof Error ? e.message : String(e);
    return {
      doc,
      diagnostics: [diag(yamlCodes['yaml.syntax'], `YAML could not be read: ${message}`, doc.rangeOf(0, 0))],
      documentCount: 0,
    };
  }
}

function parseUnsafe(text: string): ParseResult {
  const docs = parseAllDocuments(text, {
    schema: 'failsafe',
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
  });
  const list = Array.isArray(docs) ? docs : [];
  const first = list[0] as Document.Parsed | undefined;
  const diagnostics: Diagnostic[] = [];
  const converter = new Converter(text, first);
  const root = first?.contents ? converter.convert(first.contents as YamlNode, '') : undefined;
  const value = root ? toJs(root) : undefined;
  const doc = new PositionedDocument(text, root, value);

  if (first) {
    for (const err of first.errors) {
      const [s, e] = err.pos;
      const isDup = err.code === 'DUPLICATE_KEY';
      diagnostics.push(
        diag(isDup ? yamlCodes['yaml.duplicate-key'] : yamlCodes['yaml.syntax'], cleanMessage(err.message), doc.rangeOf(s, Math.max(e, s + 1))),
      );
    }
    for (const w of first.warnings) {
      const [s, e] = w.pos;
      diagnostics.push(diag(yamlCodes['yaml.warning'], cleanMessage(w.message), doc.rangeOf(s, e)));
    }
  }
  diagnostics.push(...converter.diagnostics.map((f) => f(doc)));
  if (list.length > 1) {
    const second = list[1] as Document.Parsed;
    const start = second.range?.[0] ?? text.length;
    const sep = text.lastIndexOf('---', start);
    const at = sep >= 0 && sep <= start ? sep : start;
    diagnostics.push(
      diag(
        yamlCodes['yaml.multiple-documents'],
        `This file has ${list.length} YAML documents; only the first is validated and FlowTime ignores the rest.`,
        doc.rangeOf(at, at + 3),
      ),
    );
    // Syntax errors in later documents still matter to the author.
    for (const later of list.slice(1)) {
      for (const err of later.errors) {
        const [s, e] = err.pos;
        diagnostics.push(diag(yamlCodes['yaml.syntax'], cleanMessage(err.message), doc.rangeOf(s, Math.max(e, s + 1))));
      }
    }
  }
  return { doc, diagnostics, documentCount: list.length };
}

function cleanMessage(message: string): string {
  // The yaml library appends " at line N, column M:" and a source excerpt; our range already says where.
  return message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').trim();
}

type Pending = (doc: PositionedDocument) => Diagnostic;

class Converter {
  readonly diagnostics: Pending[] = [];
  private aliasBudget = ALIAS_NODE_BUDGET;
  private aliasExhausted = false;
  private readonly expanding = new Set<YamlNode>();

  constructor(
    private readonly text: string,
    private readonly document: Document.Parsed | undefined,
  ) {}

  convert(node: YamlNode | null | undefined, pointer: string, viaAlias = false, at?: [number, number]): YNode {
    if (viaAlias && --this.aliasBudget < 0) {
      if (!this.aliasExhausted) {
        this.aliasExhausted = true;
        const [s, e] = at ?? [0, 0];
        this.diagnostics.push((d) =>
          diag(yamlCodes['yaml.alias-limit'], `Alias expansion exceeds ${ALIAS_NODE_BUDGET} nodes; the rest of the aliases are treated as empty.`, d.rangeOf(s, e)),
        );
      }
      return this.emptyScalar(pointer, at?.[0] ?? 0);
    }
    if (!node) return this.emptyScalar(pointer, at?.[0] ?? 0);
    if (isAlias(node)) return this.convertAlias(node, pointer);
    if (isScalar(node)) return this.convertScalar(node, pointer, viaAlias);
    if (isMap(node)) {
      const [start, , end] = node.range ?? [0, 0, 0];
      const out: MapNode = { type: 'map', entries: [], flow: Boolean(node.flow), start, end: trimEnd(this.text, start, end), pointer };
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const entry = this.convertPair(item as Pair<YamlNode, YamlNode>, pointer, viaAlias);
        if (entry) out.entries.push(entry);
      }
      return out;
    }
    if (isSeq(node)) {
      const [start, , end] = node.range ?? [0, 0, 0];
      const out: SeqNode = { type: 'seq', items: [], flow: Boolean(node.flow), start, end: trimEnd(this.text, start, end), pointer };
      node.items.forEach((item, i) => {
        out.items.push(this.convert(item as YamlNode | null, joinPointer(pointer, i), viaAlias, [out.end, out.end]));
      });
      return out;
    }
    return this.emptyScalar(pointer, 0);
  }

  private convertPair(pair: Pair<YamlNode, YamlNode>, pointer: string, viaAlias: boolean): MapEntry | undefined {
    const key = pair.key as YamlNode | null;
    if (key && !isScalar(key) && !isAlias(key)) {
      const [s, e] = key.range ?? [0, 0];
      this.diagnostics.push((d) => diag(yamlCodes['yaml.non-scalar-key'], 'Mapping keys must be strings; FlowTime drops this entry.', d.rangeOf(s, e)));
      return undefined;
    }
    const keyScalar = key && isScalar(key) ? key : undefined;
    const keyText = keyScalar ? String(keyScalar.value ?? '') : '';
    const [ks, ke] = keyScalar?.range ?? [0, 0];
    const childPointer = joinPointer(pointer, keyText);
    const keyNode: ScalarNode = { type: 'scalar', value: keyText, text: keyText, style: styleOf(keyScalar), start: ks, end: ke, pointer: childPointer };
    const valueNode = pair.value as YamlNode | null;
    const value = this.convert(valueNode, childPointer, viaAlias, [ke + 1, ke + 1]);
    return { key: keyText, keyNode, value };
  }

  private convertAlias(alias: Alias, pointer: string): YNode {
    const [s, e] = alias.range ?? [0, 0];
    const target = this.document ? (alias.resolve(this.document) as YamlNode | undefined) : undefined;
    if (!target) {
      this.diagnostics.push((d) => diag(yamlCodes['yaml.unknown-alias'], `Unknown alias *${alias.source}.`, d.rangeOf(s, e)));
      return this.emptyScalar(pointer, s);
    }
    if (this.expanding.has(target)) {
      this.diagnostics.push((d) => diag(yamlCodes['yaml.alias-cycle'], `Alias *${alias.source} refers to a node that contains it.`, d.rangeOf(s, e)));
      return this.emptyScalar(pointer, s);
    }
    this.expanding.add(target);
    try {
      const out = this.convert(target, pointer, true, [s, e]);
      // The expansion's root is located at the alias itself: that is what the author wrote here.
      out.start = s;
      out.end = e;
      return out;
    } finally {
      this.expanding.delete(target);
    }
  }

  private convertScalar(node: Scalar, pointer: string, viaAlias: boolean): ScalarNode {
    const [start, end] = node.range ?? [0, 0];
    const raw = node.value;
    const text = raw === null || raw === undefined ? '' : String(raw);
    const style = styleOf(node);
    const tag = node.tag;
    let value: ScalarNode['value'];
    if (style !== 'plain' || tag === '!!str' || tag === 'tag:yaml.org,2002:str') value = text;
    else value = typePlainScalar(text);
    void viaAlias;
    return { type: 'scalar', value, text, style, start, end, pointer };
  }

  private emptyScalar(pointer: string, at: number): ScalarNode {
    return { type: 'scalar', value: '', text: '', style: 'plain', start: at, end: at, pointer };
  }
}

function styleOf(node: Scalar | undefined): ScalarStyle {
  switch (node?.type) {
    case Scalar.QUOTE_DOUBLE:
      return 'double';
    case Scalar.QUOTE_SINGLE:
      return 'single';
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL:
      return 'block';
    default:
      return 'plain';
  }
}

/** Collections' ranges include trailing blank lines and comments; trim them so ranges end on content. */
function trimEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

/** Builds the plain JS value (FlowTime-typed); every key is an own data property, `__proto__` included. */
export function toJs(node: YNode): unknown {
  if (node.type === 'scalar') return node.value;
  if (node.type === 'seq') return node.items.map(toJs);
  const obj: Record<string, unknown> = {};
  for (const e of node.entries) {
    // A plain assignment makes the same own data property, except for `__proto__`, which it would treat as the prototype.
    if (e.key === '__proto__') {
      Object.defineProperty(obj, e.key, { value: toJs(e.value), enumerable: true, writable: true, configurable: true });
    } else obj[e.key] = toJs(e.value);
  }
  return obj;
}
