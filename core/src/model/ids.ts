// Id uniqueness: node ids (exact duplicates S17, case-only clashes C23), topology node ids and constraint ids (C23).
import { diag } from '../codes/make';
import { modelCodes } from '../codes/model';
import type { CodeInfo } from '../codes/registry';
import type { ModelContext } from './context';
import { q } from './read';

export function checkIds(ctx: ModelContext): void {
  checkNodeIds(ctx);
  checkCaseInsensitive(ctx, ctx.topology, 'topology node', modelCodes['model.duplicate-topology-node-id']);
  checkCaseInsensitive(ctx, ctx.constraints, 'constraint', modelCodes['model.duplicate-constraint-id']);
}

function checkNodeIds(ctx: ModelContext): void {
  const byLower = new Map<string, { id: string; pointer: string }>();
  for (const n of ctx.nodes) {
    const idPointer = `${n.pointer}/id`;
    const first = ctx.nodeById.get(n.id);
    if (first && first !== n) {
      ctx.report(
        diag(
          modelCodes['model.duplicate-node-id'],
          `Duplicate node id ${q(n.id)} (first declared at nodes[${first.index}]): the C# engine rejects the model and the Rust engine panics ("Column '${n.id}' already exists").`,
          ctx.range(idPointer),
          { related: [{ message: `First declaration of ${q(n.id)}`, range: ctx.range(`${first.pointer}/id`) }] },
        ),
      );
      continue;
    }
    const lower = n.id.toLowerCase();
    const clash = byLower.get(lower);
    if (clash) {
      ctx.report(
        diag(
          modelCodes['model.node-id-case-conflict'],
          `Node ids ${q(clash.id)} and ${q(n.id)} differ only in case: the C# engine indexes nodes case-insensitively, so both running the model (model parser) and the analysis tier (invariant analyzer) fail with a duplicate key. Rename one of them.`,
          ctx.range(idPointer),
          { related: [{ message: `${q(clash.id)} is declared here`, range: ctx.range(clash.pointer) }] },
        ),
      );
      continue;
    }
    byLower.set(lower, { id: n.id, pointer: idPointer });
  }
}

function checkCaseInsensitive(
  ctx: ModelContext,
  entries: readonly { id: string; pointer: string }[],
  what: string,
  code: CodeInfo,
): void {
  const seen = new Map<string, { id: string; pointer: string }>();
  for (const e of entries) {
    const key = e.id.trim().toLowerCase();
    const first = seen.get(key);
    if (!first) {
      seen.set(key, e);
      continue;
    }
    const how = first.id === e.id ? `Duplicate ${what} id ${q(e.id)}` : `${capitalize(what)} ids ${q(first.id)} and ${q(e.id)} differ only in case`;
    ctx.report(
      diag(code, `${how}: the C# engine indexes ${what}s case-insensitively and fails with a duplicate key when it parses or analyses the model.`, ctx.range(`${e.pointer}/id`), {
        related: [{ message: `First declaration of ${q(first.id)}`, range: ctx.range(`${first.pointer}/id`) }],
      }),
    );
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
