/**
 * Fallback for text with no ConfigMgr structure (pasted fragments, console logs copied without their
 * prefixes, other tools' logs): one record per non-blank line, severity inferred from the words as
 * CMTrace does for plain text — except that a .NET exception block (its exception type line, the
 * message line after it, and its `at …` / `場所 …` stack frames) stays with the line that reported it,
 * as one record, the way the console writes one entry.
 */
import type { LogDocumentModel, LogRecord } from '../model';
import { emptyRecord, forEachLine, inferSeverity } from './recordBuilder';

const STACK_FRAME = /^\s+(?:at|場所)\s|^\s*(?:at|場所) [\w.`<>]+[.(]/;
const EXCEPTION_TYPE = /^\s*(?:[A-Za-z_][\w`]*\.)+[A-Za-z_]\w*Exception\b/;

export function parsePlainLog(text: string): LogDocumentModel {
  const records: LogRecord[] = [];
  let open: { start: number; end: number } | null = null;
  let messageAfterException = false;
  const close = (): void => {
    if (!open) return;
    records.push(emptyRecord(open, open, inferSeverity(text.slice(open.start, open.end))));
    open = null;
  };
  forEachLine(text, text.charCodeAt(0) === 0xfeff ? 1 : 0, text.length, (start, end) => {
    if (end === start) return;
    const line = text.slice(start, end);
    if (!line.trim()) return;
    const exceptionType = EXCEPTION_TYPE.test(line);
    const continues = open !== null && (messageAfterException || exceptionType || STACK_FRAME.test(line));
    messageAfterException = exceptionType;
    if (continues && open) {
      open.end = end;
      return;
    }
    close();
    open = { start, end };
  });
  close();
  return { kind: 'log', format: 'plain', records, problems: [] };
}
