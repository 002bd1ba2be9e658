/**
 * Where records begin and end in the formats that are read sparsely, found with `indexOf` on the scan
 * text alone: the record around an offset (to parse just it), the records before one (a thread's
 * recent past), and the places a file may be cut into parts that are read apart.
 */
import type { DocumentFormat } from '../../model';
import { TRAILER } from '../../formats/simple';
import { parseClockTime } from '../../formats/time';


const CCM_OPEN = '<![LOG[';
const CCM_CLOSE = ']LOG]!>';
const SIMPLE_MARKER = '$$<';
const EVENT_END = '</Event>';

export interface Window {
  readonly start: number;
  readonly end: number;
}

/**
 * The first place at or after `from` where a part of a file may begin: a record start at a line start
 * (an event start for event XML), or -1 when there is none. Formats not listed are never cut.
 */
export function nextSplit(s: string, from: number, format: DocumentFormat | 'reg'): number {
  switch (format) {
    case 'ccm':
      for (let i = s.indexOf(CCM_OPEN, from); i >= 0; i = s.indexOf(CCM_OPEN, i + 1)) {
        if (i === 0 || isBreak(s.charCodeAt(i - 1))) return i;
      }
      return -1;
    case 'simple': {
      const marker = trailerAtOrAfter(s, from);
      return marker < 0 ? -1 : afterLine(s, marker);
    }
    case 'eventXml': {
      const end = s.indexOf(EVENT_END, from);
      return end < 0 ? -1 : end + EVENT_END.length;
    }
    case 'adminui':
      for (let i = s.indexOf('\n[', from - 1); i >= 0; i = s.indexOf('\n[', i + 1)) {
        const digit = s.charCodeAt(i + 2);
        if (digit >= 48 && digit <= 57) return i + 1;
      }
      return -1;
    case 'plain': {
      const i = s.indexOf('\n', from);
      return i < 0 ? -1 : i + 1;
    }
    default:
      return -1;
  }
}

/**
 * The whole record (CCM, simple) or event around `offset`, within `[floor, s.length)`. `lineStartOf`
 * is the part's line map: a window of a record that starts a line starts there, so that the parsers
 * see what a full reading sees before the record on its line.
 */
export function recordWindow(
  s: string,
  offset: number,
  format: 'ccm' | 'simple' | 'eventXml',
  floor: number,
  lineStartOf: (offset: number) => number,
): Window {
  switch (format) {
    case 'ccm': {
      const open = s.lastIndexOf(CCM_OPEN, offset);
      const start = open < floor ? floor : open;
      const lineStart = lineStartOf(start);
      const next = s.indexOf(CCM_OPEN, offset + 1);
      return { start: start - lineStart <= 64 && isBlank(s, lineStart, start) ? lineStart : start, end: next < 0 ? s.length : next };
    }
    case 'simple': {
      const lineStart = lineStartOf(offset);
      // The record is the lines after the previous trailer line, up to its own trailer line.
      const previous = lineStart > floor ? trailerBefore(s, lineStart, floor) : -1;
      const start = previous < floor ? floor : afterLine(s, previous);
      const own = trailerAtOrAfter(s, lineStart);
      return { start: Math.min(start, lineStart), end: own < 0 ? s.length : afterLine(s, own) };
    }
    case 'eventXml': {
      // From the start of the event's line when only a collapse marker or spaces come before it there
      // (they are part of its excerpt); markup before it (`<Events>`, an earlier event) stays out.
      const event = eventStartBefore(s, offset, floor);
      const lineStart = lineStartOf(event);
      const start = event - lineStart <= 64 && !s.slice(lineStart, event).includes('<') ? lineStart : event;
      const end = s.indexOf(EVENT_END, offset);
      return { start, end: end < 0 ? s.length : end + EVENT_END.length };
    }
  }
}

/** Start of a window holding the `count` records before `recordStart` (CCM, simple); its first may be cut. */
export function recordsBefore(s: string, recordStart: number, count: number, format: 'ccm' | 'simple', floor: number): number {
  const marker = format === 'ccm' ? CCM_OPEN : SIMPLE_MARKER;
  let at = recordStart;
  // One marker more than asked: for the simple format the first line found ends an earlier record.
  for (let n = 0; n <= count && at > floor; n++) {
    const found = s.lastIndexOf(marker, at - 1);
    if (found < floor) return floor;
    at = found;
  }
  return at;
}

function isBlank(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xfeff && !(c === 0xef || c === 0xbb || c === 0xbf)) return false;
  }
  return true;
}

/** Records of a CCM or simple log in `s[from, to)`, each with the bias its time states (or null). */
export function forEachRecordBias(s: string, from: number, to: number, format: 'ccm' | 'simple', visit: (bias: number | null) => void): void {
  if (format === 'ccm') {
    for (let close = s.indexOf(CCM_CLOSE, from); close >= 0 && close < to; close = s.indexOf(CCM_CLOSE, close + CCM_CLOSE.length)) {
      const time = close + CCM_CLOSE.length + '<time="'.length;
      const quote = s.startsWith('<time="', close + CCM_CLOSE.length) ? s.indexOf('"', time) : -1;
      visit(quote > time && quote - time < 40 ? clockBias(s, time, quote) : null);
    }
    return;
  }
  for (let marker = s.indexOf(SIMPLE_MARKER, from); marker >= 0 && marker < to; marker = s.indexOf(SIMPLE_MARKER, marker + 3)) {
    // $$<component><MM-dd-yyyy HH:mm:ss.fff+bias><thread=…>
    const timeStart = s.indexOf('><', marker + 3);
    const timeEnd = timeStart < 0 ? -1 : s.indexOf('>', timeStart + 2);
    const lineEnd = s.indexOf('\n', marker);
    const ok = timeEnd > 0 && timeEnd - timeStart < 48 && (lineEnd < 0 || timeEnd < lineEnd);
    const clock = ok ? s.indexOf(' ', timeStart + 2) : -1;
    visit(clock > 0 && clock < timeEnd ? clockBias(s, clock + 1, timeEnd) : null);
  }
}

