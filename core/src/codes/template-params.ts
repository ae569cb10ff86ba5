// Codes of template parameters, `${name}` placeholders and parameter values given for instantiation.
import { defineCodes } from './registry';

export const templateParamCodes = defineCodes({
  'param.duplicate-name': {
    severity: 'error',
    title: 'Two parameters have the same name.',
    explanation:
      'Sim keeps only one value per name, so one of the two declarations is silently lost (its default, type and bounds no longer apply). Rename or remove one of them; the first declaration is shown as related information.',
  },
  'param.bound-conflict': {
    severity: 'error',
    title: 'A bound is given under both spellings with different values.',
    explanation:
      'Sim accepts `min`/`minimum` and `max`/`maximum` as aliases of the same setting. When both spellings are present with different values, which one wins depends on the reader Sim happens to use (the line-based header reader takes the last line). Keep one spelling.',
  },
  'param.min-above-max': {
    severity: 'error',
    title: 'The lower bound is above the upper bound.',
    explanation: 'No value can satisfy `min` > `max`: every array value is rejected by Sim (rule T44) and no scalar value is in range. Swap or fix the bounds.',
  },
  'param.default-type': {
    severity: 'error',
    title: 'The default does not match the parameter type.',
    explanation:
      'FlowTime types YAML scalars: a plain `5` is a number, `"5"` is a string, `true` is a boolean. `integer` needs a whole number, `number` a number, `boolean` true/false, `string` a string, and `array` a sequence of numbers (integers with `arrayOf: int`). For arrays Sim rejects the template at instantiation (rule T44); for scalars the substituted text lands in the model with the wrong type.',
  },
  'param.default-out-of-range': {
    severity: 'error',
    title: 'The default (or an element of an array default) lies outside min/max.',
    explanation:
      'Sim rejects array values with an element below `min` or above `max` (rule T44). Scalar defaults are not checked by Sim, but a default outside the bounds the template itself declares contradicts them; fix the default or the bounds.',
  },
  'param.no-default': {
    severity: 'warning',
    title: 'The parameter has no default.',
    explanation:
      'Without a default the template cannot be instantiated unless a value is given: Sim leaves `${name}` unresolved in the text, which then fails as a YAML, schema or expression error (or, for arrays, rule T44). Add a `default`.',
  },
  'param.array-of-ignored': {
    severity: 'warning',
    title: '`arrayOf` on a parameter that is not an array.',
    explanation: '`arrayOf` only means something for `type: array` (element type: `int` for integers, anything else for numbers). Sim ignores it here.',
  },
  'param.ignored-key': {
    severity: 'warning',
    title: 'A parameter key that Sim does not enforce.',
    explanation:
      '`required` is declared in the template schema and `enum` appears in the docs, but Sim checks neither: a missing value or a value outside the list is accepted. Enforce the constraint with `min`/`max`, or document it in `description`.',
  },
  'param.header-reader': {
    severity: 'warning',
    title: "Sim's line-based parameter reader misreads this line.",
    explanation:
      'When the raw template does not deserialize (as soon as a number field such as `grid.bins` holds `${…}`), Sim reads the parameter list line by line. That reader keeps `name`, `type` and `default` as raw text (quotes and trailing comments included), loses multi-line defaults (they become `""`) and takes a `- ` line inside such a block for a new parameter. Write these keys on one line, unquoted and without trailing comments.',
  },
  'param.unused': {
    severity: 'warning',
    title: 'The parameter is never used as `${name}`.',
    explanation: 'No placeholder outside comments refers to this parameter, so its value changes nothing in the generated model. Use it or remove it.',
  },
  'placeholder.unknown': {
    severity: 'error',
    title: 'A placeholder names no declared parameter.',
    explanation:
      'Sim substitutes only declared parameters (with a default or a given value) and leaves any other `${name}` in the text: in a number field the template then fails to parse (rule T3), in an expression it fails with "Unexpected character \'$\'". Declare the parameter or fix the name.',
  },
  'placeholder.malformed': {
    severity: 'error',
    title: 'A `${…}` that Sim never substitutes.',
    explanation:
      'Sim replaces only the exact text `${name}`: no spaces inside the braces, no default syntax such as `${x:-1}`, and names made of letters, digits and `_` (not starting with a digit). Anything else stays in the generated text unchanged.',
  },
  'placeholder.quoted-string': {
    severity: 'error',
    title: 'A string placeholder inside quotes whose value Sim quotes itself.',
    explanation:
      'Sim wraps a string value that is empty or contains whitespace, `:` or `#` in double quotes before substituting it, so `"${p}"` becomes `""value""`, which breaks the YAML (inside single quotes the value keeps the quote characters). Write the placeholder unquoted: `key: ${p}`.',
  },
  'placeholder.array-in-text': {
    severity: 'warning',
    title: 'An array parameter used inside a larger value.',
    explanation:
      'Sim writes an array value as the text `[a, b, c]`. That is a sequence when the placeholder is the whole value (`values: ${p}`), but inside an expression or a longer string it becomes literal text, which is rarely what was meant.',
  },
  'param.unknown-override': {
    severity: 'error',
    title: 'A value is given for a parameter the template does not declare.',
    explanation: 'The template has no parameter with this name, so the value would substitute nothing. Check the spelling against the template\'s `parameters`.',
  },
  'param.value-type': {
    severity: 'error',
    title: 'A given value does not match the parameter type.',
    explanation: '`integer` and `number` parameters take numbers, `boolean` true/false, `string` text and `array` a list of numbers.',
  },
  'param.value-out-of-range': {
    severity: 'error',
    title: 'A given value (or array element) lies outside min/max.',
    explanation: 'The value is below the parameter\'s `min` or above its `max`. For arrays Sim rejects it (rule T44).',
  },
  'param.integer-expected': {
    severity: 'error',
    title: 'A whole number is expected.',
    explanation: 'The parameter is `type: integer` (or an array with `arrayOf: int`), so values such as `1.5` are rejected.',
  },
  'param.array-expected': {
    severity: 'error',
    title: 'An array parameter has no array value.',
    explanation:
      'Sim requires a value for every array parameter, and it must be a sequence (not a string): "Parameter \'p\' requires/expects an array value" (rule T44).',
  },
  'param.array-element': {
    severity: 'error',
    title: 'An array element is not a number.',
    explanation: 'Every element of an array parameter must be a number (rule T44).',
  },
});
