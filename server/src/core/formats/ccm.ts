/**
 * CCM ("CMTrace") log format, used by the client, management point, task sequence and many site
 * system logs:
 *
 *   <![LOG[message]LOG]!><time="10:30:43.112+240" date="10-18-2019" component="TSManager" context=""
 *   type="3" thread="1964" file="utils.cpp:7745">
 *
 * A record is delimited by its markers, not by lines: messages carry CRLF, bare LF and bare CR. The
 * parser walks trailers (`]LOG]!>`) with indexOf, so it is one linear pass with no backtracking, and
 * resynchronises after a record whose start was cut off (a rolled-over or truncated file).
 */
import type { LogDocumentModel, LogRecord, LogTime, ParseProblem, RecordSeverity } from '../model';
import { buildLogTime, emptyRecord, inferSeverity } from './recordBuilder';
import { SourceField, fastCcmTime } from './sourceField';

const OPEN = '<![LOG[';
const CLOSE = ']LOG]!>';
/** A trailer longer than this is not a trailer: stop looking for its `>`. */
const MAX_TRAILER = 4096;

const TYPE_SEVERITY: Record<string, RecordSeverity> = { '0': 'none', '1': 'info', '2': 'warning', '3': 'error' };

export function parseCcmLog(text: string): LogDocumentModel {
  const records: LogRecord[] = [];
  const problems: ParseProblem[] = [];
  let pos = skipBomAndBlank(text, 0);
  // First `<![LOG[` at or after `pos` (or -1): without it, `lastIndexOf` below would walk back to the
  // start of the text for every record that lost its opening marker (quadratic).
  let nextOpen = text.indexOf(OPEN, pos);

  while (pos < text.length) {
    const close = text.indexOf(CLOSE, pos);
    if (close < 0) {
      addUnterminated(text, pos, text.length, records, problems);
      break;
    }
    if (nextOpen >= 0 && nextOpen < pos) nextOpen = text.indexOf(OPEN, pos);
    const open = nextOpen >= 0 && nextOpen < close ? text.lastIndexOf(OPEN, close) : -1;
    const trailerStart = close + CLOSE.length;
    const trailerEnd = findTrailerEnd(text, trailerStart);

    // Text before this record's opening marker that is not part of it: an earlier record that lost
    // its trailer.
    if (open > pos) addUnterminated(text, pos, open, records, problems);

    const recordStart = open >= 0 ? open : pos;
    const messageStart = open >= 0 ? open + OPEN.length : pos;
    // A broken trailer still belongs to its record, up to the end of its line.
    const recordEnd = trailerEnd >= 0 ? trailerEnd + 1 : endOfLine(text, trailerStart);
    const record = buildRecord(text, recordStart, messageStart, close, trailerStart, trailerEnd, recordEnd, open < 0);
    records.push(record);
    if (open < 0) {
      problems.push({ span: record.span, message: 'The start of this record is missing (the file was cut or rolled over).' });
    }
    if (trailerEnd < 0) {
      problems.push({ span: { start: close, end: trailerStart }, message: 'Record trailer is incomplete.' });
    }
    pos = skipBomAndBlank(text, recordEnd);
  }
  return { kind: 'log', format: 'ccm', records, problems };
}

function skipBomAndBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0xfeff || c === 10 || c === 13 || c === 32 || c === 9 || c === 0) i++;
    else break;
  }
  return i;
}

function endOfLine(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

/** Offset of the `>` that ends the trailer beginning at `from` (`<time=…>`), or -1. */
function findTrailerEnd(text: string, from: number): number {
  if (text.charCodeAt(from) !== 60 /* < */) return -1;
  const limit = Math.min(text.length, from + MAX_TRAILER);
  let inQuote = false;
  for (let i = from + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) inQuote = !inQuote;
    else if (!inQuote && c === 62 /* > */) return i;
    else if (c === 10 || c === 13) return -1; // a trailer never spans lines

  }
  return -1;
}

