// Deterministic YAML for an Engine model object: FlowTime-safe scalars, flow-style numeric arrays, no nulls or empties.
import { isAmbiguousString } from '../yaml/scalar-typing';

const INDENT = '  ';
/** YAML limits implicit keys to 1024 characters; quoted keys add two quotes and escapes, so stay well below. */
const MAX_KEY_LENGTH = 1000;

/**
 * Emits `model` as block YAML. Key order is the object's own order (callers build objects in canonical order);
 * `null`/`undefined` members and empty arrays/objects are omitted (FlowTime's schema rejects e.g. `classes: []`);
 * arrays whose items are all numbers are written in flow style `[1, 2, 3]`; strings are double-quoted whenever plain
 * text would be re-typed by FlowTime (see scalarText) or misread by YAML. LF line endings, a trailing newline.
 * Throws a TypeError for values YAML-for-FlowTime cannot carry: NaN/Infinity, null inside an array, non-plain objects.
 */
export function emitModelYaml(model: Record<string, unknown>): string {
  const pruned = prune(model, '');
  if (!isPlainObject(pruned)) throw new TypeError('emitModelYaml: the model must be a plain object');
  if (Object.keys(pruned).length === 0) return '{}\n';
  const lines: string[] = [];
  emitMap(pruned, 0, lines);
  return `${lines.join('\n')}\n`;
}

/** The YAML text of one scalar: numbers that re-parse to the same double, booleans, and strings quoted when needed. */
export function scalarText(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return numberText(value);
  return needsQuotes(value) ? quote(value) : value;
}

/** Shortest round-trip decimal (JS's own), `-0` kept, exponent only outside 1e-6..1e21 (where it is required anyway). */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new TypeError(`emitModelYaml: ${n} cannot be written in a FlowTime model`);
  return Object.is(n, -0) ? '-0' : String(n);
}

// YAML 1.1 booleans/nulls and other words some YAML readers (YamlDotNet, serde_yaml) still type: quoting is harmless.
const YAML11_WORDS = /^(?:y|n|yes|no|on|off|null|nan|inf)$/i;
// First characters that start something other than a plain scalar (indicators), or a number-like token.
const SPECIAL_START = /^[-?:,[\]{}#&*!|>'"%@`.+0-9]/;

/** True when the string must be double-quoted to come back as the same string through parseYaml. */
export function needsQuotes(s: string): boolean {
  if (s.length === 0 || isAmbiguousString(s)) return true;
  if (YAML11_WORDS.test(s) || SPECIAL_START.test(s) || s === '<<') return true;
  // Only printable ASCII goes plain: tabs, line breaks, controls and anything Unicode get quoted (and escaped if needed).
  if (!/^[\x20-\x7e]+$/.test(s)) return true;
  if (s.startsWith(' ') || s.endsWith(' ')) return true;
  return s.includes(': ') || s.includes(' #') || s.endsWith(':');
}

/** A double-quoted YAML scalar; escapes everything that is not safely printable (including lone surrogates). */
export function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0d) out += '\\r';
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      out += s[i] + s[i + 1];
      i++;
    } else if (isPrintable(c)) out += s[i];
    else out += c <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`;
  }
  return `${out}"`;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function isPrintable(c: number): boolean {
  // YAML's printable set minus the characters some readers treat as line breaks or BOMs (NEL, LS, PS, U+FEFF).
  if (c >= 0x20 && c <= 0x7e) return true;
  if (c < 0xa0) return false;
  if (c === 0x2028 || c === 0x2029 || c === 0xfeff) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return c <= 0xfffd;
}

function hex(c: number, width: number): string {
  return c.toString(16).toUpperCase().padStart(width, '0');
}

function keyText(key: string): string {
  if (key.length > MAX_KEY_LENGTH) {
    throw new TypeError(`emitModelYaml: key "${key.slice(0, 40)}…" is longer than ${MAX_KEY_LENGTH} characters`);
  }
  return needsQuotes(key) ? quote(key) : key;
}

type Scalar = string | number | boolean;
type Value = Scalar | Value[] | { [key: string]: Value };

function isScalar(v: unknown): v is Scalar {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function isPlainObject(v: unknown): v is Record<string, Value> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function isEmptyCollection(v: Value): boolean {
  return Array.isArray(v) ? v.length === 0 : !isScalar(v) && Object.keys(v).length === 0;
}

/** Drops null/undefined members and members that are (or become) empty collections; validates everything else. */
function prune(value: unknown, path: string): Value {
  if (isScalar(value)) {
    if (typeof value === 'number') numberText(value);
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      if (item === null || item === undefined) {
        throw new TypeError(`emitModelYaml: ${path || 'the model'}/${i} is ${item}; arrays cannot hold missing values in a FlowTime model`);
      }
      return prune(item, `${path}/${i}`);
    });
  }
  if (isPlainObject(value)) {
    const out: Record<string, Value> = {};
    for (const key of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[key];
      if (v === null || v === undefined) continue;
      const p = prune(v, `${path}/${key}`);
      if (isEmptyCollection(p)) continue;
      // defineProperty keeps a `__proto__` key as data instead of changing the prototype.
      Object.defineProperty(out, key, { value: p, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  throw new TypeError(`emitModelYaml: ${path || 'the model'} is a ${typeof value === 'object' ? 'non-plain object' : typeof value}, which a FlowTime model cannot hold`);
}

function isNumberArray(v: Value): v is number[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number');
}

/** Text for a value that fits on the same line as its key or dash, or undefined for block collections. */
function inlineText(v: Value): string | undefined {
  if (isScalar(v)) return scalarText(v);
  if (isNumberArray(v)) return `[${v.map(numberText).join(', ')}]`;
  if (Array.isArray(v) && v.length === 0) return '[]';
  if (!Array.isArray(v) && Object.keys(v).length === 0) return '{}';
  return undefined;
}

function emitMap(map: Record<string, Value>, depth: number, lines: string[]): void {
  const pad = INDENT.repeat(depth);
  for (const key of Object.keys(map)) {
    const v = map[key];
    const inline = inlineText(v);
    if (inline !== undefined) {
      lines.push(`${pad}${keyText(key)}: ${inline}`);
      continue;
    }
    lines.push(`${pad}${keyText(key)}:`);
    if (Array.isArray(v)) emitSeq(v, depth + 1, lines);
    else emitMap(v as Record<string, Value>, depth + 1, lines);
  }
}

function emitSeq(items: Value[], depth: number, lines: string[]): void {
  const pad = INDENT.repeat(depth);
  for (const item of items) {
    const inline = inlineText(item);
    if (inline !== undefined) {
      lines.push(`${pad}- ${inline}`);
      continue;
    }
    // A nested collection starts on the dash line: `- id: a` then its siblings indented under it.
    const first = lines.length;
    if (Array.isArray(item)) emitSeq(item, depth + 1, lines);
    else emitMap(item as Record<string, Value>, depth + 1, lines);
    lines[first] = `${pad}- ${lines[first].slice(pad.length + INDENT.length)}`;
  }
}
