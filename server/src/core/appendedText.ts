/**
 * The analysis of a document that grew at its end: a log still being written, which the editor reloads
 * and sends as an insert after the last character. Only the tail is parsed: the records (or events) of
 * the earlier analysis are kept up to a point the parser would have reached with a fresh state, the text
 * from there is parsed on its own, its spans shifted into place, and codes and findings are scanned in
 * the new records only. The result is what `analyzeDocument` gives for the whole text (the unit tests
 * check that on every split of real-shaped logs); whenever that cannot be guaranteed cheaply, this falls
 * back to the full analysis.
 */
import { findDcomEvidence, scanRecordCodes } from './analysis/findings';
import type { CodeToken } from './analysis/errorCodes';
import { analyzeDocument, type AnalyzedDocument } from './document';
import { detectFormat, parseDocument } from './formats';
import { INCOMPLETE_READ, MAX_PROBLEMS, ROOT_NOT_CLOSED, parseEventXmlWithRoot, type RootState } from './formats/eventXml';
import type {
  DocumentFormat,
  EventDataItem,
  EventDocumentModel,
  Field,
  LogDocumentModel,
  LogRecord,
  LogTime,
  ParseProblem,
  Span,
  WindowsEvent,
} from './model';

/** How many characters at each end of the old text are compared to confirm the new text extends it. */
const CHECKED_EDGE = 256;

/**
 * The analysis of `text`, which the caller knows to be `previous.text` with more appended (the server
 * knows from the edit). Only the edges of the old text are compared, not all of it: if they differ this
 * is a full analysis, as it is when the format changed or nothing of the old analysis can be kept.
 */
export function analyzeAppended(previous: AnalyzedDocument, text: string, format?: DocumentFormat): AnalyzedDocument {
  return appendedAnalysis(previous, text, format) ?? analyzeDocument(text, previous.fileName, format);
}

function appendedAnalysis(previous: AnalyzedDocument, text: string, format: DocumentFormat | undefined): AnalyzedDocument | null {
  if (!extendsCheaply(text, previous.text)) return null;
  // As `analyzeDocument` detects it; detection reads the head (an event export's prolog at most), not
  // the whole text, and the format of a short text may change as it grows (plain, then a CCM record).
  const detected = format ?? detectFormat(text);
  if (detected !== previous.model.format) return null;
  return previous.model.kind === 'log' ? appendToLog(previous, previous.model, text) : appendToEvents(previous, previous.model, text);
}

function extendsCheaply(text: string, old: string): boolean {
  if (text.length < old.length) return false;
  const edge = Math.min(old.length, CHECKED_EDGE);
  return text.startsWith(old.slice(0, edge)) && text.startsWith(old.slice(old.length - edge), old.length - edge);
}

function appendToLog(previous: AnalyzedDocument, model: LogDocumentModel, text: string): AnalyzedDocument | null {
  const records = model.records;
  // The last record may be incomplete (a CCM record without its trailer yet, a multi-line record that
  // goes on): it is parsed again.
  let first = records.length - 1;
  if (model.format !== 'ccm') {
    // The line formats decide where a record starts from the whole of its first line, and the old last
    // line may go on in the appended text ("Sys" becoming "System.UnauthorizedAccessException", which
    // continues the record before it): a record that starts on that line is parsed again with the one
    // before it. CCM records are delimited by markers, whatever the lines.
    const lastLineStart = previous.lineIndex.lineStart(previous.lineIndex.lineCount - 1);
    while (first > 0 && (records[first]?.span.start ?? 0) >= lastLineStart) first--;
  }
  const lastKept = records[first - 1];
  if (first < 1 || !lastKept) return null;
  // The end of the last kept record is where each parser's state is as fresh as at the start of a
  // text: CCM looks for the next marker from there, the line parsers have no record open (the rest of
  // that line is blank). A BOM there would be skipped as a text's BOM by the line parsers.
  const from = lastKept.span.end;
  const tail = detached(text.slice(from));
  if (model.format !== 'ccm' && tail.charCodeAt(0) === 0xfeff) return null;

  const parsed = parseDocument(tail, model.format);
  if (parsed.kind !== 'log') return null;
  // What a scan of the whole text finds from `from` on: no code runs across the end of a record (a `>`
  // or a line end, where no code can sit), and none starts there that the whole scan would refuse.
  const tailCodes = scanRecordCodes(tail, parsed);
  const newModel: LogDocumentModel = {
    kind: 'log',
    format: model.format,
    records: parsed.records.map((r) => shiftRecord(r, from)),
    problems: parsed.problems.map((p) => shiftProblem(p, from)),
  };
  const newCodes = tailCodes.map((c) => shiftCode(c, from));
  const newFindings = findDcomEvidence(text, newModel, newCodes, previous.fileName);
  return {
    text,
    fileName: previous.fileName,
    lineIndex: previous.lineIndex.appended(text),
    model: {
      kind: 'log',
      format: model.format,
      records: records.slice(0, first).concat(newModel.records),
      // Log parsers report problems in text order, each within its record.
      problems: keptBefore(model.problems, from, (p) => p.span.start).concat(newModel.problems),
    },
    codes: keptBefore(previous.codes, from, (c) => c.span.start).concat(newCodes),
    findings: keptBefore(previous.findings, from, (f) => f.span.start).concat(newFindings),
    parsedFrom: from,
    eventRoot: null,
  };
}

/**
 * Event XML: every event of the old text is complete (the scan reports one only at its end tag), so all
 * are kept and the parse resumes after the last one, with the state the scan carries between events
 * (the `<Events>` root). Problems are sorted by position over the whole text and capped, so the merge
 * follows the parser's order, and a document near the cap is parsed whole.
 */
