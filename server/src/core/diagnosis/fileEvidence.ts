/**
 * One file's text -> what the diagnosis keeps of it (`FileEvidence`): its findings with their messages,
 * times and machine hints, and a small summary. The text is read once and dropped by the caller.
 */
import { findOleHardeningSettings } from '../analysis/oleRegistry';
import type { EventFinding, LogFinding } from '../analysis/findings';
import { analyzeDocument, type AnalyzedDocument } from '../document';
import { parseRegExport } from '../formats/reg';
import { clientActivationMessage, logFindingMessage, serverRejectionMessage } from '../i18n/diagnosticMessages';
import type { Locale } from '../i18n/locale';
import { lookUpLogFile } from '../knowledge/logFiles';
import type { DocumentFormat, LogDocumentModel, LogRecord, Span } from '../model';
import { LineIndex } from '../text/lineIndex';
import { detach } from './detach';
import type { CollectedFinding, CollectedSetting, EventHints, FileEvidence, WrittenTime } from './evidence';
import { candidateHostWords, directoryOf, folderSegments, normaliseAddress } from './hostNames';
import { LogSummaries, byCountThenName } from './logSummaries';

const EXCERPT_LENGTH = 300;
/**
 * A failing record that names no host borrows the host its thread last named (PkgXferMgr names the
 * distribution point once per job), if that was at most this many records before it.
 */
export const THREAD_HOST_LOOKBACK = 32;

/**
 * Where an analysed text sits in its file: the whole file, or a window of it that starts at
 * `lineBase` (0-based) and `firstLineColumn` characters into that line.
 */
export interface Placement {
  readonly lineBase: number;
  readonly firstLineColumn: number;
}

export const WHOLE_FILE: Placement = { lineBase: 0, firstLineColumn: 0 };

export interface FileIdentity {
  readonly index: number;
  readonly path: string;
}

export function baseEvidence(file: FileIdentity): Omit<FileEvidence, 'format' | 'records' | 'problems' | 'findings'> {
  return {
    index: file.index,
    path: file.path,
    error: null,
    folders: folderSegments(file.path),
    directory: directoryOf(file.path),
    logRole: lookUpLogFile(file.path)?.role ?? null,
    eventComputers: [],
    statusMessageSystems: [],
    biases: [],
    addressesOfHosts: [],
    ownAddresses: [],
    versions: [],
    settings: [],
  };
}

export function unreadableEvidence(file: FileIdentity, error: string): FileEvidence {
  return { ...baseEvidence(file), format: 'unreadable', records: 0, problems: 1, error, findings: [] };
}

export function collectRegistryEvidence(file: FileIdentity, text: string): FileEvidence {
  const model = parseRegExport(text);
  const lines = new LineIndex(text);
  const settings: CollectedSetting[] = findOleHardeningSettings(model).map((setting) => ({
    name: setting.name,
    value: setting.value,
    verdict: setting.verdict,
    meaning: setting.meaning,
    key: detach(setting.key.value),
    line: lines.positionAt(setting.span.start).line + 1,
  }));
  return {
    ...baseEvidence(file),
    format: 'reg',
    records: model.keys.length,
    problems: model.problems.length,
    findings: [],
    settings,
  };
}

export function collectDocumentEvidence(file: FileIdentity, text: string, locale: Locale, format?: DocumentFormat): FileEvidence {
  const doc = analyzeDocument(text, file.path, format);
  const base = baseEvidence(file);
  if (doc.model.kind === 'events') {
    const computers = new Map<string, number>();
    for (const event of doc.model.events) {
      const name = event.computer?.value.trim();
      if (name) computers.set(name, (computers.get(name) ?? 0) + 1);
    }
    const eventComputers = [...computers.entries()].sort(byCountThenName).map(([name, count]) => [detach(name), count] as const);
    const findings = doc.findings.flatMap((f) => (f.kind === 'event' ? [collectEventFinding(file, doc, f, locale)] : []));
    return {
      ...base,
      format: doc.model.format,
      records: doc.model.events.length,
      problems: doc.model.problems.length,
      eventComputers,
      findings,
    };
  }
  return collectLogEvidence(file, doc, doc.model, base, locale);
}

