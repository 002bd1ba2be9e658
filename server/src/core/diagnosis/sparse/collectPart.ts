/**
 * One part of a file -> its evidence, without parsing every record. The diagnosis needs only the records
 * that hold a hardening code, a status message, a version or an address, and the recent past of a
 * failing record's thread; so one regular expression finds those places, and only the records around
 * them are decoded and parsed, by the same parsers and the same per-record code as a full reading. The
 * rest of the file is only counted: records, and the biases of their times, by `indexOf`.
 *
 * A part is `[ownStart, ownEnd)` of the scan text: the records that begin there are its own. The text
 * before `ownStart` may hold earlier records, read only as a thread's past.
 *
 * Formats without a cheap record framing (AdminUI, plain text) are read whole, part by part.
 */
import { analyzeDocument, type AnalyzedDocument } from '../../document';
import type { LogFinding } from '../../analysis/findings';
import type { Locale } from '../../i18n/locale';
import type { DocumentFormat, LogRecord } from '../../model';
import { detach } from '../detach';
import type { CollectedFinding, FileEvidence } from '../evidence';
import {
  collectDocumentEvidence,
  collectEventFinding,
  collectRecordFindings,
  type FileIdentity,
  type Placement,
} from '../fileEvidence';
import { LogSummaries, byCountThenName, type LogSummaryFields } from '../logSummaries';
import { forEachRecordBias, recordWindow } from './framing';
import { LogProbe } from './logProbe';
import { lastThreadHost } from './threadHosts';
import { ColumnCursor, LineMap, countLineBreaks, type ScanText } from './scanText';

/** What one part of a file yields; `mergeParts` makes a file's evidence of its parts, in order. */
export interface EvidencePart extends LogSummaryFields {
  readonly format: DocumentFormat;
  readonly records: number;
  readonly problems: number;
  /** Line breaks in the part. */
  readonly lineBreaks: number;
  /** Characters of the part after its last line break (all of it if it has none). */
  readonly lastLineLength: number;
  readonly eventComputers: readonly (readonly [string, number])[];
  /** Lines are 1-based within the part; a column on its first line counts from the part's start. */
  readonly findings: readonly CollectedFinding[];
  /** Places with a code past MAX_FINDINGS_PER_FILE findings in this part: counted, not read. */
  readonly findingsNotRead: number;
}

export interface PartRange {
  readonly ownStart: number;
  readonly ownEnd: number;
  /** False for the last part of a file: its last line's length is then not needed. */
  readonly more: boolean;
}

/**
 * Places read for the summaries besides the codes, at most this many of each kind per part: a log that
 * names an address on every line gets its first pairs, as a full reading would keep only its first 64.
 */
const MAX_SUMMARY_WINDOWS = 256;
/**
 * Findings a file keeps: a log that fails on every line (half a million failures in a 100 MB log
 * written on one line) would otherwise hold gigabytes. Past it, places with a code are counted.
 */
export const MAX_FINDINGS_PER_FILE = 50_000;

export function collectPart(src: ScanText, range: PartRange, format: DocumentFormat, file: FileIdentity, locale: Locale): EvidencePart {
  switch (format) {
    case 'ccm':
    case 'simple':
      return collectLogPart(src, range, format, file, locale);
    case 'eventXml':
      // Exports that write the elements with a namespace prefix (`<e:Event>`) are rare: read them whole.
      return hasPrefixedEvents(src, range) ? collectWholePart(src, range, format, file, locale) : collectEventPart(src, range, file, locale);
    default:
      return collectWholePart(src, range, format, file, locale);
  }
}

// ---------------------------------------------------------------- CCM and simple logs


