// Semantic checks of a parsed expression: functions, arity, literal arguments, arrays, references (V2, R12, S19).
import type { ArrayLiteral, Binary, Call, Expr, ExprIssue, Reference } from './ast';
import { isIdentPart, isIdentStart } from './chars';
import { FUNCTIONS, UNIMPLEMENTED_FUNCTIONS, lookupFunction } from './functions';
import type { FunctionArg, FunctionInfo } from './functions';
import { literalValue, unwrapGroups } from './references';
import { NameSuggester, suggestName } from './suggest';

export { collectReferences, findSelfShift } from './references';

export interface ExprContext {
  /** Whether `name` is a node id (or another column the caller accepts); matching is case-sensitive. */
  isNode(name: string): boolean;
  /**
   * All node ids, for "did you mean" suggestions; optional. Suggestions are cached per returned collection (checked
   * by size for Sets and arrays), so hand out a new collection when the ids change rather than mutating one in place.
   */
  nodeNames?(): Iterable<string>;
}

/** C# casts literals with (int): larger values no longer compare equal to themselves and are rejected. */
const INT_MAX = 2147483647;

const FUNCTION_NAMES = FUNCTIONS.map((f) => f.name);

// Suggesters are keyed by the names collection the context hands out, so a context reused across thousands of
// expressions builds its candidate list once.
const suggesters = new WeakMap<object, { suggester: NameSuggester; count: number }>();

export function checkExpression(expr: Expr, ctx: ExprContext): ExprIssue[] {
  const checker = new Checker(ctx);
  checker.visit(expr, false);
  return checker.issues.sort((a, b) => a.start - b.start || a.end - b.end);
}

class Checker {
  readonly issues: ExprIssue[] = [];
  /** References already reported as part of a hyphenated id. */
  private handled: Set<Reference> | undefined;
  private suggester: NameSuggester | null | undefined;

  constructor(private readonly ctx: ExprContext) {}

  // Left-deep operator chains are walked iteratively along the left operand; only right operands, arguments and
  // parentheses recurse, and the parser bounds their nesting.
  visit(expr: Expr, isKernel: boolean): void {
    let e = expr;
    let kernel = isKernel;
    for (;;) {
      switch (e.type) {
        case 'array':
          if (!kernel) this.issues.push(arrayOutsideConv(e));
          return;
        case 'ref':
          if (!this.ctx.isNode(e.name) && !this.handled?.has(e)) this.issues.push(this.unknownReference(e));
          return;
        case 'group':
          e = e.inner;
          continue;
        case 'negate':
          e = e.operand;
          kernel = false;
          continue;
        case 'binary': {
          const hyphen = hyphenatedId(e, this.ctx);
          if (hyphen) {
            this.issues.push(hyphen.issue);
            this.handled ??= new Set();
            this.handled.add(hyphen.left).add(hyphen.right);
          }
          this.visit(e.right, false);
          e = e.left;
          kernel = false;
          continue;
        }
        case 'call': {
          const fn = lookupFunction(e.name);
          checkCall(e, fn, this.ctx, this.issues);
          const isConv = fn !== undefined && fn.name === 'CONV';
          for (let i = 0; i < e.args.length; i++) this.visit(e.args[i], isConv && i === 1);
          return;
        }
        default:
          return;
      }
    }
  }

  private unknownReference(ref: Reference): ExprIssue {
    if (this.suggester === undefined) this.suggester = buildSuggester(this.ctx);
    return unknownReference(ref, this.suggester);
  }
}

function checkCall(call: Call, fn: FunctionInfo | undefined, ctx: ExprContext, issues: ExprIssue[]): void {
  if (!fn) {
    issues.push(unknownFunction(call, ctx));
    return;
  }
  const n = call.args.length;
  if (n < fn.minArgs || n > fn.maxArgs) {
    const expected =
      fn.minArgs === fn.maxArgs
        ? `${fn.minArgs} argument${fn.minArgs === 1 ? '' : 's'}`
        : `${fn.minArgs} to ${fn.maxArgs} arguments`;
    const tooMany = n > fn.maxArgs;
    issues.push({
      code: 'expr.arity',
      message: `${fn.name} takes ${expected}, got ${n}: ${fn.signature}`,
      start: tooMany ? call.args[fn.maxArgs].start : call.start,
      end: tooMany ? call.args[n - 1].end : call.end,
    });
    return;
  }
  for (let i = 0; i < n; i++) {
    const arg = fn.args[i];
    if (arg.literal) {
      const issue = checkLiteralArgument(fn, arg, call.args[i]);
      if (issue) issues.push(issue);
    }
  }
}

