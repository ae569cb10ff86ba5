// Together the built-in templates exercise every feature of the format that both engines accept.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { field, list, loadBuiltIns, QUEUE_KINDS } from './load';
import type { Json } from './load';

const templates = loadBuiltIns();
const PLACEHOLDER = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

function models(): { file: string; model: Json }[] {
  return templates.flatMap((t) => (t.defaults.model ? [{ file: t.file, model: t.defaults.model }] : []));
}

function union(values: Iterable<string>): Set<string> {
  return new Set(values);
}

describe('built-in template feature coverage', () => {
  test('every template produced a model', () => {
    assert.deepEqual(templates.filter((t) => !t.defaults.model).map((t) => t.file), []);
  });

  test('models use const, pmf and expr nodes', () => {
    const kinds = union(models().flatMap(({ model }) => list(model.nodes).map((n) => String(n.kind))));
    for (const kind of ['const', 'pmf', 'expr']) assert.ok(kinds.has(kind), kind);
  });

  test('every topology kind appears', () => {
    const kinds = union(models().flatMap(({ model }) => list(field(model, 'topology').nodes).map((n) => String(n.kind))));
    for (const kind of ['service', 'serviceWithBuffer', 'queue', 'dlq', 'sink', 'dependency', 'router']) assert.ok(kinds.has(kind), kind);
  });

  test('classes with traffic, every arrival carrying a declared classId', () => {
    const withClasses = models().filter(({ model }) => list(model.classes).length > 0);
    assert.ok(withClasses.length > 0);
    for (const { file, model } of withClasses) {
      const ids = new Set(list(model.classes).map((c) => String(c.id)));
      const arrivals = list(field(model, 'traffic').arrivals);
      assert.ok(arrivals.length >= ids.size, `${file}: an arrival per class`);
      for (const a of arrivals) assert.ok(ids.has(String(a.classId)), `${file}: arrival classId ${String(a.classId)}`);
      const covered = new Set(arrivals.map((a) => String(a.classId)));
      assert.deepEqual([...ids].filter((id) => !covered.has(id)), [], `${file}: every class arrives somewhere`);
    }
  });

  test('builtin profiles on pmf nodes, emitted as const series over the grid', () => {
    const names = new Set<string>();
    for (const t of templates) {
      for (const n of list(t.raw.nodes)) {
        const profile = field(n, 'profile');
        if (n.kind !== 'pmf' || profile.kind !== 'builtin') continue;
        names.add(String(profile.name));
        const emitted = list(t.defaults.model?.nodes).find((m) => m.id === n.id);
        assert.equal(emitted?.kind, 'const', `${t.file}: ${String(n.id)} becomes const`);
        assert.equal((emitted?.values as unknown[]).length, field(t.defaults.model, 'grid').bins, `${t.file}: ${String(n.id)} spans the grid`);
      }
    }
    for (const name of ['weekday-office', 'three-shift', 'hub-rush-hour']) assert.ok(names.has(name), name);
  });

  test('dispatchSchedule with capacitySeries on a topology queue node', () => {
    const found = models().flatMap(({ model }) => {
      const ids = new Set(list(model.nodes).map((n) => String(n.id)));
      return list(field(model, 'topology').nodes).filter((tn) => {
        const ds = field(tn, 'dispatchSchedule');
        return QUEUE_KINDS.has(String(tn.kind)) && Number(ds.periodBins) >= 1 && ids.has(String(ds.capacitySeries));
      });
    });
    assert.ok(found.length > 0);
  });

  test('SHIFT feedback on a node seeded by a topology initial condition', () => {
    const found: string[] = [];
    for (const { file, model } of models()) {
      for (const n of list(model.nodes)) {
        const id = String(n.id);
        if (n.kind !== 'expr' || !new RegExp(`SHIFT\\(\\s*${id}\\s*,\\s*[1-9][0-9]*\\s*\\)`).test(String(n.expr))) continue;
        const owner = list(field(model, 'topology').nodes).find((tn) => field(tn, 'semantics').queueDepth === id);
        assert.ok(owner, `${file}: ${id} is a topology queueDepth`);
        assert.equal(typeof field(owner, 'initialCondition').queueDepth, 'number', `${file}: ${id} has an initial condition`);
        found.push(`${file}:${id}`);
      }
    }
    assert.ok(found.length > 0);
  });

  test('array parameters feed const nodes over a fixed grid whose bins match their length', () => {
    const elementTypes = new Set<string>();
    for (const t of templates) {
      for (const p of t.defaults.params.filter((q) => q.type === 'array')) {
        elementTypes.add(p.arrayOf === 'int' ? 'int' : 'number');
        const consumers = list(t.raw.nodes).filter((n) => n.values === `\${${p.name}}`);
        assert.ok(consumers.length > 0 && consumers.every((n) => n.kind === 'const'), `${t.file}: ${p.name} is a const node's values`);
        const bins = field(t.raw, 'grid').bins;
        assert.equal(typeof bins, 'number', `${t.file}: bins stays fixed where arrays set the length`);
        assert.equal((p.default as number[]).length, bins, `${t.file}: ${p.name} has one value per bin`);
      }
    }
    assert.deepEqual([...elementTypes].sort(), ['int', 'number']);
  });

  test('placeholders in the grid (bins or binSize) and inside expression strings', () => {
    const gridKeys = templates.flatMap((t) => {
      const grid = field(t.raw, 'grid');
      return ['bins', 'binSize'].filter((k) => PLACEHOLDER.test(String(grid[k])));
    });
    assert.deepEqual([...new Set(gridKeys)].sort(), ['binSize', 'bins']);
    const inExpr = templates.some((t) => list(t.raw.nodes).some((n) => n.kind === 'expr' && /\$\{[A-Za-z_]\w*\}/.test(String(n.expr)) && !PLACEHOLDER.test(String(n.expr))));
    assert.ok(inExpr, 'a placeholder embedded in a larger expression');
  });
});
