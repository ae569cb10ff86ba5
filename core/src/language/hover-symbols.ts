// Hover text for declared things: a node (kind, values or PMF, expression, uses), a topology node, a class, a parameter.
import { formatForSubstitution } from '../template/subst-format';
import type { ParameterDef } from '../template/types';
import type { Analysis } from './analysis';
import { entryPointer, gridBins, parameters } from './completion-symbols';
import type { SymbolCategory, SymbolDef, SymbolRef } from './symbols';

const PREVIEW = 8;
const PLACES = 5;

type Rec = Record<string, unknown>;

function rec(v: unknown): Rec | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : undefined;
}

/** The plain value at a JSON pointer of the document. */
function valueAt(a: Analysis, pointer: string): unknown {
  let cur: unknown = a.parsed.doc.value;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else cur = rec(cur)?.[seg];
    if (cur === undefined) return undefined;
  }
  return cur;
}

function code(s: string): string {
  const clean = s.replace(/\n/g, ' ');
  return clean.includes('`') ? `\`\` ${clean} \`\`` : `\`${clean}\``;
}

function num(v: unknown): string {
  return typeof v === 'number' ? String(Number(v.toPrecision(12))) : String(v);
}

function listPreview(values: unknown[]): string {
  const head = values.slice(0, PREVIEW).map(num).join(', ');
  return values.length > PREVIEW ? `${head}, …` : head;
}

/** Markdown for a symbol by category and name (declared or not). */
export function symbolHover(a: Analysis, category: SymbolCategory, name: string, hoveredRef: boolean): string {
  const defs = a.symbols.definitions(category, name);
  const def = defs[0];
  const parts: string[] = [];
  switch (category) {
    case 'node':
      parts.push(def ? nodeText(a, def) : `**${name}**: no node has this id.`);
      break;
    case 'topology':
      parts.push(def ? topologyText(a, def) : `**${name}**: no topology node has this id.`);
      break;
    case 'class':
      parts.push(def ? classText(a, def) : `**${name}**: no class has this id.`);
      break;
    case 'parameter': {
      const p = [...parameters(a)].find((x) => x.name === name);
      parts.push(p ? parameterText(p) : `**\${${name}}**: no parameter has this name, so Sim leaves the placeholder in the text.`);
      break;
    }
    case 'constraint':
      parts.push(def ? constraintText(a, def) : `**${name}**: no topology constraint has this id.`);
      break;
  }
  if (defs.length > 1) parts.push(`Declared ${defs.length} times (lines ${defs.map((d) => d.range.start.line + 1).join(', ')}).`);
  if (def && hoveredRef) parts.push(`Declared on line ${def.range.start.line + 1}.`);
  parts.push(usage(a, a.symbols.references(category, name)));
  return parts.filter(Boolean).join('\n\n');
}

function nodeText(a: Analysis, def: SymbolDef): string {
  const node = rec(valueAt(a, entryPointer(def))) ?? {};
  const kind = typeof node.kind === 'string' ? node.kind : def.kind;
  const lines = [`**${def.name}**: ${kind ?? 'untyped'} node`];
  const bins = gridBins(a);
  const values = node.values;
  if (Array.isArray(values)) {
    const count = bins === undefined ? `${values.length} values` : values.length === bins ? `${values.length} values = grid.bins` : `${values.length} values, but grid.bins is ${bins}`;
    lines.push(`values: ${code(listPreview(values))} (${count})`);
  } else if (typeof values === 'string' && values !== '') {
    lines.push(`values: ${code(values)}${placeholderValue(a, values)}`);
  }
  const pmf = rec(node.pmf);
  if (pmf) lines.push(pmfText(pmf));
  const profile = rec(node.profile);
  if (profile) {
    const pk = typeof profile.kind === 'string' ? profile.kind : 'builtin';
    const pn = typeof profile.name === 'string' ? ` ${code(profile.name)}` : '';
    lines.push(`profile: ${pk}${pn} (generated as a const series E[pmf] × weight per bin)`);
  }
  const expr = node.expr ?? node.expression;
  if (typeof expr === 'string' || typeof expr === 'number') lines.push(`expr: ${code(String(expr))}`);
  const refs = ['inflow', 'outflow', 'loss'].filter((k) => typeof node[k] === 'string').map((k) => `${k} ${code(String(node[k]))}`);
  if (refs.length) lines.push(refs.join(' · '));
  const queue = rec(node.inputs)?.queue;
  if (typeof queue === 'string') lines.push(`inputs.queue: ${code(queue)}`);
  if (Array.isArray(node.routes)) {
    const routes = node.routes.map(rec).filter((r): r is Rec => Boolean(r)).map((r) => {
      const how = Array.isArray(r.classes) ? `classes ${r.classes.join(', ')}` : r.weight !== undefined ? `weight ${num(r.weight)}` : '';
      return `${code(String(r.target ?? '?'))}${how ? ` (${how})` : ''}`;
    });
    if (routes.length) lines.push(`routes → ${routes.join(', ')}`);
  }
  const schedule = rec(node.dispatchSchedule);
  if (schedule) lines.push(`dispatch every ${num(schedule.periodBins)} bins${schedule.phaseOffset !== undefined ? `, phase ${num(schedule.phaseOffset)}` : ''}`);
  return lines.join('  \n');
}

/** The default of a `${param}` that fills a node's values, with its length against the grid. */
function placeholderValue(a: Analysis, text: string): string {
  const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(text.trim());
  if (!m) return '';
  const p = parameters(a).find((x) => x.name === m[1]);
  if (!p || p.default === undefined) return '';
  const d = p.default;
  if (Array.isArray(d)) return ` (default ${code(listPreview(d))}, ${d.length} values)`;
  return ` (default ${code(formatForSubstitution(d))})`;
}

