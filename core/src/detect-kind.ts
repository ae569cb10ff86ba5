// Decides whether a document is a FlowTime model, a Sim template, or neither, from its content.

export type DocumentKind = 'model' | 'template' | 'unknown';

const TEMPLATE_KEYS = ['window', 'generator', 'parameters'];
const MODEL_KEYS = ['schemaVersion', 'grid', 'nodes', 'topology', 'outputs'];
const PLACEHOLDER = /\$\{[^}\n]*\}/;

/**
 * Template markers win over model markers because every template also has `schemaVersion`, `grid` and `nodes`.
 * A lone top-level `metadata` is not enough: legacy node-based models carry one, and they must be reported as
 * models with a legacy-shape error rather than as broken templates.
 */
export function detectKind(value: unknown, text: string): DocumentKind {
  if (!isRecord(value)) return 'unknown';
  if (TEMPLATE_KEYS.some((k) => k in value)) return 'template';
  if (hasPlaceholder(text)) return 'template';
  if (MODEL_KEYS.some((k) => k in value)) return 'model';
  if ('metadata' in value && ('nodes' in value || 'grid' in value)) return 'model';
  return 'unknown';
}

function hasPlaceholder(text: string): boolean {
  // Ignore placeholders that only appear in comments; Sim would substitute them but they decide nothing.
  for (const line of text.split(/\r?\n/)) {
    const hash = commentStart(line);
    const code = hash < 0 ? line : line.slice(0, hash);
    if (PLACEHOLDER.test(code)) return true;
  }
  return false;
}

function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return i;
  }
  return -1;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
