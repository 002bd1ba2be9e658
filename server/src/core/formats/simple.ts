/**
 * The site server's "simple" trace format (distmgr, PkgXferMgr, hman, sitecomp, ConfigMgrSetup…):
 *
 *   ~Processing 32.INS  $$<SMS_DISTRIBUTION_MANAGER><06-14-2018 06:26:25.828-60><thread=9112 (0x2398)>
 *
 * The fields trail the message, so a line without a trailer belongs to the message of the next line
 * that has one. Severity is not written; it is inferred from the text (`***` marks a failure).
 */
import type { LogDocumentModel, LogRecord, ParseProblem } from '../model';
import { buildLogTime, emptyRecord, field, forEachLine, inferSeverity } from './recordBuilder';

// <component><MM-dd-yyyy HH:mm:ss.fff+bias><thread=N (0xN)>, after the `$$`. The component may hold
// spaces; the date part tolerates one-digit fields; the thread part tolerates a missing hex form.
export const TRAILER = /^\$\$<([^<>]*)><(\d{1,2}-\d{1,2}-\d{4}) ([^<>]*)><thread=(\d+)(?:\s*\((0x[0-9A-Fa-f]+)\))?>\s*$/;

export function parseSimpleLog(text: string): LogDocumentModel {
  const records: LogRecord[] = [];
  const problems: ParseProblem[] = [];
  let pendingStart = -1;
  // The next `$$<` at or after the current line, kept as a forward cursor: `lastIndexOf` from a line's
  // end would walk back over every earlier line that has none, quadratic on a long run of such lines.
  let nextMarker = text.indexOf('$$<');

  forEachLine(text, text.charCodeAt(0) === 0xfeff ? 1 : 0, text.length, (lineStart, lineEnd) => {
    if (nextMarker >= 0 && nextMarker < lineStart) nextMarker = text.indexOf('$$<', lineStart);
    let marker = -1;
    while (nextMarker >= 0 && nextMarker < lineEnd) {
      marker = nextMarker;
      nextMarker = text.indexOf('$$<', nextMarker + 1);
    }
    const trailer = marker >= lineStart ? TRAILER.exec(text.slice(marker, lineEnd)) : null;
    if (!trailer) {
      if (pendingStart < 0 && lineEnd > lineStart && text.slice(lineStart, lineEnd).trim()) pendingStart = lineStart;
      return;
    }
    const recordStart = pendingStart >= 0 ? pendingStart : lineStart;
    pendingStart = -1;
    records.push(buildSimpleRecord(text, recordStart, marker, lineEnd, trailer));
  });

  if (pendingStart >= 0) {
    let end = text.length;
    while (end > pendingStart && /\s/.test(text.charAt(end - 1))) end--;
    const span = { start: pendingStart, end };
    records.push(emptyRecord(span, span, inferSeverity(text.slice(span.start, span.end))));
    problems.push({ span, message: 'Text after the last record has no $$< trailer.' });
  }
  return { kind: 'log', format: 'simple', records, problems };
}

function buildSimpleRecord(text: string, start: number, marker: number, lineEnd: number, m: RegExpExecArray): LogRecord {
  let messageStart = start;
  while (messageStart < marker && (text[messageStart] === ' ' || text[messageStart] === '\t')) messageStart++;
  if (text[messageStart] === '~') messageStart++;
  let messageEnd = marker;
  while (messageEnd > messageStart && /\s/.test(text.charAt(messageEnd - 1))) messageEnd--;
  const message = text.slice(messageStart, messageEnd);

  const component = m[1] ?? '';
  const componentStart = marker + 3;
  const date = m[2] ?? '';
  const dateStart = componentStart + component.length + 2;
  const clock = m[3] ?? '';
  const clockStart = dateStart + date.length + 1;
  const thread = m[4] ?? '';
  const threadStart = clockStart + clock.length + '><thread='.length;
  const threadHex = m[5];
  const threadEnd = threadHex ? threadStart + thread.length + 2 + threadHex.length + 1 : threadStart + thread.length;

  let end = lineEnd;
  while (end > marker && /\s/.test(text.charAt(end - 1))) end--;
  return {
    ...emptyRecord({ start, end }, { start: messageStart, end: messageEnd }, inferSeverity(message)),
    time: buildLogTime(clock, date, { start: dateStart, end: clockStart + clock.length }, null),
    component: field(text, componentStart, componentStart + component.length),
    thread: field(text, threadStart, threadEnd),
    header: { start: marker, end },
  };
}
