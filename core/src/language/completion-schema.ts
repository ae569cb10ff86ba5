// Walks the model and template JSON Schemas by YAML path: the keys allowed in a mapping, a key's docs, its enum values.
import { modelSchema, templateSchema } from '../schema/compile';

/** The subset of JSON Schema the two FlowTime schemas use. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
}

export type SchemaFlavor = 'model' | 'template';

/** A path segment is a mapping key, or `#` for any item of a sequence. */
export type YamlPath = readonly string[];

export const NODE_KINDS = ['const', 'expr', 'pmf', 'serviceWithBuffer', 'router'] as const;

/**
 * Template node keys per kind. The template schema allows every key on every node, but generation keeps only the
 * keys of the node's kind (the model arms), plus the authoring-only keys listed here.
 */
const TEMPLATE_KIND_KEYS: Record<string, string[]> = {
  const: ['values', 'source'],
  expr: ['expr', 'dependencies'],
  pmf: ['pmf', 'profile', 'source'],
  serviceWithBuffer: ['inflow', 'outflow', 'loss', 'dispatchSchedule'],
  router: ['inputs', 'routes'],
};
const TEMPLATE_COMMON_KEYS = ['id', 'kind', 'metadata', 'group', 'telemetry'];

const roots: Record<SchemaFlavor, JsonSchema> = {
  model: modelSchema as unknown as JsonSchema,
  template: templateSchema as unknown as JsonSchema,
};

