// Hover: key docs from the schemas, functions, nodes (kind, values, PMF, expression, uses), topology, classes, ${param}s.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../../core/src/language/analysis';
import { hover } from '../../../../core/src/language/hover';
import type { HoverResult } from '../../../../core/src/language/types';
import { dedent, fmtRange, marked } from '../../../helpers/markers';

function hoverAt(src: string, kind?: 'model' | 'template'): { h: HoverResult | undefined; ranges: ReturnType<typeof marked>['ranges'] } {
  const m = marked(dedent(src));
  const a = analyze(m.text, kind ? { kind } : {});
  return { h: hover(a, m.cursors[0]), ranges: m.ranges };
}

/** The hover's text, asserting its range is the marked one. */
function contents(src: string, kind?: 'model' | 'template'): string {
  const { h, ranges } = hoverAt(src, kind);
  assert.ok(h, 'no hover');
  if (ranges[0]) assert.equal(h.range && fmtRange(h.range), fmtRange(ranges[0]));
  return h.contents;
}

const MODEL = `
schemaVersion: 1
grid:
  bins: 4
  binSize: 1
  binUnit: hours
classes:
  - id: Order
    displayName: Order flow
    description: Orders placed online
outputs:
  - series: served
nodes:
  - id: demand
    kind: const
    values: [10, 12, 14, 16]
  - id: short
    kind: const
    values: [1, 2]
  - id: capacity
    kind: pmf
    pmf:
      values: [2, 4]
      probabilities: [0.25, 0.75]
  - id: served
    kind: expr
    expr: "MIN(demand, capacity)"
`;

describe('key docs from the schema', () => {
  test('a grid key: type with range, required, description, path', () => {
    const text = contents('grid:\n  «bi‸ns»: 4\n');
    assert.match(text, /^\*\*bins\*\* · integer 1\.\.10000 · required/);
    assert.match(text, /Number of time bins/);
    assert.match(text, /`grid\.bins`/);
  });

  test('in a template the same key allows a placeholder', () => {
    assert.match(contents('grid:\n  «bins‸»: ${bins}\n', 'template'), /integer ≥ 1 or an exact `\$\{parameter\}` placeholder/);
  });

  test('an enum key lists its values; a default is shown', () => {
    assert.match(contents('grid:\n  «binU‸nit»: hours\n'), /one of `minutes`, `hours`, `days`, `weeks`/);
    assert.match(contents('nodes:\n  - id: q\n    dispatchSchedule:\n      «ki‸nd»: time-based\n'), /Default: `"time-based"`/);
  });

  test('a node key follows the node kind', () => {
    const text = contents('nodes:\n  - id: a\n    kind: serviceWithBuffer\n    «infl‸ow»: b\n');
    assert.match(text, /\*\*inflow\*\* · string · required/);
    assert.match(text, /enters the buffer/);
  });

  test('an unknown key says so', () => {
    assert.match(contents('grid:\n  «binMin‸utes»: 60\n'), /not a key FlowTime knows here/);
  });

  test('an enum value shows the docs of its key', () => {
    assert.match(contents('grid:\n  binUnit: «ho‸urs»\n'), /Unit of `binSize`/);
  });
});

describe('functions', () => {
  test('signature, meaning and arguments', () => {
    const text = contents(`${MODEL.replace('"MIN(demand, capacity)"', '"«M‸IN»(demand, capacity)"')}`);
    assert.match(text, /^```\nMIN\(a, b\)\n```/);
    assert.match(text, /smaller of two values/);
    assert.match(text, /- `a`: Any expression\./);
  });

  test('names are case-insensitive', () => {
    assert.match(contents('nodes:\n  - id: a\n    expr: "«sh‸ift»(b, 1)"\n'), /SHIFT\(x, lag\)/);
  });

  test('a function FlowTime does not have, with the way to write it', () => {
    assert.match(contents('nodes:\n  - id: a\n    expr: "«AB‸S»(b)"\n'), /not a FlowTime function; write MAX\(x, 0 - x\)/);
  });
});

