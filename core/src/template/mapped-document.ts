// A parsed substituted template whose ranges point back into the raw template the user edits.
import type { Range } from '../diagnostics';
import type { LineIndex } from '../text/line-index';
import type { Part, PositionedDocument, SourceDocument, YNode } from '../yaml/document';
import type { OffsetMap } from './offset-map';

/**
 * Values and nodes come from the substituted document (their offsets are substituted-text offsets); every Range is
 * converted to the raw template, so a value that came from `${x}` is reported on `${x}`.
 */
export class MappedDocument implements SourceDocument {
  constructor(
    readonly substituted: PositionedDocument,
    readonly map: OffsetMap,
    readonly original: LineIndex,
  ) {}

  get value(): unknown {
    return this.substituted.value;
  }

  node(pointer: string): YNode | undefined {
    return this.substituted.node(pointer);
  }

  locate(pointer: string, part?: Part): Range {
    return this.fromSubstitutedRange(this.substituted.locate(pointer, part));
  }

  locateInString(pointer: string, from: number, to: number): Range {
    return this.fromSubstitutedRange(this.substituted.locateInString(pointer, from, to));
  }

  /** Raw-template range of substituted-text offsets [start, end). */
  rangeFromSubstitutedOffsets(start: number, end: number): Range {
    const [a, b] = this.map.toOriginalRange(start, end);
    return this.original.range(a, b);
  }

  private fromSubstitutedRange(range: Range): Range {
    const lines = this.substituted.lines;
    return this.rangeFromSubstitutedOffsets(lines.offset(range.start), lines.offset(range.end));
  }
}
