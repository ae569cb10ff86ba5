// Completion entries for declared ids: nodes, topology nodes, classes, constraints and template parameters.
import type { Range } from '../diagnostics';
import type { ParameterDef } from '../template/types';
import { formatForSubstitution } from '../template/subst-format';
import { isAmbiguousString } from '../yaml/scalar-typing';
import type { Analysis } from './analysis';
import type { SymbolCategory, SymbolDef } from './symbols';
import type { CompletionEntry } from './types';

/** Pointer of the list item declaring a symbol (the def's pointer is the one of its id/name value). */
export function entryPointer(d: SymbolDef): string {
  const i = d.pointer.lastIndexOf('/');
  const last = d.pointer.slice(i + 1);
  return last === 'id' || last === 'name' ? d.pointer.slice(0, i) : d.pointer;
}

const declaredCache = new WeakMap<Analysis, Map<SymbolCategory, SymbolDef[]>>();

/** Declared ids of one category, first declaration per name, in document order (cached per analysis). */
export function declared(a: Analysis, category: SymbolCategory): SymbolDef[] {
  let byCategory = declaredCache.get(a);
  if (!byCategory) declaredCache.set(a, (byCategory = new Map()));
  let list = byCategory.get(category);
  if (!list) {
    list = [];
    const seen = new Set<string>();
    for (const d of a.symbols.defs) {
      if (d.category !== category || seen.has(d.name)) continue;
      seen.add(d.name);
      list.push(d);
    }
    byCategory.set(category, list);
  }
  return list;
}

export interface ValueTextOptions {
  /** The value is inside quotes already: insert the text as is. */
  quoted: boolean;
}

/** Text for a plain YAML value: quoted when it would otherwise be re-typed or read as YAML syntax (`*`, `@`...). */
export function valueText(value: string, opts: ValueTextOptions): string {
  if (opts.quoted) return value;
  if (isAmbiguousString(value) || /^[*&!%@`|>'"[\]{},#?-]/.test(value) || /: | #/.test(value)) return JSON.stringify(value);
  return value;
}

/** Node ids as completion entries (detail: the node's kind). */
export function nodeEntries(a: Analysis, range: Range, opts: ValueTextOptions & { exclude?: string }): CompletionEntry[] {
  const defs = declared(a, 'node');
  const out: CompletionEntry[] = [];
  // Large models list thousands of ids: one small object each, nothing computed per id. They sort by label, so
  // other entries place themselves around them with a sortText ('0…' before, '~…' after).
  for (let i = 0; i < defs.length; i++) {
    const d = defs[i];
    if (d.name === opts.exclude) continue;
    const entry: CompletionEntry = { label: d.name, kind: 'node', detail: d.kind ? KIND_DETAIL[d.kind] ?? `${d.kind} node` : 'node', range };
    if (!opts.quoted) {
      const text = valueText(d.name, opts);
      if (text !== d.name) entry.insertText = text;
    }
    out.push(entry);
  }
  return out;
}

const KIND_DETAIL: Record<string, string> = {
  const: 'const node',
  expr: 'expr node',
  pmf: 'pmf node',
  serviceWithBuffer: 'serviceWithBuffer node',
  router: 'router node',
};

export function topologyEntries(a: Analysis, range: Range, opts: ValueTextOptions): CompletionEntry[] {
  return declared(a, 'topology').map((d) => {
    const text = valueText(d.name, opts);
    return {
      label: d.name,
      kind: 'topology' as const,
      detail: d.kind ? `topology ${d.kind}` : 'topology node',
      ...(text !== d.name ? { insertText: text } : {}),
      range,
      sortText: `1${d.name}`,
    };
  });
}

export function classEntries(a: Analysis, range: Range, opts: ValueTextOptions): CompletionEntry[] {
  const root = a.parsed.doc.value as { classes?: unknown } | undefined;
  const classes = Array.isArray(root?.classes) ? (root.classes as Record<string, unknown>[]) : [];
  return declared(a, 'class').map((d) => {
    const item = classes.find((c) => c && typeof c === 'object' && c.id === d.name);
    const display = typeof item?.displayName === 'string' ? item.displayName : undefined;
    const description = typeof item?.description === 'string' ? item.description : undefined;
    const text = valueText(d.name, opts);
    return {
      label: d.name,
      kind: 'class' as const,
      detail: display ? `class · ${display}` : 'class',
      ...(description ? { documentation: description } : {}),
      ...(text !== d.name ? { insertText: text } : {}),
      range,
      sortText: `1${d.name}`,
    };
  });
}

export function constraintEntries(a: Analysis, range: Range, opts: ValueTextOptions): CompletionEntry[] {
  return declared(a, 'constraint').map((d) => {
    const text = valueText(d.name, opts);
    return { label: d.name, kind: 'value' as const, detail: 'topology constraint', ...(text !== d.name ? { insertText: text } : {}), range, sortText: `1${d.name}` };
  });
}

/** One line about a parameter: `integer = 12 (6..72)`. */
export function parameterDetail(p: ParameterDef): string {
  const parts: string[] = [p.type];
  if (p.default !== undefined) parts.push(`= ${short(formatForSubstitution(p.default))}`);
  if (p.min !== undefined || p.max !== undefined) parts.push(`(${p.min ?? ''}..${p.max ?? ''})`);
  return parts.join(' ');
}

export function parameterDoc(p: ParameterDef): string | undefined {
  const lines: string[] = [];
  if (p.title) lines.push(`**${p.title}**`);
  if (p.description) lines.push(p.description);
  return lines.length ? lines.join('\n\n') : undefined;
}

function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** grid.bins, resolving a template's `${bins}` to its parameter default. */
export function gridBins(a: Analysis): number | undefined {
  const grid = (a.parsed.doc.value as { grid?: { bins?: unknown } } | undefined)?.grid;
  const bins = grid && typeof grid === 'object' ? grid.bins : undefined;
  if (typeof bins === 'number' && Number.isInteger(bins)) return bins;
  if (typeof bins === 'string') {
    const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(bins.trim());
    const p = m ? parameters(a).find((x) => x.name === m[1]) : undefined;
    if (typeof p?.default === 'number' && Number.isInteger(p.default)) return p.default;
  }
  return undefined;
}

/** Parameters last declared under each name (Sim keeps the later of two declarations). */
export function parameters(a: Analysis): ParameterDef[] {
  const byName = new Map<string, ParameterDef>();
  for (const p of a.params) byName.set(p.name, p);
  return [...byName.values()];
}

/**
 * `${name}` entries. `closeBrace`: the name is typed after an existing `${`, so only `name}` is inserted (or just the
 * name when the `}` is already there); otherwise the whole placeholder.
 */
export function parameterEntries(
  a: Analysis,
  range: Range,
  mode: 'name' | 'name-and-brace' | 'placeholder',
  filter?: (p: ParameterDef) => boolean,
): CompletionEntry[] {
  return parameters(a)
    .filter((p) => !filter || filter(p))
    .map((p) => {
      const doc = parameterDoc(p);
      const placeholder = `\${${p.name}}`;
      return {
        label: mode === 'placeholder' ? placeholder : p.name,
        kind: 'parameter' as const,
        detail: parameterDetail(p),
        ...(doc ? { documentation: doc } : {}),
        insertText: mode === 'placeholder' ? placeholder : mode === 'name-and-brace' ? `${p.name}}` : p.name,
        ...(mode === 'placeholder' ? { filterText: placeholder } : {}),
        range,
        sortText: `~~${p.name}`,
      };
    });
}
