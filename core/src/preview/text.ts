// Text helpers for the SVG preview: XML escaping, label truncation and monospace width estimates.

/** Labels use a monospace font, so their width is predictable without font metrics. */
export const FONT_SIZE = 12;
/** Advance of one monospace character as a fraction of the font size (0.6 in common monospace fonts), rounded up. */
const CHAR_ADVANCE = 0.62;
/** Ids longer than this are shortened in the label; the full id stays in the tooltip. */
export const MAX_LABEL_CHARS = 32;

// Characters XML 1.0 forbids or that would only confuse a reader: C0/C1 controls (tab and newlines included, ids
// are one line), lone surrogates and the non-characters U+FFFE/U+FFFF.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function stripUnsafe(text: string): string {
  return text.replace(UNSAFE, '');
}

/** Safe in element content and in double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return stripUnsafe(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Shortens a label to `max` characters with a middle ellipsis: FlowTime ids often share a prefix and differ at the
 * end (`picker_wave_processing_time_ms_sum` vs `..._served_count`), so both ends are kept. Counts code points.
 */
export function truncateLabel(text: string, max = MAX_LABEL_CHARS): string {
  const chars = Array.from(stripUnsafe(text));
  if (chars.length <= max) return chars.join('');
  const keep = max - 1;
  const head = Math.ceil(keep * 0.6);
  return `${chars.slice(0, head).join('')}\u2026${chars.slice(chars.length - (keep - head)).join('')}`;
}

/** Estimated rendered width; wide (CJK, emoji) characters fall back to a proportional font and count double. */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  let units = 0;
  for (const ch of text) units += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return units * fontSize * CHAR_ADVANCE;
}

/** Fixed one-decimal number text; never `-0`, so equal layouts give equal bytes. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) || rounded === 0 ? '0' : String(rounded);
}