describe('nodes', () => {
  test('a reference in an expression: kind, values preview, declaration and uses', () => {
    const text = contents(MODEL.replace('"MIN(demand, capacity)"', '"MIN(«dem‸and», capacity)"'));
    assert.match(text, /\*\*demand\*\*: const node/);
    assert.match(text, /values: `10, 12, 14, 16` \(4 values = grid\.bins\)/);
    assert.match(text, /Declared on line 13\./);
    assert.match(text, /Used once: expr of `served` \(line 26\)\./);
  });

  test('values that do not match the grid say so', () => {
    assert.match(contents(MODEL.replace('  - id: short', '  - id: «sh‸ort»')), /2 values, but grid\.bins is 4/);
  });

  test('a PMF with its expected value', () => {
    const text = contents(MODEL.replace('"MIN(demand, capacity)"', '"MIN(demand, «capa‸city»)"'));
    assert.match(text, /PMF: 2 \(p 0\.25\), 4 \(p 0\.75\); expected value \*\*3\.5\*\*/);
  });

  test('an expr node shows its expression and where it is used', () => {
    const text = contents(MODEL.replace('  - series: served', '  - series: «ser‸ved»'));
    assert.match(text, /\*\*served\*\*: expr node/);
    assert.match(text, /expr: `MIN\(demand, capacity\)`/);
    assert.match(text, /Used once: outputs \(line 11\)/);
  });

  test('the definition itself (no "declared on" line)', () => {
    const text = contents(MODEL.replace('  - id: demand', '  - id: «de‸mand»'));
    assert.match(text, /const node/);
    assert.doesNotMatch(text, /Declared on line/);
  });

  test('references from semantics, routers and buffers', () => {
    const model = `${MODEL}  - id: r
    kind: router
    inputs:
      queue: «dem‸and»
    routes:
      - target: served
        weight: 1
`;
    assert.match(contents(model), /const node/);
    const topo = `${MODEL}topology:\n  nodes:\n    - id: A\n      kind: service\n      semantics:\n        arrivals: «dem‸and»\n        served: served\n`;
    const text = contents(topo);
    assert.match(text, /Used 2 times: expr of `served` \(line 26\), `A` semantics\.arrivals \(line 32\)\./);
  });

  test('many uses: the first five and how many more', () => {
    const exprs = Array.from({ length: 7 }, (_, i) => `  - id: e${i}\n    kind: expr\n    expr: "demand * ${i + 1}"\n`).join('');
    const text = contents(`${MODEL}${exprs}`.replace('  - id: demand', '  - id: «dem‸and»'));
    assert.match(text, /Used 8 times: .*, and 3 more\./);
  });

  test('a reference to a node that does not exist', () => {
    assert.match(contents(MODEL.replace('"MIN(demand, capacity)"', '"MIN(«dema‸nds», capacity)"')), /\*\*demands\*\*: no node has this id\./);
  });

  test('a router and a buffer summarize their wiring', () => {
    const model = `${MODEL}  - id: q\n    kind: serviceWithBuffer\n    inflow: demand\n    outflow: served\n  - id: r\n    kind: router\n    inputs:\n      queue: q\n    routes:\n      - target: served\n        classes: [Order]\n      - target: demand\n        weight: 2\n`;
    assert.match(contents(model.replace('  - id: q', '  - id: «‸q»')), /inflow `demand` · outflow `served`/);
    assert.match(contents(model.replace('  - id: r', '  - id: «‸r»')), /inputs\.queue: `q`  \nroutes → `served` \(classes Order\), `demand` \(weight 2\)/);
  });
});

describe('topology, classes and parameters', () => {
  const topo = `${MODEL}topology:
  nodes:
    - id: Intake
      kind: serviceWithBuffer
      semantics:
        arrivals: demand
        served: served
        queueDepth: self
      initialCondition:
        queueDepth: 0
    - id: Pack
      kind: service
      semantics:
        arrivals: served
        served: served
  edges:
    - id: e1
      from: Intake:served
      to: Pack:arrivals
`;

  test('a topology id: kind, semantics table, initial condition, edges using it', () => {
    const text = contents(topo.replace('from: Intake:served', 'from: «Inta‸ke»:served'));
    assert.match(text, /\*\*Intake\*\*: topology serviceWithBuffer/);
    assert.match(text, /\| arrivals \| `demand` \|/);
    assert.match(text, /initial queueDepth: 0/);
    assert.match(text, /Used once: edge `e1` from/);
  });

  test('an edge port: the series it names on that node', () => {
    assert.match(contents(topo.replace('to: Pack:arrivals', 'to: Pack:«arri‸vals»')), /port of `Pack`: Pack's `arrivals` series is `served`/);
  });

  test('a class id: display name, description and uses', () => {
    const model = `${MODEL}traffic:\n  arrivals:\n    - nodeId: demand\n      classId: «Ord‸er»\n      pattern:\n        kind: constant\n`;
    const text = contents(model);
    assert.match(text, /\*\*Order\*\*: class · Order flow/);
    assert.match(text, /Orders placed online/);
    assert.match(text, /Used once: traffic arrival classId/);
  });

  test('a ${param} placeholder: type, default, range, description, uses', () => {
    const tpl = `
parameters:
  - name: period
    type: integer
    title: Wave period
    description: Bins between waves
    default: 4
    minimum: 1
    maximum: 24
grid:
  bins: \${period}
nodes:
  - id: gate
    kind: expr
    expr: "PULSE(«\${per‸iod}», 0, 1)"
`;
    const text = contents(tpl, 'template');
    assert.match(text, /^\*\*\$\{period\}\*\*: integer parameter · Wave period/);
    assert.match(text, /default `4` · range 1\.\.24/);
    assert.match(text, /Bins between waves/);
    assert.match(text, /Used 2 times/);
  });

  test('an undeclared placeholder', () => {
    assert.match(contents('grid:\n  bins: «${nope‸}»\n', 'template'), /no parameter has this name/);
  });
});

describe('no hover', () => {
  test('on blank lines, comments and punctuation', () => {
    assert.equal(hoverAt(`${MODEL}\n‸\n`).h, undefined);
    assert.equal(hoverAt('# a comm‸ent\ngrid:\n  bins: 4\n').h, undefined);
    assert.equal(hoverAt(MODEL.replace('"MIN(demand, capacity)"', '"MIN(demand,‸ capacity)"')).h, undefined);
  });
});
