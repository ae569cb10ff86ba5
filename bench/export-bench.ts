// Benchmarks in-process export per built-in template against a naive exporter (instantiate + yaml.stringify + write).
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { newFromTemplate } from '../core/src/sim/operations';
import { builtinTemplatesDir, resolveTemplate } from '../core/src/sim/template-catalog';
import { validateTemplate } from '../core/src/template/validate-template';
import { median, timeRuns } from './timing';

export function benchExport(): string[] {
  const rows = ['export: template | ours median ms (new artifact) | ours median ms (unchanged, nothing written) | peer median ms (instantiate + yaml.stringify + write) | ratio | target < 50 ms'];
  const ids = readdirSync(builtinTemplatesDir())
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
  for (const id of ids) {
    const root = mkdtempSync(join(tmpdir(), 'ft-bench-'));
    let n = 0;
    const fresh = median(timeRuns(7, () => void newFromTemplate({ root, name: `m${n++}`, template: id })));
    const unchanged = median(timeRuns(7, () => void newFromTemplate({ root, name: 'm0', template: id })));
    const { text } = resolveTemplate(id);
    const peerFile = join(root, 'peer.yaml');
    const peer = median(timeRuns(7, () => writeFileSync(peerFile, stringify(validateTemplate(text).model))));
    rmSync(root, { recursive: true, force: true });
    rows.push(`export: ${id} | ${fresh.toFixed(1)} | ${unchanged.toFixed(1)} | ${peer.toFixed(1)} | ${(fresh / peer).toFixed(2)}x | ${fresh < 50 ? 'met' : 'MISSED'}`);
  }
  return rows;
}
