// The catalog of the 11 built-in expression functions, as data for checking, hover and completion.

/** What an argument must be written as, beyond "any expression". A literal may be wrapped in parentheses. */
export type LiteralRule =
  /** A number literal that is a whole number >= 0 (SHIFT lag, PULSE phase). */
  | 'non-negative-integer'
  /** A number literal that is a whole number >= 1 (PULSE period). */
  | 'positive-integer'
  /** An array literal of numbers (CONV kernel); C# also takes a single number, Rust does not. */
  | 'kernel';

export interface FunctionArg {
  name: string;
  description: string;
  /** Omitted arguments take a default (only PULSE has optional arguments). */
  optional?: boolean;
  literal?: LiteralRule;
}

export interface FunctionInfo {
  /** Upper case; names are case-insensitive in both engines. */
  name: string;
  minArgs: number;
  maxArgs: number;
  /** As shown to users, e.g. `SHIFT(x, lag)`. */
  signature: string;
  /** One paragraph, including where the C# and Rust engines differ. */
  description: string;
  args: FunctionArg[];
}

export const FUNCTIONS: readonly FunctionInfo[] = [
  {
    name: 'SHIFT',
    minArgs: 2,
    maxArgs: 2,
    signature: 'SHIFT(x, lag)',
    description:
      'Delays a series: the result at bin t is x at bin t − lag, and 0 for the first lag bins. This is how a model ' +
      'reads earlier bins, and a lag of 1 or more is what lets nodes feed back into each other without a same-bin ' +
      'cycle. The lag must be written as a number literal. The C# engine rejects a lag that is negative or not a ' +
      'whole number; the Rust engine silently truncates a fractional lag. For ordering, the C# engine treats only ' +
      'the references in x of SHIFT(x, lag ≥ 1) as previous-bin dependencies (SHIFT(x, 0) is same-bin), while the ' +
      'Rust engine ignores every reference written anywhere inside any SHIFT.',
    args: [
      { name: 'x', description: 'The series to delay: any expression.' },
      {
        name: 'lag',
        description: 'How many bins to delay by: a whole number literal, 0 or more (0 returns x unchanged).',
        literal: 'non-negative-integer',
      },
    ],
  },
  {
    name: 'CONV',
    minArgs: 2,
    maxArgs: 2,
    signature: 'CONV(x, kernel)',
    description:
      'Causal convolution: the result at bin t is the sum over k of x[t − k] × kernel[k], skipping samples of x that ' +
      'are not finite. Typical use is spreading retries or returns over the following bins, e.g. ' +
      'CONV(failures, [0.0, 0.6, 0.3, 0.1]). The kernel must be an array literal; this is the only place an ' +
      'array may appear in an expression. The C# engine also accepts a single number as a one-element kernel, but the Rust ' +
      'engine rejects that, so write [k] instead of k.',
    args: [
      { name: 'x', description: 'The series to convolve: any expression.' },
      {
        name: 'kernel',
        description: 'The weights for lag 0, 1, 2, …: an array literal of numbers such as [0.0, 0.6, 0.3, 0.1].',
        literal: 'kernel',
      },
    ],
  },
  {
    name: 'MIN',
    minArgs: 2,
    maxArgs: 2,
    signature: 'MIN(a, b)',
    description:
      'The smaller of two values, bin by bin; numbers apply to every bin. Both engines compute it the same way. ' +
      'Exactly two arguments: nest calls for more, MIN(a, MIN(b, c)).',
    args: [
      { name: 'a', description: 'Any expression.' },
      { name: 'b', description: 'Any expression.' },
    ],
  },
  {
    name: 'MAX',
    minArgs: 2,
    maxArgs: 2,
    signature: 'MAX(a, b)',
    description:
      'The larger of two values, bin by bin; numbers apply to every bin. Both engines compute it the same way. ' +
      'MAX(0, x) is the usual way to keep a series from going negative.',
    args: [
      { name: 'a', description: 'Any expression.' },
      { name: 'b', description: 'Any expression.' },
    ],
  },
  {
    name: 'CLAMP',
    minArgs: 3,
    maxArgs: 3,
    signature: 'CLAMP(value, lo, hi)',
    description:
      'Limits value to the range lo..hi, bin by bin. The engines agree whenever lo ≤ hi. When lo > hi they differ: ' +
      'the C# engine computes max(lo, min(hi, value)) and returns lo, the Rust engine computes ' +
      'min(max(value, lo), hi) and returns hi.',
    args: [
      { name: 'value', description: 'The series to limit: any expression.' },
      { name: 'lo', description: 'Lower bound: any expression.' },
      { name: 'hi', description: 'Upper bound: any expression; keep it ≥ lo so both engines agree.' },
    ],
  },
  {
    name: 'MOD',
    minArgs: 2,
    maxArgs: 2,
    signature: 'MOD(value, divisor)',
    description:
      'The remainder of value divided by divisor, bin by bin, and 0 where the divisor is (almost) zero. With a ' +
      'negative divisor or value the engines differ: the C# engine uses floored modulo, so the result takes the ' +
      'sign of the divisor (and is NaN for non-finite input); the Rust engine uses the Euclidean remainder, which ' +
      'is never negative.',
    args: [
      { name: 'value', description: 'The dividend: any expression.' },
      { name: 'divisor', description: 'The divisor: any expression; keep it positive so both engines agree.' },
    ],
  },
  {
    name: 'FLOOR',
    minArgs: 1,
    maxArgs: 1,
    signature: 'FLOOR(x)',
    description: 'Rounds down to the nearest whole number, bin by bin (FLOOR(-1.5) is -2). Same in both engines.',
    args: [{ name: 'x', description: 'Any expression.' }],
  },
  {
    name: 'CEIL',
    minArgs: 1,
    maxArgs: 1,
    signature: 'CEIL(x)',
    description: 'Rounds up to the nearest whole number, bin by bin (CEIL(1.2) is 2). Same in both engines.',
    args: [{ name: 'x', description: 'Any expression.' }],
  },
  {
    name: 'ROUND',
    minArgs: 1,
    maxArgs: 1,
    signature: 'ROUND(x)',
    description:
      'Rounds to the nearest whole number, bin by bin, with halves rounded away from zero (2.5 gives 3, -2.5 gives ' +
      '-3), not to even. Same in both engines.',
    args: [{ name: 'x', description: 'Any expression.' }],
  },
  {
    name: 'STEP',
    minArgs: 2,
    maxArgs: 2,
    signature: 'STEP(value, threshold)',
    description:
      'A 0/1 switch, bin by bin: 1 where value ≥ threshold, 0 elsewhere. Since expressions have no IF and no ' +
      'comparison operators, conditions are built from it, e.g. STEP(q, 10) * a + (1 - STEP(q, 10)) * b. Same in ' +
      'both engines.',
    args: [
      { name: 'value', description: 'The series to test: any expression.' },
      { name: 'threshold', description: 'The level at or above which the result is 1: any expression.' },
    ],
  },
  {
    name: 'PULSE',
    minArgs: 1,
    maxArgs: 3,
    signature: 'PULSE(period[, phase[, amplitude]])',
    description:
      'A periodic spike: amplitude at every bin t ≥ phase where t − phase is a multiple of period, and 0 elsewhere. ' +
      'period must be a literal whole number of at least 1 and phase a literal whole number of at least 0. The C# ' +
      'engine rejects other values; the Rust engine truncates fractions, and a period of 0 makes it divide by zero ' +
      'and crash during evaluation.',
    args: [
      {
        name: 'period',
        description: 'Bins between pulses: a whole number literal, 1 or more.',
        literal: 'positive-integer',
      },
      {
        name: 'phase',
        description: 'The bin of the first pulse: a whole number literal, 0 or more (default 0).',
        optional: true,
        literal: 'non-negative-integer',
      },
      { name: 'amplitude', description: 'The pulse height: any expression (default 1).', optional: true },
    ],
  },
];

