// Per-document, per-version results: the validation (what diagnostics publish) and the Analysis (what features use),
// each computed lazily at most once; the Analysis reuses the validation's diagnostics instead of validating again.
// Publishing asks for a bounded validation (only what maxProblems can show); the complete one is computed only when
// something needs every finding (documentInfo counts, the graph's per-node counts) and the bounded one left some out.
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
import { tuneHeapForEditing } from './heap-tuning';

export interface Validation {
  kind: DocumentKind;
  diagnostics: Diagnostic[];
  /** False when bounded by a limit that left findings out (ValidateOptions.limit): not every finding is listed. */
  complete: boolean;
}

class VersionEntry {
  /** The complete validation, once known. */
  private validated?: Validation;
  /** The latest bounded validation that left findings out, with its limit. */
  private bounded?: { limit: number; validation: Validation };
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

  /** Every finding (validateText of the text). */
  validation(): Validation {
    this.validated ??= this.validate(undefined);
    return this.validated;
  }

  /**
   * Enough to show `limit` diagnostics, errors first: its first `limit` errors are those of the complete validation
   * (ValidateOptions.limit). A bounded result with a larger limit serves a smaller one too.
   */
  boundedValidation(limit: number): Validation {
    if (this.validated) return this.validated;
    if (this.bounded && this.bounded.limit >= limit) return this.bounded.validation;
    const v = this.validate(limit);
    if (v.complete) this.validated = v;
    else this.bounded = { limit, validation: v };
    return v;
  }

  private validate(limit: number | undefined): Validation {
    injectFault(this.text);
    const options = { parsed: this.parsed(), ...(this.kind ? { kind: this.kind } : {}), ...(limit !== undefined ? { limit } : {}) };
    const r = validateText(this.text, options);
    return { kind: r.kind, diagnostics: r.diagnostics, complete: r.complete };
  }

  analysis(): Analysis {
    if (!this.analysed) {
      injectFault(this.text);
      // The complete validation is the Analysis's diagnostics (same contract: validateText of the text).
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

  constructor() {
    // The server makes one cache, at start: the heap setting for the churn it causes goes with it (heap-tuning.ts).
    tuneHeapForEditing();
  }

  private entry(doc: TextDocument): VersionEntry {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    const fresh = new VersionEntry(doc.version, doc.getText(), kindForLanguage(doc.languageId));
    this.entries.set(doc.uri, fresh);
    return fresh;
  }

  /** Every finding of the current version: validateText of its text. */
  validation(doc: TextDocument): Validation {
    return this.entry(doc).validation();
  }

  /** What diagnostics publish when at most `limit` are shown, errors first (see VersionEntry.boundedValidation). */
  publishable(doc: TextDocument, limit: number): Validation {
    return this.entry(doc).boundedValidation(limit);
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
