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
import type { Field, LogDocumentModel, LogRecord, ParseProblem, RecordSeverity, Span } from '../model';
import { buildLogTime, emptyRecord, field, inferSeverity } from './recordBuilder';

const OPEN = '<![LOG[';
const CLOSE = ']LOG]!>';
/** A trailer longer than this is not a trailer: stop looking for its `>`. */
const MAX_TRAILER = 4096;

const ATTRIBUTE = /([A-Za-z]+)\s*=\s*"([^"]*)"/g;

const TYPE_SEVERITY: Record<string, RecordSeverity> = { '0': 'none', '1': 'info', '2': 'warning', '3': 'error' };

export function parseCcmLog(text: string): LogDocumentModel {
  const records: LogRecord[] = [];
  const problems: ParseProblem[] = [];
  let pos = skipBomAndBlank(text, 0);

  while (pos < text.length) {
    const close = text.indexOf(CLOSE, pos);
    if (close < 0) {
      addUnterminated(text, pos, text.length, records, problems);
      break;
    }
    let open = text.lastIndexOf(OPEN, close);
    if (open < pos) open = -1;
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
  const attributes = new Map<string, Field>();
  if (trailerEnd >= 0) {
    const trailer = text.slice(trailerStart, trailerEnd);
    ATTRIBUTE.lastIndex = 0;
    for (let m = ATTRIBUTE.exec(trailer); m; m = ATTRIBUTE.exec(trailer)) {
      const name = (m[1] ?? '').toLowerCase();
      const value = m[2] ?? '';
      const valueStart = trailerStart + m.index + m[0].length - 1 - value.length;
      if (!attributes.has(name)) attributes.set(name, field(text, valueStart, valueStart + value.length));
    }
  }
  const typeField = attributes.get('type') ?? null;
  const explicit = typeField ? TYPE_SEVERITY[typeField.value.trim()] : undefined;
  const severity = explicit ?? inferSeverity(text.slice(messageStart, messageEnd));
  const timeField = attributes.get('time');
  const dateField = attributes.get('date');
  const time =
    timeField && dateField ? buildLogTime(timeField.value, dateField.value, timeField.span, dateField.span) : null;
  const span: Span = { start: recordStart, end: recordEnd };
  return {
    ...emptyRecord(span, { start: messageStart, end: messageEnd }, severity),
    severityExplicit: explicit !== undefined,
    time,
    component: attributes.get('component') ?? null,
    thread: nonEmpty(attributes.get('thread')),
    sourceFile: nonEmpty(attributes.get('file')),
    type: typeField,
    context: nonEmpty(attributes.get('context')),
    header: { start: messageEnd, end: recordEnd },
    truncated,
  };
}

function nonEmpty(f: Field | undefined): Field | null {
  return f && f.value.length > 0 ? f : null;
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
