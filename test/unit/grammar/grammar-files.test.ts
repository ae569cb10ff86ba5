// The grammar files themselves: valid JSON, the scope names package.json uses, resolvable includes, compilable regexes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FUNCTIONS } from '../../../core/src/expr/functions';
import { OUR_GRAMMARS, ROOT, SYNTAXES, loadOnig } from './grammar-harness';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function readJson(path: string): JsonObject {
  return JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
}

const files = Object.entries(OUR_GRAMMARS).map(([scopeName, file]) => ({ scopeName, file, path: resolve(SYNTAXES, file) }));
const grammarOf = (scopeName: string): JsonObject => readJson(resolve(SYNTAXES, OUR_GRAMMARS[scopeName]));

/** Every object in a grammar (rules, captures, injections), depth first. */
function* objects(value: Json): Generator<JsonObject> {
  if (Array.isArray(value)) {
    for (const v of value) yield* objects(v);
  } else if (value !== null && typeof value === 'object') {
    yield value;
    for (const v of Object.values(value)) yield* objects(v);
  }
}

function repositoryKeys(g: JsonObject): Set<string> {
  return new Set(Object.keys((g.repository ?? {}) as JsonObject));
}

describe('grammar files', () => {
  test('syntaxes/ holds exactly our grammars, each valid JSON with its scope name', () => {
    assert.deepEqual(readdirSync(SYNTAXES).sort(), Object.values(OUR_GRAMMARS).sort());
    for (const f of files) {
      const g = readJson(f.path);
      assert.equal(g.scopeName, f.scopeName, f.file);
      assert.equal(typeof g.name, 'string', f.file);
    }
  });

  test('package.json grammar entries point at these files with the same scope names', () => {
    const pkg = readJson(resolve(ROOT, 'package.json'));
    const contributes = (pkg.contributes ?? {}) as JsonObject;
    const entries = (contributes.grammars ?? []) as JsonObject[];
    const byLanguage = new Map<string, string>();
    for (const e of entries) {
      const path = resolve(ROOT, String(e.path));
      assert.ok(existsSync(path), `package.json grammar path ${String(e.path)} does not exist`);
      assert.equal(readJson(path).scopeName, e.scopeName, String(e.path));
      assert.ok(String(e.scopeName) in OUR_GRAMMARS, `unexpected grammar scope ${String(e.scopeName)}`);
      if (typeof e.language === 'string') byLanguage.set(e.language, String(e.scopeName));
    }
    assert.equal(byLanguage.get('flowtime-model'), 'source.flowtime-model');
    assert.equal(byLanguage.get('flowtime-template'), 'source.flowtime-template');
    for (const lang of (contributes.languages ?? []) as JsonObject[]) {
      if (lang.id !== 'flowtime-model' && lang.id !== 'flowtime-template') continue;
      assert.equal(lang.configuration, './language-configuration.json', String(lang.id));
      assert.ok(existsSync(resolve(ROOT, 'language-configuration.json')));
    }
  });

  test('the model and template grammars are YAML plus injected FlowTime rules', () => {
    for (const scope of ['source.flowtime-model', 'source.flowtime-template']) {
      const g = grammarOf(scope);
      assert.deepEqual(g.patterns, [{ include: 'source.yaml' }], scope);
      const injections = g.injections as JsonObject;
      const included = Object.entries(injections).map(([selector, rule]) => {
        assert.ok(selector.startsWith(`L:${scope}`), `${scope}: injection ${selector} must target its own scope, with priority`);
        return ((rule as JsonObject).patterns as JsonObject[]).map((p) => p.include);
      });
      assert.ok(included.flat().includes('source.flowtime-expression#entries'), scope);
      assert.equal(included.flat().includes('source.flowtime-expression#placeholder'), scope === 'source.flowtime-template', scope);
    }
  });

  test('every include resolves', () => {
    const repos = new Map(files.map((f) => [f.scopeName, repositoryKeys(readJson(f.path))]));
    for (const f of files) {
      for (const o of objects(readJson(f.path))) {
        if (typeof o.include !== 'string') continue;
        const inc = o.include;
        if (inc === 'source.yaml' || inc === '$self' || inc === '$base') continue;
        const [scope, rule] = inc.startsWith('#') ? [f.scopeName, inc.slice(1)] : inc.split('#');
        assert.ok(repos.has(scope), `${f.file}: include ${inc} names an unknown grammar`);
        assert.ok(rule === undefined || repos.get(scope)!.has(rule), `${f.file}: include ${inc} names no repository rule`);
      }
    }
  });

  test('every regular expression compiles with oniguruma', async () => {
    const onig = await loadOnig();
    let count = 0;
    for (const f of files) {
      for (const o of objects(readJson(f.path))) {
        for (const key of ['match', 'begin', 'end', 'while'] as const) {
          const source = o[key];
          if (typeof source !== 'string') continue;
          // vscode-textmate replaces back-references in end/while with the escaped begin captures.
          const resolved = key === 'end' || key === 'while' ? source.replace(/\\(\d+)/g, '\\ \\ ') : source;
          assert.doesNotThrow(() => onig.createOnigScanner([resolved]), `${f.file} ${key}: ${source}`);
          count++;
        }
      }
    }
    assert.ok(count > 20, `only ${count} expressions found`);
  });

  test('the built-in function rule names exactly the 11 functions of the core catalog', () => {
    const rule = (grammarOf('source.flowtime-expression').repository as JsonObject)['function-builtin'] as JsonObject;
    const m = /\(\?i:([A-Z|]+)\)/.exec(String(rule.match));
    assert.ok(m, String(rule.match));
    assert.deepEqual(m[1].split('|').sort(), FUNCTIONS.map((f) => f.name).sort());
    assert.equal(FUNCTIONS.length, 11);
  });

  test('the kind rule knows every kind the schemas enumerate, and the topology kinds', () => {
    const rule = (grammarOf('source.flowtime-expression').repository as JsonObject)['kind-entry'] as JsonObject;
    const m = /\(kind\).*?\(([A-Za-z0-9|-]+)\)/.exec(String(rule.match));
    assert.ok(m, String(rule.match));
    const known = new Set(m[1].split('|'));
    const enumerated = new Set<string>();
    for (const schema of ['schemas/model.schema.json', 'schemas/template.schema.json']) {
      for (const o of objects(readJson(resolve(ROOT, schema)))) {
        const kind = o.kind as JsonObject | undefined;
        if (kind && Array.isArray(kind.enum)) for (const v of kind.enum) enumerated.add(String(v));
      }
    }
    assert.ok(enumerated.has('serviceWithBuffer') && enumerated.has('pcg32'), [...enumerated].join(','));
    // Topology kinds are free text in the schema; these are the ones the engines recognise (format §1.7).
    for (const k of ['service', 'serviceWithBuffer', 'queue', 'dlq', 'router', 'dependency', 'sink']) enumerated.add(k);
    for (const k of enumerated) assert.ok(known.has(k), `kind ${k} is not highlighted`);
  });
});
