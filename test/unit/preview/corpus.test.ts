// Real FlowTime files render: every declared node drawn, every topology edge drawn, well-formed and deterministic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '../../../core/src/yaml/parse';
import { renderPreviewSvg } from '../../../core/src/preview/render-svg';
import { CORPUS } from '../../helpers/cli';
import { attributeValues, xmlProblems } from './xml-check';

type Obj = Record<string, unknown>;

function ids(list: unknown): string[] {
  return (Array.isArray(list) ? list : []).map((n) => (n as Obj)?.id).filter((id): id is string => typeof id === 'string');
}

for (const sub of ['models/valid', 'models/invalid', 'templates']) {
  for (const file of readdirSync(join(CORPUS, sub)).sort()) {
    test(`${sub}/${file} renders every node and topology edge`, () => {
      // Templates are drawn from their raw value: ids and structure do not depend on ${param} substitution.
      const value = parseYaml(readFileSync(join(CORPUS, sub, file), 'utf8')).doc.value as Obj;
      const svg = renderPreviewSvg(value, { title: file });
      assert.deepEqual(xmlProblems(svg), []);
      const drawn = attributeValues(svg, 'data-node-id');
      const topology = (value.topology ?? {}) as Obj;
      const declared = new Set([...ids(value.nodes), ...ids(topology.nodes)]);
      assert.ok(declared.size > 0);
      for (const id of declared) assert.ok(drawn.includes(id), `${id} drawn`);
      const flows = new Set<string>();
      for (const e of Array.isArray(topology.edges) ? (topology.edges as Obj[]) : []) {
        flows.add(`${String(e.from).split(':')[0]}>${String(e.to).split(':')[0]}`);
      }
      const from = attributeValues(svg, 'data-from');
      const to = attributeValues(svg, 'data-to');
      const types = attributeValues(svg, 'data-edge-type');
      const drawnFlows = new Set(types.map((t, i) => `${t}:${from[i]}>${to[i]}`).filter((s) => s.startsWith('flow:')).map((s) => s.slice(5)));
      assert.deepEqual([...drawnFlows].sort(), [...flows].sort());
      if (sub === 'templates') assert.ok(types.includes('semantics') && types.includes('expr'), 'templates bind series to topology');
      assert.equal(renderPreviewSvg(value, { title: file }), svg);
    });
  }
}