const byName = new Map(FUNCTIONS.map((f) => [f.name, f] as const));

/** Case-insensitive, like both engines (C# ToUpperInvariant, Rust to_uppercase). */
export function lookupFunction(name: string): FunctionInfo | undefined {
  return byName.get(name) ?? byName.get(name.toUpperCase());
}

/**
 * Functions that FlowTime documents mention (model.schema notes, template-schema.md) but neither engine implements,
 * with the way to express the same thing.
 */
export const UNIMPLEMENTED_FUNCTIONS: Readonly<Record<string, string>> = {
  ABS: 'write MAX(x, 0 - x) for the absolute value',
  SQRT: 'there is no way to take a square root in an expression; compute it outside the model',
  POW: 'there is no power function; multiply explicitly, e.g. x * x',
  SUM: 'add the series with +, e.g. a + b + c',
  AVG: 'add the series and divide, e.g. (a + b) / 2',
  IF: 'build the condition with STEP: STEP(v, t) * a + (1 - STEP(v, t)) * b',
  EMA: 'there is no smoothing function; CONV(x, [w0, w1, ...]) computes a weighted window over recent bins',
  LAG: 'use SHIFT(x, lag)',
  CUMSUM:
    'there is no running total; a node can add to its own previous value with SHIFT(itself, 1), which needs an ' +
    'initial condition',
};