function appendToEvents(previous: AnalyzedDocument, model: EventDocumentModel, text: string): AnalyzedDocument | null {
  const last = model.events[model.events.length - 1];
  const root = previous.eventRoot;
  if (!last || !root || model.problems.length > MAX_PROBLEMS) return null;
  if (model.problems.some((p) => p.message.startsWith(INCOMPLETE_READ))) return null;
  const from = last.span.end;
  const resume: RootState = {
    start: root.start !== null && root.start < from ? root.start - from : null,
    tagEnd: root.tagEnd - from,
    closedAt: root.closedAt !== null && root.closedAt < from ? root.closedAt - from : null,
  };
  const { model: parsed, root: tailRoot } = parseEventXmlWithRoot(detached(text.slice(from)), resume);
  if (!tailRoot) return null;

  // The old "root never closed" is decided again at the new end (and re-reported by the tail's parse).
  const kept = model.problems.filter((p) => p.span.start < from);
  const oldRootProblem = findLastIndex(kept, (p) => p.message === ROOT_NOT_CLOSED && p.span.start === root.start);
  if (oldRootProblem >= 0) kept.splice(oldRootProblem, 1);
  if (kept.length + parsed.problems.length > MAX_PROBLEMS) return null;
  // Stable: at one position, the kept problems were found before the tail's (its root problem is found
  // last of all, as in a whole parse).
  const problems = kept.concat(parsed.problems.map((p) => shiftProblem(p, from))).sort((a, b) => a.span.start - b.span.start);

  const newEvents = parsed.events.map((e) => shiftEvent(e, from));
  const newFindings = findDcomEvidence(text, { kind: 'events', format: 'eventXml', events: newEvents, problems: [] }, [], previous.fileName);
  return {
    text,
    fileName: previous.fileName,
    lineIndex: previous.lineIndex.appended(text),
    model: { kind: 'events', format: 'eventXml', events: model.events.concat(newEvents), problems },
    codes: previous.codes,
    findings: previous.findings.concat(newFindings),
    parsedFrom: from,
    eventRoot: {
      start: tailRoot.start === null ? null : tailRoot.start + from,
      tagEnd: tailRoot.tagEnd + from,
      closedAt: tailRoot.closedAt === null ? null : tailRoot.closedAt + from,
    },
  };
}

/**
 * A copy of `s` that shares no memory with the text it was sliced from. V8 keeps a whole string alive
 * for any slice of it, and the records parsed from the tail (kept through later appends) hold slices of
 * it: a slice of each version's full text would keep every version of a growing log in memory.
 * Concatenating and slicing again makes V8 flatten into a new string of the tail's length.
 */
function detached(s: string): string {
  return (' ' + s).slice(1);
}

/** The items that start before `from`, for lists in text order: found from the end, O(new items). */
function keptBefore<T>(items: readonly T[], from: number, startOf: (item: T) => number): T[] {
  let n = items.length;
  while (n > 0 && startOf(items[n - 1] as T) >= from) n--;
  return items.slice(0, n);
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i] as T)) return i;
  return -1;
}

// --- shifting what the tail's parse found into the document's offsets ----------------------------------
// New plain objects, field by field: the parsers' lazy fields read from the tail text at tail offsets.

function shiftSpan(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

function shiftField(field: Field | null, by: number): Field | null {
  return field === null ? null : { span: shiftSpan(field.span, by), value: field.value };
}

function shiftTime(time: LogTime | null, by: number): LogTime | null {
  if (time === null) return null;
  return {
    span: shiftSpan(time.span, by),
    dateSpan: time.dateSpan === null ? null : shiftSpan(time.dateSpan, by),
    local: time.local,
    biasMinutes: time.biasMinutes,
    utcMillis: time.utcMillis,
  };
}

function shiftRecord(r: LogRecord, by: number): LogRecord {
  return {
    span: shiftSpan(r.span, by),
    message: shiftSpan(r.message, by),
    severity: r.severity,
    severityExplicit: r.severityExplicit,
    time: shiftTime(r.time, by),
    component: shiftField(r.component, by),
    thread: shiftField(r.thread, by),
    sourceFile: shiftField(r.sourceFile, by),
    type: shiftField(r.type, by),
    processId: shiftField(r.processId, by),
    context: shiftField(r.context, by),
    header: r.header === null ? null : shiftSpan(r.header, by),
    truncated: r.truncated,
  };
}

function shiftDataItem(d: EventDataItem, by: number): EventDataItem {
  return { name: shiftField(d.name, by), value: { span: shiftSpan(d.value.span, by), value: d.value.value }, span: shiftSpan(d.span, by) };
}

function shiftEvent(e: WindowsEvent, by: number): WindowsEvent {
  return {
    span: shiftSpan(e.span, by),
    eventId: e.eventId,
    eventIdField: shiftField(e.eventIdField, by),
    provider: shiftField(e.provider, by),
    eventSourceName: shiftField(e.eventSourceName, by),
    level: shiftField(e.level, by),
    channel: shiftField(e.channel, by),
    computer: shiftField(e.computer, by),
    timeCreated: shiftField(e.timeCreated, by),
    utcMillis: e.utcMillis,
    recordId: shiftField(e.recordId, by),
    userSid: shiftField(e.userSid, by),
    data: e.data.map((d) => shiftDataItem(d, by)),
    renderedMessage: shiftField(e.renderedMessage, by),
  };
}

function shiftProblem(p: ParseProblem, by: number): ParseProblem {
  return { span: shiftSpan(p.span, by), message: p.message };
}

function shiftCode(c: CodeToken, by: number): CodeToken {
  return { span: shiftSpan(c.span, by), value: c.value, form: c.form };
}
