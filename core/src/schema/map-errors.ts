// Turns raw ajv errors into domain diagnostics: one finding per problem, phrased for the place it is about.
import type { ErrorObject } from 'ajv';
import { diag } from '../codes/make';
import { schemaCodes } from '../codes/schema';
import type { CodeInfo } from '../codes/registry';
import type { Diagnostic, FixData, Range } from '../diagnostics';
import type { SourceDocument } from '../yaml/document';
import { joinPointer } from '../yaml/document';
import { typePlainScalar } from '../yaml/scalar-typing';
import { describeValue, joinOr, listValues, quote, typePhrase } from './describe';
import { didYouMean } from './did-you-mean';
import { renameKey, replaceValue } from './edits';
import { requiredHint } from './hints';
import { NOT_A_NODE_KEY, TOPOLOGY_ONLY_KINDS, kindsAccepting } from './node-kinds';
import { ANCHOR_KEYS, MODEL_NODE_KINDS, placeOf, subjectOf, type Flavor, type Place } from './places';
import { isRecord, splitPointer, valueAt } from './pointer';
import type { ProblemBudget } from '../validate-budget';
import { RegionBounds } from './bounds';

export interface MapOptions {
  doc: SourceDocument;
  flavor: Flavor;
  /** Bounded validation: a finding the budget can no longer publish is not built (see validate-budget.ts). */
  budget?: ProblemBudget;
}

type SchemaNode = Record<string, unknown>;

const DOC_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

// Errors that only restate another error: a failed `if` repeats its `then` errors, and a failed discriminator repeats
// the `kind` enum/required error (the discriminator itself only picks which arm validates).
const ECHO_KEYWORDS = new Set(['if', 'discriminator']);
const COMBINATORS = new Set(['anyOf', 'oneOf']);
const VALUE_PRIORITY: Record<string, number> = { type: 0, const: 1, enum: 2 };
const RANGE_KEYWORDS = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']);

