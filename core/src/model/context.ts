// What every semantic rule needs: the declared ids, the grid, broken-subtree checks and range helpers over a SourceDocument.
import type { Diagnostic, Range } from '../diagnostics';
import type { Part, SourceDocument } from '../yaml/document';
import { arr, isObj, prop, str } from './read';
import type { Obj } from './read';
import type { ModelSemanticsOptions } from './semantics';

export interface NodeEntry {
  index: number;
  pointer: string;
  id: string;
  /** `kind` as written ('' when it is not a string). */
  kindRaw: string;
  /** Lower-cased, as both engines compare it. */
  kind: string;
  value: Obj;
  /** Index among the first declarations of each id (the dependency-graph vertex); -1 for a repeated id. */
  vertex: number;
}

export interface TopologyEntry {
  index: number;
  pointer: string;
  id: string;
  kind: string;
  value: Obj;
  semantics: Obj | undefined;
}

export interface ConstraintEntry {
  index: number;
  pointer: string;
  id: string;
  value: Obj;
}

export const DEFAULT_PMF_TOLERANCE = 1e-4;

export class ModelContext {
  readonly out: Diagnostic[] = [];
  readonly root: Obj;
  /** Every node with a string id, duplicates included, in document order. */
  readonly nodes: NodeEntry[] = [];
  /** First declaration of each id (exact). */
  readonly nodeById = new Map<string, NodeEntry>();
  /** The first declaration of each id, in document order (entry.vertex is the position here). */
  readonly vertices: NodeEntry[] = [];
  readonly hasDuplicateIds: boolean;
  readonly topology: TopologyEntry[] = [];
  /** First topology node per lower-cased id. */
  readonly topologyByLower = new Map<string, TopologyEntry>();
  readonly constraints: ConstraintEntry[] = [];
  readonly constraintByLower = new Map<string, ConstraintEntry>();
  /** Declared class ids, or undefined when the model declares no classes. */
  readonly classes: string[] | undefined;
  /** `grid.bins` when it is a valid bin count (1..10000), else undefined. */
  readonly bins: number | undefined;
  readonly pmfTolerance: number;
  private readonly brokenFn: ((pointer: string) => boolean) | undefined;
  private idList: string[] | undefined;

  constructor(
    readonly doc: SourceDocument,
    options: ModelSemanticsOptions = {},
  ) {
    this.root = isObj(doc.value) ? doc.value : {};
    this.brokenFn = options.broken;
    const tol = options.pmfTolerance;
    this.pmfTolerance = typeof tol === 'number' && Number.isFinite(tol) && tol >= 0 ? tol : DEFAULT_PMF_TOLERANCE;

    let duplicates = false;
    const nodes = arr(prop(this.root, 'nodes')) ?? [];
    nodes.forEach((n, index) => {
      const id = str(prop(n, 'id'));
      if (!isObj(n) || id === undefined || id.length === 0) return;
      const kindRaw = str(prop(n, 'kind')) ?? '';
      const entry: NodeEntry = { index, pointer: `/nodes/${index}`, id, kindRaw, kind: kindRaw.trim().toLowerCase(), value: n, vertex: -1 };
      this.nodes.push(entry);
      if (this.nodeById.has(id)) {
        duplicates = true;
      } else {
        entry.vertex = this.vertices.length;
        this.vertices.push(entry);
        this.nodeById.set(id, entry);
      }
    });
    this.hasDuplicateIds = duplicates;

    const topology = prop(this.root, 'topology');
    (arr(prop(topology, 'nodes')) ?? []).forEach((n, index) => {
      const id = str(prop(n, 'id'));
      if (!isObj(n) || id === undefined || id.trim().length === 0) return;
      const semantics = prop(n, 'semantics');
      const entry: TopologyEntry = {
        index,
        pointer: `/topology/nodes/${index}`,
        id,
        kind: (str(prop(n, 'kind')) ?? '').trim().toLowerCase(),
        value: n,
        semantics: isObj(semantics) ? semantics : undefined,
      };
      this.topology.push(entry);
      const key = id.trim().toLowerCase();
      if (!this.topologyByLower.has(key)) this.topologyByLower.set(key, entry);
    });
    (arr(prop(topology, 'constraints')) ?? []).forEach((c, index) => {
      const id = str(prop(c, 'id'));
      if (!isObj(c) || id === undefined || id.trim().length === 0) return;
      const entry: ConstraintEntry = { index, pointer: `/topology/constraints/${index}`, id, value: c };
      this.constraints.push(entry);
      const key = id.trim().toLowerCase();
      if (!this.constraintByLower.has(key)) this.constraintByLower.set(key, entry);
    });

    const classes = (arr(prop(this.root, 'classes')) ?? []).map((c) => str(prop(c, 'id'))).filter((c): c is string => c !== undefined);
    this.classes = classes.length > 0 ? classes : undefined;

    const bins = prop(prop(this.root, 'grid'), 'bins');
    this.bins = typeof bins === 'number' && Number.isInteger(bins) && bins >= 1 && bins <= 10000 && !this.broken('/grid/bins') ? bins : undefined;
  }

  /** True when any of the pointers was reported by the schema stage. */
  broken(...pointers: string[]): boolean {
    if (!this.brokenFn) return false;
    for (const p of pointers) if (this.brokenFn(p)) return true;
    return false;
  }

  isNode(name: string): boolean {
    return this.nodeById.has(name);
  }

  /** The graph vertex of a node id, if it is one. */
  vertexOf(name: string): number | undefined {
    return this.nodeById.get(name)?.vertex;
  }

  /** Unique node ids in document order; the same array on every call (the expression module caches by it). */
  nodeIds(): readonly string[] {
    if (!this.idList) this.idList = this.vertices.map((n) => n.id);
    return this.idList;
  }

  topologyIds(): string[] {
    return this.topology.map((t) => t.id);
  }

  report(d: Diagnostic): void {
    this.out.push(d);
  }

  range(pointer: string, part: Part = 'value'): Range {
    return this.doc.locate(pointer, part);
  }

  rangeIn(pointer: string, from: number, to: number): Range {
    return this.doc.locateInString(pointer, from, to);
  }
}
