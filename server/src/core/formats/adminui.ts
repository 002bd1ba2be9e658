/**
 * The console's SmsAdminUI.log (and the older AdminUI.log):
 *
 *   [14, PID:5720][06/20/2022 10:02:11] :Insufficient privilege to connect, error: '…'
 *   System.UnauthorizedAccessException
 *      at System.Management.ThreadDispatch.Start()
 *
 * Lines without the bracket prefix (exception types, stack frames) continue the previous record. The
 * time has no offset: it is the console machine's local time, so `utcMillis` stays null here and the
 * diagnosis supplies the offset from other evidence.
 */
import type { LogDocumentModel, LogRecord, ParseProblem } from '../model';
import { buildLogTime, emptyRecord, field, forEachLine, inferSeverity } from './recordBuilder';

const PREFIX = /^\[(\d+)(?:,\s*PID:(\d+))?\]\[([^\]]*)\]\s*:?\s?/;
const STAMP = /^\s*(\d{1,2}\/\d{1,2}\/\d{4})\s+(\d{1,2}:\d{2}:\d{2}(?:\.\d+)?)\s*$/;

interface Open {
  start: number;
  end: number;
  messageStart: number;
  prefix: RegExpExecArray;
}

export function parseAdminUiLog(text: string): LogDocumentModel {
  const records: LogRecord[] = [];
  const problems: ParseProblem[] = [];
  let open: Open | null = null;
  let orphanStart = -1;
  let orphanEnd = -1;

  forEachLine(text, text.charCodeAt(0) === 0xfeff ? 1 : 0, text.length, (lineStart, lineEnd) => {
    const prefix = text.charCodeAt(lineStart) === 91 /* [ */ ? PREFIX.exec(text.slice(lineStart, lineEnd)) : null;
    if (prefix) {
      if (open) records.push(buildAdminUiRecord(text, open));
      open = { start: lineStart, end: lineEnd, messageStart: lineStart + prefix[0].length, prefix };
      return;
    }
    if (lineEnd === lineStart || !text.slice(lineStart, lineEnd).trim()) return;
    if (open) open.end = lineEnd;
    else {
      if (orphanStart < 0) orphanStart = lineStart;
      orphanEnd = lineEnd;
    }
  });
  if (open) records.push(buildAdminUiRecord(text, open));

  if (orphanStart >= 0) {
    // Lines before the first prefixed record: the top of a record cut off by rollover.
    const span = { start: orphanStart, end: orphanEnd };
    records.unshift({
      ...emptyRecord(span, span, inferSeverity(text.slice(span.start, span.end))),
      truncated: true,
    });
    problems.push({ span, message: 'Lines before the first record (truncated).' });
  }
  return { kind: 'log', format: 'adminui', records, problems };
}

function buildAdminUiRecord(text: string, open: Open): LogRecord {
  const m = open.prefix;
  const thread = m[1] ?? '';
  const threadStart = open.start + 1;
  const pid = m[2];
  const pidStart = pid !== undefined ? text.indexOf(pid, threadStart + thread.length) : -1;
  const stamp = m[3] ?? '';
  const stampStart = open.start + m[0].indexOf('][') + 2;
  const parts = STAMP.exec(stamp);
  const stampSpan = { start: stampStart, end: stampStart + stamp.length };
  const time = parts ? buildLogTime(parts[2] ?? '', parts[1] ?? '', stampSpan, null, null) : null;
  const message = { start: open.messageStart, end: open.end };
  return {
    ...emptyRecord({ start: open.start, end: open.end }, message, inferSeverity(text.slice(message.start, message.end))),
    time,
    thread: field(text, threadStart, threadStart + thread.length),
    processId: pid !== undefined && pidStart >= 0 ? field(text, pidStart, pidStart + pid.length) : null,
    header: { start: open.start, end: open.messageStart },
  };
}
