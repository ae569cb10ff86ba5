// Snippet text for inserted keys and list items: `key: `, nested required keys, whole node skeletons per kind.
import type { SchemaFlavor, JsonSchema, YamlPath } from './completion-schema';
import { enumValues, keysAt, oneOfRequired, schemaAt, valueShape } from './completion-schema';

/** Escapes literal text for an LSP snippet. */
export function esc(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Numbers tab stops in order of use. */
export class TabStops {
  private n = 0;
  next(placeholder?: string): string {
    this.n += 1;
    return placeholder === undefined || placeholder === '' ? `\${${this.n}}` : `\${${this.n}:${esc(placeholder)}}`;
  }
  choice(values: readonly string[]): string {
    this.n += 1;
    return `\${${this.n}|${values.map((v) => v.replace(/[\\|,$}]/g, (c) => `\\${c}`)).join(',')}|}`;
  }
}

/** A sensible placeholder for a scalar value: an example, the default, or nothing. */
function scalarPlaceholder(s: JsonSchema | undefined): string {
  const ex = s?.examples?.find((e) => typeof e === 'string' || typeof e === 'number');
  if (ex !== undefined && !(typeof ex === 'string' && ex.includes('${'))) return String(ex);
  if (s?.default !== undefined && typeof s.default !== 'object') return String(s.default);
  return '';
}

function scalarStop(stops: TabStops, s: JsonSchema | undefined): string {
  const values = enumValues(s);
  if (values.length > 1) return stops.choice(values);
  if (values.length === 1) return esc(values[0]);
  const type = s?.type;
  if (type === 'array') return `[${stops.next(exampleList(s))}]`;
  return stops.next(scalarPlaceholder(s));
}

function exampleList(s: JsonSchema | undefined): string {
  const ex = s?.examples?.find((e) => Array.isArray(e));
  return Array.isArray(ex) ? ex.join(', ') : '';
}

/**
 * Lines for the required keys of the mapping at `path`, each at `indent`. Objects nest one more level; lists of
 * mappings get one item. Returns [] when the mapping requires nothing.
 */
export function requiredBody(flavor: SchemaFlavor, path: YamlPath, indent: string, stops: TabStops, depth = 0): string[] {
  const all = keysAt(flavor, path);
  const either = oneOfRequired(flavor, path);
  const keys = all.filter((k) => k.required || k.name === either);
  const lines: string[] = [];
  for (const k of keys) lines.push(...keyLines(flavor, [...path, k.name], k.name, k.schema, indent, stops, depth));
  return lines;
}

function keyLines(flavor: SchemaFlavor, path: YamlPath, name: string, s: JsonSchema, indent: string, stops: TabStops, depth: number): string[] {
  const shape = valueShape(flavor, s);
  const child = `${indent}  `;
  if (shape === 'object' && depth < 2) {
    const body = requiredBody(flavor, path, child, stops, depth + 1);
    return [`${indent}${esc(name)}:`, ...(body.length ? body : [`${child}${stops.next()}`])];
  }
  if (shape === 'array-of-objects' && depth < 2) {
    const item = itemLines(flavor, [...path, '#'], child, stops, depth + 1);
    return [`${indent}${esc(name)}:`, ...item];
  }
  if (shape === 'array-of-scalars') return [`${indent}${esc(name)}: [${stops.next(exampleList(s))}]`];
  return [`${indent}${esc(name)}: ${scalarStop(stops, s)}`];
}

/** One list item (`- first: …` then the other required keys) whose dash is at `indent`. */
export function itemLines(flavor: SchemaFlavor, itemPath: YamlPath, indent: string, stops: TabStops, depth = 0): string[] {
  const body = requiredBody(flavor, itemPath, `${indent}  `, stops, depth);
  if (body.length === 0) return [`${indent}- ${stops.next()}`];
  return [`${indent}- ${body[0].slice(indent.length + 2)}`, ...body.slice(1)];
}

export interface KeyInsert {
  text: string;
  snippet: boolean;
  multiline: boolean;
  /** A completion list is useful right after inserting (enum values, ids). */
  retrigger: boolean;
}

/**
 * What to insert for `key` typed at column `column` (block style): `key: ` for scalars, a nested block for mappings
 * and lists of mappings (with their required keys), `key: [ ]` for lists of numbers or strings.
 */
export function keyInsert(flavor: SchemaFlavor, path: YamlPath, name: string, s: JsonSchema, column: number, valueHelp: boolean): KeyInsert {
  const shape = valueShape(flavor, s);
  const indent = ' '.repeat(column);
  const stops = new TabStops();
  if (shape === 'object' || shape === 'array-of-objects') {
    const lines = keyLines(flavor, [...path, name], name, s, indent, stops, 0);
    const text = [lines[0].slice(indent.length), ...lines.slice(1)].join('\n');
    return { text, snippet: true, multiline: true, retrigger: false };
  }
  if (shape === 'array-of-scalars') return { text: `${esc(name)}: [$1]`, snippet: true, multiline: false, retrigger: valueHelp };
  return { text: `${name}: `, snippet: false, multiline: false, retrigger: valueHelp };
}

/** The node kinds' skeletons, inserted after `- ` at column `column`. */
export function nodeSkeleton(kind: string, id: string, column: number, bins: number | undefined): string {
  const ind = ' '.repeat(column);
  const stops = new TabStops();
  const lines = [`id: ${stops.next(id)}`, `${ind}kind: ${kind}`];
  switch (kind) {
    case 'const': {
      const n = bins !== undefined && bins >= 1 && bins <= 10000 ? bins : 0;
      lines.push(`${ind}values: [${n ? stops.next(Array(n).fill('0').join(', ')) : stops.next()}]`);
      break;
    }
    case 'expr':
      lines.push(`${ind}expr: "${stops.next()}"`);
      break;
    case 'pmf':
      lines.push(`${ind}pmf:`, `${ind}  values: [${stops.next('10, 20, 30')}]`, `${ind}  probabilities: [${stops.next('0.2, 0.5, 0.3')}]`);
      break;
    case 'serviceWithBuffer':
      lines.push(`${ind}inflow: ${stops.next('arrivals')}`, `${ind}outflow: ${stops.next('served')}`);
      break;
    case 'router':
      lines.push(`${ind}inputs:`, `${ind}  queue: ${stops.next('queue')}`, `${ind}routes:`, `${ind}  - target: ${stops.next('target')}`, `${ind}    weight: ${stops.next('1')}`);
      break;
    default:
      break;
  }
  return `${lines.join('\n')}$0`;
}

/** Whether a mapping schema at `path` exists (something to complete keys from). */
export function hasKeys(flavor: SchemaFlavor, path: YamlPath): boolean {
  const s = schemaAt(flavor, path);
  return Boolean(s && (s.properties || s.oneOf || s.anyOf || s.allOf));
}
