// One analysed document for every editor feature: parse + symbol index up front (cheap), diagnostics on demand.
import type { Diagnostic } from '../diagnostics';
import { detectKind } from '../detect-kind';
import type { DocumentKind } from '../detect-kind';
import { readParameters } from '../template/parameters';
import type { ParameterDef } from '../template/types';
import type { LineIndex } from '../text/line-index';
import { validateText } from '../validate';
import { PositionedDocument } from '../yaml/document';
import { parseYaml } from '../yaml/parse';
import type { ParseResult } from '../yaml/parse';
import { DocumentSymbolIndex } from './symbols';
import type { SymbolIndex } from './symbols';
import { buildSymbolIndex } from './symbols-build';
import type { ExpressionSite } from './symbols-expr';

export interface Analysis {
  readonly text: string;
  readonly kind: DocumentKind;
  /** parseYaml of the text as written (for templates the raw template, placeholders unresolved). */
  readonly parsed: ParseResult;
  readonly lines: LineIndex;
  readonly symbols: SymbolIndex;
  /** Template parameters (readParameters), or [] for models. */
  readonly params: ParameterDef[];
  /** Every `expr` value, parsed once (placeholders masked); semantic tokens and hover reuse these. */
  readonly expressions: readonly ExpressionSite[];
  /** validateText(text, {kind}).diagnostics, computed on the first call. */
  diagnostics(): Diagnostic[];
}

export interface AnalyzeOptions {
  kind?: 'model' | 'template';
  /**
   * Supplies diagnostics already computed for this text (e.g. a server's published validation) instead of running
   * validateText again. Prefer this to copying an Analysis: copying reads the lazy members and builds them early.
   */
  diagnostics?: () => Diagnostic[];
  /** `parseYaml(text)` when the caller already parsed this exact text. */
  parsed?: ParseResult;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const parsed = options.parsed ?? safeParse(text);
  const doc = parsed.doc;
  let kind: DocumentKind = options.kind ?? 'unknown';
  let params: ParameterDef[] = [];
  let symbols: SymbolIndex = new DocumentSymbolIndex();
  let expressions = (): ExpressionSite[] => [];
  try {
    kind = options.kind ?? detectKind(doc.value, text);
    if (kind === 'template') params = readParameters(doc).params;
    const built = buildSymbolIndex(doc, kind === 'template');
    symbols = guarded(built.index);
    expressions = () => {
      try {
        return built.expressions();
      } catch {
        return [];
      }
    };
  } catch {
    // Editor features degrade to "nothing here" rather than failing the request; diagnostics still run.
  }
  let diagnostics: Diagnostic[] | undefined;
  const forced = options.kind;
  const given = options.diagnostics;
  return {
    text,
    kind,
    parsed,
    lines: doc.lines,
    symbols,
    params,
    get expressions(): readonly ExpressionSite[] {
      return expressions();
    },
    diagnostics(): Diagnostic[] {
      if (diagnostics === undefined) {
        try {
          diagnostics = given ? given() : validateText(text, forced ? { kind: forced } : {}).diagnostics;
        } catch {
          diagnostics = [];
        }
      }
      return diagnostics;
    },
  };
}

function safeParse(text: string): ParseResult {
  try {
    return parseYaml(text);
  } catch {
    return { doc: new PositionedDocument(text, undefined, undefined), diagnostics: [], documentCount: 0 };
  }
}

/** The index is built lazily, so a walk that fails would throw from a later request: answer "no symbols" instead. */
function guarded(index: SymbolIndex): SymbolIndex {
  const attempt = <T>(f: () => T, fallback: T): T => {
    try {
      return f();
    } catch {
      return fallback;
    }
  };
  return {
    get defs() {
      return attempt(() => index.defs, []);
    },
    get refs() {
      return attempt(() => index.refs, []);
    },
    definitions: (category, name) => attempt(() => index.definitions(category, name), []),
    references: (category, name) => attempt(() => index.references(category, name), []),
    at: (offset) => attempt(() => index.at(offset), undefined),
  };
}
