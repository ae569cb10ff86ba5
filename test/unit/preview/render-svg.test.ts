// The preview.svg renderer: standalone and accessible, XML-safe with hostile ids, deterministic, kind-specific visuals.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { renderPreviewSvg } from '../../../core/src/preview/render-svg';
import { attributeValues, badAmpersand, nodeTags, xmlProblems } from './xml-check';

const consts = (...ids: string[]): Record<string, unknown>[] => ids.map((id) => ({ id, kind: 'const', values: [1] }));

/** A model using every series kind, every topology kind and every edge type. */
function everyKindModel(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    grid: { bins: 1, binSize: 1, binUnit: 'hours' },
    nodes: [
      ...consts('demand', 'cap'),
      { id: 'size', kind: 'pmf', pmf: { values: [1, 2], probabilities: [0.5, 0.5] } },
      { id: 'served', kind: 'expr', expr: 'MIN(demand, cap) * size' },
      { id: 'backlog', kind: 'expr', expr: 'SHIFT(backlog, 1) + demand - served' },
      { id: 'buf', kind: 'serviceWithBuffer', inflow: 'demand', outflow: 'served' },
      { id: 'split', kind: 'router', inputs: { queue: 'served' }, routes: [{ target: 'backlog', weight: 1 }] },
      { id: 'weird', kind: 'gizmo' },
      { id: 'ghost', kind: 'const', values: [0], metadata: { 'graph.hidden': 'true' } },
    ],
    topology: {
      nodes: [
        { id: 'Svc', kind: 'service', semantics: { arrivals: 'demand', served: 'served' } },
        { id: 'Buf', kind: 'serviceWithBuffer', semantics: { arrivals: 'served', served: 'served', queueDepth: 'self' } },
        { id: 'Q', kind: 'queue', semantics: { arrivals: 'served', served: 'served', queueDepth: 'backlog' } },
        { id: 'DLQ', kind: 'dlq', semantics: { arrivals: 'ghost', served: 'ghost' } },
        { id: 'R', kind: 'router', semantics: { arrivals: 'served', served: 'served' } },
        { id: 'Dep', kind: 'dependency', semantics: { arrivals: 'served', served: 'served' } },
        { id: 'Out', kind: 'sink', semantics: { arrivals: 'served', served: 'served' } },
      ],
      edges: [
        { from: 'Svc:out', to: 'Buf:in' },
        { from: 'Buf:out', to: 'R:in' },
        { from: 'R:out', to: 'Q:in' },
        { from: 'Q:out', to: 'Dep:in' },
        { from: 'Dep:out', to: 'Out:in' },
        { from: 'Q:errors', to: 'DLQ:in' },
      ],
    },
  };
}

/** The legend markup (between the legend group and the graph group). */
function legendOf(svg: string): string {
  const start = svg.indexOf('<g class="legend"');
  const end = svg.indexOf('<g class="graph"');
  assert.ok(start >= 0 && end > start, 'legend and graph groups present');
  return svg.slice(start, end);
}

