// Generates valid FlowTime models of any size (const, pmf and expr nodes with references and SHIFT feedback).

export function generateModel(nodeCount: number, bins = 24): string {
  const lines: string[] = ['schemaVersion: 1', 'grid:', `  bins: ${bins}`, '  binSize: 5', '  binUnit: minutes', 'nodes:'];
  const series = Array.from({ length: bins }, (_, i) => 10 + (i % 7)).join(', ');
  for (let i = 0; i < nodeCount; i++) {
    const id = `n${i}`;
    if (i % 10 === 0) {
      lines.push(`  - id: ${id}`, '    kind: const', `    values: [${series}]`);
    } else if (i % 10 === 1) {
      lines.push(`  - id: ${id}`, '    kind: pmf', '    pmf:', '      values: [1, 2, 3]', '      probabilities: [0.25, 0.5, 0.25]');
    } else {
      const a = `n${i - 1}`;
      const b = `n${Math.max(0, i - 7)}`;
      const expr = i % 3 === 0 ? `MIN(${a}, ${b}) * 0.9 + SHIFT(${b}, 1)` : i % 3 === 1 ? `MAX(0, ${a} - ${b} / 2)` : `CLAMP(${a} + ${b}, 0, 1000)`;
      lines.push(`  - id: ${id}`, '    kind: expr', `    expr: "${expr}"`);
    }
  }
  lines.push('outputs:', `  - series: n${nodeCount - 1}`, '    as: last.csv');
  return `${lines.join('\n')}\n`;
}