function pmfText(pmf: Rec): string {
  const values = Array.isArray(pmf.values) ? pmf.values : [];
  const probs = Array.isArray(pmf.probabilities) ? pmf.probabilities : [];
  const n = Math.min(values.length, probs.length);
  const pairs: string[] = [];
  let expected = 0;
  let complete = n > 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const p = probs[i];
    if (typeof v !== 'number' || typeof p !== 'number') complete = false;
    else expected += v * p;
    if (i < PREVIEW) pairs.push(`${num(v)} (p ${num(p)})`);
  }
  if (n > PREVIEW) pairs.push('…');
  const e = complete ? `; expected value **${num(expected)}**` : '';
  return `PMF: ${pairs.join(', ') || 'empty'}${e}`;
}

function topologyText(a: Analysis, def: SymbolDef): string {
  const item = rec(valueAt(a, entryPointer(def))) ?? {};
  const lines = [`**${def.name}**: topology ${typeof item.kind === 'string' ? item.kind : 'node'}${item.nodeRole === 'sink' ? ' (sink)' : ''}`];
  const semantics = rec(item.semantics);
  if (semantics) {
    const rows = Object.entries(semantics)
      .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
      .map(([k, v]) => `| ${k} | ${code(String(v))} |`);
    if (rows.length) lines.push(['| semantics | series |', '|---|---|', ...rows].join('\n'));
  }
  const initial = rec(item.initialCondition);
  if (initial?.queueDepth !== undefined) lines.push(`initial queueDepth: ${num(initial.queueDepth)}`);
  return lines.join('\n\n');
}

function classText(a: Analysis, def: SymbolDef): string {
  const item = rec(valueAt(a, entryPointer(def))) ?? {};
  const lines = [`**${def.name}**: class${typeof item.displayName === 'string' ? ` · ${item.displayName}` : ''}`];
  if (typeof item.description === 'string') lines.push(item.description);
  return lines.join('\n\n');
}

function constraintText(a: Analysis, def: SymbolDef): string {
  const item = rec(valueAt(a, entryPointer(def))) ?? {};
  const semantics = rec(item.semantics);
  const pairs = semantics ? Object.entries(semantics).map(([k, v]) => `${k} ${code(String(v))}`) : [];
  return [`**${def.name}**: topology constraint`, pairs.join(' · ')].filter(Boolean).join('\n\n');
}

export function parameterText(p: ParameterDef): string {
  const head = `**\${${p.name}}**: ${p.type} parameter${p.title ? ` · ${p.title}` : ''}`;
  const facts: string[] = [];
  if (p.default !== undefined) facts.push(`default ${code(formatForSubstitution(p.default))}`);
  else if (!p.hasDefault) facts.push('no default: without a value the placeholder stays in the text');
  if (p.min !== undefined || p.max !== undefined) facts.push(`range ${p.min ?? '−∞'}..${p.max ?? '∞'}`);
  if (p.arrayOf) facts.push(`elements: ${p.arrayOf}`);
  return [head, facts.join(' · '), p.description ?? ''].filter(Boolean).join('\n\n');
}

/** "Used in N places: …" with the first few, each with its line. */
function usage(a: Analysis, refs: readonly SymbolRef[]): string {
  if (refs.length === 0) return 'Not referenced anywhere.';
  const places: string[] = [];
  const seen = new Set<string>();
  for (const r of refs) {
    const place = `${describePlace(a, r)} (line ${r.range.start.line + 1})`;
    if (seen.has(place)) continue;
    seen.add(place);
    if (places.length < PLACES) places.push(place);
  }
  const more = seen.size > PLACES ? `, and ${seen.size - PLACES} more` : '';
  return `Used ${refs.length === 1 ? 'once' : `${refs.length} times`}: ${places.join(', ')}${more}.`;
}

/** Where a reference sits, in domain words: `expr of served`, `Intake semantics.arrivals`, `outputs`. */
function describePlace(a: Analysis, r: SymbolRef): string {
  const segs = r.pointer.split('/').slice(1);
  const owner = (base: string): string | undefined => {
    const id = rec(valueAt(a, base))?.id;
    return typeof id === 'string' ? id : undefined;
  };
  const tail = (from: number): string => segs.slice(from).filter((s) => !/^\d+$/.test(s)).join('.');
  if (segs[0] === 'nodes' && segs.length >= 2) {
    const id = owner(`/nodes/${segs[1]}`);
    return `${tail(2) || 'node'} of ${id ? code(id) : `node ${segs[1]}`}`;
  }
  if (segs[0] === 'topology' && segs[1] === 'nodes' && segs.length >= 3) {
    const id = owner(`/topology/nodes/${segs[2]}`);
    return `${id ? code(id) : 'topology node'} ${tail(3)}`;
  }
  if (segs[0] === 'topology' && segs[1] === 'edges') {
    const id = owner(`/topology/edges/${segs[2]}`);
    return `edge ${id ? `${code(id)} ` : ''}${tail(3)}`;
  }
  if (segs[0] === 'topology' && segs[1] === 'constraints') {
    const id = owner(`/topology/constraints/${segs[2]}`);
    return `constraint ${id ? code(id) : ''} ${tail(3)}`.replace(/ {2}/g, ' ');
  }
  if (segs[0] === 'outputs') return 'outputs';
  if (segs[0] === 'traffic') return `traffic arrival ${tail(3)}`;
  return tail(0) || 'document';
}
