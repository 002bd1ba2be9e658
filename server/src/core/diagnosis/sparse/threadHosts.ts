/**
 * The host a failing record's thread last named, within the THREAD_HOST_LOOKBACK records before it, as a
 * full reading carries it record by record (PkgXferMgr names the distribution point once per job).
 *
 * The records before are walked back by their markers and only their thread is read, so a record of
 * another thread costs a few `indexOf`; a record of the same thread has its message decoded and its
 * hosts found (remembered, since the failures of a busy thread look back over the same records). A
 * walk stops where the thread's previous walk began and reuses its answer. A record the light reading
 * cannot read as the parser would (a CCM trailer out of the usual layout) sends the walk to the parser.
 */
import { parseDocument } from '../../formats';
import type { LogRecord } from '../../model';
import { detach } from '../detach';
import { THREAD_HOST_LOOKBACK } from '../fileEvidence';
import { findHostMentions } from '../hostNames';
import { MAX_FALSE_MARKERS, afterLine, recordsBefore, simpleTrailerThread } from './framing';
import type { ScanText } from './scanText';

const CCM_OPEN = '<![LOG[';
const CCM_CLOSE = ']LOG]!>';

/** One record before, as the walk reads it; `thread` null when only the parser can read it. */
interface PastRecord {
  readonly start: number;
  readonly thread: string | null;
  readonly messageStart: number;
  readonly messageEnd: number;
}

interface ThreadWalk {
  /** The record the walk started from. */
  readonly from: number;
  /** How many records back the host was named, or -1 for none within reach. */
  readonly distance: number;
  readonly host: string | null;
}

const threadWalks = new WeakMap<ScanText, Map<string, ThreadWalk>>();
const lastHosts = new WeakMap<ScanText, Map<number, string | null>>();
const MAX_REMEMBERED = 4096;

export function lastThreadHost(src: ScanText, recordStart: number, thread: string, format: 'ccm' | 'simple'): string | null {
  let walks = threadWalks.get(src);
  if (!walks) threadWalks.set(src, (walks = new Map()));
  const previous = walks.get(thread);
  const remember = (distance: number, host: string | null): string | null => {
    if (walks.size >= MAX_REMEMBERED) walks.clear();
    walks.set(thread, { from: recordStart, distance, host });
    return host;
  };
  const before = format === 'ccm' ? ccmRecordBefore : simpleRecordBefore;
  let next = recordStart;
  for (let n = 0; n < THREAD_HOST_LOOKBACK && next > 0; n++) {
    if (previous && next === previous.from && previous.from < recordStart) {
      // Nothing on this thread named a host since the last walk: its answer holds while in reach.
      const distance = previous.host === null ? -1 : previous.distance + n;
      return distance >= 0 && distance <= THREAD_HOST_LOOKBACK ? remember(distance, previous.host) : remember(-1, null);
    }
    const record = before(src, next);
    if (!record) return remember(-1, null);
    if (record.thread === null) {
      walks.delete(thread);
      return parsedThreadHost(src, recordStart, thread, format);
    }
    if (record.thread === thread) {
      const host = lastHostOf(src, record.messageStart, record.messageEnd);
      if (host !== null) return remember(n + 1, host);
    }
    next = record.start;
  }
  return remember(-1, null);
}

/** `]LOG]!><time="…" date="…" component="…" context="…" type="…" ` right up to `thread="`. */
const USUAL_TRAILER = /\]LOG\]!><time="[^"]*" date="[^"]*" component="[^"]*" context="[^"]*" type="[^"]*" /y;