function collectLogEvidence(
  file: FileIdentity,
  doc: AnalyzedDocument,
  model: LogDocumentModel,
  base: ReturnType<typeof baseEvidence>,
  locale: Locale,
): FileEvidence {
  const byRecord = new Map<LogRecord, LogFinding[]>();
  for (const f of doc.findings) {
    if (f.kind !== 'log') continue;
    const list = byRecord.get(f.record);
    if (list) list.push(f);
    else byRecord.set(f.record, [f]);
  }

  const summaries = new LogSummaries();
  const threadHosts = new Map<string, { readonly host: string; readonly record: number }>();
  const findings: CollectedFinding[] = [];
  const records = model.records;

  for (let index = 0; index < records.length; index++) {
    const record = records[index] as LogRecord;
    summaries.addBias(record.time?.biasMinutes ?? null);
    const message = doc.text.slice(record.message.start, record.message.end);
    const hosts = summaries.addMessage(message);
    const thread = detach(record.thread?.value.trim() ?? '');
    const recordFindings = byRecord.get(record);
    if (recordFindings) {
      const carried = threadHosts.get(thread);
      const threadHost = (): string | null => (carried && index - carried.record <= THREAD_HOST_LOOKBACK ? carried.host : null);
      findings.push(...collectRecordFindings(file, doc, recordFindings, message, hosts, threadHost, locale, WHOLE_FILE));
    }
    const last = hosts[hosts.length - 1];
    if (last !== undefined) threadHosts.set(thread, { host: detach(last), record: index });
  }

  return {
    ...base,
    format: model.format,
    records: model.records.length,
    problems: model.problems.length,
    ...summaries.finish(),
    findings,
  };
}

/** The findings of one failing record, with the hints that place them on a machine. */
export function collectRecordFindings(
  file: FileIdentity,
  doc: AnalyzedDocument,
  recordFindings: readonly LogFinding[],
  message: string,
  hosts: readonly string[],
  /** Asked only for a failure that may have another machine (not one on a local resource). */
  threadHost: () => string | null,
  locale: Locale,
  at: Placement,
): CollectedFinding[] {
  const words = candidateHostWords(message).map(detach);
  const namedHosts = dedupe(hosts).map(detach);
  // A failure on a local file or key names its other machine outright or not at all (see machines.ts):
  // its thread's host is not looked up.
  let host: string | null | undefined;
  const hostFor = (f: LogFinding): string | null => (f.context === 'localResource' ? null : (host ??= threadHost()));
  return recordFindings.map((f) => collectLogFinding(file, doc, f, locale, { context: f.context, namedHosts, threadHost: hostFor(f), words }, at));
}

function collectLogFinding(
  file: FileIdentity,
  doc: AnalyzedDocument,
  f: LogFinding,
  locale: Locale,
  hints: NonNullable<CollectedFinding['log']>,
  at: Placement,
): CollectedFinding {
  const position = placeOf(doc, f.span.start, at);
  return {
    fileIndex: file.index,
    code: f.code,
    file: file.path,
    line: position.line,
    column: position.column,
    severity: f.severity,
    message: detach(logFindingMessage(f, doc.text.slice(f.span.start, f.span.end), locale)),
    excerpt: detach(excerptAt(doc, f.span, f.record.span.start)),
    details: null,
    time: writtenTimeOf(f.record),
    log: hints,
    event: null,
  };
}

/** 1-based line and column in the file of an offset in the analysed text. */
function placeOf(doc: AnalyzedDocument, offset: number, at: Placement): { line: number; column: number } {
  const p = doc.lineIndex.positionAt(offset);
  return { line: at.lineBase + p.line + 1, column: (p.line === 0 ? at.firstLineColumn : 0) + p.character + 1 };
}

