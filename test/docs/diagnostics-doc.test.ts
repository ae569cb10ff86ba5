import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderDiagnosticsDoc } from '../../scripts/diagnostics-doc';
import { allCodes, codeGroups } from '../../core/src/codes';
import { VERSION } from '../../core/src/version';

test('docs/diagnostics.md is generated from the code registry and up to date', () => {
  const onDisk = readFileSync('docs/diagnostics.md', 'utf8');
  assert.equal(onDisk, renderDiagnosticsDoc(), 'run `npm run docs:codes` and commit docs/diagnostics.md');
});

test('every code is registered once, with an explanation', () => {
  const seen = new Set<string>();
  for (const g of codeGroups) {
    for (const c of Object.values(g.codes)) {
      assert.ok(!seen.has(c.code), `code ${c.code} registered twice`);
      seen.add(c.code);
      assert.match(c.code, /^[a-z]+(-[a-z]+)*\.[a-z0-9]+(-[a-z0-9]+)*$/i, `code ${c.code} is not <area>.<kebab>`);
      assert.ok(c.title.length > 10 && c.explanation.length > 30, `code ${c.code} lacks a real explanation`);
    }
  }
  assert.equal(seen.size, allCodes.size);
});

test('the version constant follows package.json', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  assert.equal(VERSION, pkg.version);
});
