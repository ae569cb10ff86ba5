// Writes the documents of the LSP benchmark into a work folder: lspbench's own fixtures, a FlowTime-shaped 5,000-node
// model with the same three defects, and the largest built-in template.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateModel } from '../gen-model';

export const REPO = resolve(__dirname, '..', '..');
export const LSPBENCH = resolve(REPO, '..', 'shared', 'tools', 'lspbench');

export interface BenchFixtures {
  dir: string;
  /** lspbench's 50-line model (hand-written, three defects). */
  model50: string;
  /** lspbench's 5,000-node model: the document the reference figures were measured on (not a FlowTime model). */
  model5000: string;
  /** The same size written as a FlowTime model (bench/gen-model.ts) with the same three defects. */
  flowtime5000: string;
  /** lspbench's JSON Schema for its own fixtures (what yaml-language-server validates them with). */
  fixtureSchema: string;
  /** The largest template under templates/, copied. */
  template: string;
}

export function writeFixtures(dir: string, nodes = 5000): BenchFixtures {
  mkdirSync(dir, { recursive: true });
  // gen-fixtures writes into the folder it is given; ../shared stays untouched (it is read-only in CI).
  const gen = spawnSync(process.execPath, [join(LSPBENCH, 'gen-fixtures.mjs'), dir, String(nodes)], { encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`gen-fixtures.mjs failed: ${gen.stderr}`);
  const flowtime5000 = join(dir, `model-${nodes}.flowtime.yaml`);
  writeFileSync(flowtime5000, withDefects(generateModel(nodes), nodes));
  const template = largestTemplate();
  const templateCopy = join(dir, `${template.name.replace(/\.yaml$/, '')}.template.yaml`);
  copyFileSync(template.path, templateCopy);
  return {
    dir,
    model50: join(dir, 'model-50.flow.yaml'),
    model5000: join(dir, `model-${nodes}.flow.yaml`),
    flowtime5000,
    fixtureSchema: join(dir, 'flow-model.schema.json'),
    template: templateCopy,
  };
}

function largestTemplate(): { name: string; path: string } {
  const dir = join(REPO, 'templates');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((name) => ({ name, path: join(dir, name), size: statSync(join(dir, name)).size }))
    .sort((a, b) => b.size - a.size || a.name.localeCompare(b.name));
  if (files.length === 0) throw new Error('no templates/*.yaml');
  return files[0];
}

/**
 * The defects of lspbench's fixtures, placed at 1/2, 2/3 and 5/6 of the node list like there: a misspelt kind, a
 * misspelt key, and an expression that references a node that does not exist (which a JSON Schema cannot see).
 */
function withDefects(text: string, nodes: number): string {
  const lines = text.split('\n');
  const at = (target: number, kind: string): number => {
    // generate-model cycles const, pmf, expr…: the first node of the wanted kind at or after the target.
    for (let i = target; i < nodes; i++) {
      const line = lines.indexOf(`  - id: n${i}`);
      if (lines[line + 1] === `    kind: ${kind}`) return line;
    }
    throw new Error(`no ${kind} node after n${target}`);
  };
  const enumLine = at(Math.floor(nodes / 2), 'expr');
  lines[enumLine + 1] = '    kind: expresion';
  const keyLine = at(Math.floor((2 * nodes) / 3), 'const');
  lines[keyLine + 2] = lines[keyLine + 2].replace('values:', 'valuse:');
  const refLine = at(Math.floor((5 * nodes) / 6), 'expr');
  lines[refLine + 2] = lines[refLine + 2].replace('expr: "', 'expr: "ghost_node + ');
  return lines.join('\n');
}
