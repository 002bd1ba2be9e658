/**
 * Inline fixtures with marks, in the manner of rust-analyzer's test fixtures: `⟦…⟧` marks spans the
 * test expects. `unmark` returns the text without marks and the marked spans in order.
 */
export interface MarkedText {
  readonly text: string;
  readonly spans: { start: number; end: number; text: string }[];
}

export function unmark(marked: string): MarkedText {
  let text = '';
  const spans: { start: number; end: number; text: string }[] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === '⟦') open = text.length;
    else if (ch === '⟧') {
      spans.push({ start: open, end: text.length, text: text.slice(open, text.length) });
      open = -1;
    } else text += ch;
  }
  return { text, spans };
}

/** The text of a span. */
export function slice(text: string, span: { start: number; end: number } | null | undefined): string | undefined {
  return span ? text.slice(span.start, span.end) : undefined;
}
