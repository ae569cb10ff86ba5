// The corpus files and the cursor positions the completion, hover and signature loop tests probe in each.
import { readdirSync } from 'node:fs';
import path from 'node:path';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

/** Every YAML file of the shared corpus (models and templates, valid and invalid). */
export function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, name.name);
      if (name.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name.name)) out.push(p);
    }
  };
  walk(CORPUS);
  return out.sort();
}

/** Offsets to probe: each line's start, first character and end, and every character of every `expr:` line. */
export function probeOffsets(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    out.push(start, start + indent, start + line.length);
    const m = /^(\s*-?\s*)(expr|expression):/.exec(line);
    if (m) for (let c = m[0].length; c <= line.length; c++) out.push(start + c);
    start += line.length + 1;
  }
  return out;
}