/**
 * The bias a clock text states: `10:14:37.123+480` → 480, `06:26:25.828-60` → -60, none → null. The
 * common shape is read in place; any other (`+01:00`, `+-420`) goes to the parsers' own clock reader.
 */
function clockBias(s: string, start: number, end: number): number | null {
  let i = end;
  let n = 0;
  let scale = 1;
  while (i > start && end - i < 5) {
    const d = s.charCodeAt(i - 1) - 48;
    if (d < 0 || d > 9) break;
    n += d * scale;
    scale *= 10;
    i--;
  }
  const sign = s.charCodeAt(i - 1);
  const digits = end - i;
  if ((sign === 43 || sign === 45) && digits >= 1 && digits <= 4 && isDigit(s.charCodeAt(i - 2))) {
    const bias = sign === 45 ? -n : n;
    return Math.abs(bias) > 14 * 60 ? null : bias;
  }
  let signed = false;
  for (let k = start; k < end && !signed; k++) {
    const c = s.charCodeAt(k);
    signed = c === 43 || c === 45 || c === 90 /* Z */;
  }
  return signed ? (parseClockTime(s.slice(start, end))?.biasMinutes ?? null) : null;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The `<Event` (not `<EventID`, `<EventData`, `<Events`) that starts at or before `offset`. */
function eventStartBefore(s: string, offset: number, floor: number): number {
  for (let i = s.lastIndexOf('<Event', offset); i >= floor; i = s.lastIndexOf('<Event', i - 1)) {
    const c = s.charCodeAt(i + 6);
    if (c === 62 /* > */ || c === 32 || c === 9 || c === 10 || c === 13) return i;
    if (i === 0) break;
  }
  return floor;
}

/**
 * A `$$<` that ends its line with a whole trailer (a `$$<` in a message does not end a record). A run of
 * `$$<` without trailers is looked through for at most MAX_FALSE_MARKERS of them, so that hostile text
 * costs a bounded walk per probe hit; past that, the walk takes the last one as the boundary.
 */
export const MAX_FALSE_MARKERS = 64;

/**
 * The thread field of the simple-format trailer at `marker` as the parser takes it (`9112 (0x2398)`),
 * or null when the line is not a whole trailer.
 */
export function simpleTrailerThread(s: string, marker: number): string | null {
  const t = s.slice(marker, marker + 1025);
  const lf = t.indexOf('\n');
  const cr = t.indexOf('\r');
  const end = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf < 0 ? (marker + t.length === s.length ? t.length : -1) : lf;
  const m = end >= 0 ? TRAILER.exec(t.slice(0, end)) : null;
  if (!m) return null;
  // The parser's arithmetic: `<thread=` after component and time, then the number and ` (0x…)`.
  const start = 3 + (m[1] ?? '').length + 2 + (m[2] ?? '').length + 1 + (m[3] ?? '').length + '><thread='.length;
  const length = (m[4] ?? '').length + (m[5] ? 2 + m[5].length + 1 : 0);
  return t.slice(start, start + length).trim();
}

function isTrailer(s: string, marker: number): boolean {
  const t = s.slice(marker, marker + 1025);
  const lf = t.indexOf('\n');
  const cr = t.indexOf('\r');
  const end = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf < 0 ? (marker + t.length === s.length ? t.length : -1) : lf;
  return end >= 0 && TRAILER.test(t.slice(0, end));
}

function trailerAtOrAfter(s: string, from: number): number {
  let marker = s.indexOf(SIMPLE_MARKER, from);
  for (let n = 0; marker >= 0 && n < MAX_FALSE_MARKERS && !isTrailer(s, marker); n++) marker = s.indexOf(SIMPLE_MARKER, marker + 3);
  return marker;
}

function trailerBefore(s: string, before: number, floor: number): number {
  let marker = s.lastIndexOf(SIMPLE_MARKER, before - 1);
  for (let n = 0; marker >= floor && n < MAX_FALSE_MARKERS && !isTrailer(s, marker); n++) {
    marker = marker > 0 ? s.lastIndexOf(SIMPLE_MARKER, marker - 1) : -1;
  }
  return marker;
}

/** Just after the line that holds `offset`; the end of the text when that line does not end. */
export function afterLine(s: string, offset: number): number {
  // Trailer lines are short: look in a bounded slice first, so a huge last line costs one search.
  for (const span of [1024, s.length - offset]) {
    const t = s.slice(offset, offset + span);
    const lf = t.indexOf('\n');
    const cr = t.indexOf('\r');
    if (lf < 0 && cr < 0) continue;
    const at = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
    return offset + (t.charCodeAt(at) === 13 && t.charCodeAt(at + 1) === 10 ? at + 2 : at + 1);
  }
  return s.length;
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}
