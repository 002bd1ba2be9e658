/**
 * The diagnosis builder: files go in one at a time, each is analysed and reduced to its findings and a
 * small summary (`FileEvidence`), and `finish` places them on machines, puts them on one UTC timeline,
 * pairs log failures with DCOM events, and decides the verdict and what to do.
 */
import { identificationText } from '../i18n/diagnosisMessages';
import { looksLikeRegExport } from '../formats/reg';
import type { MachineRole } from '../knowledge/logFiles';
import { assess } from './assessment';
import { correlate } from './correlation';
import type { FileEvidence } from './evidence';
import { collectRegistryEvidence, unreadableEvidence } from './fileEvidence';
import { identifyMachines, type MachineFacts } from './machines';
import type { Diagnosis, DiagnosisFinding, DiagnosisOptions, FileSummary, Machine } from './model';
import { recommend } from './recommendations';
import { collectTextEvidence } from './sparse';
import { collectRegistrySettings } from './registrySettings';
import { normaliseTimes, type MachineOffset, type TimedFinding } from './times';
import { decideVerdict, explainVerdict } from './verdict';

export const DEFAULT_WINDOW_SECONDS = 120;

export interface DiagnosisBuilder {
  /** Analyses one file (log, `.lo_`, event XML, `.reg` export) and keeps only its findings and a summary. */
  addFile(path: string, text: string): void;
  /** A file already reduced to its evidence (read elsewhere, perhaps in parts on other threads). */
  addEvidence(evidence: FileEvidence): void;
  /** A file that could not be read; it is listed in the report with the error. */
  addUnreadable(path: string, error: string): void;
  finish(): Diagnosis;
}

export function createDiagnosisBuilder(options: DiagnosisOptions): DiagnosisBuilder {
  const settings = sanitiseOptions(options);
  const files: FileEvidence[] = [];
  return {
    addFile(path, text) {
      const file = { index: files.length, path };
      try {
        files.push(looksLikeRegExport(text) ? collectRegistryEvidence(file, text) : collectTextEvidence(file, text, settings.locale));
      } catch (error) {
        files.push(unreadableEvidence(file, `analysis failed: ${error instanceof Error ? error.message : String(error)}`));
      }
      releaseLastRegExpInput();
    },
    addEvidence(evidence) {
      const index = files.length;
      files.push(evidence.index === index ? evidence : { ...evidence, index, findings: evidence.findings.map((f) => ({ ...f, fileIndex: index })) });
    },
    addUnreadable(path, error) {
      files.push(unreadableEvidence({ index: files.length, path }, error));
    },
    finish() {
      try {
        return buildDiagnosis(inPathOrder(files), settings);
      } catch (error) {
        return failedDiagnosis(files, settings, error);
      }
    },
  };
}

/**
 * JavaScript keeps the subject of the last successful regular-expression match (`RegExp.input`, `$_`):
 * after a file, that is the whole file. A match on an empty string lets it go, so that nothing of the
 * file outlives `addFile`.
 */
function releaseLastRegExpInput(): void {
  /^/.exec('');
}

function sanitiseOptions(options: DiagnosisOptions): DiagnosisOptions {
  const window = options.windowSeconds;
  const offset = options.defaultUtcOffsetMinutes;
  return {
    locale: options.locale === 'ja' ? 'ja' : 'en',
    windowSeconds: Number.isFinite(window) && window >= 0 ? window : DEFAULT_WINDOW_SECONDS,
    defaultUtcOffsetMinutes: offset !== null && Number.isFinite(offset) && offset >= -720 && offset <= 840 ? Math.round(offset) : null,
  };
}

/** The files sorted by path, so that the diagnosis does not depend on the order they were added in. */
function inPathOrder(files: readonly FileEvidence[]): FileEvidence[] {
  return [...files]
    .sort((a, b) => compare(a.path, b.path) || a.index - b.index)
    .map((f, index) => (f.index === index ? f : { ...f, index, findings: f.findings.map((finding) => ({ ...finding, fileIndex: index })) }));
}

