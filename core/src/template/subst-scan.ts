// Scans raw template text for `${…}`: well-formed placeholders and the malformed ones Sim would never substitute.
import type { Placeholder } from './types';
import { commentRanges, insideRanges } from './subst-comments';

export const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type MalformedReason = 'empty' | 'whitespace' | 'default-syntax' | 'invalid-name' | 'unterminated';

export interface MalformedPlaceholder {
  start: number;
  end: number;
  /** The source text, e.g. `${ x }`. */
  text: string;
  /** What is between the braces (for `unterminated`, what follows `${` on the line). */
  content: string;
  reason: MalformedReason;
  inComment: boolean;
  /** The placeholder the author most likely meant (`${x}` for `${ x }` or `${x:-1}`), when there is one. */
  suggestion?: string;
}

export interface PlaceholderScan {
  placeholders: Placeholder[];
  malformed: MalformedPlaceholder[];
}

export function scanPlaceholders(text: string): PlaceholderScan {
  const placeholders: Placeholder[] = [];
  const malformed: MalformedPlaceholder[] = [];
  let comments: [number, number][] | undefined;
  const inComment = (offset: number): boolean => insideRanges((comments ??= commentRanges(text)), offset);

  let from = 0;
  for (;;) {
    const start = text.indexOf('${', from);
    if (start < 0) break;
    const stop = terminator(text, start + 2);
    if (text[stop] !== '}') {
      const rest = text.slice(start + 2, stop);
      const word = /^[A-Za-z0-9_]*/.exec(rest)![0];
      const end = start + 2 + word.length;
      const suggestion = PARAMETER_NAME.test(word) ? { suggestion: `\${${word}}` } : {};
      malformed.push({ start, end, text: text.slice(start, end), content: rest.trimEnd(), reason: 'unterminated', inComment: inComment(start), ...suggestion });
      from = start + 2;
      continue;
    }
    const close = stop;
    const content = text.slice(start + 2, close);
    const end = close + 1;
    if (PARAMETER_NAME.test(content)) {
      placeholders.push({ start, end, name: content, inComment: inComment(start) });
    } else {
      malformed.push({ start, end, text: text.slice(start, end), content, inComment: inComment(start), ...classify(content) });
    }
    from = end;
  }
  return { placeholders, malformed };
}

/** Every well-formed `${name}` in the raw text, comments included (flagged). */
export function findPlaceholders(text: string): Placeholder[] {
  return scanPlaceholders(text).placeholders;
}

function classify(content: string): { reason: MalformedReason; suggestion?: string } {
  const trimmed = content.trim();
  if (trimmed === '') return { reason: 'empty' };
  const colon = trimmed.indexOf(':');
  if (colon >= 0) {
    const name = trimmed.slice(0, colon).trim();
    return PARAMETER_NAME.test(name) ? { reason: 'default-syntax', suggestion: `\${${name}}` } : { reason: 'default-syntax' };
  }
  if (trimmed !== content && PARAMETER_NAME.test(trimmed)) return { reason: 'whitespace', suggestion: `\${${trimmed}}` };
  return { reason: 'invalid-name' };
}

/** The first `}`, line break or nested `${` at or after `from` (or the end of the text). */
function terminator(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '}' || c === '\n' || c === '\r' || (c === '$' && text[i + 1] === '{')) return i;
  }
  return text.length;
}
