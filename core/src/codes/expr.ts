// Codes of the expression language: syntax, functions, literal arguments, references and engine-specific spellings.
import { defineCodes } from './registry';

export const exprCodes = defineCodes({
  'expr.syntax': {
    severity: 'error',
    title: 'The expression cannot be parsed.',
    explanation:
      'Both engines reject an expression they cannot parse (C# rule C13 "error parsing expression", template rule ' +
      'T22, Rust rule R8 "Parse error at position p"). The grammar is small: numbers such as 12 or 0.5, node ids, ' +
      'the four operators + - * / with parentheses, function calls such as MIN(a, b), and array literals of numbers ' +
      'as the CONV kernel. There are no comparison, logical, power or modulo operators and no strings. The ' +
      'diagnostic points at the first character the parser could not use; fix it and the rest is checked.',
  },
  'expr.unknown-function': {
    severity: 'error',
    title: 'The expression calls a function that does not exist.',
    explanation:
      'Exactly 11 functions exist: SHIFT, CONV, MIN, MAX, CLAMP, MOD, FLOOR, CEIL, ROUND, STEP and PULSE (names are ' +
      'case-insensitive). The C# engine only notices an unknown function when it evaluates the model (rule V2), the ' +
      'Rust engine when it compiles it (R12). ABS, SQRT, POW, SUM, AVG, IF, EMA, LAG and CUMSUM appear in some ' +
      'FlowTime documents but are not implemented; the message says how to write the same thing with the ' +
      'functions that exist. Misspellings come with a quick fix.',
  },
  'expr.arity': {
    severity: 'error',
    title: 'A function is called with the wrong number of arguments.',
    explanation:
      'Every function has a fixed number of arguments (PULSE takes 1 to 3). The C# engine fails at evaluation ' +
      '(rule V2), the Rust engine at compile time (R12). MIN and MAX take exactly two arguments: nest them for ' +
      'more, as in MIN(a, MIN(b, c)).',
  },
  'expr.literal-argument': {
    severity: 'error',
    title: 'A function argument that must be written as a literal is not a valid literal.',
    explanation:
      'Some arguments are read when the model is built, not per bin, so they must be number literals (parentheses ' +
      'are allowed, `1+0` is not a literal): the SHIFT lag and the PULSE phase are whole numbers of at least 0, the ' +
      'PULSE period a whole number of at least 1, and the CONV kernel an array literal. The C# engine rejects other ' +
      'values at evaluation (rule V2); the Rust engine rejects non-literals at compile time (R12), silently ' +
      'truncates fractions, and crashes on PULSE period 0 (R17). Write the value as a plain whole number.',
  },
  'expr.array-outside-conv': {
    severity: 'error',
    title: 'An array literal is used somewhere other than the CONV kernel.',
    explanation:
      'Array literals are only meaningful as the second argument of CONV. Anywhere else the C# engine fails at ' +
      'evaluation ("unsupported expression node", the evaluation tier of rule V2), while the Rust engine turns the ' +
      'array into a constant series padded or cut to the grid, so the two engines disagree. Use a const node for ' +
      'a fixed series and reference it by id.',
  },
  'expr.unknown-reference': {
    severity: 'error',
    title: 'The expression references a node id that does not exist.',
    explanation:
      'Every bare name in an expression must be a node id; matching is case-sensitive in every validator. ' +
      'ModelSchemaValidator (rule S19), TemplateValidator (T22) and the Rust compiler (R12) all reject an unknown ' +
      'reference. The message suggests the closest id, and says so when the only difference is letter case. A node ' +
      'id containing "-" cannot be referenced at all, because a-b reads as a minus b.',
  },
  'csharp.unary-minus': {
    severity: 'error',
    title: 'Unary minus: the C# engine rejects it, the Rust engine would accept it.',
    explanation:
      'The C# grammar has no unary minus, so -x, a * -b and negative array elements fail with "unexpected character ' +
      '\'-\'" (rule C13), while the Rust parser (R8) reads -x as 0 - x. Write (0 - x) instead, which both engines ' +
      'accept; the quick fix does this. A negative element inside an array literal cannot be written for the C# ' +
      'engine at all.',
  },
  'csharp.exponent-number': {
    severity: 'error',
    title: 'Exponent notation (1e-3): the C# engine rejects it, the Rust engine would accept it.',
    explanation:
      'C# numbers are digits with an optional decimal part (rule C13); the Rust parser also reads exponents (R8). ' +
      'Write the plain decimal, e.g. 0.001 for 1e-3; the quick fix computes it exactly from the digits.',
  },
  'csharp.bare-decimal-point': {
    severity: 'error',
    title: 'A number starting or ending with a decimal point: C# rejects it, the Rust engine would accept it.',
    explanation:
      'The C# parser needs digits on both sides of the point: .5 fails with "unexpected character \'.\'" and 5. ' +
      'with "expected digit after decimal point" (rule C13), while the Rust parser accepts both (R8). Write 0.5 or ' +
      '5; the quick fix does this. (Inside an array literal the C# engine does read .5, so only 5. is reported there.)',
  },
  'rust.conv-scalar-kernel': {
    severity: 'warning',
    title: 'CONV with a single-number kernel: the C# engine accepts it, the Rust engine rejects it.',
    explanation:
      'The C# evaluator treats CONV(x, 0.5) as the one-element kernel [0.5]; the Rust compiler requires an array ' +
      'literal and fails (rule R12). Write CONV(x, [0.5]), which means the same in both engines; the quick fix does ' +
      'this.',
  },
  'rust.non-ascii-identifier': {
    severity: 'warning',
    title: 'A name with non-ASCII letters: the C# engine accepts it, the Rust engine rejects it.',
    explanation:
      'The C# parser accepts any Unicode letter or digit in names (char.IsLetter), but the Rust parser reads only ' +
      'ASCII letters, digits and "_" and fails with "unexpected character" (rule R8). Rename the node (and this ' +
      'reference) with ASCII characters if the model must run on the Rust engine.',
  },
  'rust.unsupported-whitespace': {
    severity: 'warning',
    title: 'Unusual whitespace (e.g. a non-breaking space): the C# engine skips it, the Rust engine rejects it.',
    explanation:
      'The C# parser skips any Unicode whitespace (char.IsWhiteSpace), the Rust parser only spaces, tabs, line ' +
      'breaks and form feeds, so a non-breaking space pasted from a document makes it fail (rule R8). Replace it ' +
      'with a plain space; the quick fix does this.',
  },
});
