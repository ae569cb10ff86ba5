// Per-document, per-version results: the validation (what diagnostics publish) and the Analysis (what features use),
// each computed lazily at most once; the Analysis reuses the validation's diagnostics instead of validating again.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../../core/src/diagnostics';
import type { DocumentKind } from '../../core/src/detect-kind';
import { analyze } from '../../core/src/language/analysis';
import type { Analysis } from '../../core/src/language/analysis';
import { validateText } from '../../core/src/validate';
import { parseYaml } from '../../core/src/yaml/parse';
import type { ParseResult } from '../../core/src/yaml/parse';
import { kindForLanguage } from './document-kind';
import { injectFault } from './fault';

export interface Validation {
  kind: DocumentKind;
  diagnostics: Diagnostic[];
}

class VersionEntry {
  private validated?: Validation;
  private analysed?: Analysis;
  private prepared = false;
  private parsedText?: ParseResult;

  constructor(
    readonly version: number,
    private readonly text: string,
    private readonly kind: 'model' | 'template' | undefined,
  ) {}

  /** One parse per version, shared by the validation and the Analysis (both are pure readers of it). */
  private parsed(): ParseResult {
    this.parsedText ??= parseYaml(this.text);
    return this.parsedText;
  }

  get isPrepared(): boolean {
    return this.prepared;
  }

  validation(): Validation {
    if (!this.validated) {
      injectFault(this.text);
      const r = validateText(this.text, this.kind ? { kind: this.kind, parsed: this.parsed() } : { parsed: this.parsed() });
      this.validated = { kind: r.kind, diagnostics: r.diagnostics };
    }
    return this.validated;
  }

  analysis(): Analysis {
    if (!this.analysed) {
      injectFault(this.text);
      // The published validation is the Analysis's diagnostics (same contract: validateText of the text).
      const diagnostics = () => this.validation().diagnostics;
      const parsed = this.parsed();
      this.analysed = analyze(this.text, this.kind ? { kind: this.kind, diagnostics, parsed } : { diagnostics, parsed });
    }
    return this.analysed;
  }

  /** Builds what the Analysis computes on first use (symbol index, parsed expressions), so no request pays for it. */
  prepare(): void {
    const a = this.analysis();
    void a.symbols.defs;
    void a.expressions;
    this.prepared = true;
  }
}

export class AnalysisCache {
  private readonly entries = new Map<string, VersionEntry>();

  private entry(doc: TextDocument): VersionEntry {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const fresh = new VersionEntry(doc.version, doc.getText(), kindForLanguage(doc.languageId));
    this.entries.set(doc.uri, fresh);
    return fresh;
  }

  /** What diagnostics publish: validateText of the current version. */
  validation(doc: TextDocument): Validation {
    return this.entry(doc).validation();
  }

  /** What editing features use: the current version's Analysis. */
  get(doc: TextDocument): Analysis {
    return this.entry(doc).analysis();
  }

  /** Builds the current version's Analysis in full ahead of the requests that need it; false if already done. */
  prepare(doc: TextDocument): boolean {
    const entry = this.entry(doc);
    if (entry.isPrepared) return false;
    entry.prepare();
    return true;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
