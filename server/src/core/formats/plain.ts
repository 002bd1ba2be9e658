/**
 * Fallback for text with no ConfigMgr structure (pasted fragments, other tools' logs): one record per
 * non-blank line, severity inferred from the words as CMTrace does for plain text.
 */
import type { LogDocumentModel, LogRecord } from '../model';
import { emptyRecord, forEachLine, inferSeverity } from './recordBuilder';

export function parsePlainLog(text: string): LogDocumentModel {
  const records: LogRecord[] = [];
  forEachLine(text, text.charCodeAt(0) === 0xfeff ? 1 : 0, text.length, (start, end) => {
    if (end === start) return;
    const line = text.slice(start, end);
    if (!line.trim()) return;
    const span = { start, end };
    records.push(emptyRecord(span, span, inferSeverity(line)));
  });
  return { kind: 'log', format: 'plain', records, problems: [] };
}
