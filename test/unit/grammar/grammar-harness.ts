// Loads the FlowTime TextMate grammars over VS Code's YAML grammars with vscode-textmate + oniguruma, for scope tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

/** Tests run from the repository root. */
export const ROOT = process.cwd();
export const SYNTAXES = resolve(ROOT, 'syntaxes');

/** The grammar files this repository ships, by scope name (the package.json `grammars` entries use the same). */
export const OUR_GRAMMARS: Readonly<Record<string, string>> = {
  'source.flowtime-model': 'flowtime-model.tmLanguage.json',
  'source.flowtime-template': 'flowtime-template.tmLanguage.json',
  'source.flowtime-expression': 'flowtime-expression.tmLanguage.json',
};

/**
 * A YAML base grammar to run the FlowTime grammars over: the scope names of the `source.yaml*` grammars it provides,
 * with their files. `available` is false when its files are not on this machine (then its tests are skipped).
 */
export interface YamlFlavor {
  name: string;
  available: boolean;
  files: ReadonlyMap<string, string>;
}

/** VS Code's classic YAML grammar (textmate/yaml.tmbundle), from the `tm-grammars` dev dependency. Always present. */
const TM_GRAMMARS: YamlFlavor = {
  name: 'tm-grammars yaml',
  available: true,
  files: new Map([['source.yaml', resolve(ROOT, 'node_modules/tm-grammars/grammars/yaml.json')]]),
};

/**
 * The YAML extension built into current VS Code (source.yaml → source.yaml.1.2, deeply nested begin/while rules),
 * read from a VS Code install: $FLOWTIME_VSCODE_EXTENSIONS, else the code-server that .ci/run caches for the
 * real-editor tests.
 */
function builtInYaml(): YamlFlavor {
  const candidates = process.env.FLOWTIME_VSCODE_EXTENSIONS
    ? [process.env.FLOWTIME_VSCODE_EXTENSIONS]
    : cachedCodeServers().map((dir) => join(dir, 'node_modules/code-server/lib/vscode/extensions'));
  for (const extensions of candidates) {
    const manifest = join(extensions, 'yaml/package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { contributes?: { grammars?: { scopeName: string; path: string }[] } };
    const files = new Map<string, string>();
    for (const g of pkg.contributes?.grammars ?? []) files.set(g.scopeName, resolve(extensions, 'yaml', g.path));
    if (files.has('source.yaml')) return { name: 'VS Code built-in yaml', available: true, files };
  }
  return { name: 'VS Code built-in yaml', available: false, files: new Map() };
}

function cachedCodeServers(): string[] {
  const cache = join(homedir(), '.cache');
  if (!existsSync(cache)) return [];
  return readdirSync(cache)
    .filter((d) => d.startsWith('flowtime-code-server-'))
    .sort()
    .reverse()
    .map((d) => join(cache, d));
}

export const YAML_FLAVORS: readonly YamlFlavor[] = [TM_GRAMMARS, builtInYaml()];

export interface Token {
  text: string;
  scopes: string[];
}

export type TokenizedLine = Token[];

let onigLib: Promise<vsctm.IOnigLib> | undefined;

/** The oniguruma WASM engine, loaded once per process (loadWASM may only be called once). */
export function loadOnig(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = readFileSync(resolve(ROOT, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigLib;
}

function rawGrammar(path: string): vsctm.IRawGrammar {
  return vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path);
}

const registries = new Map<YamlFlavor, vsctm.Registry>();
const grammars = new Map<string, Promise<vsctm.IGrammar>>();

/** A grammar by scope name, over the given YAML flavor, with our shared expression grammar resolvable as an include. */
export function grammar(scopeName: string, flavor: YamlFlavor = TM_GRAMMARS): Promise<vsctm.IGrammar> {
  let registry = registries.get(flavor);
  if (!registry) {
    registry = new vsctm.Registry({
      onigLib: loadOnig(),
      loadGrammar: async (name) => {
        const file = flavor.files.get(name) ?? (OUR_GRAMMARS[name] ? resolve(SYNTAXES, OUR_GRAMMARS[name]) : undefined);
        return file ? rawGrammar(file) : null;
      },
    });
    registries.set(flavor, registry);
  }
  const key = `${flavor.name}|${scopeName}`;
  let g = grammars.get(key);
  if (!g) {
    g = registry.loadGrammar(scopeName).then((loaded) => {
      if (!loaded) throw new Error(`grammar ${scopeName} did not load over ${flavor.name}`);
      return loaded;
    });
    grammars.set(key, g);
  }
  return g;
}

/** Tokenizes a whole document line by line; throws if the tokenizer gave up on a line (time limit). */
export function tokenizeWith(g: vsctm.IGrammar, text: string): TokenizedLine[] {
  const out: TokenizedLine[] = [];
  let state = vsctm.INITIAL;
  for (const line of text.split(/\r?\n/)) {
    const r = g.tokenizeLine(line, state, 5000);
    if (r.stoppedEarly) throw new Error(`tokenizing stopped early on line ${out.length + 1}: ${line}`);
    out.push(r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })));
    state = r.ruleStack;
  }
  return out;
}