export function mapSchemaErrors(errors: readonly ErrorObject[], opts: MapOptions): Diagnostic[] {
  const m = new Mapper(opts);
  const live = errors.filter((e) => !ECHO_KEYWORDS.has(e.keyword));

  // Alternatives (anyOf/oneOf) report once, in place of their branches' errors. Every combinator in the schemas
  // sits on the value it constrains, so its branch errors share its instance path.
  const consumed = new Set<ErrorObject>();
  const combos: { error: ErrorObject; branches: ErrorObject[] }[] = [];
  if (live.some((e) => COMBINATORS.has(e.keyword))) {
    const byPath = new Map<string, ErrorObject[]>();
    for (const e of live) {
      const list = byPath.get(e.instancePath);
      if (list) list.push(e);
      else byPath.set(e.instancePath, [e]);
    }
    for (const e of live) {
      if (!COMBINATORS.has(e.keyword)) continue;
      const branches = (byPath.get(e.instancePath) ?? []).filter((b) => b !== e && b.schemaPath.startsWith(`${e.schemaPath}/`));
      branches.forEach((b) => consumed.add(b));
      combos.push({ error: e, branches });
    }
  }

  // What to report, in the order findings are listed; building them (messages, ranges, fixes) is the costly part.
  const jobs: Job[] = [];
  const seen = new Set<string>();
  const valueErrors = new Map<string, ErrorObject>();
  for (const e of live) {
    if (consumed.has(e) || COMBINATORS.has(e.keyword)) continue;
    if (e.keyword === 'required' || e.keyword === 'additionalProperties') {
      const key = `${e.keyword}|${e.instancePath}|${propertyOf(e)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      jobs.push({ error: e, build: () => (e.keyword === 'required' ? m.required(e) : m.unknownKey(e)) });
      continue;
    }
    // One finding per value: its type first, then const/enum, then the first other rule it breaks.
    const current = valueErrors.get(e.instancePath);
    if (!current || (VALUE_PRIORITY[e.keyword] ?? 9) < (VALUE_PRIORITY[current.keyword] ?? 9)) valueErrors.set(e.instancePath, e);
  }
  for (const e of valueErrors.values()) jobs.push({ error: e, build: () => m.value(e) });
  for (const c of combos) if (!valueErrors.has(c.error.instancePath)) jobs.push({ error: c.error, build: () => m.alternatives(c.error, c.branches) });
  return opts.budget ? buildWithin(jobs, opts.budget, new RegionBounds(opts.doc, opts.doc.value)) : jobs.map((j) => j.build());
}

interface Job {
  error: ErrorObject;
  build: () => Diagnostic;
}

/**
 * Builds the findings a budget can still publish, earliest region first so the budget's threshold settles after about
 * `limit` findings; the result keeps the order of `jobs`. Every finding lies inside its error's region (bounds.ts), and
 * some schema codes are warnings, so asking the budget as for an error only ever skips less.
 */
function buildWithin(jobs: readonly Job[], budget: ProblemBudget, bounds: RegionBounds): Diagnostic[] {
  const starts = jobs.map((j) => bounds.of(j.error.instancePath));
  const order = jobs.map((_, i) => i).sort((a, b) => starts[a].line - starts[b].line || starts[a].character - starts[b].character || a - b);
  const built: (Diagnostic | undefined)[] = new Array<Diagnostic | undefined>(jobs.length);
  for (const i of order) {
    // The threshold only moves earlier, so once one region is out of reach every later one is too.
    if (budget.skips('error', starts[i])) break;
    const d = jobs[i].build();
    built[i] = d;
    budget.add(d);
  }
  return built.filter((d): d is Diagnostic => d !== undefined);
}

function propertyOf(e: ErrorObject): string {
  const p = e.params as { missingProperty?: string; additionalProperty?: string };
  return p.missingProperty ?? p.additionalProperty ?? '';
}

class Mapper {
  private readonly doc: SourceDocument;
  private readonly root: unknown;
  private readonly flavor: Flavor;

  constructor(opts: MapOptions) {
    this.doc = opts.doc;
    this.root = opts.doc.value;
    this.flavor = opts.flavor;
  }

  required(e: ErrorObject): Diagnostic {
    const key = propertyOf(e);
    const place = placeOf(this.root, e.instancePath);
    if (place.ownerKind === 'root' && place.rest.length === 0) return this.requiredAtRoot(key);
    if (this.flavor === 'model' && key === 'classId' && e.schemaPath.includes('/then/')) {
      return diag(
        schemaCodes['schema.class-id-required'],
        `${place.ownerLabel} requires \`classId\` because the model declares \`classes\``,
        this.anchor(place),
      );
    }
    const hint = requiredHint(place.context, key);
    const subject = place.rest.length === 0 ? place.ownerLabel : subjectOf(place);
    const message = `${subject} requires \`${key}\`${hint ? ` (${hint})` : ''}`;
    const range = place.rest.length === 0 ? this.anchor(place) : this.keyOrAnchor(e.instancePath, place);
    return diag(schemaCodes['schema.missing-key'], message, range);
  }

  private requiredAtRoot(key: string): Diagnostic {
    const hint = requiredHint('root', key);
    const fixes: FixData[] = [];
    const root = this.doc.shapeOf ? this.doc.shapeOf('') : this.doc.node('');
    if (key === 'schemaVersion' && root?.type === 'map' && !root.flow) {
      // Before the first key, not at offset 0: that keeps a `---` marker or a header comment above it.
      const at = this.doc.locate('', 'value').start;
      const edit = { range: { start: at, end: at }, newText: `schemaVersion: 1\n${' '.repeat(at.character)}` };
      fixes.push({ title: 'Add schemaVersion: 1', edits: [edit], data: { key } });
    }
    if (this.flavor === 'template' && key === 'schemaVersion') {
      return diag(
        schemaCodes['schema.template-without-version'],
        '`schemaVersion` is missing: FlowTime-Sim checks a template against its schema only when `schemaVersion: 1` is present',
        DOC_START,
        { fixes },
      );
    }
    return diag(schemaCodes['schema.missing-key'], `\`${key}\` is required${hint ? `: ${hint}` : ''}`, DOC_START, { fixes });
  }

  unknownKey(e: ErrorObject): Diagnostic {
    const key = propertyOf(e);
    const pointer = joinPointer(e.instancePath, key);
    const place = placeOf(this.root, e.instancePath);
    const range = this.doc.locate(pointer, 'key');
    const onNode = this.flavor === 'model' && place.ownerKind === 'node' && place.rest.length === 0;
    const kind = place.nodeKind;
    if (onNode && kind !== undefined && (MODEL_NODE_KINDS as readonly string[]).includes(kind)) {
      const owners = kindsAccepting(key);
      if (owners.length > 0) {
        const message = `\`${key}\` is not allowed on ${article(kind)} ${kind} node (it belongs to ${joinOr(owners)} nodes)`;
        return diag(schemaCodes['schema.key-not-for-kind'], message, range);
      }
    }
    const object = valueAt(this.root, splitPointer(e.instancePath));
    const present = isRecord(object) ? object : {};
    const allowed = Object.keys(((e.parentSchema ?? {}) as SchemaNode).properties ?? {});
    const candidates = allowed.filter((k) => !Object.prototype.hasOwnProperty.call(present, k));
    const where =
      place.ownerKind === 'root' && place.rest.length === 0
        ? `at the top level of a ${this.flavor}`
        : onNode && kind !== undefined && (MODEL_NODE_KINDS as readonly string[]).includes(kind)
          ? `on ${article(kind)} ${kind} node`
          : onNode
            ? 'on a model node'
            : `in ${place.rest.length === 0 ? place.ownerLabel : subjectOf(place)}`;
    const suggestion = didYouMean(key, candidates);
    let message = `\`${key}\` is not allowed ${where}`;
    const note = onNode ? NOT_A_NODE_KEY[key] : undefined;
    if (note) message += ` (${note})`;
    const fixes: FixData[] = [];
    if (suggestion) {
      message += `; did you mean '${suggestion}'?`;
      const edit = renameKey(this.doc, pointer, suggestion);
      if (edit) fixes.push({ title: `Rename to '${suggestion}'`, edits: [edit], data: { from: key, to: suggestion } });
    } else if (allowed.length > 0 && !note) {
      message += ` (allowed: ${allowed.join(', ')})`;
    }
    return diag(schemaCodes['schema.unknown-key'], message, range, { fixes });
  }

  value(e: ErrorObject): Diagnostic {
    switch (e.keyword) {
      case 'type':
        return this.wrongType(e);
      case 'const':
        return this.constant(e);
      case 'enum':
        return this.enumeration(e);
      case 'minItems':
        return this.emptyList(e);
      case 'minLength':
        return this.emptyText(e);
      case 'pattern':
        return this.pattern(e);
      default:
        if (RANGE_KEYWORDS.has(e.keyword)) return this.outOfRange(e);
        return this.fallback(e);
    }
  }

  private wrongType(e: ErrorObject): Diagnostic {
    const schema = (e.parentSchema ?? {}) as SchemaNode;
    if (schema.const !== undefined) return this.constant(e);
    const place = placeOf(this.root, e.instancePath);
    const data = e.data;
    const expected = String((e.params as { type: unknown }).type);
    const wants = expected.split(',');
    let message = `${subjectOf(place)} must be ${typePhrase(expected)}, found ${describeValue(data)}`;
    const fixes: FixData[] = [];
    const text = this.scalarText(e.instancePath, data);
    if (wants.includes('string') && (typeof data === 'number' || typeof data === 'boolean')) {
      message += `; write it quoted: ${JSON.stringify(text)}`;
      // Quoting `id: 123` would only trade this error for a pattern error: no fix then.
      if (matchesPattern(schema, text)) this.pushFix(fixes, 'Quote the value', e.instancePath, JSON.stringify(text));
    } else if ((wants.includes('integer') || wants.includes('number')) && typeof data === 'string' && typeof typePlainScalar(data) === 'number') {
      message += '; remove the quotes (a quoted value is always a string)';
      this.pushFix(fixes, 'Remove the quotes', e.instancePath, data);
    } else if (data === 'null' || data === '~') {
      message += '; FlowTime reads a plain `null` as the text "null", so write a value or remove the key';
    } else if (wants.includes('array') && place.context === 'node.values' && typeof data === 'number') {
      message += `; a single number is not expanded: write a list with one number per grid bin, e.g. [${data}, ${data}, ${data}]`;
    }
    return diag(schemaCodes['schema.wrong-type'], message, this.doc.locate(e.instancePath, 'value'), { fixes });
  }

  private constant(e: ErrorObject): Diagnostic {
    const schema = (e.parentSchema ?? {}) as SchemaNode;
    const wanted = schema.const;
    const place = placeOf(this.root, e.instancePath);
    const data = e.data;
    const isVersion = place.ownerKind === 'root' && place.field === 'schemaVersion';
    const what = typeof wanted === 'number' && Number.isInteger(wanted) ? `the integer ${wanted}` : JSON.stringify(wanted);
    let message = `${subjectOf(place)} must be ${what}`;
    if (typeof data === 'string' && data === String(wanted)) message += `, not the string ${quote(data)}: remove the quotes`;
    else message += `, found ${describeValue(data)}`;
    const fixes: FixData[] = [];
    this.pushFix(fixes, `Set to ${String(wanted)}`, e.instancePath, typeof wanted === 'string' ? JSON.stringify(wanted) : String(wanted));
    const code = isVersion ? schemaCodes['schema.schema-version'] : schemaCodes['schema.invalid-enum'];
    return diag(code, message, this.doc.locate(e.instancePath, 'value'), { fixes });
  }

  private enumeration(e: ErrorObject): Diagnostic {
    const allowed = ((e.params as { allowedValues?: unknown[] }).allowedValues ?? []) as unknown[];
    const place = placeOf(this.root, e.instancePath);
    const data = e.data;
    const range = this.doc.locate(e.instancePath, 'value');
    const strings = allowed.filter((a): a is string => typeof a === 'string');
    const suggestion = typeof data === 'string' ? didYouMean(data, strings) : undefined;
    const fixes: FixData[] = [];
    if (suggestion) this.pushFix(fixes, `Change to '${suggestion}'`, e.instancePath, suggestion);
    const caseNote = suggestion && typeof data === 'string' && suggestion.toLowerCase() === data.toLowerCase() ? ' (values are case-sensitive)' : '';
    const guess = suggestion ? `; did you mean '${suggestion}'?${caseNote}` : '';
    if (place.ownerKind === 'node' && place.field === 'kind') {
      const topologyKind = typeof data === 'string' && TOPOLOGY_ONLY_KINDS.includes(data.toLowerCase());
      const message = topologyKind
        ? `${place.ownerLabel}: \`${data as string}\` is a topology kind, not a node kind; declare it under \`topology.nodes\` (node kinds: ${listValues(allowed)})`
        : `${place.ownerLabel}: ${typeof data === 'string' ? `\`${data}\`` : describeValue(data)} is not a node kind${guess} (node kinds: ${listValues(allowed)})`;
      return diag(schemaCodes['schema.unknown-node-kind'], message, range, { fixes: topologyKind ? [] : fixes });
    }
    const message = `${subjectOf(place)} must be one of ${listValues(allowed)}, found ${describeValue(data)}${guess}`;
    return diag(schemaCodes['schema.invalid-enum'], message, range, { fixes });
  }

  private outOfRange(e: ErrorObject): Diagnostic {
    const place = placeOf(this.root, e.instancePath);
    const message = `${subjectOf(place)} must be ${boundsPhrase((e.parentSchema ?? {}) as SchemaNode)}, found ${describeValue(e.data)}`;
    return diag(schemaCodes['schema.out-of-range'], message, this.doc.locate(e.instancePath, 'value'));
  }

  private emptyList(e: ErrorObject): Diagnostic {
    const place = placeOf(this.root, e.instancePath);
    const hint = EMPTY_LIST_HINTS[place.context];
    const message = `${subjectOf(place)} must not be empty${hint ? `: ${hint}` : ''}`;
    return diag(schemaCodes['schema.empty-list'], message, this.doc.locate(e.instancePath, 'value'));
  }

  private emptyText(e: ErrorObject): Diagnostic {
    const place = placeOf(this.root, e.instancePath);
    return diag(schemaCodes['schema.empty-text'], `${subjectOf(place)} must not be empty`, this.doc.locate(e.instancePath, 'value'));
  }

  private pattern(e: ErrorObject): Diagnostic {
    const place = placeOf(this.root, e.instancePath);
    const data = typeof e.data === 'string' ? e.data : String(e.data);
    const rule = PATTERN_RULES[place.context];
    const message = rule
      ? `${rule.what} '${data}' is not valid: ${rule.rule}`
      : `${subjectOf(place)} does not have the expected form (${String((e.params as { pattern?: string }).pattern)}), found ${quote(data)}`;
    return diag(schemaCodes['schema.invalid-pattern'], message, this.doc.locate(e.instancePath, 'value'));
  }

  alternatives(e: ErrorObject, branches: readonly ErrorObject[]): Diagnostic {
    const place = placeOf(this.root, e.instancePath);
    if (branches.length > 0 && branches.every((b) => b.keyword === 'required')) {
      const keys = branches.map((b) => `\`${propertyOf(b)}\``);
      const code = place.ownerKind === 'route' ? schemaCodes['schema.route-needs-classes-or-weight'] : schemaCodes['schema.missing-key'];
      const subject = place.rest.length === 0 ? place.ownerLabel : subjectOf(place);
      return diag(code, `${subject} needs ${joinOr(keys)}`, place.rest.length === 0 ? this.anchor(place) : this.keyOrAnchor(e.instancePath, place));
    }
    const options = Array.isArray(e.schema) ? (e.schema as SchemaNode[]).map(describeSchema) : [];
    const message = `${subjectOf(place)} must be ${joinOr(options)}, found ${describeValue(e.data)}`;
    let code: CodeInfo = schemaCodes['schema.wrong-type'];
    if (branches.some((b) => RANGE_KEYWORDS.has(b.keyword))) code = schemaCodes['schema.out-of-range'];
    else if (branches.some((b) => b.keyword === 'pattern')) code = schemaCodes['schema.invalid-pattern'];
    return diag(code, message, this.doc.locate(e.instancePath, 'value'));
  }

  private fallback(e: ErrorObject): Diagnostic {
    const place = placeOf(this.root, e.instancePath);
    return diag(schemaCodes['schema.invalid'], `${subjectOf(place)}: ${e.message ?? e.keyword}`, this.doc.locate(e.instancePath, 'value'));
  }

  /** The source text of a scalar as written (`1.50` stays `1.50`), falling back to its value. */
  private scalarText(pointer: string, data: unknown): string {
    // Asking the shape first spares building a whole list or mapping just to find it is not a scalar.
    const n = this.doc.shapeOf?.(pointer)?.type === 'scalar' || !this.doc.shapeOf ? this.doc.node(pointer) : undefined;
    if (n?.type === 'scalar') return n.text;
    // Objects may have hostile keys (`toString: 0`), so never let String() call into them.
    return typeof data === 'object' && data !== null ? (Array.isArray(data) ? 'a list' : 'a mapping') : String(data);
  }

  private pushFix(fixes: FixData[], title: string, pointer: string, newText: string): void {
    const edit = replaceValue(this.doc, pointer, newText);
    if (edit) fixes.push({ title, edits: [edit], data: { value: newText } });
  }

  /** Findings about a whole list item sit on the value that names it (a node's id), else on its first key. */
  private anchor(place: Place): Range {
    const item = valueAt(this.root, splitPointer(place.ownerPointer));
    if (isRecord(item)) {
      for (const k of ANCHOR_KEYS[place.ownerKind]) {
        if (Object.prototype.hasOwnProperty.call(item, k)) return this.doc.locate(joinPointer(place.ownerPointer, k), 'value');
      }
      const n = this.doc.node(place.ownerPointer);
      const first = n?.type === 'map' ? n.entries[0]?.key : Object.keys(item)[0];
      if (first !== undefined) return this.doc.locate(joinPointer(place.ownerPointer, first), 'key');
    }
    return this.doc.locate(place.ownerPointer, 'value');
  }

  /** A mapping's own key when it has one (`grid:`), else (a list item) the item's anchor. */
  private keyOrAnchor(pointer: string, place: Place): Range {
    const tokens = splitPointer(pointer);
    const last = tokens[tokens.length - 1];
    if (last !== undefined && !/^\d+$/.test(last)) return this.doc.locate(pointer, 'key');
    const item = valueAt(this.root, tokens);
    if (isRecord(item)) {
      const n = this.doc.node(pointer);
      const first = n?.type === 'map' ? n.entries[0]?.key : Object.keys(item)[0];
      if (first !== undefined) return this.doc.locate(joinPointer(pointer, first), 'key');
    }
    return this.anchor(place);
  }
}