function checkLiteralArgument(fn: FunctionInfo, info: FunctionArg, arg: Expr): ExprIssue | undefined {
  const at = { start: arg.start, end: arg.end };
  const lit = literalValue(arg);
  if (info.literal === 'kernel') {
    if (unwrapGroups(arg).type === 'array') return undefined;
    if (lit) {
      const fixed = `[${lit.raw}]`;
      return {
        code: 'rust.conv-scalar-kernel',
        message:
          `the CONV kernel ${lit.raw} is a single number: the C# engine uses it as a one-element kernel, the Rust ` +
          `engine rejects it (it requires an array literal); write ${fixed}, which both engines accept`,
        ...at,
        fix: { title: `Write ${fixed}`, newText: fixed },
      };
    }
    return {
      code: 'expr.literal-argument',
      message:
        'the CONV kernel must be an array literal such as [0.0, 0.6, 0.3, 0.1], not a computed value: the C# engine ' +
        'fails at evaluation and the Rust engine at compile time',
      ...at,
    };
  }
  const positive = info.literal === 'positive-integer';
  const label = `the ${fn.name} ${info.name}`;
  const wanted = positive ? 'a whole number of at least 1' : 'a whole number of at least 0';
  if (!lit) {
    const negated = unwrapGroups(arg).type === 'negate';
    return {
      code: 'expr.literal-argument',
      message: negated
        ? `${label} cannot be negative: it must be ${wanted}, written as a number literal`
        : `${label} must be a number literal (${wanted}), not a computed value: the C# engine rejects it at ` +
          'evaluation and the Rust engine at compile time',
      ...at,
    };
  }
  const v = lit.value;
  if (Number.isInteger(v) && v <= INT_MAX && (positive ? v >= 1 : v >= 0)) return undefined;
  let message: string;
  if (v > INT_MAX) {
    message = `${label} ${lit.raw} is too large: the C# engine only reads values up to ${INT_MAX}`;
  } else if (v === 0) {
    message =
      `${label} must be ${wanted}, got 0: the C# engine rejects it, and the Rust engine would divide by zero ` +
      'and crash';
  } else {
    const truncated = Math.trunc(v);
    const crash = positive && truncated === 0 ? ' and then divide by zero and crash' : '';
    message =
      `${label} must be ${wanted}, got ${lit.raw}: the C# engine rejects it, the Rust engine would truncate it ` +
      `to ${truncated}${crash}`;
  }
  return { code: 'expr.literal-argument', message, ...at };
}

function unknownFunction(call: Call, ctx: ExprContext): ExprIssue {
  const upper = call.name.toUpperCase();
  const at = { start: call.nameSpan.start, end: call.nameSpan.end };
  if (Object.hasOwn(UNIMPLEMENTED_FUNCTIONS, upper)) {
    return {
      code: 'expr.unknown-function',
      message:
        `unknown function '${call.name}': FlowTime documentation mentions ${upper}, but neither engine implements ` +
        `it; ${UNIMPLEMENTED_FUNCTIONS[upper]}`,
      ...at,
    };
  }
  const s = suggestName(upper, FUNCTION_NAMES);
  if (s) {
    return {
      code: 'expr.unknown-function',
      message: `unknown function '${call.name}'; did you mean ${s.name}?`,
      ...at,
      fix: { title: `Change to ${s.name}`, newText: s.name },
    };
  }
  const node = ctx.isNode(call.name)
    ? ` ('${call.name}' is a node, but a name followed by '(' is always a function call; series cannot be indexed)`
    : '';
  return {
    code: 'expr.unknown-function',
    message: `unknown function '${call.name}'${node}; the functions are ${FUNCTION_NAMES.join(', ')}`,
    ...at,
  };
}

