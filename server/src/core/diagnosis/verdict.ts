/**
 * The verdict and the sentences that justify it.
 *
 *   likely    a log failure matched a 10036/10037/10038, or such events name ConfigMgr's WMI CLSID, a
 *             ConfigMgr process or machines of this evidence;
 *   possible  access denied / RPC unavailable in remote connections without events, hardening events
 *             that match nothing, or hardening logging turned off (DisableAuthenticationLevelHardeningLog);
 *   unlikely  only local failures, WMI namespace denials (0x80041003), or nothing at all.
 */
import {
  eventGroupText,
  failurePathText,
  reasonText,
  type DiagnosisReason,
  type EventGroup,
} from '../i18n/diagnosisMessages';
import type { Locale } from '../i18n/locale';
import { applicationName } from './configMgrProducts';
import type { Assessment } from './assessment';
import type { Pairing } from './correlation';
import type { Verdict } from './model';
import type { TimedEvidence, TimedFinding } from './times';

export function decideVerdict(a: Assessment): Verdict {
  if (a.pairings.length > 0 || a.configMgrEvents.size > 0) return 'likely';
  if (a.remoteFailures.length > 0 || a.events.length > 0 || a.loggingOff.length > 0) return 'possible';
  return 'unlikely';
}

export interface ReasonContext {
  readonly windowSeconds: number;
  readonly fileCount: number;
  readonly times: TimedEvidence;
  readonly unreadable: readonly string[];
  readonly locale: Locale;
}

export function explainVerdict(a: Assessment, verdict: Verdict, ctx: ReasonContext): string[] {
  const reasons: DiagnosisReason[] = [];
  const { locale, windowSeconds } = ctx;

  for (const group of groupPairingsByPath(a.pairings)) reasons.push({ kind: 'correlatedPath', ...group, windowSeconds });
  const weak = a.pairings.filter((p) => !p.correlation.peerMatched).length;
  if (weak > 0) reasons.push({ kind: 'weakMatches', count: weak });

  const unmatchedConfigMgrEvents = [...a.configMgrEvents].filter((e) => !a.correlatedEvents.has(e));
  if (unmatchedConfigMgrEvents.length > 0) {
    reasons.push({ kind: 'eventsNamingConfigMgr', count: unmatchedConfigMgrEvents.length, summary: summariseEvents(unmatchedConfigMgrEvents, locale) });
  }
  const lonelyDenials = a.remoteFailures.filter((f) => f.finding.code === 'access-denied' && !a.correlatedFailures.has(f));
  if (lonelyDenials.length > 0) {
    reasons.push({ kind: 'remoteFailuresWithoutEvents', count: lonelyDenials.length, paths: failurePaths(lonelyDenials, locale) });
  }
  const otherEvents = a.events.filter((e) => !a.configMgrEvents.has(e) && !a.correlatedEvents.has(e));
  if (otherEvents.length > 0) reasons.push({ kind: 'eventsWithoutFailures', count: otherEvents.length, summary: summariseEvents(otherEvents, locale) });
  const lonelyRpc = a.remoteFailures.filter((f) => f.finding.code === 'rpc-unavailable' && !a.correlatedFailures.has(f));
  if (lonelyRpc.length > 0) reasons.push({ kind: 'uncorrelatedRpc', count: lonelyRpc.length, peers: distinct(lonelyRpc.map((f) => f.peer ?? '?')), windowSeconds });
  if (a.loggingOff.length > 0) reasons.push({ kind: 'hardeningLogOff', machines: distinct(a.loggingOff.map((s) => s.machine ?? s.file)) });
  if (verdict === 'unlikely' && a.localFailures.length > 0) reasons.push({ kind: 'localOnly', count: a.localFailures.length });
  if (a.wmiFailures.length > 0) {
    reasons.push({ kind: 'wmiNamespace', count: a.wmiFailures.length, machines: distinct(a.wmiFailures.map((f) => f.machine ?? f.finding.file)) });
  }
  if (a.ignoredOptOuts.length > 0) reasons.push({ kind: 'registryIgnored', machines: distinct(a.ignoredOptOuts.map((s) => s.machine ?? s.file)) });
  const anyFinding = a.remoteFailures.length + a.localFailures.length + a.wmiFailures.length + a.events.length > 0;
  if (!anyFinding && a.loggingOff.length === 0) reasons.push({ kind: 'nothingFound', files: ctx.fileCount });

  for (const use of [...ctx.times.offsetUses].sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0))) {
    reasons.push({ kind: 'timeOffset', ...use });
  }
  if (ctx.times.unknown.size > 0) {
    let count = 0;
    for (const n of ctx.times.unknown.values()) count += n;
    reasons.push({ kind: 'timeUnknown', files: [...ctx.times.unknown.keys()].sort(), findings: count });
  }
  if (ctx.unreadable.length > 0) reasons.push({ kind: 'unreadable', files: ctx.unreadable });
  return reasons.map((r) => reasonText(r, locale));
}

