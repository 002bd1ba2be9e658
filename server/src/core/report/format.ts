/** Shared formatting and per-machine summaries for the report renderers. */
import type { FindingCode } from '../analysis/findings';
import type { Diagnosis, DiagnosisFinding, Machine, Recommendation, RecommendationId } from '../diagnosis/model';

/** Codes in the order reports list them: log failures first, then the DCOM events. */
export const CODE_ORDER: readonly FindingCode[] = [
  'access-denied',
  'rpc-unavailable',
  'wmi-access-denied',
  'dcom-10036',
  'dcom-10037',
  'dcom-10038',
];

/** Recommendations that are something to install (shown per machine as "what to install"). */
const INSTALL_IDS: ReadonlySet<RecommendationId> = new Set(['install-latest-cu-both-sides', 'upgrade-configmgr-2203']);

/** Milliseconds since the epoch of an ISO-8601 time, or null. */
export function parseUtc(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `2022-06-20 18:02:11` (UTC); unparseable text is returned as written for the caller to escape. */
export function formatUtc(iso: string | null, unknown: string): string {
  const ms = parseUtc(iso);
  if (ms === null) return iso ?? unknown;
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** `UTC+09:00` from an offset in minutes (local = UTC + offset). */
export function formatOffset(minutes: number | null, unknown: string): string {
  if (minutes === null || !Number.isFinite(minutes)) return unknown;
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(minutes));
  return `UTC${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** `+3 s`, `-12.5 s`. */
export function formatDelta(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const rounded = Math.round(seconds * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '-' : '±'}${Math.abs(rounded)} s`;
}

export interface MachineSummary {
  readonly machine: Machine;
  /** Findings on this machine per code, in `CODE_ORDER`, zero counts left out. */
  readonly counts: readonly (readonly [FindingCode, number])[];
  /** Install-type recommendations that name this machine. */
  readonly toInstall: readonly Recommendation[];
}

export function countByCode(findings: readonly DiagnosisFinding[]): (readonly [FindingCode, number])[] {
  const counts = new Map<FindingCode, number>();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return CODE_ORDER.filter((c) => counts.has(c)).map((c) => [c, counts.get(c) ?? 0] as const);
}

export function summariseMachines(d: Diagnosis): MachineSummary[] {
  const byMachine = new Map<string, DiagnosisFinding[]>();
  for (const f of d.findings) {
    if (f.machine === null) continue;
    const list = byMachine.get(f.machine);
    if (list) list.push(f);
    else byMachine.set(f.machine, [f]);
  }
  return d.machines.map((machine) => ({
    machine,
    counts: countByCode(byMachine.get(machine.id) ?? []),
    toInstall: d.recommendations.filter((r) => INSTALL_IDS.has(r.id) && r.machines.includes(machine.id)),
  }));
}

/** `file:line` for display. */
export function location(ref: { readonly file: string; readonly line: number }): string {
  return `${ref.file}:${ref.line}`;
}