function collectLogPart(src: ScanText, range: PartRange, format: 'ccm' | 'simple', file: FileIdentity, locale: Locale): EvidencePart {
  const s = src.scan;
  const { ownStart, ownEnd } = range;
  const summaries = new LogSummaries();
  let records = 0;
  forEachRecordBias(s, ownStart, ownEnd, format, (bias) => {
    records++;
    summaries.addBias(bias);
  });

  const lines = new LineMap(s, ownStart, ownEnd);
  const columns = new ColumnCursor(src, lines);
  const lineStartOf = (offset: number): number => lines.lineStartOf(offset);
  const findings: CollectedFinding[] = [];
  let problems = 0;
  const windowsRead = { status: 0, dotted: 0 };
  const probe = new LogProbe(s, ownStart, ownEnd, src.bytes);
  let notRead = 0;
  for (let hit = probe.next(); hit; hit = probe.next()) {
    if (hit.kind === 'codes' && findings.length >= MAX_FINDINGS_PER_FILE) {
      notRead++;
      continue;
    }
    if (hit.kind !== 'codes') {
      const full = hit.kind === 'status' ? summaries.systemsFull : summaries.addressesFull && summaries.versionsFull;
      if (full || windowsRead[hit.kind] >= MAX_SUMMARY_WINDOWS) continue;
      windowsRead[hit.kind]++;
    }
    const window = recordWindow(s, hit.at, format, ownStart, lineStartOf);
    const end = Math.min(window.end, ownEnd);
    const doc = analyzeDocument(src.decode(window.start, end), file.path, format);
    problems += doc.model.kind === 'log' ? doc.model.problems.length : 0;
    const at: Placement = { lineBase: lines.lineOf(window.start), firstLineColumn: columns.at(window.start) };
    findings.push(...readWindow(src, doc, window.start, format, file, locale, summaries, at));
    // Every record of the window has been read: go on after it.
    probe.skipTo(Math.max(end, hit.at + 1));
  }

  return {
    format,
    records,
    problems,
    lineBreaks: lines.lineBreaks,
    lastLineLength: range.more ? columns.at(ownEnd) : 0,
    eventComputers: [],
    ...summaries.finish(),
    findings,
    findingsNotRead: notRead,
  };
}

/** Reads the records of one window as a full reading reads them; returns their findings. */
function readWindow(
  src: ScanText,
  doc: AnalyzedDocument,
  windowStart: number,
  format: 'ccm' | 'simple',
  file: FileIdentity,
  locale: Locale,
  summaries: LogSummaries,
  at: Placement,
): CollectedFinding[] {
  if (doc.model.kind !== 'log') return [];
  const byRecord = new Map<LogRecord, LogFinding[]>();
  for (const f of doc.findings) {
    if (f.kind !== 'log') continue;
    const list = byRecord.get(f.record);
    if (list) list.push(f);
    else byRecord.set(f.record, [f]);
  }
  const found: CollectedFinding[] = [];
  for (const record of doc.model.records) {
    const message = doc.text.slice(record.message.start, record.message.end);
    const hosts = summaries.addMessage(message);
    const recordFindings = byRecord.get(record);
    if (!recordFindings) continue;
    // Where this record starts in the scan text: the window is decoded from `windowStart`.
    const thread = record.thread?.value.trim() ?? '';
    const pastEnd = windowStart + encodedLength(doc.text, record.span.start, src.bytes);
    const threadHost = (): string | null => lastThreadHost(src, pastEnd, thread, format);
    found.push(...collectRecordFindings(file, doc, recordFindings, message, hosts, threadHost, locale, at));
  }
  return found;
}