export async function tokenize(scopeName: string, text: string, flavor?: YamlFlavor): Promise<TokenizedLine[]> {
  return tokenizeWith(await grammar(scopeName, flavor), text);
}

/**
 * The scopes of the `nth` (0-based) occurrence of `text` on line `line` (0-based). The YAML grammar may split one
 * word into several tokens with the same scopes, so the text may span tokens, or be part of one; all tokens under it
 * must agree.
 * Fails loudly with the line's tokens, so a broken tokenization is easy to read.
 */
export function scopesOf(lines: TokenizedLine[], line: number, text: string, nth = 0): string[] {
  const tokens = lines[line] ?? [];
  const full = tokens.map((t) => t.text).join('');
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = full.indexOf(text, at + 1);
    if (at < 0) throw new Error(`no ${JSON.stringify(text)} (#${nth}) on line ${line}:\n${describeTokens(tokens)}`);
  }
  const end = at + text.length;
  let offset = 0;
  let scopes: string[] | undefined;
  for (const t of tokens) {
    const from = offset;
    offset += t.text.length;
    if (offset <= at || from >= end) continue;
    if (scopes && scopes.join(' ') !== t.scopes.join(' ')) {
      throw new Error(`${JSON.stringify(text)} on line ${line} has mixed scopes:\n${describeTokens(tokens)}`);
    }
    scopes = t.scopes;
  }
  return scopes!;
}

/** Every token of a document that carries a scope starting with `prefix`. */
export function tokensWithScope(lines: TokenizedLine[], prefix: string): Token[] {
  return lines.flat().filter((t) => t.scopes.some((s) => s === prefix || s.startsWith(prefix + '.')));
}

export function hasScope(scopes: string[], prefix: string): boolean {
  return scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));
}

export function describeTokens(tokens: Token[]): string {
  return tokens.map((t) => `  ${JSON.stringify(t.text)} ${t.scopes.join(' ')}`).join('\n');
}

/** Asserts that `text` on `line` carries `scope` (exactly, or as a prefix followed by a dot). */
export function expectScope(lines: TokenizedLine[], line: number, text: string, scope: string, nth = 0): void {
  const scopes = scopesOf(lines, line, text, nth);
  if (!hasScope(scopes, scope)) {
    throw new Error(`${JSON.stringify(text)} on line ${line} lacks ${scope}; it has: ${scopes.join(' ')}`);
  }
}

/** Asserts that `text` on `line` carries no scope starting with `scope`. */
export function expectNoScope(lines: TokenizedLine[], line: number, text: string, scope: string, nth = 0): void {
  const scopes = scopesOf(lines, line, text, nth);
  if (hasScope(scopes, scope)) {
    throw new Error(`${JSON.stringify(text)} on line ${line} should not have ${scope}; it has: ${scopes.join(' ')}`);
  }
}

/** The tokens of line `line` that overlap the columns [from, to). */
export function tokensIn(lines: TokenizedLine[], line: number, from: number, to: number): Token[] {
  const out: Token[] = [];
  let offset = 0;
  for (const t of lines[line] ?? []) {
    const start = offset;
    offset += t.text.length;
    if (offset > from && start < to) out.push(t);
  }
  return out;
}