/** True unless the schema has a `pattern` that `text` fails (patterns in our schemas are plain ECMAScript regexes). */
function matchesPattern(schema: SchemaNode, text: string): boolean {
  if (typeof schema.pattern !== 'string') return true;
  try {
    return new RegExp(schema.pattern, 'u').test(text);
  } catch {
    return false;
  }
}

const article = (word: string): string => (/^[aeiou]/i.test(word) ? 'an' : 'a');

function boundsPhrase(schema: SchemaNode): string {
  const min = schema.minimum;
  const max = schema.maximum;
  const exMin = schema.exclusiveMinimum;
  const exMax = schema.exclusiveMaximum;
  if (min !== undefined && max !== undefined) return `between ${String(min)} and ${String(max)}`;
  if (exMin !== undefined) return `greater than ${String(exMin)}`;
  if (exMax !== undefined) return `less than ${String(exMax)}`;
  if (min !== undefined) return `at least ${String(min)}`;
  return `at most ${String(max)}`;
}

/** "an integer >= 1", "an exact `${parameter}` placeholder", "a string". */
function describeSchema(s: SchemaNode): string {
  if (typeof s.pattern === 'string' && s.pattern.startsWith('^\\$\\{')) return 'an exact `${parameter}` placeholder';
  const base = s.type !== undefined ? typePhrase(s.type) : 'a value';
  if (s.minimum !== undefined) return `${base} >= ${String(s.minimum)}`;
  if (s.exclusiveMinimum !== undefined) return `${base} > ${String(s.exclusiveMinimum)}`;
  if (s.type === 'string' && s.pattern === undefined) return `${base} (a series reference)`;
  return base;
}

const EMPTY_LIST_HINTS: Record<string, string> = {
  'root.nodes': 'a model needs at least one node',
  'node.values': 'list one number per grid bin',
  'node.pmf.values': 'list at least one outcome',
  'node.pmf.probabilities': 'list one probability per value',
  'node.routes': 'a router needs at least one route',
  'root.classes': 'declare at least one class, or remove `classes` (Sim omits empty lists)',
  'root.traffic.arrivals': 'add an arrival, or remove `traffic`',
};

const ID_RULE = 'it must start with a letter or `_` and contain only letters, digits and `_`';
const PATTERN_RULES: Record<string, { what: string; rule: string }> = {
  'node.id': { what: 'node id', rule: ID_RULE },
  'parameter.name': { what: 'parameter name', rule: ID_RULE },
  'output.as': { what: 'output file name', rule: 'write letters, digits, `_` or `-` ending in .csv or .txt, e.g. served.csv' },
  'class.id': { what: 'class id', rule: 'it may contain only letters, digits, `_` and `-`' },
};