/** Length in the scan text of `text[0, end)`: bytes when the scan is bytes. */
function encodedLength(text: string, end: number, bytes: boolean): number {
  if (!bytes) return end;
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// ---------------------------------------------------------------- event exports

const EVENT_PROBE = /1003[678]\s*<\/EventID>/g;
const PREFIXED_EVENT = /<[A-Za-z_][\w.-]*:Event[\s>]/;

function hasPrefixedEvents(src: ScanText, range: PartRange): boolean {
  return PREFIXED_EVENT.test(src.scan.slice(range.ownStart, Math.min(range.ownEnd, range.ownStart + 65536)));
}
const COMPUTER_OPEN = '<Computer>';
const COMPUTER_CLOSE = '</Computer>';

function collectEventPart(src: ScanText, range: PartRange, file: FileIdentity, locale: Locale): EvidencePart {
  const s = src.scan;
  const { ownStart, ownEnd } = range;
  let records = 0;
  for (let i = s.indexOf('</Event>', ownStart); i >= 0 && i < ownEnd; i = s.indexOf('</Event>', i + 8)) records++;

  const computers = new Map<string, number>();
  for (let i = s.indexOf(COMPUTER_OPEN, ownStart); i >= 0 && i < ownEnd; ) {
    const close = s.indexOf(COMPUTER_CLOSE, i);
    if (close < 0 || close > ownEnd || close - i > 512) {
      i = s.indexOf(COMPUTER_OPEN, i + 1);
      continue;
    }
    const raw = s.slice(i + COMPUTER_OPEN.length, close);
    // "XML View" copies put a `- ` collapse marker before a closing tag on its own line: not part of the name.
    const value = /[^\x20-\x7e]|&/.test(raw) ? computerText(src, i, close) : raw;
    const name = value.replace(/([\r\n][ \t]*)- ?$/, '$1').trim();
    if (name) computers.set(name, (computers.get(name) ?? 0) + 1);
    i = s.indexOf(COMPUTER_OPEN, close);
  }

  const lines = new LineMap(s, ownStart, ownEnd);
  const columns = new ColumnCursor(src, lines);
  const lineStartOf = (offset: number): number => lines.lineStartOf(offset);
  const findings: CollectedFinding[] = [];
  let problems = 0;
  EVENT_PROBE.lastIndex = ownStart;
  let notRead = 0;
  for (let m = EVENT_PROBE.exec(s); m && m.index < ownEnd; m = EVENT_PROBE.exec(s)) {
    if (findings.length >= MAX_FINDINGS_PER_FILE) {
      notRead++;
      continue;
    }
    const window = recordWindow(s, m.index, 'eventXml', ownStart, lineStartOf);
    const end = Math.min(window.end, ownEnd);
    const doc = analyzeDocument(src.decode(window.start, end), file.path, 'eventXml');
    problems += doc.model.problems.length;
    const at: Placement = { lineBase: lines.lineOf(window.start), firstLineColumn: columns.at(window.start) };
    for (const f of doc.findings) if (f.kind === 'event') findings.push(collectEventFinding(file, doc, f, locale, at));
    EVENT_PROBE.lastIndex = Math.max(end, m.index + 1);
  }
  EVENT_PROBE.lastIndex = 0;

  return {
    format: 'eventXml',
    records,
    problems,
    lineBreaks: lines.lineBreaks,
    lastLineLength: range.more ? columns.at(ownEnd) : 0,
    eventComputers: [...computers.entries()].sort(byCountThenName).map(([name, count]) => [detach(name), count] as const),
    biases: [],
    statusMessageSystems: [],
    addressesOfHosts: [],
    ownAddresses: [],
    versions: [],
    findings,
    findingsNotRead: notRead,
  };
}

/** A `<Computer>` value with non-ASCII text or entities: decoded and read by the XML rules. */
function computerText(src: ScanText, open: number, close: number): string {
  const text = src.decode(open + COMPUTER_OPEN.length, close);
  return text.replace(/&(?:lt|gt|amp|apos|quot|#\d+|#x[0-9a-fA-F]+);/g, (entity) => {
    switch (entity) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default: {
        const code = entity[2] === 'x' ? parseInt(entity.slice(3, -1), 16) : Number(entity.slice(2, -1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
    }
  });
}

// ---------------------------------------------------------------- formats read whole

function collectWholePart(src: ScanText, range: PartRange, format: DocumentFormat, file: FileIdentity, locale: Locale): EvidencePart {
  const text = src.decode(range.ownStart, range.ownEnd);
  const evidence: FileEvidence = collectDocumentEvidence(file, text, locale, format);
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return {
    format,
    records: evidence.records,
    problems: evidence.problems,
    lineBreaks: countLineBreaks(text, 0, text.length),
    lastLineLength: text.length - (lastBreak + 1),
    eventComputers: evidence.eventComputers,
    biases: evidence.biases,
    statusMessageSystems: evidence.statusMessageSystems,
    addressesOfHosts: evidence.addressesOfHosts,
    ownAddresses: evidence.ownAddresses,
    versions: evidence.versions,
    findings: evidence.findings.slice(0, MAX_FINDINGS_PER_FILE),
    findingsNotRead: Math.max(0, evidence.findings.length - MAX_FINDINGS_PER_FILE),
  };
}
