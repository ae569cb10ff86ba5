// Warnings for parameter lines that Sim's line-based header reader (used when the raw template cannot deserialize) misreads.
import type { Diagnostic } from '../diagnostics';
import { diag } from '../codes/make';
import { templateParamCodes as codes } from '../codes/template-params';
import { joinPointer } from '../yaml/document';
import type { SourceDocument } from '../yaml/document';
import type { ParameterDef } from './types';

export function checkHeaderReader(doc: SourceDocument, def: ParameterDef): Diagnostic[] {
  const out: Diagnostic[] = [];
  const namePointer = joinPointer(def.pointer, 'name');
  const nameNode = doc.node(namePointer);
  if (nameNode && nameNode.type === 'scalar' && nameNode.style !== 'plain') {
    out.push(
      diag(
        codes['param.header-reader'],
        `Sim's line-based parameter reader keeps the quotes of this name, so \`\${${def.name}}\` is not substituted when it reads the header line by line: write the name unquoted.`,
        doc.locate(namePointer),
      ),
    );
  }
  if (def.hasDefault) {
    const defaultPointer = joinPointer(def.pointer, 'default');
    const keyLine = doc.locate(defaultPointer, 'key').start.line;
    const valueRange = doc.locate(defaultPointer);
    if (valueRange.end.line !== keyLine) {
      const node = doc.node(defaultPointer);
      const blockSeq = node !== undefined && node.type === 'seq' && !node.flow;
      const extra = blockSeq ? ' and takes its `- ` lines for new parameters' : '';
      const inline = def.type === 'array' ? ': write it on one line, e.g. `default: [1, 2, 3]`' : ': write it on the `default:` line';
      out.push(
        diag(
          codes['param.header-reader'],
          `Sim's line-based parameter reader only sees the \`default:\` line, so it loses this multi-line default (it becomes "")${extra}${inline}.`,
          doc.locate(defaultPointer, 'key'),
        ),
      );
    }
  }
  return out;
}
