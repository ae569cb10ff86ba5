// Formats a parameter value as the text Sim writes in place of `${name}` (TemplateParameterFormatter semantics, §2.5).
import type { ParameterValue } from './types';

export function formatForSubstitution(value: ParameterValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return `[${value.map(formatNumber).join(', ')}]`;
  return formatString(value);
}

/** True when Sim wraps this string in double quotes (empty, or containing whitespace, `:` or `#`). */
export function needsQuoting(value: string): boolean {
  return formatString(value) !== value;
}

function formatString(value: string): string {
  if (value === '') return '""';
  // Flow collections and already double-quoted text are passed through as written.
  if (value.startsWith('[') || value.startsWith('{')) return value;
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) return value;
  if (/[\s:#]/.test(value)) return `"${value}"`;
  return value;
}

/** Invariant number text: integers without `.0`, and never exponent notation (JS uses it below 1e-6 and from 1e21). */
export function formatNumber(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  // Expand the shortest round-trip digits JS chose, so no binary noise appears.
  const [, sign, lead, frac = '', expText] = m;
  const digits = lead + frac;
  const exp = Number(expText);
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  return sign + (exp >= frac.length ? digits + '0'.repeat(exp - frac.length) : `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`);
}
