// Renders the diagnostic code reference (docs/diagnostics.md) from core/src/codes.
import { codeGroups } from '../core/src/codes';

export function renderDiagnosticsDoc(): string {
  const out: string[] = [
    '# Diagnostic codes',
    '',
    '<!-- Generated from core/src/codes by `npm run docs:codes`; do not edit by hand. -->',
    '',
    'Every diagnostic FlowTime-Sim reports (CLI, language server, HTTP service) carries one of these stable codes.',
    'Severity policy: **error** — a FlowTime Engine (C# schema, compile or evaluation tier) would reject the model, or',
    'it certainly computes something other than what was written; **warning** — accepted but suspicious, accepted by',
    'the C# engine but rejected or computed differently by the Rust engine (`rust.*`), or a key the engine silently',
    'ignores; **info** — a note. Codes starting with `csharp.` mark syntax the Rust engine accepts but the C# engine',
    'rejects. Rule ids in parentheses (S20, T32, R11 ...) refer to the FlowTime rule digest.',
    '',
  ];
  for (const group of codeGroups) {
    const codes = Object.values(group.codes).sort((a, b) => a.code.localeCompare(b.code));
    if (codes.length === 0) continue;
    out.push(`## ${group.title}`, '', '| code | severity | meaning |', '|---|---|---|');
    for (const c of codes) out.push(`| \`${c.code}\` | ${c.severity} | ${escapeCell(c.title)} |`);
    out.push('');
    for (const c of codes) out.push(`### \`${c.code}\``, '', `*${c.severity}* — ${c.title}`, '', c.explanation, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|');
}
