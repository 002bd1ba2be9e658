/**
 * Offset <-> line/character conversion, built once per document version.
 *
 * A line ends at LF, CRLF or a lone CR, as VS Code counts lines, so positions agree with the editor
 * even for logs that carry bare CRs inside CRLF files.
 */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

export class LineIndex {
  /**
   * Offset of the first character of each line. Only the first `lineCount` entries belong to this
   * index: an index made by `appended` may share the array and push its own lines after them.
   */
  private readonly lineStarts: number[];
  readonly lineCount: number;

  constructor(text: string);
  /** Internal (see `appended`): the line starts of `text`, of which the first `lineCount` are valid. */
  constructor(text: string, lineStarts: number[], lineCount: number);
  constructor(
    private readonly text: string,
    lineStarts?: number[],
    lineCount?: number,
  ) {
    if (lineStarts !== undefined && lineCount !== undefined) {
      this.lineStarts = lineStarts;
      this.lineCount = lineCount;
      return;
    }
    const starts = [0];
    addLineStarts(text, 0, starts);
    this.lineStarts = starts;
    this.lineCount = starts.length;
  }

  /**
   * The index of `text`, which must start with this index's text: only the appended part is scanned.
   * A log being written grows by appends, and rescanning megabytes of lines for a few new ones would
   * cost as much as the parse the incremental analysis saves.
   */
  appended(text: string): LineIndex {
    const oldLength = this.text.length;
    let count = this.lineCount;
    let from = oldLength;
    // A CR at the old end may be the first half of a CRLF split by the append: its line start moves.
    if (oldLength > 0 && this.text.charCodeAt(oldLength - 1) === 13) {
      count--;
      from = oldLength - 1;
    }
    // The array is shared while no other index has pushed past our lines; else this one gets a copy,
    // so appending twice to the same index (two different texts) never corrupts either result.
    const starts = this.lineStarts.length === count ? this.lineStarts : this.lineStarts.slice(0, count);
    addLineStarts(text, from, starts);
    return new LineIndex(text, starts, starts.length);
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineCount - 1))] ?? 0;
  }

  /** Offset just past the last character of the line, before its terminator. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineCount) return this.text.length;
    let end = this.lineStarts[line + 1] ?? this.text.length;
    if (end > 0 && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.lineStart(line));
  }

  /** The line holding `offset` (binary search: O(log n) per lookup). */
  lineAt(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = this.lineCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): TextPosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.lineStart(line) };
  }

  offsetAt(position: TextPosition): number {
    if (position.line >= this.lineCount) return this.text.length;
    const start = this.lineStart(position.line);
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }
}

/** Pushes the start of every line that begins after a terminator at or after `from`. */
function addLineStarts(text: string, from: number, starts: number[]): void {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
}
