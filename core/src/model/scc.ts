// Iterative Tarjan strongly-connected components (no recursion, so 5,000-node chains cannot overflow the stack).

/** Components of the graph given as adjacency lists; each component lists its vertices. */
export function stronglyConnectedComponents(deps: readonly (readonly number[])[]): number[][] {
  const n = deps.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  const callStack: number[] = [];
  const edgePos: number[] = [];
  let counter = 0;

  const visit = (v: number): void => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    callStack.push(v);
    edgePos.push(0);
  };

  for (let s = 0; s < n; s++) {
    if (index[s] !== -1) continue;
    visit(s);
    while (callStack.length > 0) {
      const top = callStack.length - 1;
      const v = callStack[top];
      const k = edgePos[top];
      if (k < deps[v].length) {
        edgePos[top] = k + 1;
        const w = deps[v][k];
        if (index[w] === -1) visit(w);
        else if (onStack[w] && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      callStack.pop();
      edgePos.pop();
      if (callStack.length > 0) {
        const u = callStack[callStack.length - 1];
        if (low[v] < low[u]) low[u] = low[v];
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
    }
  }
  return components;
}

/** The components that contain a cycle: more than one vertex, or one vertex that depends on itself. */
export function cyclicComponents(deps: readonly (readonly number[])[]): number[][] {
  return stronglyConnectedComponents(deps).filter((c) => c.length > 1 || deps[c[0]].includes(c[0]));
}

/** A FIFO topological order that breaks ties by vertex index, as both engines' Kahn sorts do; undefined on a cycle. */
export function kahnOrder(deps: readonly (readonly number[])[]): number[] | undefined {
  const n = deps.length;
  const indegree = new Int32Array(n);
  const dependents: number[][] = deps.map(() => []);
  for (let i = 0; i < n; i++) {
    indegree[i] = deps[i].length;
    for (const j of deps[i]) dependents[j].push(i);
  }
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) queue.push(i);
  for (let head = 0; head < queue.length; head++) {
    for (const i of dependents[queue[head]]) if (--indegree[i] === 0) queue.push(i);
  }
  return queue.length === n ? queue : undefined;
}

/** The shortest cycle through `start` using only `members`, as [start, …, start]; undefined when there is none. */
export function shortestCycle(deps: readonly (readonly number[])[], start: number, members: ReadonlySet<number>): number[] | undefined {
  if (deps[start].includes(start)) return [start, start];
  const parent = new Map<number, number>([[start, -1]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head];
    for (const w of deps[u]) {
      if (!members.has(w)) continue;
      if (w === start) {
        const back = [start];
        for (let v = u; v !== start; v = parent.get(v)!) back.push(v);
        back.push(start);
        return back.reverse();
      }
      if (!parent.has(w)) {
        parent.set(w, u);
        queue.push(w);
      }
    }
  }
  return undefined;
}
