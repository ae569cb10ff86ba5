// Output rule kept at the template stage: at least one output (T26); unknown series are reported by the model stage.
import type { RuleContext } from './context';

export function checkOutputs(ctx: RuleContext): void {
  if (ctx.broken('/outputs')) return;
  const outputs = ctx.root.outputs;
  if (Array.isArray(outputs) && outputs.length === 0) {
    ctx.report('template.outputs-required', 'The template must define at least one output.', '/outputs', 'key');
  }
}
