/** Multi-line records and events fold, so a long stack trace or an event collapses to its first line. */
import type { FoldingRange } from 'vscode-languageserver-types';
import type { AnalyzedDocument } from '../document';
import type { Span } from '../model';

export function getFoldingRanges(doc: AnalyzedDocument): FoldingRange[] {
  const spans: readonly { span: Span }[] = doc.model.kind === 'log' ? doc.model.records : doc.model.events;
  const ranges: FoldingRange[] = [];
  for (const { span } of spans) {
    const startLine = doc.lineIndex.lineAt(span.start);
    const endLine = doc.lineIndex.lineAt(Math.max(span.start, span.end - 1));
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: 'region' });
  }
  return ranges;
}
