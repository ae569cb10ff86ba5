// Names the place a schema finding is about in domain terms: "const node 'demand'", "output 'served'", "grid.bins".
import { isRecord, splitPointer } from './pointer';

export type Flavor = 'model' | 'template';

export type OwnerKind = 'root' | 'node' | 'route' | 'output' | 'class' | 'arrival' | 'topologyNode' | 'edge' | 'constraint' | 'parameter';

export interface Place {
  /** The nearest list item that has a name of its own (a node, an output...), or the document root. */
  ownerKind: OwnerKind;
  ownerPointer: string;
  ownerLabel: string;
  /** Tokens from the owner down to the finding. */
  rest: string[];
  /** `rest` written the way an author reads it: `pmf.probabilities[1]`, `grid.bins`. */
  field: string;
  /** Owner kind plus the keys of `rest` without indexes, e.g. `node.pmf`, `root.grid`, `topologyNode.semantics`. */
  context: string;
  /** The node kind when the owner is a node with a known kind. */
  nodeKind?: string;
}

export const MODEL_NODE_KINDS = ['const', 'expr', 'pmf', 'serviceWithBuffer', 'router'] as const;

interface OwnerRule {
  path: string[];
  kind: OwnerKind;
}

// `*` stands for a list index; rules are tried against the tokens walked so far.
const OWNER_RULES: OwnerRule[] = [
  { path: ['nodes', '*'], kind: 'node' },
  { path: ['nodes', '*', 'routes', '*'], kind: 'route' },
  { path: ['outputs', '*'], kind: 'output' },
  { path: ['classes', '*'], kind: 'class' },
  { path: ['traffic', 'arrivals', '*'], kind: 'arrival' },
  { path: ['topology', 'nodes', '*'], kind: 'topologyNode' },
  { path: ['topology', 'edges', '*'], kind: 'edge' },
  { path: ['topology', 'constraints', '*'], kind: 'constraint' },
  { path: ['parameters', '*'], kind: 'parameter' },
];

const isIndex = (t: string): boolean => {
  if (t.length === 0) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
};

function matches(rule: OwnerRule, tokens: readonly string[], depth: number, indexes: readonly boolean[]): boolean {
  if (rule.path.length !== depth) return false;
  for (let i = 0; i < depth; i++) {
    const p = rule.path[i];
    if (p === '*' ? !indexes[i] : p !== tokens[i]) return false;
  }
  return true;
}

/** True when a list item at `tokens` (its pointer split) is a place of its own: a node, an output, a route… */
export function isOwnerItem(tokens: readonly string[]): boolean {
  const indexes = tokens.map(isIndex);
  return OWNER_RULES.some((r) => matches(r, tokens, tokens.length, indexes));
}

/** One step of `valueAt`. */
function step(v: unknown, t: string): unknown {
  if (Array.isArray(v)) return v[Number(t)];
  if (isRecord(v)) return Object.prototype.hasOwnProperty.call(v, t) ? v[t] : undefined;
  return undefined;
}

export function placeOf(root: unknown, pointer: string): Place {
  const tokens = splitPointer(pointer);
  const indexes = tokens.map(isIndex);
  let ownerKind: OwnerKind = 'root';
  let ownerDepth = 0;
  let ownerLabel = '';
  let nodeKind: string | undefined;
  // The value at each prefix, read one step further per depth (valueAt(root, tokens.slice(0, depth))).
  let item: unknown = root;
  for (let depth = 1; depth <= tokens.length; depth++) {
    item = step(item, tokens[depth - 1]);
    // Every owner rule ends on a list index.
    if (!indexes[depth - 1]) continue;
    const rule = OWNER_RULES.find((r) => matches(r, tokens, depth, indexes));
    if (!rule || !isRecord(item)) continue;
    ownerKind = rule.kind;
    ownerDepth = depth;
    const label = itemLabel(rule.kind, item, tokens.slice(0, depth), ownerLabel);
    if (rule.kind === 'node') {
      nodeKind = typeof item.kind === 'string' ? item.kind : undefined;
    }
    ownerLabel = label;
  }
  const rest = tokens.slice(ownerDepth);
  const named = rest.filter((t) => !isIndex(t));
  return {
    ownerKind,
    ownerPointer: ownerDepth === 0 ? '' : pointerOf(tokens.slice(0, ownerDepth)),
    ownerLabel,
    rest,
    field: fieldPath(rest),
    context: [ownerKind, ...named].join('.'),
    ...(nodeKind !== undefined ? { nodeKind } : {}),
  };
}

function pointerOf(tokens: readonly string[]): string {
  return tokens.map((t) => `/${t.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** `['pmf', 'probabilities', '1']` → `pmf.probabilities[1]`. */
export function fieldPath(tokens: readonly string[]): string {
  let out = '';
  for (const t of tokens) {
    if (isIndex(t)) out += `[${t}]`;
    else out += out === '' ? t : `.${t}`;
  }
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function itemLabel(kind: OwnerKind, item: Record<string, unknown>, tokens: readonly string[], parentLabel: string): string {
  // Built only when the item has no name of its own.
  const fallback = (): string => fieldPath(tokens.slice(kind === 'route' ? 2 : 0));
  switch (kind) {
    case 'node': {
      const id = str(item.id);
      const k = str(item.kind);
      const known = k !== undefined && (MODEL_NODE_KINDS as readonly string[]).includes(k);
      if (id && known) return `${k} node '${id}'`;
      if (id) return `node '${id}'`;
      return known ? `${k} node at ${fallback()}` : fallback();
    }
    case 'route':
      return `${fallback()} of ${parentLabel}`;
    case 'output':
      return str(item.series) ? `output '${item.series as string}'` : fallback();
    case 'class':
      return str(item.id) ? `class '${item.id as string}'` : fallback();
    case 'arrival':
      return str(item.nodeId) ? `arrival for node '${item.nodeId as string}'` : fallback();
    case 'topologyNode':
      return str(item.id) ? `topology node '${item.id as string}'` : fallback();
    case 'edge': {
      if (str(item.id)) return `edge '${item.id as string}'`;
      if (str(item.from) && str(item.to)) return `edge ${item.from as string} → ${item.to as string}`;
      return fallback();
    }
    case 'constraint':
      return str(item.id) ? `constraint '${item.id as string}'` : fallback();
    case 'parameter':
      return str(item.name) ? `parameter '${item.name as string}'` : fallback();
    default:
      return fallback();
  }
}

/** "`values[3]` of const node 'demand'", or "`grid.bins`" at the root. */
export function subjectOf(place: Place): string {
  if (place.rest.length === 0) return place.ownerKind === 'root' ? 'the document' : place.ownerLabel;
  return place.ownerKind === 'root' ? `\`${place.field}\`` : `\`${place.field}\` of ${place.ownerLabel}`;
}

/** Keys whose value names a list item best, in order of preference, used to anchor findings about the whole item. */
export const ANCHOR_KEYS: Record<OwnerKind, string[]> = {
  root: [],
  node: ['id', 'kind'],
  route: ['target'],
  output: ['series'],
  class: ['id'],
  arrival: ['nodeId'],
  topologyNode: ['id'],
  edge: ['id', 'from'],
  constraint: ['id'],
  parameter: ['name'],
};
