// `${name}` placeholders of a raw template: finding them, and reporting unknown, malformed, unused and misquoted ones.
import type { Diagnostic, FixData } from '../diagnostics';
import { diag } from '../codes/make';
import { templateParamCodes as codes } from '../codes/template-params';
import { joinPointer } from '../yaml/document';
import type { ScalarNode, SourceDocument } from '../yaml/document';
import type { LineIndex } from '../text/line-index';
import type { ParameterDef, ParameterValue, Placeholder } from './types';
import { scanPlaceholders } from './subst-scan';
import type { MalformedPlaceholder } from './subst-scan';
import { ScalarLocator } from './subst-context';
import { formatForSubstitution } from './subst-format';
import { suggestName } from './param-suggest';

export { findPlaceholders, scanPlaceholders, PARAMETER_NAME } from './subst-scan';
export type { MalformedPlaceholder, MalformedReason, PlaceholderScan } from './subst-scan';

export interface CheckPlaceholdersOptions {
  /** Values that will be substituted (defaults merged with given values); defaults are used when absent. */
  values?: ReadonlyMap<string, ParameterValue>;
}

/**
 * Diagnostics for the placeholders of a raw template (`doc` is the raw parse of `text`, `lines` its line index).
 * Placeholders inside comments are substituted by Sim but never reported.
 */
export function checkPlaceholders(
  text: string,
  doc: SourceDocument,
  lines: LineIndex,
  params: ParameterDef[],
  options: CheckPlaceholdersOptions = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const defs = new Map<string, ParameterDef>();
  // Sim keeps the later of two same-named declarations.
  for (const p of params) defs.set(p.name, p);
  const names = [...defs.keys()];
  const used = new Set<string>();
  const commentOnly = new Set<string>();
  const scan = scanPlaceholders(text);
  let locator: ScalarLocator | undefined;
  const scalarAt = (ph: Placeholder): ScalarNode | undefined => (locator ??= new ScalarLocator(doc)).containing(ph.start, ph.end);

  for (const ph of scan.placeholders) {
    if (ph.inComment) {
      commentOnly.add(ph.name);
      continue;
    }
    const def = defs.get(ph.name);
    if (!def) {
      out.push(unknownPlaceholder(ph, names, lines));
      continue;
    }
    used.add(ph.name);
    const value = options.values?.has(ph.name) ? options.values.get(ph.name) : def.default;
    const isArray = Array.isArray(value) || (value === undefined && def.type === 'array');
    if (typeof value !== 'string' && !isArray) continue;
    const scalar = scalarAt(ph);
    if (!scalar) continue;
    if (typeof value === 'string') {
      const d = quotedString(text, lines, ph, scalar, value);
      if (d) out.push(d);
    } else if (!isWholeValue(text, ph, scalar)) {
      const shown = Array.isArray(value) ? ` (\`${formatForSubstitution(value)}\`)` : '';
      out.push(
        diag(
          codes['placeholder.array-in-text'],
          `Array parameter \`${ph.name}\` is used inside a larger value: Sim writes it here as the text \`[a, b, …]\`${shown}, not as a sequence.`,
          lines.range(ph.start, ph.end),
        ),
      );
    }
  }

  for (const m of scan.malformed) {
    if (m.inComment) continue;
    // Sim replaces the literal text `${name}` of any declared name, even one the name pattern rejects.
    if (defs.has(m.content) && m.reason !== 'unterminated') {
      used.add(m.content);
      continue;
    }
    out.push(malformedPlaceholder(m, lines));
  }

  for (const def of defs.values()) {
    if (used.has(def.name)) continue;
    const where = commentOnly.has(def.name) ? ' (only inside comments, which change nothing)' : '';
    out.push(
      diag(
        codes['param.unused'],
        `Parameter \`${def.name}\` is never used: no \`\${${def.name}}\` appears in the template${where}.`,
        doc.locate(joinPointer(def.pointer, 'name')),
      ),
    );
  }
  return out;
}

