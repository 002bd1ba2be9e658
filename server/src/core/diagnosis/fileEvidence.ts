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
import type { LogDocumentModel, LogRecord, Span } from '../model';
import { LineIndex } from '../text/lineIndex';
import { findConfigMgrVersions, type ConfigMgrVersion } from './configMgrProducts';
import { detach } from './detach';
import type { CollectedFinding, CollectedSetting, EventHints, FileEvidence, WrittenTime } from './evidence';
import {
  candidateHostWords,
  directoryOf,
  findAddressesOfHosts,
  findHostMentions,
  findOwnAddresses,
  folderSegments,
  normaliseAddress,
  statusMessageSystem,
  type AddressOfHost,
} from './hostNames';

const EXCERPT_LENGTH = 300;
/** Caps on the per-file summaries, so that a pathological file cannot grow them. */
const MAX_ADDRESS_PAIRS = 64;
const MAX_SMALL_LIST = 8;

interface FileIdentity {
  readonly index: number;
  readonly path: string;
}

function baseEvidence(file: FileIdentity): Omit<FileEvidence, 'format' | 'records' | 'problems' | 'findings'> {
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

export function collectDocumentEvidence(file: FileIdentity, text: string, locale: Locale): FileEvidence {
  const doc = analyzeDocument(text, file.path);
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

  const biases = new Map<number, number>();
  const systems = new Set<string>();
  const pairs: AddressOfHost[] = [];
  const own = new Set<string>();
  const versions = new Map<string, ConfigMgrVersion>();
  const threadHosts = new Map<string, string>();
  const findings: CollectedFinding[] = [];

  for (const record of model.records) {
    const bias = record.time?.biasMinutes;
    if (bias !== null && bias !== undefined) biases.set(bias, (biases.get(bias) ?? 0) + 1);
    const message = doc.text.slice(record.message.start, record.message.end);
    const hosts = findHostMentions(message).map((h) => h.name);
    const kept = (): string[] => dedupe(hosts).map(detach);

    if (message.includes('STATMSG') && systems.size < MAX_SMALL_LIST) {
      const system = statusMessageSystem(message);
      if (system) systems.add(detach(system));
    }
    if (pairs.length < MAX_ADDRESS_PAIRS) {
      for (const p of findAddressesOfHosts(message).slice(0, MAX_ADDRESS_PAIRS - pairs.length)) pairs.push({ address: detach(p.address), host: detach(p.host) });
    }
    if (own.size < MAX_SMALL_LIST) for (const a of findOwnAddresses(message)) own.add(detach(a));
    if (versions.size < MAX_SMALL_LIST) for (const v of findConfigMgrVersions(message)) versions.set(v.text, { text: detach(v.text), release: v.release });

    const thread = record.thread?.value.trim() ?? '';
    const recordFindings = byRecord.get(record);
    if (recordFindings) {
      const words = candidateHostWords(message).map(detach);
      const namedHosts = kept();
      for (const f of recordFindings) {
        findings.push(collectLogFinding(file, doc, f, locale, {
          context: f.context,
          namedHosts,
          threadHost: threadHosts.get(thread) ?? null,
          words,
        }));
      }
    }
    const last = hosts[hosts.length - 1];
    if (last !== undefined) threadHosts.set(detach(thread), detach(last));
  }

  return {
    ...base,
    format: model.format,
    records: model.records.length,
    problems: model.problems.length,
    statusMessageSystems: [...systems],
    biases: [...biases.entries()].sort(byCountThenName),
    addressesOfHosts: pairs,
    ownAddresses: [...own],
    versions: [...versions.values()],
    findings,
  };
}

function collectLogFinding(
  file: FileIdentity,
  doc: AnalyzedDocument,
  f: LogFinding,
  locale: Locale,
  hints: NonNullable<CollectedFinding['log']>,
): CollectedFinding {
  const position = doc.lineIndex.positionAt(f.span.start);
  return {
    fileIndex: file.index,
    code: f.code,
    file: file.path,
    line: position.line + 1,
    column: position.character + 1,
    severity: f.severity,
    message: detach(logFindingMessage(f, doc.text.slice(f.span.start, f.span.end), locale)),
    excerpt: detach(excerptAt(doc, f.span, f.record.span.start)),
    details: null,
    time: writtenTimeOf(f.record),
    log: hints,
    event: null,
  };
}

function collectEventFinding(file: FileIdentity, doc: AnalyzedDocument, f: EventFinding, locale: Locale): CollectedFinding {
  const position = doc.lineIndex.positionAt(f.span.start);
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
    line: position.line + 1,
    column: position.character + 1,
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

function byCountThenName<K extends string | number>(a: readonly [K, number], b: readonly [K, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}