function unknownReference(ref: Reference, suggester: NameSuggester | null): ExprIssue {
  const base = `expression references unknown node '${ref.name}'`;
  const s = suggester?.suggest(ref.name);
  if (!s) return { code: 'expr.unknown-reference', message: base, start: ref.start, end: ref.end };
  const caseNote = s.caseOnly ? ' Node ids are case-sensitive and these differ only in case.' : '';
  return {
    code: 'expr.unknown-reference',
    message: `${base}; did you mean '${s.name}'?${caseNote}`,
    start: ref.start,
    end: ref.end,
    fix: { title: `Change to '${s.name}'`, newText: s.name },
  };
}

/** `my-node` parses as `my - node`; when `my-node` is a node id, say so instead of reporting two unknown names. */
interface HyphenatedId {
  issue: ExprIssue;
  left: Reference;
  right: Reference;
}

function hyphenatedId(e: Binary, ctx: ExprContext): HyphenatedId | undefined {
  if (e.op !== '-') return undefined;
  // Precedence splits `a * my-node * 2` as (a * my) - (node * 2): the two halves are the innermost operands.
  let left = e.left;
  while (left.type === 'binary') left = left.right;
  let right = e.right;
  while (right.type === 'binary') right = right.left;
  if (left.type !== 'ref' || right.type !== 'ref' || left.end + 1 !== right.start) return undefined;
  const combined = `${left.name}-${right.name}`;
  if (!ctx.isNode(combined)) return undefined;
  const unknown = [left, right].filter((r) => !ctx.isNode(r.name));
  if (unknown.length === 0) return undefined;
  return {
    left,
    right,
    issue: {
      code: 'expr.unknown-reference',
      message:
        `expression references unknown node '${unknown[0].name}': '${combined}' reads as ${left.name} minus ` +
        `${right.name}, so a node id containing '-' cannot be used in an expression; rename the node (for example ` +
        `to ${left.name}_${right.name})`,
      start: left.start,
      end: right.end,
    },
  };
}

function arrayOutsideConv(e: ArrayLiteral): ExprIssue {
  return {
    code: 'expr.array-outside-conv',
    message:
      'an array literal can only be the kernel of CONV(x, [...]): the C# engine fails at evaluation ' +
      '("unsupported expression node"), the Rust engine would turn it into a constant series padded or cut to the ' +
      'grid; use a const node for a fixed series',
    start: e.start,
    end: e.end,
  };
}

function buildSuggester(ctx: ExprContext): NameSuggester | null {
  const names = ctx.nodeNames?.();
  if (!names) return null;
  const cacheable = typeof names === 'object';
  const cached = cacheable ? suggesters.get(names) : undefined;
  if (cached && cached.count === countOf(names)) return cached.suggester;
  const usable: string[] = [];
  let count = 0;
  for (const name of names) {
    count++;
    if (typeof name === 'string' && isIdentifier(name)) usable.push(name);
  }
  // A context that hands out a new collection per validation (a new parse of the same model) gets a fresh suggester
  // (own memo and budget) over the candidates already prepared for the same names.
  const suggester = last && sameStrings(last.names, usable) ? NameSuggester.sameNames(last.suggester) : new NameSuggester(usable);
  last = { names: usable, suggester };
  if (cacheable) suggesters.set(names, { suggester, count });
  return suggester;
}

/** The names and suggester buildSuggester made last. */
let last: { names: readonly string[]; suggester: NameSuggester } | undefined;

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Size of a Set or array without iterating it; -1 for other iterables (never matches, so no stale reuse). */
function countOf(names: object): number {
  if (names instanceof Set || names instanceof Map) return names.size;
  if (Array.isArray(names)) return names.length;
  return -1;
}

/** Only names the parser reads as one identifier can be suggested as a replacement. */
function isIdentifier(name: string): boolean {
  if (name.length === 0 || !isIdentStart(name.charCodeAt(0))) return false;
  for (let i = 1; i < name.length; i++) if (!isIdentPart(name.charCodeAt(i))) return false;
  return true;
}
