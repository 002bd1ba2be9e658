/**
 * The text a sparse reading searches. Big files are searched as their raw UTF-8 bytes, one character per
 * byte (a Latin-1 string costs a copy, where decoding UTF-8 costs a pass and doubles the memory of any
 * non-ASCII file); only the records that matter are decoded. Offsets into `scan` are then byte offsets;
 * every needle the search uses is ASCII or given in its UTF-8 byte form, and line breaks are the same
 * bytes in both, so lines count the same as in the decoded text.
 */
export interface ScanText {
  /** What is searched: the decoded text, or the UTF-8 bytes one character per byte. */
  readonly scan: string;
  /** True when `scan` holds UTF-8 bytes. */
  readonly bytes: boolean;
  /** The decoded text of `scan[start, end)`. */
  decode(start: number, end: number): string;
}

/** A decoded text searched as itself. */
export function textScan(text: string): ScanText {
  return { scan: text, bytes: false, decode: (start, end) => text.slice(start, end) };
}

/** How a needle is written in `scan`: as is, or as its UTF-8 bytes one character per byte. */
export function needle(text: string, bytes: boolean): string {
  if (!bytes) return text;
  let out = '';
  for (const byte of new TextEncoder().encode(text)) out += String.fromCharCode(byte);
  return out;
}

/** Line breaks (LF, CRLF, lone CR, as LineIndex counts them) in `s[from, to)`. */
export function countLineBreaks(s: string, from: number, to: number): number {
  // A slice bounds the searches (V8 slices without copying): `indexOf` on the whole text would run to
  // its end whenever the range holds no break, once per call.
  const t = s.slice(from, to + 1);
  const n = to - from;
  let count = 0;
  for (let i = t.indexOf('\n'); i >= 0 && i < n; i = t.indexOf('\n', i + 1)) count++;
  for (let i = t.indexOf('\r'); i >= 0 && i < n; i = t.indexOf('\r', i + 1)) if (t.charCodeAt(i + 1) !== 10) count++;
  return count;
}

/**
 * The lines of one part, found in one pass: line numbers and line starts by binary search, so that a
 * part whose text is one huge line costs no more than one with many (nothing here scans back to a
 * line start it has already seen).
 */
export class LineMap {
  /** Offset just after each line break in `[from, to)`. */
  private readonly starts: number[] = [];

  constructor(
    s: string,
    private readonly from: number,
    to: number,
  ) {
    const t = s.slice(from, to + 1);
    const n = to - from;
    // The next LF and CR are each searched again only once passed: a text without CRs is searched
    // for one once, not once per line.
    let lf = t.indexOf('\n');
    let cr = t.indexOf('\r');
    for (let i = 0; i < n; ) {
      if (lf >= 0 && lf < i) lf = t.indexOf('\n', i);
      if (cr >= 0 && cr < i) cr = t.indexOf('\r', i);
      const next = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (next < 0 || next >= n) break;
      const after = t.charCodeAt(next) === 13 && t.charCodeAt(next + 1) === 10 ? next + 2 : next + 1;
      // A CRLF cut by the end of the range counts as the LF's break: the next part starts after it.
      if (after > n) break;
      this.starts.push(from + after);
      i = after;
    }
  }

  get lineBreaks(): number {
    return this.starts.length;
  }

  /** Line breaks before `offset` within the part. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Start of the line that holds `offset` (the part's start for its first line). */
  lineStartOf(offset: number): number {
    const line = this.lineOf(offset);
    return line === 0 ? this.from : (this.starts[line - 1] ?? this.from);
  }
}

/**
 * The column (in decoded characters) of offsets that only move forward, relative to the part's start
 * on its first line: a long line is decoded once in pieces, not from its start for every window.
 */
export class ColumnCursor {
  private lineStart = -1;
  private offset = 0;
  private column = 0;

  constructor(
    private readonly src: ScanText,
    private readonly lines: LineMap,
  ) {}

  at(offset: number): number {
    const lineStart = this.lines.lineStartOf(offset);
    if (lineStart !== this.lineStart || offset < this.offset) {
      this.lineStart = lineStart;
      this.offset = lineStart;
      this.column = 0;
    }
    this.column += this.src.decode(this.offset, offset).length;
    this.offset = offset;
    return this.column;
  }
}
