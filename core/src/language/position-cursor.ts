// Offset → position for offsets visited mostly in text order: steps from the last line found instead of searching.
import type { Position, Range } from '../diagnostics';
import type { LineIndex } from '../text/line-index';

/** How many lines to step before falling back to the index's binary search. */
const MAX_STEPS = 8;

export class PositionCursor {
  private line = 0;

  constructor(private readonly lines: LineIndex) {}

  position(offset: number): Position {
    const lines = this.lines;
    const last = lines.lineCount - 1;
    let line = this.line;
    for (let steps = 0; steps < MAX_STEPS; steps++) {
      const start = lines.lineStart(line);
      if (offset < start) {
        if (line === 0) break;
        line--;
        continue;
      }
      if (line < last && offset >= lines.lineStart(line + 1)) {
        line++;
        continue;
      }
      this.line = line;
      return { line, character: Math.min(offset, lines.text.length) - start };
    }
    const p = lines.position(offset);
    this.line = p.line;
    return p;
  }

  range(start: number, end: number): Range {
    const s = this.position(start);
    return { start: s, end: end <= start ? { line: s.line, character: s.character } : this.position(end) };
  }
}
