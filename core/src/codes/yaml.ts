// Codes of the YAML layer: syntax, aliases, keys, documents.
import { defineCodes } from './registry';

export const yamlCodes = defineCodes({
  'yaml.syntax': {
    severity: 'error',
    title: 'The text is not valid YAML.',
    explanation:
      'The YAML parser could not read the document at this position (bad indentation, an unclosed quote or bracket, a tab used for indentation...). Nothing else is checked until the syntax is fixed, so that one typo does not bury the real problem under schema noise.',
  },
  'yaml.duplicate-key': {
    severity: 'error',
    title: 'A mapping has the same key twice.',
    explanation:
      'YAML mappings must have unique keys; FlowTime\'s YAML reader (YamlDotNet) rejects the document. Remove or rename one of the two entries (the other one is shown as related information).',
  },
  'yaml.empty': {
    severity: 'error',
    title: 'The document is empty.',
    explanation: 'FlowTime rejects an empty model or template (rule S1/T1). Start from a template or add `schemaVersion: 1`, `grid` and `nodes`.',
  },
  'yaml.not-a-mapping': {
    severity: 'error',
    title: 'The document root must be a mapping.',
    explanation: 'A FlowTime model or template is a YAML mapping (`key: value` lines) at the top level; a list or a bare scalar cannot be a model.',
  },
  'yaml.non-scalar-key': {
    severity: 'error',
    title: 'A mapping key is not a plain string.',
    explanation: 'FlowTime drops mapping entries whose key is a list or a mapping (C# schema validation reads scalar keys only), so the entry would be silently lost. Use a string key.',
  },
  'yaml.alias-limit': {
    severity: 'error',
    title: 'Aliases expand to too much content.',
    explanation:
      'The document uses anchors and aliases (`&a` / `*a`) that expand into more nodes than a real model could need. This is how "billion laughs" attacks exhaust memory, so expansion stops here and the remaining aliases are treated as empty.',
  },
  'yaml.alias-cycle': {
    severity: 'error',
    title: 'An alias refers to the node that contains it.',
    explanation: 'A recursive alias has no finite value. Replace the alias with the content it should hold.',
  },
  'yaml.unknown-alias': {
    severity: 'error',
    title: 'An alias names an anchor that does not exist.',
    explanation: 'Every `*name` must refer to an `&name` anchor defined earlier in the same document.',
  },
  'yaml.multiple-documents': {
    severity: 'info',
    title: 'Only the first YAML document is validated.',
    explanation:
      'FlowTime reads only the first document of a file (the C# validators) or rejects the file (the Rust engine). Everything after the first `---` separator is ignored; move it to its own file.',
  },
  'yaml.not-flowtime': {
    severity: 'info',
    title: 'The file is neither a FlowTime model nor a Sim template.',
    explanation:
      'Kind detection found none of the keys that mark a model (`schemaVersion`, `grid`, `nodes`) or a template (`window`, `generator`, `parameters`, `${...}` placeholders). The file is not validated; pass `--kind model` or `--kind template` to force a kind.',
  },
  'yaml.warning': {
    severity: 'warning',
    title: 'The YAML parser reported a warning.',
    explanation: 'For example an unknown tag. The document is read, but probably not the way it was meant.',
  },
});
