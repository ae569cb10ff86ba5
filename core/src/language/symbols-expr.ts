// Expression values of a document, parsed once: `${param}` placeholders masked, AST offsets mapped to the source.
import type { Span } from '../expr/ast';
import { parseExpression } from '../expr/parse';
import type { ParseOutcome } from '../expr/parse';
import type { ScalarNode } from '../yaml/document';
import { stringToSource } from './symbols-offsets';
import type { StringToSource } from './symbols-offsets';

export interface ExpressionSite {
  /** JSON pointer of the expression value (e.g. `/nodes/3/expr`). */
  pointer: string;
  node: ScalarNode;
  /** The string that was parsed: the value with every `${…}` replaced by `0` and spaces (same length). */
  source: string;
  /** The masked placeholders, as spans of the string. */
  masks: Span[];
  outcome: ParseOutcome;
  /** Source offset of index `i` of the string. */
  offset: StringToSource;
}

const PLACEHOLDER = /\$\{[^}\n\r]*\}/g;

export function parseExpressionSite(text: string, node: ScalarNode, template: boolean): ExpressionSite {
  const value = node.text;
  const masks: Span[] = [];
  let source = value;
  if (template && value.includes('${')) {
    source = value.replace(PLACEHOLDER, (m: string, at: number) => {
      masks.push({ start: at, end: at + m.length });
      return '0'.padEnd(m.length, ' ');
    });
  }
  return { pointer: node.pointer, node, source, masks, outcome: parseExpression(source), offset: stringToSource(text, node) };
}

/** True when [start, end) of the string touches a masked placeholder (its text is not what the author wrote). */
export function touchesMask(site: ExpressionSite, start: number, end: number): boolean {
  for (const m of site.masks) if (start <= m.end && end >= m.start) return true;
  return false;
}
