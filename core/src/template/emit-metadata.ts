// Emits node `metadata` as a map of strings, the way Sim's string dictionary holds it (`true` → "true").
import type { EmitContext } from './emit-context';
import { put } from './emit-context';
import { isRecord } from './template-values';
import type { Rec } from './template-values';

/** Returns the metadata map (possibly empty) or undefined when the node has none; non-maps pass through for the schema. */
export function emitMetadata(ctx: EmitContext, node: Rec, modelPointer: string, templatePointer: string): Rec | undefined {
  if (!Object.prototype.hasOwnProperty.call(node, 'metadata')) return undefined;
  const md = node.metadata;
  if (!isRecord(md)) {
    if (ctx.isNull(templatePointer, md)) return undefined;
    ctx.origins.mirror(modelPointer, templatePointer);
    return md as unknown as Rec;
  }
  const out: Rec = {};
  ctx.origins.mirror(modelPointer, templatePointer);
  for (const key of Object.keys(md)) {
    const p = `${templatePointer}/${escape(key)}`;
    const v = ctx.stringValue(p, md[key]);
    if (v === undefined) continue;
    put(out, key, v);
    ctx.origins.mirror(`${modelPointer}/${escape(key)}`, p);
  }
  return out;
}

function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