interface PathGroup {
  readonly caller: string;
  readonly receiver: string | null;
  readonly failures: number;
  readonly firstMillis: number;
  readonly rejections: number;
  readonly activations: number;
}

/** The caller and receiver of a paired failure: the log's machine and peer, completed from the event. */
export function pathOfPairing(p: Pairing): { caller: string | null; receiver: string | null } {
  const server = p.correlation.kind === 'serverRejection';
  return {
    caller: p.failure.machine ?? (server ? p.event.peer : p.event.machine),
    receiver: p.failure.peer ?? (server ? p.event.machine : p.event.peer),
  };
}

function groupPairingsByPath(pairings: readonly Pairing[]): PathGroup[] {
  const groups = new Map<string, { caller: string; receiver: string | null; failures: Set<TimedFinding>; first: number; rejections: Set<TimedFinding>; activations: Set<TimedFinding> }>();
  for (const p of pairings) {
    const { caller, receiver } = pathOfPairing(p);
    const key = `${caller ?? '?'}\u0000${receiver ?? '?'}`;
    const g = groups.get(key) ?? { caller: caller ?? '?', receiver, failures: new Set(), first: Infinity, rejections: new Set(), activations: new Set() };
    g.failures.add(p.failure);
    g.first = Math.min(g.first, p.failure.utcMillis ?? Infinity);
    (p.correlation.kind === 'serverRejection' ? g.rejections : g.activations).add(p.event);
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({ caller: g.caller, receiver: g.receiver, failures: g.failures.size, firstMillis: g.first, rejections: g.rejections.size, activations: g.activations.size }))
    .sort((x, y) => x.firstMillis - y.firstMillis || (x.caller < y.caller ? -1 : x.caller > y.caller ? 1 : 0));
}

/** `CM01 → DP01 (first at …)` for each distinct path of the failures, earliest first. */
export function failurePaths(failures: readonly TimedFinding[], locale: Locale): string[] {
  const groups = new Map<string, { caller: string | null; receiver: string | null; first: number | null }>();
  for (const f of failures) {
    const key = `${f.machine ?? '?'}\u0000${f.peer ?? '?'}`;
    const g = groups.get(key) ?? { caller: f.machine, receiver: f.peer, first: null };
    if (f.utcMillis !== null && (g.first === null || f.utcMillis < g.first)) g.first = f.utcMillis;
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((x, y) => (x.first ?? Infinity) - (y.first ?? Infinity) || ((x.caller ?? '') < (y.caller ?? '') ? -1 : 1))
    .map((g) => failurePathText(g.caller, g.receiver, g.first, locale));
}

export function summariseEvents(events: readonly TimedFinding[], locale: Locale): string[] {
  const groups = new Map<string, EventGroup>();
  for (const e of events) {
    const hints = e.finding.event;
    if (!hints) continue;
    const application = hints.application === null ? null : applicationName(hints.application);
    const key = `${hints.eventId}\u0000${e.machine ?? ''}\u0000${e.peer ?? ''}\u0000${application ?? ''}`;
    const g = groups.get(key);
    groups.set(key, { eventId: hints.eventId, machine: e.machine, peer: e.peer, application, count: (g?.count ?? 0) + 1 });
  }
  return [...groups.entries()]
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .map(([, g]) => eventGroupText(g, locale));
}

export function distinct(items: readonly string[]): string[] {
  return [...new Set(items)].sort();
}
