// Pushes diagnostics per document: adaptive debounce, one validation per burst of queued changes, never a stale version.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../../core/src/diagnostics';
import type { FlowtimeSettings } from '../../core/src/language/protocol';
import type { AnalysisCache } from './analyses';
import { applyDivergenceLevel, capProblems } from './diagnostic-filter';
import type { SettingsStore } from './settings';
import { toLspDiagnostic } from './to-lsp';

/**
 * Below 16 KB (a few hundred lines) validation takes a few milliseconds, so it starts at once. Larger documents wait
 * 1 ms per 20 KB beyond that (about 15 ms at 300 KB, 50 ms at 1 MB, capped at 300 ms): enough to merge the changes of
 * one editor action, small next to the validation itself, which is what the user waits for. Keystrokes that arrive
 * while a validation runs are merged anyway (see QUIET_TURNS).
 */
export function debounceMs(length: number): number {
  return Math.min(300, Math.max(0, Math.round((length - 16_384) / 20_480)));
}

/**
 * After publishing, the Analysis that completion, hover and the other features need (parse, symbol index, parsed
 * expressions) is built once the document has been left alone this long: longer than the gap between keystrokes of
 * fast typing, so typing pays only for validation, and short enough that it is ready before the user asks.
 */
const PREPARE_AFTER_IDLE_MS = 100;

/**
 * The transport hands queued messages to the server one per event-loop turn. A run waits this many turns with no
 * newer change before validating, so a burst of didChange already received is validated once, at its last version.
 */
const QUIET_TURNS = 3;

export class DiagnosticsPublisher {
  /** Bumped by every change, close and settings refresh: a run whose generation is no longer current stops. */
  private readonly generation = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyses: AnalysisCache,
    private readonly settings: SettingsStore,
  ) {}

  schedule(uri: string): void {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const gen = this.bump(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      void this.run(uri, gen);
    }, debounceMs(doc.getText().length));
    this.timers.set(uri, timer);
  }

  scheduleAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc.uri);
  }

  /** didClose: cancel pending work and clear what the client shows. */
  close(uri: string): void {
    // The counter stays: a run left over from before the close must not match a reopened document's generation.
    this.bump(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private bump(uri: string): number {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    const gen = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, gen);
    return gen;
  }

  private async run(uri: string, gen: number): Promise<void> {
    const current = () => this.generation.get(uri) === gen;
    for (let turn = 0; turn < QUIET_TURNS; turn++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (!current()) return;
    }
    const settings = await this.settings.get(uri);
    const doc = this.documents.get(uri);
    if (!current() || !doc) return;
    const started = performance.now();
    let diagnostics: Diagnostic[];
    let complete: boolean;
    try {
      // Only what maxProblems can show is computed; documentInfo asks for the complete validation when it needs it.
      const validation = this.analyses.publishable(doc, settings.maxProblems);
      diagnostics = validation.kind === 'unknown' ? [] : reportedDiagnostics(validation.diagnostics, settings);
      complete = validation.complete;
    } catch (e) {
      // One document's failure is logged and leaves its last diagnostics in place; other documents are unaffected.
      this.connection.console.error(`flowtime: analysis of ${uri} (version ${doc.version}) failed: ${describe(e)}`);
      return;
    }
    const shown = capProblems(diagnostics, settings.maxProblems);
    void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: shown.map((d) => toLspDiagnostic(d, uri)) });
    if (settings.trace.server !== 'off') {
      const timing = settings.trace.server === 'verbose' ? ` in ${(performance.now() - started).toFixed(1)} ms` : '';
      const capped = !complete ? ' (of more, maxProblems)' : shown.length < diagnostics.length ? ` (of ${diagnostics.length}, maxProblems)` : '';
      this.connection.console.log(`flowtime: ${shown.length} diagnostics${capped} for ${uri} version ${doc.version}${timing}`);
    }
    this.prepareWhenIdle(uri, gen, settings);
  }

  private prepareWhenIdle(uri: string, gen: number, settings: FlowtimeSettings): void {
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      const doc = this.documents.get(uri);
      if (this.generation.get(uri) !== gen || !doc) return;
      const started = performance.now();
      try {
        if (!this.analyses.prepare(doc)) return;
      } catch (e) {
        this.connection.console.error(`flowtime: analysis of ${uri} (version ${doc.version}) failed: ${describe(e)}`);
        return;
      }
      if (settings.trace.server === 'verbose') {
        this.connection.console.log(`flowtime: analysis of ${uri} version ${doc.version} prepared in ${(performance.now() - started).toFixed(1)} ms`);
      }
    }, PREPARE_AFTER_IDLE_MS);
    this.timers.set(uri, timer);
  }
}

/** Everything the settings let through, before the maxProblems cap. */
export function reportedDiagnostics(diagnostics: readonly Diagnostic[], settings: FlowtimeSettings): Diagnostic[] {
  return applyDivergenceLevel(diagnostics, settings);
}

export function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
