// Template header rules: mode (T4), generator (T9), metadata (T10/T11), window (T12/T13), grid (T14), rng (T43).
import { isRecord, nonBlank, scalarText, hasKey } from '../template-values';
import { parseDateTimeOffset } from '../date-time';
import type { RuleContext } from './context';

const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

export function checkHeader(ctx: RuleContext): void {
  checkMode(ctx);
  checkGenerator(ctx);
  checkMetadata(ctx);
  checkWindow(ctx);
  checkGrid(ctx);
  checkRng(ctx);
}

function checkMode(ctx: RuleContext): void {
  if (!hasKey(ctx.root, 'mode') || ctx.broken('/mode')) return;
  const mode = nonBlank(ctx.root.mode);
  if (mode && ['simulation', 'telemetry'].includes(mode.toLowerCase())) return;
  ctx.report('template.unsupported-mode', `Unsupported template mode \`${scalarText(ctx.root.mode) ?? ''}\`: use \`simulation\` or \`telemetry\`.`, '/mode');
}

function checkGenerator(ctx: RuleContext): void {
  if (!hasKey(ctx.root, 'generator') || ctx.broken('/generator')) return;
  const g = nonBlank(ctx.root.generator);
  if (g && g.toLowerCase().startsWith('flowtime-sim')) return;
  const msg = g ? `generator \`${g}\` must start with 'flowtime-sim'.` : "generator is blank; it must start with 'flowtime-sim' (or be left out).";
  ctx.report('template.generator', msg, '/generator');
}

function checkMetadata(ctx: RuleContext): void {
  const md = ctx.root.metadata;
  if (!isRecord(md)) return;
  // A missing key is the schema's to report (all three are required there); a blank one is Sim's T10.
  for (const key of ['id', 'title', 'version']) {
    if (ctx.broken(`/metadata/${key}`) || !hasKey(md, key) || scalarText(md[key]) === undefined) continue;
    if (nonBlank(md[key]) === undefined) ctx.report('template.metadata-required', `metadata.${key} is required and must not be blank.`, `/metadata/${key}`);
  }
  const version = nonBlank(md.version);
  if (version && !ctx.broken('/metadata/version') && !SEMVER.test(version)) {
    ctx.report('template.version-semver', `metadata.version \`${version}\` must follow semantic versioning (MAJOR.MINOR.PATCH, e.g. 1.0.0).`, '/metadata/version');
  }
}

function checkWindow(ctx: RuleContext): void {
  const w = ctx.root.window;
  if (!isRecord(w)) return;
  // Missing keys are the schema's to report (window.start and window.timezone are required there).
  if (!ctx.broken('/window/start') && hasKey(w, 'start') && scalarText(w.start) !== undefined) {
    const start = nonBlank(w.start);
    if (!start) {
      ctx.report('template.window-start', 'window.start is required (a UTC date-time such as 2025-01-01T00:00:00Z).', '/window/start');
    } else {
      const parsed = parseDateTimeOffset(start);
      if (!parsed) ctx.report('template.window-start', `window.start \`${start}\` is not a valid date-time.`, '/window/start');
      else if (parsed.offsetMinutes !== 0) {
        ctx.report('template.window-start', `window.start \`${start}\` must be in UTC (offset 0), e.g. ending in Z.`, '/window/start');
      }
    }
  }
  if (!ctx.broken('/window/timezone') && hasKey(w, 'timezone') && scalarText(w.timezone) !== undefined) {
    const tz = nonBlank(w.timezone);
    if (!tz) {
      ctx.report('template.window-timezone', 'window.timezone is required and must be UTC.', '/window/timezone');
    } else if (tz.toUpperCase() !== 'UTC') {
      ctx.report('template.window-timezone', `window.timezone \`${tz}\` is not supported: it must be 'UTC'.`, '/window/timezone');
    }
  }
}

function checkGrid(ctx: RuleContext): void {
  const g = ctx.root.grid;
  if (!isRecord(g)) return;
  for (const key of ['bins', 'binSize']) {
    const v = g[key];
    if (ctx.broken(`/grid/${key}`) || typeof v !== 'number') continue;
    if (v <= 0) ctx.report('template.grid', `grid.${key} must be > 0 (got ${v}).`, `/grid/${key}`);
  }
  if (!ctx.broken('/grid/binUnit') && hasKey(g, 'binUnit') && nonBlank(g.binUnit) === undefined) {
    ctx.report('template.grid', 'grid.binUnit is required (minutes, hours or days).', '/grid/binUnit');
  }
}

function checkRng(ctx: RuleContext): void {
  if (!hasKey(ctx.root, 'rng')) return;
  const rng = ctx.root.rng;
  if (!isRecord(rng)) return;
  const kind = nonBlank(rng.kind);
  if (ctx.broken('/rng/kind')) {
    // The schema reported the kind.
  } else if (!kind) {
    const at = hasKey(rng, 'kind') ? '/rng/kind' : '/rng';
    ctx.report('template.rng', 'rng.kind is required when the template declares rng (use pcg32).', at, hasKey(rng, 'kind') ? 'value' : 'key');
  } else if (kind.toLowerCase() !== 'pcg32') {
    ctx.report('template.rng', `rng.kind \`${kind}\` is not supported: Sim only supports pcg32.`, '/rng/kind');
  }
  if (!ctx.broken('/rng/seed') && nonBlank(rng.seed) === undefined) {
    const at = hasKey(rng, 'seed') ? '/rng/seed' : '/rng';
    ctx.report('template.rng', 'rng.seed is required when the template declares rng.', at, hasKey(rng, 'seed') ? 'value' : 'key');
  }
}