export function collectEventFinding(file: FileIdentity, doc: AnalyzedDocument, f: EventFinding, locale: Locale, at: Placement = WHOLE_FILE): CollectedFinding {
  const position = placeOf(doc, f.span.start, at);
  const d = f.details;
  const value = (field: { value: string } | null): string | null => {
    const v = field?.value.trim();
    return v ? detach(v) : null;
  };
  const details: Record<string, string> = {};
  const put = (key: string, v: string | null): void => {
    if (v !== null) details[key] = v;
  };
  let hints: EventHints;
  if (d.eventId === 10036) {
    const domain = value(d.domain);
    const user = value(d.user);
    put('user', user === null ? null : domain === null ? user : `${domain}\\${user}`);
    put('sid', value(d.sid));
    put('clientAddress', value(d.clientAddress));
    const account = user !== null && /^[A-Za-z0-9][A-Za-z0-9-]{0,14}\$$/.test(user) ? user.slice(0, -1) : null;
    hints = {
      eventId: 10036,
      computer: value(f.event.computer),
      clientAddress: normaliseAddress(value(d.clientAddress) ?? ''),
      clientAccountHost: account,
      target: null,
      application: null,
      clsid: null,
    };
  } else {
    put('application', value(d.application));
    put('processId', value(d.processId));
    put('clsid', value(d.clsid));
    put('computer', value(d.computer));
    put('authenticationLevel', value(d.authenticationLevel));
    hints = {
      eventId: d.eventId,
      computer: value(f.event.computer),
      clientAddress: null,
      clientAccountHost: null,
      target: value(d.computer),
      application: value(d.application),
      clsid: value(d.clsid),
    };
  }
  return {
    fileIndex: file.index,
    code: f.code,
    file: file.path,
    line: position.line,
    column: position.column,
    severity: f.severity,
    message: detach(d.eventId === 10036 ? serverRejectionMessage(d, locale) : clientActivationMessage(d, locale)),
    excerpt: detach(excerptAt(doc, f.span, null)),
    details,
    time: f.event.utcMillis === null ? { kind: 'none' } : { kind: 'utc', millis: f.event.utcMillis, source: 'event' },
    log: null,
    event: hints,
  };
}

function writtenTimeOf(record: LogRecord): WrittenTime {
  const time = record.time;
  if (!time) return { kind: 'none' };
  if (time.utcMillis !== null) return { kind: 'utc', millis: time.utcMillis, source: 'bias' };
  if (time.biasMinutes !== null) return { kind: 'none' };
  const local = parseLocalIso(time.local);
  return local === null ? { kind: 'none' } : { kind: 'local', localMillis: local };
}

/** `2024-06-12T10:14:37.000` read as if it were UTC (the offset is applied later). */
export function parseLocalIso(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/.exec(text);
  if (!m) return null;
  const millis = Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000);
  const value = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), millis);
  return Number.isFinite(value) ? value : null;
}

/**
 * The line of the finding as written, trimmed, at most 300 characters. On a long line the excerpt
 * starts at the record that holds the finding, or, for an event (exports often put a whole event or the
 * whole log on one line), just before its `<EventID>`, where the id, time, computer and data follow.
 */
function excerptAt(doc: AnalyzedDocument, span: Span, unitStart: number | null): string {
  const line = doc.lineIndex.lineAt(span.start);
  const lineStart = doc.lineIndex.lineStart(line);
  const lineEnd = doc.lineIndex.lineEnd(line);
  let start = lineStart;
  if (unitStart === null) {
    const from = Math.max(lineStart, span.start - 100);
    const tag = doc.text.slice(from, span.start).lastIndexOf('<');
    if (lineEnd - lineStart > EXCERPT_LENGTH) start = tag < 0 ? from : from + tag;
  } else if (span.start - start > EXCERPT_LENGTH - 40) {
    start = Math.max(lineStart, unitStart);
  }
  if (span.start - start > EXCERPT_LENGTH - 40) start = Math.max(lineStart, span.start - 100);
  return doc.text.slice(start, Math.min(lineEnd, start + EXCERPT_LENGTH * 2)).trim().slice(0, EXCERPT_LENGTH);
}

function dedupe(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const key = n.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(n);
  }
  return out;
}
