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
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  for (let i = s.indexOf('\r', from); i >= 0 && i < to; i = s.indexOf('\r', i + 1)) {
    if (s.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/** Offset just after the last line break before `offset` (at least `floor`). */
export function lineStartOf(s: string, offset: number, floor = 0): number {
  const lf = s.lastIndexOf('\n', offset - 1);
  const cr = s.lastIndexOf('\r', offset - 1);
  return Math.max(floor, Math.max(lf, cr) + 1);
}

/**
 * Counts line breaks from a cursor that only moves forward, so that placing many windows in one part
 * costs one pass over it, not one per window.
 */
export class LineCursor {
  private offset: number;
  private breaks = 0;

  constructor(
    private readonly s: string,
    start: number,
  ) {
    this.offset = start;
  }

  /** Line breaks between the start and `offset` (which never goes back). */
  breaksBefore(offset: number): number {
    if (offset > this.offset) {
      this.breaks += countLineBreaks(this.s, this.offset, offset);
      // A CR just before `offset` whose LF is at `offset` was not counted; the LF will be.
      this.offset = offset;
    }
    return this.breaks;
  }
}
