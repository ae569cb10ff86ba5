// Node rules: ids (T15), kinds (T16), const values or source (T17), profiled pmfs (T18–T21), dependencies (T23), self-SHIFT (T39).
import { collectReferences, findSelfShift, parseExpression } from '../../expr';
import { checkPmf } from '../pmf-check';
import { gridBins } from '../emit-grid';
import { resolveProfile } from '../profiles';
import { asArray, field, hasKey, isNullish, isRecord, nonBlank, scalarText } from '../template-values';
import type { Rec } from '../template-values';
import type { RuleContext } from './context';

const KINDS = ['const', 'pmf', 'expr', 'serviceWithBuffer', 'router'];

export function checkNodes(ctx: RuleContext): void {
  const nodes = ctx.root.nodes;
  if (!Array.isArray(nodes)) return;
  const firstById = new Map<string, number>();
  nodes.forEach((n, i) => {
    const p = `/nodes/${i}`;
    if (!isRecord(n)) return;
    checkId(ctx, n, i, firstById);
    const kind = checkKind(ctx, n, p);
    if (kind === 'const') checkConst(ctx, n, p);
    if (kind === 'pmf' && hasKey(n, 'profile') && !isNullish(n.profile)) checkProfiledPmf(ctx, n, p);
    if (kind === 'expr') checkExpr(ctx, n, p);
  });
}

function checkId(ctx: RuleContext, n: Rec, i: number, firstById: Map<string, number>): void {
  const p = `/nodes/${i}`;
  if (ctx.broken(`${p}/id`) || !hasKey(n, 'id')) return;
  const id = scalarText(n.id);
  if (id === undefined) return;
  if (id.trim() === '') {
    ctx.report('template.node-id-required', 'This node has a blank id; every node needs one.', `${p}/id`);
    return;
  }
  const first = firstById.get(id);
  if (first === undefined) {
    firstById.set(id, i);
    return;
  }
  ctx.report('template.duplicate-node-id', `Duplicate node id \`${id}\`: node ids must be unique.`, `${p}/id`, 'value', [
    ctx.related(`First node with id \`${id}\``, `/nodes/${first}/id`),
  ]);
}

/** Returns the kind when it is one Sim supports exactly. */
function checkKind(ctx: RuleContext, n: Rec, p: string): string | undefined {
  if (ctx.broken(`${p}/kind`) || !hasKey(n, 'kind')) return undefined;
  const kind = scalarText(n.kind);
  if (kind === undefined) return undefined;
  if (KINDS.includes(kind)) return kind;
  const id = scalarText(n.id) ?? '';
  if (kind.trim() === '') {
    ctx.report('template.node-kind', `Node \`${id}\` must define a kind (${KINDS.join(', ')}).`, `${p}/kind`);
    return undefined;
  }
  const exact = KINDS.find((k) => k.toLowerCase() === kind.trim().toLowerCase());
  const hint = exact ? ` Kinds are case-sensitive: write \`${exact}\`.` : ` Supported kinds: ${KINDS.join(', ')}.`;
  ctx.report('template.node-kind', `Unsupported node kind \`${kind}\` on node \`${id}\`.${hint}`, `${p}/kind`);
  return undefined;
}

function checkConst(ctx: RuleContext, n: Rec, p: string): void {
  if (ctx.broken(`${p}/values`) || ctx.broken(`${p}/source`)) return;
  const hasValues = hasKey(n, 'values') && !isNullish(n.values);
  if (hasValues) return;
  const id = scalarText(n.id) ?? '';
  if (nonBlank(n.source) !== undefined) {
    ctx.report(
      'template.const-source-only',
      `Const node \`${id}\` has only a telemetry source: \`source\` is dropped from the generated model, so the node has no \`values\` and the Engine schema rejects the model. Add \`values\`.`,
      hasKey(n, 'id') ? `${p}/id` : p,
    );
    return;
  }
  ctx.report('template.const-values', `Const node \`${id}\` must specify values or a telemetry source.`, hasKey(n, 'id') ? `${p}/id` : p);
}

