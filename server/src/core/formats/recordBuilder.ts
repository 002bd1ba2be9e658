/**
 * Small helpers the log parsers share to build records without repeating the field plumbing.
 */
import type { Field, LogRecord, LogTime, RecordSeverity, Span } from '../model';
import { formatLocal, parseClockTime, parseUsDate, toUtcMillis } from './time';

export function field(text: string, start: number, end: number): Field {
  return { span: { start, end }, value: text.slice(start, end) };
}

/** A record with every optional field empty; parsers fill what their format carries. */
export function emptyRecord(span: Span, message: Span, severity: RecordSeverity): LogRecord {
  return {
    span,
    message,
    severity,
    severityExplicit: false,
    time: null,
    component: null,
    thread: null,
    sourceFile: null,
    type: null,
    processId: null,
    context: null,
    header: null,
    truncated: false,
  };
}

/**
 * Builds a LogTime from the time and date texts. `timeSpan` covers the time (and bias); `dateSpan`
 * the date when the format writes it apart, or null when the span already covers both.
 */
export function buildLogTime(
  timeText: string,
  dateText: string,
  timeSpan: Span,
  dateSpan: Span | null,
  biasOverride?: number | null,
): LogTime | null {
  const clock = parseClockTime(timeText);
  const date = parseUsDate(dateText);
  if (!clock || !date) return null;
  const bias = biasOverride !== undefined ? biasOverride : clock.biasMinutes;
  return {
    span: timeSpan,
    dateSpan,
    local: formatLocal(date, clock),
    biasMinutes: bias,
    utcMillis: toUtcMillis(date, clock, bias),
  };
}

// CMTrace's rule for text without an explicit type ("error" red, "warn" yellow), extended with the
// words and codes that ConfigMgr's untyped site-server and console logs use for failures.
const ERROR_WORDS = /\b(?:error|errors|failed|failure|fails|cannot|can't|unable|exception|denied)\b|0x[89a-f][0-9a-f]{7}\b|\*\*\*/i;
const NOT_AN_ERROR = /\b(?:no errors?|error(?:s)? ?[:=] ?0\b|0 errors?|without errors?|success(?:fully)?)\b/i;
const WARNING_WORDS = /\bwarn(?:ing)?s?\b|\bretry(?:ing)?\b|\bretries\b/i;

/** Severity of a record whose format does not write one. */
export function inferSeverity(message: string): RecordSeverity {
  if (ERROR_WORDS.test(message) && !NOT_AN_ERROR.test(message)) return 'error';
  if (WARNING_WORDS.test(message)) return 'warning';
  return 'info';
}

/** Iterates the lines of `text[from, to)` as [start, end) spans without their terminators. */
export function forEachLine(text: string, from: number, to: number, visit: (start: number, end: number) => void): void {
  let start = from;
  while (start < to) {
    let end = start;
    while (end < to) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    visit(start, end);
    if (end >= to) break;
    start = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
}