function ccmRecordBefore(src: ScanText, next: number): PastRecord | null {
  const s = src.scan;
  // The first record of a rolled-over log has lost its marker: it starts with the text.
  const open = s.lastIndexOf(CCM_OPEN, next - 1);
  const messageStart = open < 0 ? 0 : open + CCM_OPEN.length;
  const close = s.indexOf(CCM_CLOSE, messageStart);
  if (close < 0 || close >= next) return open < 0 ? null : { start: open, thread: '', messageStart, messageEnd: messageStart };
  const attribute = s.indexOf('thread="', close);
  const quote = attribute >= 0 && attribute < next ? s.indexOf('"', attribute + 8) : -1;
  let thread = '';
  if (quote >= 0 && quote < next) {
    USUAL_TRAILER.lastIndex = close;
    if (!USUAL_TRAILER.test(s) || USUAL_TRAILER.lastIndex !== attribute) return { start: Math.max(open, 0), thread: null, messageStart, messageEnd: close };
    const raw = s.slice(attribute + 8, quote);
    thread = (src.bytes && /[^\x00-\x7f]/.test(raw) ? src.decode(attribute + 8, quote) : raw).trim();
  }
  return { start: Math.max(open, 0), thread, messageStart, messageEnd: close };
}

/** Trailer lines already read, by the offset of their `$$<`: each is read once per walk and its neighbours. */
const trailerThreads = new WeakMap<ScanText, Map<number, string | null>>();

function trailerThreadAt(src: ScanText, marker: number): string | null {
  let known = trailerThreads.get(src);
  if (!known) trailerThreads.set(src, (known = new Map()));
  let thread = known.get(marker);
  if (thread === undefined) {
    thread = simpleTrailerThread(src.scan, marker);
    if (known.size >= MAX_REMEMBERED) known.clear();
    known.set(marker, thread);
  }
  return thread;
}

/** The last whole trailer line before `before` (a `$$<` in a message does not end a record), or -1. */
function trailerMarkerBefore(src: ScanText, before: number): number {
  let marker = src.scan.lastIndexOf('$$<', before - 1);
  for (let n = 0; marker >= 0 && n < MAX_FALSE_MARKERS && trailerThreadAt(src, marker) === null; n++) {
    marker = marker > 0 ? src.scan.lastIndexOf('$$<', marker - 1) : -1;
  }
  return marker;
}

function simpleRecordBefore(src: ScanText, next: number): PastRecord | null {
  const s = src.scan;
  const marker = trailerMarkerBefore(src, next);
  if (marker < 0) return null;
  const thread = trailerThreadAt(src, marker);
  const lineStart = Math.max(s.lastIndexOf('\n', marker), s.lastIndexOf('\r', marker)) + 1;
  const previous = lineStart > 0 ? trailerMarkerBefore(src, lineStart) : -1;
  const start = previous < 0 ? 0 : afterLine(s, previous);
  return { start, thread, messageStart: start, messageEnd: marker };
}

function lastHostOf(src: ScanText, messageStart: number, messageEnd: number): string | null {
  let known = lastHosts.get(src);
  if (!known) lastHosts.set(src, (known = new Map()));
  const remembered = known.get(messageStart);
  if (remembered !== undefined) return remembered;
  const hosts = findHostMentions(src.decode(messageStart, messageEnd));
  const last = hosts[hosts.length - 1];
  const host = last === undefined ? null : detach(last.name);
  if (known.size >= MAX_REMEMBERED) known.clear();
  known.set(messageStart, host);
  return host;
}

/** The same answer from the parser, for records the walk cannot read. */
function parsedThreadHost(src: ScanText, recordStart: number, thread: string, format: 'ccm' | 'simple'): string | null {
  const start = recordsBefore(src.scan, recordStart, THREAD_HOST_LOOKBACK, format, 0);
  if (start >= recordStart) return null;
  const text = src.decode(start, recordStart);
  const past = parseDocument(text, format);
  if (past.kind !== 'log') return null;
  const records = past.records.slice(-THREAD_HOST_LOOKBACK);
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i] as LogRecord;
    if ((record.thread?.value.trim() ?? '') !== thread) continue;
    const hosts = findHostMentions(text.slice(record.message.start, record.message.end));
    const last = hosts[hosts.length - 1];
    if (last !== undefined) return detach(last.name);
  }
  return null;
}