function buildRecord(
  text: string,
  recordStart: number,
  messageStart: number,
  messageEnd: number,
  trailerStart: number,
  trailerEnd: number,
  recordEnd: number,
  truncated: boolean,
): LogRecord {
  // Attributes are scanned in place (no slicing, no regex, no map): this runs once per record.
  let time: SourceField | null = null;
  let date: SourceField | null = null;
  let component: SourceField | null = null;
  let context: SourceField | null = null;
  let type: SourceField | null = null;
  let thread: SourceField | null = null;
  let file: SourceField | null = null;
  if (trailerEnd >= 0) {
    let i = trailerStart + 1;
    while (i < trailerEnd) {
      const eq = text.indexOf('="', i);
      if (eq < 0 || eq >= trailerEnd) break;
      let nameStart = eq;
      while (nameStart > i && isNameChar(text.charCodeAt(nameStart - 1))) nameStart--;
      const valueStart = eq + 2;
      const valueEnd = text.indexOf('"', valueStart);
      if (valueEnd < 0 || valueEnd > trailerEnd) break;
      const field = new SourceField(text, valueStart, valueEnd);
      switch (attributeName(text, nameStart, eq)) {
        case 'time': time ??= field; break;
        case 'date': date ??= field; break;
        case 'component': component ??= field; break;
        case 'context': context ??= field; break;
        case 'type': type ??= field; break;
        case 'thread': thread ??= field; break;
        case 'file': file ??= field; break;
      }
      i = valueEnd + 1;
    }
  }
  const explicit = type ? severityOfType(text, type) : undefined;
  const severity = explicit ?? inferSeverity(text.slice(messageStart, messageEnd));
  let logTime: LogTime | null = null;
  if (time && date) {
    const fast = fastCcmTime(text, time, date);
    logTime = fast !== undefined ? fast : buildLogTime(time.value, date.value, { start: time.start, end: time.end }, { start: date.start, end: date.end });
  }
  return {
    span: { start: recordStart, end: recordEnd },
    message: { start: messageStart, end: messageEnd },
    severity,
    severityExplicit: explicit !== undefined,
    time: logTime,
    component,
    thread: thread && thread.end > thread.start ? thread : null,
    sourceFile: file && file.end > file.start ? file : null,
    type,
    processId: null,
    context: context && context.end > context.start ? context : null,
    header: { start: messageEnd, end: recordEnd },
    truncated,
  };
}

function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const ATTRIBUTE_NAMES = ['time', 'date', 'component', 'context', 'type', 'thread', 'file'] as const;

/** The known attribute written at [start, end), case-insensitively, or undefined. */
function attributeName(text: string, start: number, end: number): (typeof ATTRIBUTE_NAMES)[number] | undefined {
  const length = end - start;
  for (const name of ATTRIBUTE_NAMES) {
    if (name.length !== length) continue;
    let same = true;
    for (let k = 0; k < length && same; k++) same = (text.charCodeAt(start + k) | 0x20) === name.charCodeAt(k);
    if (same) return name;
  }
  return undefined;
}

function severityOfType(text: string, type: SourceField): RecordSeverity | undefined {
  if (type.end - type.start !== 1) return TYPE_SEVERITY[type.value.trim()];
  return TYPE_SEVERITY[text.charAt(type.start)];
}

/** Text with no trailer: a record cut at the end of the file, or junk between records. */
function addUnterminated(text: string, start: number, end: number, records: LogRecord[], problems: ParseProblem[]): void {
  let trimmedEnd = end;
  while (trimmedEnd > start && /\s/.test(text.charAt(trimmedEnd - 1))) trimmedEnd--;
  if (trimmedEnd <= start) return;
  const hasOpen = text.startsWith(OPEN, start);
  const messageStart = hasOpen ? start + OPEN.length : start;
  const span = { start, end: trimmedEnd };
  records.push({
    ...emptyRecord(span, { start: messageStart, end: trimmedEnd }, inferSeverity(text.slice(messageStart, trimmedEnd))),
    truncated: !hasOpen,
  });
  problems.push({
    span,
    message: hasOpen ? 'Record has no trailer (the file may have been cut while it was written).' : 'Text outside any record.',
  });
}
