/**
 * Code points vs UTF-16 for one string. Projection offsets count code points; JavaScript strings,
 * Y.XmlText indexes and approx-string-match count UTF-16 units, so every crossing goes through here.
 */

const HIGH_SURROGATE = /[\ud800-\udbff]/;

/** Converts offsets of one string between code points and UTF-16 units in O(log n). */
export class CodePointIndex {
  /** Code-point offsets of the astral characters (valid surrogate pairs), ascending. */
  private readonly astral: number[] = [];
  /** Length of the string in code points; a lone surrogate counts as one, like codePointLength. */
  readonly length: number;

  constructor(readonly text: string) {
    if (HIGH_SURROGATE.test(text)) {
      for (let i = 0; i < text.length - 1; i++) {
        const unit = text.charCodeAt(i);
        if (unit >= 0xd800 && unit <= 0xdbff) {
          const next = text.charCodeAt(i + 1);
          if (next >= 0xdc00 && next <= 0xdfff) {
            this.astral.push(i - this.astral.length);
            i++;
          }
        }
      }
    }
    this.length = text.length - this.astral.length;
  }

  /** UTF-16 index of code-point offset `cp`, clamped to the string. */
  toUtf16(cp: number): number {
    const clamped = Math.max(0, Math.min(cp, this.length));
    const astral = this.astral;
    if (astral.length === 0) return clamped;
    // Astral characters before `clamped`; a hand-written search, as this runs per anchor edge.
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (astral[mid] < clamped) lo = mid + 1;
      else hi = mid;
    }
    return clamped + lo;
  }

  /** Code-point offset of UTF-16 index `unit`; an index inside a surrogate pair rounds down to the pair. */
  toCodePoint(unit: number): number {
    const clamped = Math.max(0, Math.min(unit, this.text.length));
    const astral = this.astral;
    if (astral.length === 0) return clamped;
    let lo = 0;
    let hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (astral[mid] + mid < clamped) lo = mid + 1;
      else hi = mid;
    }
    const last = lo - 1;
    if (last >= 0 && astral[last] + last + 1 === clamped) return astral[last];
    return clamped - lo;
  }

  /** The code points [start, end) of the string (offsets clamped). */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}