function legendLabels(svg: string): string[] {
  return [...legendOf(svg).matchAll(/<text class="lg"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 16807) % 2147483647;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('document', () => {
  test('is a standalone, well-formed, accessible SVG with a viewBox matching its size', () => {
    const svg = renderPreviewSvg(everyKindModel(), { title: 'Every kind' });
    assert.deepEqual(xmlProblems(svg), []);
    assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '));
    const root = /<svg [^>]*>/.exec(svg)![0];
    const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(root)!;
    assert.match(root, new RegExp(`viewBox="0 0 ${w} ${h}"`));
    assert.match(root, /role="img" aria-labelledby="ft-title ft-desc"/);
    assert.match(svg, /<svg [^>]*>\n<title id="ft-title">Every kind<\/title>\n<desc id="ft-desc">Dependency graph of 16 nodes \(9 series nodes, 7 topology nodes\)/);
    assert.equal((svg.match(/<style>/g) ?? []).length, 1, 'one style block');
    assert.ok(!/\sstyle="/.test(svg), 'no inline style attributes');
  });

  test('every node is drawn once with its id, kind, layer and a tooltip', () => {
    const svg = renderPreviewSvg(everyKindModel());
    const ids = attributeValues(svg, 'data-node-id');
    assert.deepEqual([...ids].sort(), ['Buf', 'DLQ', 'Dep', 'Out', 'Q', 'R', 'Svc', 'backlog', 'buf', 'cap', 'demand', 'ghost', 'served', 'size', 'split', 'weird']);
    const svc = nodeTags(svg).find((t) => t.includes('data-node-id="Svc"'))!;
    assert.match(svc, /data-kind="service" data-layer="topology"/);
    assert.match(svg, /<title>weird — unknown kind \(kind: gizmo\)<\/title>/);
    assert.match(svg, /<title>ghost — const, hidden<\/title>/);
  });

  test('the default title is used when none (or a blank one) is given', () => {
    assert.match(renderPreviewSvg({ nodes: consts('a') }), /<title id="ft-title">FlowTime model<\/title>/);
    for (const blank of ['  ', '\u0001\u0002']) {
      assert.match(renderPreviewSvg({ nodes: consts('a') }, { title: blank }), /<title id="ft-title">FlowTime model<\/title>/);
    }
  });

  test('an empty or non-model value still gives a valid document that says there is nothing to draw', () => {
    for (const value of [undefined, null, 42, 'text', [], {}, { nodes: [] }]) {
      const svg = renderPreviewSvg(value);
      assert.deepEqual(xmlProblems(svg), [], `for ${JSON.stringify(value)}`);
      assert.match(svg, /No nodes to preview\./);
      assert.equal(nodeTags(svg).length, 0);
    }
  });

  test('coordinates are rounded to at most one decimal', () => {
    const svg = renderPreviewSvg(everyKindModel());
    const numbers = [...svg.matchAll(/\s(?:d|transform|x|y|viewBox|refX)="([^"]*)"/g)].map((m) => m[1]).join(' ');
    assert.ok(numbers.length > 1000);
    assert.equal(/\d\.\d\d/.exec(numbers), null);
    assert.ok(!/-0(?![.\d])/.test(numbers), 'no negative zero');
  });
});

describe('escaping', () => {
  const hostile = ['<script>alert(1)</script>', 'a&b', 'q"uote\'s', 'ctl\u0001\u0007\u001b\u0000x', 'amp&amp;', ']]>', 'lone\ud800surrogate'];

  test('hostile ids and titles are escaped: no raw markup, every & an entity, still well-formed', () => {
    const model = {
      nodes: hostile.map((id, i) => ({ id, kind: i % 2 === 0 ? 'const' : 'gizmo<b>' })),
      topology: {
        nodes: hostile.map((id) => ({ id: `T${id}`, kind: 'queue', semantics: { arrivals: id, served: `series:${id}@c` } })),
        edges: [{ from: `T${hostile[0]}:out`, to: `T${hostile[1]}:in` }],
      },
    };
    const svg = renderPreviewSvg(model, { title: '<script>x</script> & "t"' });
    assert.deepEqual(xmlProblems(svg), []);
    assert.ok(!svg.toLowerCase().includes('<script'), 'no raw script tag');
    assert.equal(badAmpersand(svg), -1, 'every & starts an entity');
    assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(svg), 'no control characters');
    const drawn = new Set(attributeValues(svg, 'data-node-id'));
    for (const id of hostile) {
      const clean = id.replace(/[\u0000-\u001f]|\ud800/g, '');
      assert.ok(drawn.has(clean), `series ${JSON.stringify(clean)} drawn`);
      assert.ok(drawn.has(`T${clean}`), `topology ${JSON.stringify(clean)} drawn`);
    }
    assert.match(svg, /<title id="ft-title">&lt;script&gt;x&lt;\/script&gt; &amp; &quot;t&quot;<\/title>/);
    // Semantics references to the hostile series ids were resolved and escaped in the edge attributes too.
    assert.ok(attributeValues(svg, 'data-from').includes('a&b'));
    assert.equal(attributeValues(svg, 'data-edge-type').filter((t) => t === 'flow').length, 1);
  });

  test('ids that are object-prototype names or contain separators are drawn like any other', () => {
    const odd = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'a\u0001b', 'a', 'b'];
    const svg = renderPreviewSvg({
      nodes: [...consts(...odd), { id: 'x', kind: 'expr', expr: '__proto__ + constructor + toString' }],
      topology: { nodes: [{ id: '__proto__', semantics: { arrivals: 'constructor' } }], edges: [{ from: '__proto__', to: '__proto__' }] },
    });
    assert.deepEqual(xmlProblems(svg), []);
    assert.deepEqual([...attributeValues(svg, 'data-node-id')].sort(), ['__proto__', '__proto__', 'a', 'ab', 'b', 'constructor', 'hasOwnProperty', 'toString', 'x']);
    const edges = attributeValues(svg, 'data-from').map((f, i) => `${f}>${attributeValues(svg, 'data-to')[i]}`);
    assert.deepEqual(edges.sort(), ['__proto__>__proto__', '__proto__>x', 'constructor>__proto__', 'constructor>x', 'toString>x']);
  });

  test('long ids are shortened with an ellipsis in the label; the tooltip keeps the full id', () => {
    const long = 'picker_wave_processing_time_ms_sum_for_the_night_shift';
    const svg = renderPreviewSvg({ nodes: consts(long) });
    const label = /<text class="lb"[^>]*>([^<]*)<\/text>/.exec(svg)![1];
    assert.equal(label, 'picker_wave_process…_night_shift');
    assert.equal(Array.from(label).length, 32);
    assert.match(svg, new RegExp(`<title>${long} — const</title>`));
    assert.deepEqual(attributeValues(svg, 'data-node-id'), [long]);
  });
});

describe('determinism', () => {
  test('the same model renders to the same bytes', () => {
    assert.equal(renderPreviewSvg(everyKindModel()), renderPreviewSvg(everyKindModel()));
  });

  test('declaration order does not matter: shuffled nodes, topology nodes and edges give identical output', () => {
    const base = everyKindModel();
    const expected = renderPreviewSvg(base);
    const topology = base.topology as { nodes: unknown[]; edges: unknown[] };
    for (const seed of [1, 7, 42]) {
      const shuffled = {
        ...base,
        nodes: shuffle(base.nodes as unknown[], seed),
        topology: { nodes: shuffle(topology.nodes, seed + 1), edges: shuffle(topology.edges, seed + 2) },
      };
      assert.equal(renderPreviewSvg(shuffled), expected, `seed ${seed}`);
    }
  });

  test('no timestamps or random ids: the only element ids are the fixed title, desc and marker ids', () => {
    const svg = renderPreviewSvg(everyKindModel());
    const ids = attributeValues(svg, 'id');
    assert.deepEqual(ids, ['ft-title', 'ft-desc', 'ft-a-expr', 'ft-a-lagged', 'ft-a-semantics', 'ft-a-buffer', 'ft-a-router', 'ft-a-flow']);
  });
});

describe('visual language', () => {
  test('each kind has its own CSS class and a shape signature that differs from the other kinds', () => {
    const svg = renderPreviewSvg(everyKindModel());
    const signatureOf = (id: string): string => {
      const start = svg.indexOf(`data-node-id="${id}"`);
      const group = svg.slice(start, svg.indexOf('</g>', start));
      const d = /<path class="s" d="([^"]*)"/.exec(group)![1];
      const cls = /^[^>]*/.exec(svg.slice(svg.lastIndexOf('<g class="', start), start))![0];
      const extras = ['"i"', '"dc"', '"dt"'].filter((c) => group.includes(`class=${c}`)).join('');
      // Commands plus which coordinates are zero: separates e.g. a diamond (M0,n…) from a parallelogram (Mn,0…).
      const outline = d.replace(/-?\d+(?:\.\d+)?/g, (n) => (n === '0' ? '0' : 'n'));
      return `${cls.includes('dash') ? 'dashed ' : ''}${outline} ${extras}`;
    };
    const ids = ['demand', 'size', 'served', 'buf', 'split', 'weird', 'Svc', 'Buf', 'Q', 'DLQ', 'R', 'Dep', 'Out'];
    const classes = ids.map((id) => /class="n ([^ "]+)/.exec(nodeTags(svg).find((t) => t.includes(`data-node-id="${id}"`))!)![1]);
    assert.deepEqual(classes, ['k-const', 'k-pmf', 'k-expr', 'k-swb', 'k-router', 'k-unknown', 't-service', 't-swb', 't-queue', 't-dlq', 't-router', 't-dependency', 't-sink']);
    // Shapes separate the series kinds; topology kinds add the double outline ("i") and differ by shape or colour.
    const seriesShapes = ['demand', 'size', 'served', 'buf', 'split', 'weird'].map(signatureOf);
    assert.equal(new Set(seriesShapes).size, seriesShapes.length, seriesShapes.join(' | '));
    const topoShapes = ['Svc', 'Buf', 'R', 'Dep', 'Out'].map(signatureOf);
    assert.equal(new Set(topoShapes).size, topoShapes.length, topoShapes.join(' | '));
    for (const id of ['Svc', 'Buf', 'Q', 'DLQ', 'R', 'Dep', 'Out']) assert.match(signatureOf(id), /"i"/);
    const fills = ['t-swb', 't-queue', 't-dlq'].map((c) => new RegExp(`\\.${c} \\.s\\{fill:(#[0-9a-f]{6})`).exec(svg)![1]);
    assert.equal(new Set(fills).size, 3, 'queue-like topology kinds differ by colour');
  });

  test('edges are paths with arrowheads, styled per type: lagged dashed, semantics dotted, flow thicker', () => {
    const svg = renderPreviewSvg(everyKindModel());
    const types = new Set(attributeValues(svg, 'data-edge-type'));
    assert.deepEqual([...types].sort(), ['buffer', 'expr', 'flow', 'lagged', 'router', 'semantics']);
    for (const m of svg.matchAll(/<path class="e [^"]*" data-edge-type="([^"]*)"[^>]*>/g)) {
      assert.match(m[0], new RegExp(`marker-end="url\\(#ft-a-${m[1]}\\)"`));
    }
    const rule = (cls: string): string => new RegExp(`\\.${cls}\\{[^}]*\\}`).exec(svg)![0];
    assert.match(rule('e-lagged'), /stroke-dasharray:6 4/);
    assert.match(rule('e-semantics'), /stroke-dasharray:1\.5 3/);
    assert.doesNotMatch(rule('e-flow'), /dasharray/);
    const width = (cls: string): number => Number(/stroke-width:([\d.]+)/.exec(rule(cls))![1]);
    assert.ok(width('e-flow') > 2 * width('e-expr'));
  });

  test('the legend lists only the kinds and edge types present', () => {
    const small = renderPreviewSvg({ nodes: [...consts('a'), { id: 'b', kind: 'expr', expr: 'a * 2' }] });
    assert.deepEqual(legendLabels(small), ['const', 'expr', 'expression input']);
    assert.ok(!small.includes('.k-pmf'), 'no CSS for absent kinds');
    assert.ok(!small.includes('ft-a-flow'), 'no marker for absent edge types');

    const all = legendLabels(renderPreviewSvg(everyKindModel()));
    assert.deepEqual(all, [
      'const', 'pmf', 'expr', 'serviceWithBuffer', 'router', 'unknown kind',
      'topology service', 'topology serviceWithBuffer', 'topology queue', 'topology dlq', 'topology router',
      'topology dependency', 'topology sink', 'hidden (graph.hidden)',
      'expression input', 'lagged input (SHIFT)', 'semantics series', 'buffer input', 'router route', 'topology flow',
    ]);
  });

  test('hidden nodes are drawn, faded over an opaque backing', () => {
    const svg = renderPreviewSvg(everyKindModel());
    const start = svg.indexOf('data-node-id="ghost"');
    const group = svg.slice(start, svg.indexOf('</g></g>', start));
    assert.match(group, /<path class="bk" d="[^"]+"\/><g class="fd"><path class="s"/);
    assert.match(svg, /\.fd\{opacity:\.4\}/);
    const other = svg.slice(svg.indexOf('data-node-id="demand"'));
    assert.doesNotMatch(other.slice(0, other.indexOf('</g>')), /class="fd"/);
  });
});

