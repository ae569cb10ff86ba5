// Shared fixture helpers of the template-parameter tests: parse a marked template and pick diagnostics by code.
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../../core/src/diagnostics';
import { parseYaml } from '../../../core/src/yaml/parse';
import { dedent, marked } from '../../helpers/markers';
import type { MarkedText } from '../../helpers/markers';
import type { PositionedDocument } from '../../../core/src/yaml/document';

export interface Fixture extends MarkedText {
  doc: PositionedDocument;
}

export function fixture(source: string): Fixture {
  const m = marked(dedent(source));
  const { doc } = parseYaml(m.text);
  return { ...m, doc };
}

/** The diagnostics with `code`, asserting there are exactly `count` of them. */
export function withCode(diagnostics: Diagnostic[], code: string, count = 1): Diagnostic[] {
  const found = diagnostics.filter((d) => d.code === code);
  assert.equal(found.length, count, `expected ${count} × ${code}, got: ${JSON.stringify(diagnostics.map((d) => `${d.code}: ${d.message}`), null, 1)}`);
  return found;
}
