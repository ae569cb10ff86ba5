// Per-document `flowtime` settings: pulled through workspace/configuration, cached per URI, dropped on a change.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, SETTINGS_SECTION } from '../../core/src/language/protocol';
import type { DivergenceLevel, FlowtimeSettings, TraceLevel } from '../../core/src/language/protocol';

const DIVERGENCE: readonly DivergenceLevel[] = ['warning', 'info', 'off'];
const TRACE: readonly TraceLevel[] = ['off', 'messages', 'verbose'];
/** A client that never answers workspace/configuration must not stall diagnostics forever. */
const CONFIGURATION_TIMEOUT_MS = 5000;

/** Reads a (possibly partial or mistyped) `flowtime` section; anything unusable takes the default. */
export function normalizeSettings(raw: unknown): FlowtimeSettings {
  const section = isRecord(raw) ? raw : {};
  const divergence = section.divergenceWarnings;
  const max = section.maxProblems;
  const trace = isRecord(section.trace) ? section.trace.server : undefined;
  return {
    divergenceWarnings: DIVERGENCE.includes(divergence as DivergenceLevel) ? (divergence as DivergenceLevel) : DEFAULT_SETTINGS.divergenceWarnings,
    maxProblems: typeof max === 'number' && Number.isFinite(max) && max >= 0 ? Math.floor(max) : DEFAULT_SETTINGS.maxProblems,
    trace: { server: TRACE.includes(trace as TraceLevel) ? (trace as TraceLevel) : DEFAULT_SETTINGS.trace.server },
  };
}

export class SettingsStore {
  private readonly perDocument = new Map<string, Promise<FlowtimeSettings>>();
  /** Used when the client cannot answer workspace/configuration: whatever didChangeConfiguration pushed last. */
  private global: FlowtimeSettings = DEFAULT_SETTINGS;
  private pull = false;

  constructor(private readonly connection: Connection) {}

  /** Called once the client's capabilities are known. */
  setPullSupported(pull: boolean): void {
    this.pull = pull;
  }

  get(uri: string): Promise<FlowtimeSettings> {
    if (!this.pull) return Promise.resolve(this.global);
    let cached = this.perDocument.get(uri);
    if (!cached) {
      cached = this.request(uri);
      this.perDocument.set(uri, cached);
    }
    return cached;
  }

  /** `workspace/didChangeConfiguration`: pushed settings (if any) become the global ones; every cached pull is stale. */
  changed(pushed: unknown): void {
    if (isRecord(pushed) && SETTINGS_SECTION in pushed) this.global = normalizeSettings(pushed[SETTINGS_SECTION]);
    this.perDocument.clear();
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }

  private async request(uri: string): Promise<FlowtimeSettings> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), CONFIGURATION_TIMEOUT_MS);
      timer.unref();
    });
    try {
      const answer: unknown = await Promise.race([this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }), timeout]);
      if (answer === undefined) {
        // Not cached: the next validation asks again.
        this.perDocument.delete(uri);
        return this.global;
      }
      return normalizeSettings(answer);
    } catch (e) {
      this.connection.console.error(`flowtime: workspace/configuration failed for ${uri}: ${String(e)}`);
      this.perDocument.delete(uri);
      return this.global;
    } finally {
      clearTimeout(timer);
    }
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