describe('self-loops and cycles', () => {
  test('a node that SHIFTs itself gets a drawn loop, and nodes in a same-bin cycle are all drawn', () => {
    const svg = renderPreviewSvg({
      nodes: [
        { id: 'a', kind: 'expr', expr: 'b + 1' },
        { id: 'b', kind: 'expr', expr: 'c + 1' },
        { id: 'c', kind: 'expr', expr: 'a + 1' },
        { id: 'q', kind: 'expr', expr: 'SHIFT(q, 1) + a' },
      ],
    });
    assert.deepEqual(xmlProblems(svg), []);
    assert.deepEqual(attributeValues(svg, 'data-node-id'), ['a', 'b', 'c', 'q']);
    const edges = [...svg.matchAll(/<path class="e [^"]*" data-edge-type="([^"]*)" data-from="([^"]*)" data-to="([^"]*)" d="([^"]*)"/g)];
    const pairs = edges.map((m) => `${m[2]}>${m[3]}:${m[1]}`).sort();
    assert.deepEqual(pairs, ['a>c:expr', 'a>q:expr', 'b>a:expr', 'c>b:expr', 'q>q:lagged']);
    const loop = edges.find((m) => m[2] === 'q' && m[3] === 'q')!;
    assert.match(loop[4], /^M[\d.]+,[\d.]+C[\d.]+,[\d.]+ [\d.]+,[\d.]+ [\d.]+,[\d.]+$/);
  });
});