function unknownPlaceholder(ph: Placeholder, names: string[], lines: LineIndex): Diagnostic {
  const range = lines.range(ph.start, ph.end);
  const suggestion = suggestName(ph.name, names);
  const hint = suggestion === undefined ? '' : ` Did you mean \`${suggestion}\`?`;
  const fixes: FixData[] =
    suggestion === undefined ? [] : [{ title: `Change to \`\${${suggestion}}\``, edits: [{ range, newText: `\${${suggestion}}` }] }];
  return diag(
    codes['placeholder.unknown'],
    `Unknown parameter \`${ph.name}\`: no parameter of this template has that name, so Sim leaves \`\${${ph.name}}\` in the generated text.${hint}`,
    range,
    { fixes },
  );
}

function malformedPlaceholder(m: MalformedPlaceholder, lines: LineIndex): Diagnostic {
  const range = lines.range(m.start, m.end);
  let message: string;
  switch (m.reason) {
    case 'empty':
      message = `\`${m.text}\` names no parameter; Sim leaves it in the generated text.`;
      break;
    case 'whitespace':
      message = `\`${m.text}\` is never substituted: Sim replaces only the exact text \`${m.suggestion}\` (no spaces inside the braces).`;
      break;
    case 'default-syntax':
      message = `\`${m.text}\` is never substituted: Sim has no default syntax; declare the default under \`parameters\` and write \`${m.suggestion ?? '${name}'}\`.`;
      break;
    case 'invalid-name':
      message = `\`${m.text}\` is never substituted: \`${m.content}\` is not a parameter name (letters, digits and \`_\`, not starting with a digit).`;
      break;
    case 'unterminated':
      message = `\`${m.text}\` has no closing \`}\` on its line, so Sim leaves it in the generated text.`;
      break;
  }
  const fixes: FixData[] = m.suggestion ? [{ title: `Change to \`${m.suggestion}\``, edits: [{ range, newText: m.suggestion }] }] : [];
  return diag(codes['placeholder.malformed'], message, range, { fixes });
}

/** A string value Sim quotes itself, placed inside a quoted scalar. */
function quotedString(text: string, lines: LineIndex, ph: Placeholder, scalar: ScalarNode, value: string): Diagnostic | undefined {
  if (scalar.style !== 'double' && scalar.style !== 'single') return undefined;
  const formatted = formatForSubstitution(value);
  const quote = scalar.style === 'double' ? '"' : "'";
  const wrapped = formatted !== value;
  if (!formatted.includes(quote) && !wrapped) return undefined;
  const source = text.slice(scalar.start, scalar.end);
  const exact = source === `${quote}${text.slice(ph.start, ph.end)}${quote}`;
  const after = source.slice(0, ph.start - scalar.start) + formatted + source.slice(ph.end - scalar.start);
  const shown = after.length <= 80 ? `\`${after}\`` : `\`…${formatted}…\``;
  const effect = formatted.includes(quote) ? 'breaks the YAML' : 'keeps the quote characters in the value';
  const why = wrapped ? 'Sim quotes this value itself' : 'the value contains the same quote';
  const message = exact
    ? `\`${source}\` becomes ${shown} and ${effect} (${why}): write the placeholder unquoted.`
    : `\`\${${ph.name}}\` inside this quoted string becomes ${shown} and ${effect} (${why}): keep string parameters out of quoted text.`;
  const range = exact ? lines.range(scalar.start, scalar.end) : lines.range(ph.start, ph.end);
  const fixes: FixData[] = exact ? [{ title: `Remove the quotes around \`\${${ph.name}}\``, edits: [{ range, newText: `\${${ph.name}}` }] }] : [];
  return diag(codes['placeholder.quoted-string'], message, range, { fixes });
}

/** The placeholder is the scalar's whole value: `${p}`, `"${p}"` or `'${p}'` (Sim replaces the quoted forms for arrays). */
function isWholeValue(text: string, ph: Placeholder, scalar: ScalarNode): boolean {
  const source = text.slice(scalar.start, scalar.end);
  const bare = text.slice(ph.start, ph.end);
  return source === bare || source === `"${bare}"` || source === `'${bare}'`;
}