function deref(root: JsonSchema, s: JsonSchema | undefined): JsonSchema | undefined {
  let cur = s;
  for (let guard = 0; cur?.$ref && guard < 10; guard++) {
    const path = cur.$ref.replace(/^#\//, '').split('/');
    let target: unknown = root;
    for (const p of path) target = (target as Record<string, unknown> | undefined)?.[p];
    // Keep a sibling description (`{$ref, description}`) when the target has its own: the target is more general.
    cur = target as JsonSchema | undefined;
  }
  return cur;
}

/** Arms a mapping schema is made of: itself, its oneOf/anyOf alternatives and its allOf parts. */
function arms(root: JsonSchema, s: JsonSchema): JsonSchema[] {
  const out = [s];
  for (const list of [s.oneOf, s.anyOf, s.allOf]) {
    for (const a of list ?? []) {
      const d = deref(root, a);
      if (d) out.push(d);
    }
  }
  return out;
}

/** The model node arm for a kind (`$defs/constNode` ...). */
function modelArm(kind: string): JsonSchema | undefined {
  const root = roots.model;
  const node = deref(root, { $ref: '#/$defs/node' });
  for (const ref of node?.oneOf ?? []) {
    const arm = deref(root, ref);
    if (arm?.properties?.kind?.const === kind) return arm;
  }
  return undefined;
}

/** The property schema of `key` inside `s`, looking through $ref and the alternatives; the most documented wins. */
function property(root: JsonSchema, s: JsonSchema, key: string): JsonSchema | undefined {
  let found: JsonSchema | undefined;
  for (const arm of arms(root, s)) {
    const p = arm.properties?.[key];
    if (!p) continue;
    const d = deref(root, p);
    const merged: JsonSchema = { ...d, ...(p.description && !d?.description ? { description: p.description } : {}) };
    // Arms repeat `id`/`kind` with just a description; the base declaration (type, pattern, enum) is better.
    if (!found || score(merged) > score(found)) found = merged;
  }
  return found;
}

function score(s: JsonSchema): number {
  return (s.type ? 2 : 0) + (s.enum ? 2 : 0) + (s.properties ? 2 : 0) + (s.items ? 1 : 0) + (s.anyOf || s.oneOf ? 1 : 0);
}

/** The schema at `path` in one flavor (undefined where the schema says nothing). */
function at(flavor: SchemaFlavor, path: YamlPath): JsonSchema | undefined {
  const root = roots[flavor];
  let cur: JsonSchema | undefined = root;
  for (const seg of path) {
    cur = deref(root, cur);
    if (!cur) return undefined;
    if (seg === '#') {
      cur = cur.items ?? arms(root, cur).find((a) => a.items)?.items;
    } else {
      cur = property(root, cur, seg);
    }
  }
  return deref(root, cur);
}

/**
 * The schema at `path`. Templates fall back to the model schema where theirs is silent (node metadata keys, `ui`,
 * edge `type` enums): generation copies those through, and the model schema then judges them.
 */
export function schemaAt(flavor: SchemaFlavor, path: YamlPath): JsonSchema | undefined {
  const own = at(flavor, path);
  if (flavor === 'model') return own;
  const model = at('model', path);
  if (!own) return model;
  if (!model) return own;
  const merged: JsonSchema = { ...own };
  if (!own.properties && model.properties) merged.properties = model.properties;
  if (!own.enum && model.enum && typeof own.type === 'string' && own.type === model.type) merged.enum = model.enum;
  return merged;
}

export interface KeyInfo {
  name: string;
  schema: JsonSchema;
  required: boolean;
  /** Node kinds that own this key, for node keys offered before the kind is known. */
  kinds?: string[];
}

function isNodeItem(path: YamlPath): boolean {
  return path.length === 2 && path[0] === 'nodes' && path[1] === '#';
}

/**
 * The keys a mapping at `path` accepts, in schema order. For a node item the kind picks the keys (and what is
 * required); without a kind every kind's keys are listed.
 */
export function keysAt(flavor: SchemaFlavor, path: YamlPath, nodeKind?: string): KeyInfo[] {
  if (isNodeItem(path)) return nodeKeys(flavor, nodeKind);
  const s = schemaAt(flavor, path);
  if (!s) return [];
  const root = roots[flavor];
  const out = new Map<string, KeyInfo>();
  const required = new Set<string>();
  for (const r of s.required ?? []) required.add(r);
  // allOf parts must all hold; oneOf/anyOf alternatives only contribute keys (one of them is enough).
  for (const part of s.allOf ?? []) for (const r of deref(root, part)?.required ?? []) required.add(r);
  for (const arm of arms(root, s)) {
    for (const name of Object.keys(arm.properties ?? {})) {
      if (!out.has(name)) out.set(name, { name, schema: property(root, s, name) ?? {}, required: false });
    }
  }
  // A template mapping with no properties of its own borrows the model's (see schemaAt).
  if (out.size === 0 && s.properties) {
    for (const [name, p] of Object.entries(s.properties)) out.set(name, { name, schema: p, required: false });
  }
  for (const info of out.values()) info.required = required.has(info.name);
  return [...out.values()];
}

function nodeKeys(flavor: SchemaFlavor, kind: string | undefined): KeyInfo[] {
  const known = kind !== undefined && (NODE_KINDS as readonly string[]).includes(kind);
  const base: KeyInfo[] = [];
  const path = ['nodes', '#'];
  const nodeSchema = at(flavor, path) ?? {};
  const root = roots[flavor];
  const doc = (name: string): JsonSchema => property(root, nodeSchema, name) ?? at('model', [...path, name]) ?? {};
  base.push({ name: 'id', schema: doc('id'), required: true }, { name: 'kind', schema: doc('kind'), required: true });
  const kinds = known ? [kind] : [...NODE_KINDS];
  const seen = new Set(['id', 'kind']);
  const perKind: KeyInfo[] = [];
  for (const k of kinds) {
    const arm = modelArm(k);
    const armKeys = flavor === 'model' ? Object.keys(arm?.properties ?? {}) : [...TEMPLATE_KIND_KEYS[k], ...TEMPLATE_COMMON_KEYS];
    const req = new Set(arm?.required ?? []);
    for (const name of armKeys) {
      const existing = perKind.find((p) => p.name === name);
      if (existing) {
        existing.kinds?.push(k);
        continue;
      }
      if (seen.has(name)) continue;
      seen.add(name);
      const schema = flavor === 'model' ? property(root, arm ?? {}, name) ?? {} : doc(name);
      perKind.push({ name, schema, required: known && req.has(name), kinds: [k] });
    }
  }
  // Keys every kind accepts need no kind label, and come after the kind's own keys.
  const shared = sharedNodeKeys(flavor);
  const common = perKind.filter((p) => shared.has(p.name));
  for (const p of common) delete p.kinds;
  return [...base, ...perKind.filter((p) => !shared.has(p.name)), ...common];
}

/** Keys that every node kind accepts (id, kind, metadata ...). */
function sharedNodeKeys(flavor: SchemaFlavor): Set<string> {
  if (flavor === 'template') return new Set(TEMPLATE_COMMON_KEYS);
  const sets = NODE_KINDS.map((k) => new Set(Object.keys(modelArm(k)?.properties ?? {})));
  return new Set([...sets[0]].filter((name) => sets.every((set) => set.has(name))));
}

/**
 * The key to add when a mapping needs one of several keys (`anyOf: [{required: [classes]}, {required: [weight]}]`):
 * a scalar one when there is a choice, since it is the simplest to fill in.
 */
export function oneOfRequired(flavor: SchemaFlavor, path: YamlPath): string | undefined {
  const s = schemaAt(flavor, path);
  const alts = [...(s?.anyOf ?? []), ...(s?.oneOf ?? [])].filter((a) => a.required?.length === 1 && !a.properties);
  if (!s || alts.length === 0) return undefined;
  const names = alts.map((a) => a.required![0]);
  return names.find((n) => valueShape(flavor, s.properties?.[n]) === 'scalar') ?? names[0];
}

/** Node kinds that accept every one of `keys` (keys outside the node schema are ignored). */
export function kindsAccepting(flavor: SchemaFlavor, keys: readonly string[]): string[] {
  return NODE_KINDS.filter((k) => {
    const allowed = new Set(nodeKeys(flavor, k).map((i) => i.name));
    const all = new Set(nodeKeys(flavor, undefined).map((i) => i.name));
    return keys.every((key) => !all.has(key) || allowed.has(key));
  });
}

export type ValueShape = 'scalar' | 'object' | 'array-of-objects' | 'array-of-scalars' | 'unknown';

/** How a value of this schema is written, for the text inserted after a completed key. */
export function valueShape(flavor: SchemaFlavor, s: JsonSchema | undefined): ValueShape {
  if (!s) return 'unknown';
  const types = typesOf(flavor, s);
  if (types.length === 1 && types[0] === 'object') return 'object';
  if (types.length === 1 && types[0] === 'array') {
    const item = deref(roots[flavor], s.items) ?? deref(roots.model, s.items);
    const itemTypes = item ? typesOf(flavor, item) : [];
    return itemTypes.includes('object') || item?.properties ? 'array-of-objects' : 'array-of-scalars';
  }
  if (s.properties && !types.length) return 'object';
  return types.length ? 'scalar' : 'unknown';
}

export function typesOf(flavor: SchemaFlavor, s: JsonSchema): string[] {
  const out = new Set<string>();
  const add = (t: string | string[] | undefined): void => {
    for (const x of Array.isArray(t) ? t : t ? [t] : []) out.add(x);
  };
  add(s.type);
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) add(deref(roots[flavor], alt)?.type);
  return [...out];
}

