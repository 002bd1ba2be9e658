/**
 * Which lines hold error and warning records, for the client's whole-line backgrounds (a decoration,
 * since neither TextMate nor semantic tokens can paint a line's background).
 */
import type { AnalyzedDocument } from '../document';

export interface SeverityLines {
  /** Inclusive [startLine, endLine] pairs, flattened. */
  readonly error: number[];
  readonly warning: number[];
}

export function getSeverityLines(doc: AnalyzedDocument): SeverityLines {
  const result: SeverityLines = { error: [], warning: [] };
  if (doc.model.kind !== 'log') return result;
  for (const record of doc.model.records) {
    if (record.severity !== 'error' && record.severity !== 'warning') continue;
    const target = result[record.severity];
    const startLine = doc.lineIndex.lineAt(record.span.start);
    const endLine = doc.lineIndex.lineAt(Math.max(record.span.start, record.span.end - 1));
    const last = target.length - 1;
    // Merge with the previous range when adjacent: fewer decorations for runs of errors.
    if (last > 0 && (target[last] ?? -2) + 1 >= startLine) target[last] = Math.max(target[last] ?? 0, endLine);
    else target.push(startLine, endLine);
  }
  return result;
}