function buildDiagnosis(files: readonly FileEvidence[], options: DiagnosisOptions): Diagnosis {
  const { locale, windowSeconds } = options;
  const directory = identifyMachines(files);
  const times = normaliseTimes(directory.findings, directory.machines, options.defaultUtcOffsetMinutes);
  const pairings = correlate(times.findings, windowSeconds);
  const registry = collectRegistrySettings(files, directory.fileMachine, locale);
  const assessment = assess(times.findings, pairings, directory.machines, registry);
  const verdict = decideVerdict(assessment);
  const unreadable = files.filter((f) => f.format === 'unreadable').map((f) => f.path);
  const reasons = explainVerdict(assessment, verdict, { windowSeconds, fileCount: files.length, times, unreadable, locale });
  const recommendations = recommend(assessment, { verdict, files, fileMachine: directory.fileMachine, machines: directory.machines, locale });

  return {
    verdict,
    reasons,
    findings: times.findings.map(toDiagnosisFinding).sort(byFileLineColumn),
    correlations: pairings
      .map((p) => p.correlation)
      .sort((a, b) => byFileLine(a.log, b.log) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || byFileLine(a.event, b.event)),
    registry: [...registry].sort((a, b) => byFileLine(a, b) || compare(a.name, b.name)),
    machines: [...directory.machines.values()].map((m) => toMachine(m, times.offsets.get(m.id), options)).sort((a, b) => compare(a.id, b.id)),
    recommendations,
    files: files.map((f) => toFileSummary(f, directory.fileMachine[f.index] ?? null)).sort((a, b) => compare(a.path, b.path)),
    windowSeconds,
    locale,
  };
}

function toDiagnosisFinding(t: TimedFinding): DiagnosisFinding {
  const f = t.finding;
  return {
    code: f.code,
    file: f.file,
    line: f.line,
    column: f.column,
    time: t.utcMillis === null ? null : new Date(t.utcMillis).toISOString(),
    timeSource: t.timeSource,
    machine: t.machine,
    severity: f.severity,
    context: f.log?.context ?? null,
    message: f.message,
    excerpt: f.excerpt,
    peer: t.peer,
    details: f.details,
  };
}

const ROLE_ORDER: readonly MachineRole[] = ['console', 'siteServer', 'smsProvider', 'distributionPoint', 'managementPoint', 'client', 'taskSequence', 'setup'];

function toMachine(m: MachineFacts, offset: MachineOffset | undefined, options: DiagnosisOptions): Machine {
  return {
    id: m.id,
    names: [...m.names].sort((a, b) => a.length - b.length || compare(a, b)),
    addresses: [...m.addresses].sort(compare),
    roles: ROLE_ORDER.filter((r) => m.roles.has(r)),
    files: [...m.files].sort(compare),
    utcOffsetMinutes: offset?.minutes ?? null,
    identifiedBy: m.notes.map((n) => identificationText(n, options.locale)),
    utcOffsetSource: offset?.source ?? null,
    refusedActivationsFrom: [...m.refusedActivationsFrom].sort(compare),
    activatedBelowIntegrity: [...m.activatedBelowIntegrity].sort(compare),
    hasEventExport: m.hasEventExport,
  };
}

function toFileSummary(f: FileEvidence, machine: string | null): FileSummary {
  const summary: FileSummary = {
    path: f.path,
    format: f.format,
    machine,
    records: f.records,
    findings: f.findings.length,
    problems: f.problems,
    ...(f.findingsNotRead ? { findingsNotRead: f.findingsNotRead } : {}),
  };
  return f.error === null ? summary : { ...summary, error: f.error };
}

/** Something unexpected broke the analysis: report the files and say so rather than throw. */
function failedDiagnosis(files: readonly FileEvidence[], options: DiagnosisOptions, error: unknown): Diagnosis {
  const message = error instanceof Error ? error.message : String(error);
  return {
    verdict: 'possible',
    reasons: [options.locale === 'ja' ? `診断中に内部エラーが発生しました: ${message}` : `The diagnosis stopped on an internal error: ${message}`],
    findings: [],
    correlations: [],
    registry: [],
    machines: [],
    recommendations: [],
    files: files.map((f) => toFileSummary(f, null)).sort((a, b) => compare(a.path, b.path)),
    windowSeconds: options.windowSeconds,
    locale: options.locale,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byFileLine(a: { file: string; line: number }, b: { file: string; line: number }): number {
  return compare(a.file, b.file) || a.line - b.line;
}

function byFileLineColumn(a: DiagnosisFinding, b: DiagnosisFinding): number {
  return byFileLine(a, b) || a.column - b.column || compare(a.code, b.code);
}