/** One line saying what a value of this schema is (`integer 1..10000`, `one of: a, b`, `list of numbers`...). */
export function describeType(flavor: SchemaFlavor, s: JsonSchema): string {
  if (s.const !== undefined) return `always \`${JSON.stringify(s.const)}\``;
  if (s.enum) return `one of ${s.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  const parts: string[] = [];
  const alts = [...(s.anyOf ?? []), ...(s.oneOf ?? [])].map((a) => deref(roots[flavor], a) ?? {});
  const variants = alts.length ? alts : [s];
  for (const v of variants) {
    const t = v.type;
    if (v.pattern && /\\\$\\\{/.test(v.pattern)) {
      parts.push('an exact `${parameter}` placeholder');
      continue;
    }
    for (const one of Array.isArray(t) ? t : t ? [t] : []) parts.push(typeWords(flavor, one, v));
  }
  return parts.join(' or ');
}

function typeWords(flavor: SchemaFlavor, t: string, s: JsonSchema): string {
  const range = rangeText(s);
  switch (t) {
    case 'integer':
      return `integer${range}`;
    case 'number':
      return `number${range}`;
    case 'string':
      return s.format === 'date-time' ? 'ISO-8601 date-time string' : 'string';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'mapping';
    case 'array': {
      const item = deref(roots[flavor], s.items);
      const it = item ? typesOf(flavor, item) : [];
      const what = it.length === 1 ? (it[0] === 'object' ? 'mappings' : `${it[0]}s`) : 'values';
      return `list of ${what}${s.minItems ? ` (at least ${s.minItems})` : ''}`;
    }
    default:
      return t;
  }
}

function rangeText(s: JsonSchema): string {
  if (s.minimum !== undefined && s.maximum !== undefined) return ` ${s.minimum}..${s.maximum}`;
  if (s.minimum !== undefined) return ` ≥ ${s.minimum}`;
  if (s.exclusiveMinimum !== undefined) return ` > ${s.exclusiveMinimum}`;
  if (s.maximum !== undefined) return ` ≤ ${s.maximum}`;
  return '';
}

/** Values offered after `key: ` when the schema fixes them: enum values or a const. */
export function enumValues(s: JsonSchema | undefined): string[] {
  if (!s) return [];
  if (s.enum) return s.enum.map(String);
  if (s.const !== undefined) return [String(s.const)];
  return [];
}
