// Inlay hints: a PMF node's expected value, and in templates the value each `${param}` resolves to by default.
import type { Range } from '../diagnostics';
import { findPlaceholders } from '../template/subst-scan';
import { formatForSubstitution } from '../template/subst-format';
import type { ParameterDef } from '../template/types';
import type { MapNode, YNode } from '../yaml/document';
import type { Analysis } from './analysis';
import { eachItem, field } from './symbols-tree';
import type { InlayHintEntry } from './types';

const LABEL_MAX = 40;

export function inlayHints(a: Analysis, range: Range): InlayHintEntry[] {
  const from = a.lines.offset(range.start);
  const to = a.lines.offset(range.end);
  const out: { offset: number; hint: InlayHintEntry }[] = [];
  const add = (offset: number, label: string, tooltip: string): void => {
    if (offset < from || offset > to) return;
    out.push({ offset, hint: { position: a.lines.position(offset), label, tooltip, paddingLeft: true } });
  };
  pmfHints(a, from, to, add);
  if (a.kind === 'template') placeholderHints(a, add);
  return out.sort((x, y) => x.offset - y.offset).map((h) => h.hint);
}

type Add = (offset: number, label: string, tooltip: string) => void;

function pmfHints(a: Analysis, from: number, to: number, add: Add): void {
  const root = a.parsed.doc.root;
  eachItem(field(root, 'nodes'), (item) => {
    if (item.type !== 'map' || item.end < from || item.start > to) return;
    const entry = (item as MapNode).entries.find((e) => e.key === 'pmf');
    if (!entry) return;
    const values = numbers(field(entry.value, 'values'));
    const probabilities = numbers(field(entry.value, 'probabilities'));
    if (!values || !probabilities || values.length !== probabilities.length || values.length === 0) return;
    let weighted = 0;
    let total = 0;
    for (let i = 0; i < values.length; i++) {
      weighted += values[i] * probabilities[i];
      total += probabilities[i];
    }
    if (!(total > 0) || !Number.isFinite(weighted)) return;
    const expected = weighted / total;
    const tooltip =
      `Expected value of this PMF: Σ v·p / Σ p over ${values.length} outcome${values.length === 1 ? '' : 's'}` +
      (Math.abs(total - 1) > 1e-9 ? ` (the probabilities sum to ${shortNumber(total)}, not 1)` : '') +
      '.';
    add(hintOffset(a.text, entry.keyNode.end, entry.value), `E = ${shortNumber(expected)}`, tooltip);
  });
}

/** Right after `pmf:` when the map is on the following lines; after the flow map when it is written inline. */
function hintOffset(text: string, keyEnd: number, value: YNode): number {
  const colon = text.indexOf(':', keyEnd);
  const lineEnd = text.indexOf('\n', keyEnd);
  if (value.type === 'map' && value.flow && (lineEnd < 0 || value.end <= lineEnd)) return value.end;
  return colon >= 0 && (lineEnd < 0 || colon < lineEnd) ? colon + 1 : keyEnd;
}

function numbers(node: YNode | undefined): number[] | undefined {
  if (node?.type !== 'seq') return undefined;
  const out: number[] = [];
  for (const item of node.items) {
    if (item.type !== 'scalar' || typeof item.value !== 'number' || !Number.isFinite(item.value)) return undefined;
    out.push(item.value);
  }
  return out;
}

function placeholderHints(a: Analysis, add: Add): void {
  // Sim keeps the later of two declarations with the same name.
  const byName = new Map<string, ParameterDef>();
  for (const p of a.params) byName.set(p.name, p);
  for (const p of findPlaceholders(a.text)) {
    if (p.inComment) continue;
    const def = byName.get(p.name);
    if (!def || !def.hasDefault || def.default === undefined) continue;
    const value = formatForSubstitution(def.default);
    const label = value.length > LABEL_MAX ? `= ${value.slice(0, LABEL_MAX - 1)}…` : `= ${value}`;
    add(p.end, label, `\`\${${p.name}}\` is replaced by its default, \`${value}\`, unless a value is given.`);
  }
}

/** Up to six significant digits, without trailing zeros or exponent notation for everyday magnitudes. */
export function shortNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const s = Number(n.toPrecision(6));
  return String(s);
}