function checkProfiledPmf(ctx: RuleContext, n: Rec, p: string): void {
  const id = scalarText(n.id) ?? '';
  if (!ctx.broken(`${p}/pmf`)) {
    const { problem } = checkPmf(n.pmf);
    if (problem) {
      const at = problem.index !== undefined ? `${p}/${problem.at}/${problem.index}` : `${p}/${problem.at}`;
      ctx.report(problem.code, `Pmf node \`${id}\`: ${problem.message}.`, hasKey(n, 'pmf') ? at : p);
    }
  }
  if (ctx.broken(`${p}/profile`) || ctx.broken('/grid/bins')) return;
  const res = resolveProfile(n.profile, gridBins(ctx.root));
  if (!res.error) return;
  // A missing grid is reported by the grid rules and the schema; a profile cannot add anything useful then.
  if (res.error.key === '' && !isRecord(ctx.root.grid)) return;
  const { key, index } = res.error;
  let at = `${p}/profile`;
  if (key && hasKey(n.profile as Rec, key)) at = index !== undefined ? `${at}/${key}/${index}` : `${at}/${key}`;
  ctx.report('template.profile', `Pmf node \`${id}\`: ${res.error.message}.`, at, at === `${p}/profile` ? 'key' : 'value');
}

function checkExpr(ctx: RuleContext, n: Rec, p: string): void {
  if (ctx.broken(`${p}/expr`)) return;
  const text = scalarText(n.expr);
  if (text === undefined) return;
  const parsed = parseExpression(text);
  if (!parsed.expr) return;
  const id = scalarText(n.id) ?? '';
  if (!ctx.broken(`${p}/dependencies`)) checkDependencies(ctx, n, p, id, collectReferences(parsed.expr).map((r) => r.name));
  if (id) {
    const span = findSelfShift(parsed.expr, id);
    if (span && !hasInitialCondition(ctx, id)) {
      ctx.reportInString(
        'template.self-shift',
        `Node \`${id}\` uses SHIFT on itself and requires an initial condition: add a topology node with \`semantics.queueDepth: ${id}\` and \`initialCondition.queueDepth\`.`,
        `${p}/expr`,
        span.start,
        span.end,
      );
    }
  }
}

function checkDependencies(ctx: RuleContext, n: Rec, p: string, id: string, refs: string[]): void {
  const deps = n.dependencies;
  if (!Array.isArray(deps) || deps.length === 0) return;
  const declared = new Set(deps.map((d) => scalarText(d)).filter((d): d is string => d !== undefined));
  const referenced = new Set(refs);
  const missing = [...referenced].filter((r) => !declared.has(r));
  if (missing.length > 0) {
    ctx.report(
      'template.dependencies',
      `Missing dependencies for node \`${id}\`: ${missing.map((m) => `\`${m}\``).join(', ')} ${missing.length === 1 ? 'is' : 'are'} referenced by its expr but not listed.`,
      `${p}/dependencies`,
      'key',
    );
  }
  deps.forEach((d, j) => {
    const name = scalarText(d);
    if (name !== undefined && !referenced.has(name)) {
      ctx.report('template.dependencies', `Node \`${id}\` declares unused dependency \`${name}\`: its expr does not reference it.`, `${p}/dependencies/${j}`);
    }
  });
}

/** T39: a topology node whose queueDepth is exactly `id` and whose initialCondition.queueDepth is set. */
function hasInitialCondition(ctx: RuleContext, id: string): boolean {
  return asArray(field(ctx.root.topology, 'nodes')).some((tn) => {
    const qd = scalarText(field(field(tn, 'semantics'), 'queueDepth'));
    const ic = field(field(tn, 'initialCondition'), 'queueDepth');
    return qd === id && !isNullish(ic);
  });
}
