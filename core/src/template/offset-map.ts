// Maps offsets of substituted template text back to the raw template (and forward), through the replaced segments.

/** One `${name}` (or quoted `"${name}"`) that substitution replaced. */
export interface Replacement {
  /** [originalStart, originalEnd) in the raw text. */
  originalStart: number;
  originalEnd: number;
  /** [substitutedStart, substitutedEnd) in the substituted text. */
  substitutedStart: number;
  substitutedEnd: number;
}

export class OffsetMap {
  readonly replacements: readonly Replacement[];

  /** `replacements` must be in text order and must not overlap. */
  constructor(replacements: readonly Replacement[] = []) {
    this.replacements = replacements;
  }

  /** Original offset of a substituted offset; an offset inside a replacement maps to the placeholder start. */
  toOriginal(offset: number): number {
    const r = this.lastSubstitutedAtOrBefore(offset, true);
    if (!r) return offset;
    if (offset < r.substitutedEnd) return r.originalStart;
    return offset - r.substitutedEnd + r.originalEnd;
  }

  /** Original range of a substituted range; a range touching a replacement grows to cover the whole placeholder. */
  toOriginalRange(start: number, end: number): [number, number] {
    const s = this.toOriginal(start);
    const r = this.lastSubstitutedAtOrBefore(end, false);
    let e = end;
    if (r) e = end < r.substitutedEnd ? r.originalEnd : end - r.substitutedEnd + r.originalEnd;
    return [s, Math.max(s, e)];
  }

  /** Substituted offset of a raw-text offset; an offset inside a placeholder maps to the start of its value. */
  toSubstituted(offset: number): number {
    const list = this.replacements;
    let lo = 0;
    let hi = list.length - 1;
    let found: Replacement | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].originalStart <= offset) {
        found = list[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (!found) return offset;
    if (offset < found.originalEnd) return found.substitutedStart;
    return offset - found.originalEnd + found.substitutedEnd;
  }

  /** The replacement covering substituted `offset`, if any. */
  replacementAt(offset: number): Replacement | undefined {
    const r = this.lastSubstitutedAtOrBefore(offset, true);
    return r && offset < r.substitutedEnd ? r : undefined;
  }

  /** Last replacement starting at or before `offset` (inclusive) or strictly before it. */
  private lastSubstitutedAtOrBefore(offset: number, inclusive: boolean): Replacement | undefined {
    const list = this.replacements;
    let lo = 0;
    let hi = list.length - 1;
    let found: Replacement | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid].substitutedStart;
      if (inclusive ? s <= offset : s < offset) {
        found = list[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
