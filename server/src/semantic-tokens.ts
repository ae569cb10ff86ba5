// The semantic-token legend (from the core token types) and the encoding of core tokens into LSP's relative integers.
import { SemanticTokensBuilder } from 'vscode-languageserver';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { SemanticTokenEntry, SemanticTokenType } from '../../core/src/language/types';

// A Record over the core union: adding a token type to the core without adding it here fails to compile.
const TYPE_INDEX: Record<SemanticTokenType, number> = {
  function: 0,
  variable: 1,
  number: 2,
  operator: 3,
  parameter: 4,
  property: 5,
  keyword: 6,
};

const MODIFIERS = ['declaration', 'readonly', 'defaultLibrary', 'deprecated'] as const;

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: (Object.keys(TYPE_INDEX) as SemanticTokenType[]).sort((a, b) => TYPE_INDEX[a] - TYPE_INDEX[b]),
  tokenModifiers: [...MODIFIERS],
};

export function encodeSemanticTokens(entries: readonly SemanticTokenEntry[]): SemanticTokens {
  const sorted = [...entries].filter((t) => t.length > 0).sort((a, b) => a.line - b.line || a.character - b.character);
  const builder = new SemanticTokensBuilder();
  let line = -1;
  let end = 0;
  for (const t of sorted) {
    // LSP tokens may not overlap; the first one at a place wins.
    if (t.line === line && t.character < end) continue;
    builder.push(t.line, t.character, t.length, TYPE_INDEX[t.type], modifierBits(t.modifiers));
    line = t.line;
    end = t.character + t.length;
  }
  return builder.build();
}

function modifierBits(modifiers: readonly string[] | undefined): number {
  let bits = 0;
  for (const m of modifiers ?? []) {
    const i = (MODIFIERS as readonly string[]).indexOf(m);
    if (i >= 0) bits |= 1 << i;
  }
  return bits;
}
