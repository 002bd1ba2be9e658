/**
 * `diagnose --format json`: the shape DESIGN.md fixes (`verdict`, `findings[]`, `correlations[]`,
 * `recommendations[]` with exactly those keys and types) first, then extra keys that may grow
 * (finding details, reasons, machines, registry, files, windowSeconds). Consumers must ignore keys
 * they do not know.
 */
import type { Diagnosis, DiagnosisFinding, EvidenceRef } from '../diagnosis/model';

export interface ContractFinding {
  readonly code: string;
  readonly file: string;
  readonly line: number;
  readonly time: string | null;
  readonly machine: string | null;
  readonly [extra: string]: unknown;
}

export interface ContractCorrelation {
  readonly log: { readonly file: string; readonly line: number };
  readonly event: { readonly file: string; readonly line: number };
  readonly deltaSeconds: number;
  readonly [extra: string]: unknown;
}

export interface ContractRecommendation {
  readonly id: string;
  readonly title: string;
  readonly detail: string;
  readonly [extra: string]: unknown;
}

export interface ContractJson {
  readonly verdict: 'likely' | 'possible' | 'unlikely';
  readonly findings: readonly ContractFinding[];
  readonly correlations: readonly ContractCorrelation[];
  readonly recommendations: readonly ContractRecommendation[];
  readonly [extra: string]: unknown;
}

/** A 1-based line number, whatever the engine handed over. */
function lineNumber(line: number): number {
  return Number.isFinite(line) ? Math.max(1, Math.trunc(line)) : 1;
}

function ref(r: EvidenceRef): { file: string; line: number } {
  return { file: r.file, line: lineNumber(r.line) };
}

function finding(f: DiagnosisFinding): ContractFinding {
  return {
    code: f.code,
    file: f.file,
    line: lineNumber(f.line),
    time: f.time,
    machine: f.machine,
    column: lineNumber(f.column),
    severity: f.severity,
    timeSource: f.timeSource,
    context: f.context,
    message: f.message,
    excerpt: f.excerpt,
    peer: f.peer,
    details: f.details,
  };
}

export function toContractJson(d: Diagnosis): ContractJson {
  return {
    verdict: d.verdict,
    findings: d.findings.map(finding),
    correlations: d.correlations.map((c) => ({
      log: ref(c.log),
      event: ref(c.event),
      deltaSeconds: Number.isFinite(c.deltaSeconds) ? c.deltaSeconds : 0,
      kind: c.kind,
      logMachine: c.logMachine,
      eventMachine: c.eventMachine,
      target: c.target,
      peerMatched: c.peerMatched,
    })),
    recommendations: d.recommendations.map((r) => ({ id: r.id, title: r.title, detail: r.detail, machines: [...r.machines] })),
    reasons: [...d.reasons],
    machines: d.machines.map((m) => ({
      id: m.id,
      names: [...m.names],
      addresses: [...m.addresses],
      roles: [...m.roles],
      files: [...m.files],
      utcOffsetMinutes: m.utcOffsetMinutes,
      utcOffsetSource: m.utcOffsetSource,
      identifiedBy: [...m.identifiedBy],
      refusedActivationsFrom: [...m.refusedActivationsFrom],
      activatedBelowIntegrity: [...m.activatedBelowIntegrity],
      hasEventExport: m.hasEventExport,
    })),
    registry: d.registry.map((s) => ({
      file: s.file,
      line: lineNumber(s.line),
      machine: s.machine,
      key: s.key,
      name: s.name,
      value: s.value,
      verdict: s.verdict,
      message: s.message,
    })),
    files: d.files.map((f) => ({
      path: f.path,
      format: f.format,
      machine: f.machine,
      records: f.records,
      findings: f.findings,
      ...(f.findingsNotRead ? { findingsNotRead: f.findingsNotRead } : {}),
      problems: f.problems,
      ...(f.error === undefined ? {} : { error: f.error }),
    })),
    windowSeconds: d.windowSeconds,
  };
}
