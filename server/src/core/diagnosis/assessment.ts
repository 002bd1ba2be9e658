/**
 * The evidence sorted into what the verdict and the recommendations need: which failures were confirmed
 * by events, which remote failures stand alone, which events name ConfigMgr, what the registry hides.
 */
import { isConfigMgrApplication, isWmiClsid } from './configMgrProducts';
import { isCorrelatableFailure, type Pairing } from './correlation';
import { normaliseAddress } from './hostNames';
import type { MachineFacts } from './machines';
import type { RegistrySetting } from './model';
import { isIgnoredHardeningOptOut, suppressesHardeningEvents } from './registrySettings';
import type { TimedFinding } from './times';

export interface Assessment {
  readonly pairings: readonly Pairing[];
  /** Failures paired with at least one event. */
  readonly correlatedFailures: ReadonlySet<TimedFinding>;
  readonly correlatedEvents: ReadonlySet<TimedFinding>;
  /** Access denied / RPC unavailable in a console, site server→DP or other remote connection. */
  readonly remoteFailures: readonly TimedFinding[];
  /** Access denied / RPC unavailable on local resources or without a remote context. */
  readonly localFailures: readonly TimedFinding[];
  readonly wmiFailures: readonly TimedFinding[];
  readonly events: readonly TimedFinding[];
  /** 10036/10037/10038 that name ConfigMgr's WMI CLSID, a ConfigMgr process, or machines of the evidence. */
  readonly configMgrEvents: ReadonlySet<TimedFinding>;
  readonly ignoredOptOuts: readonly RegistrySetting[];
  readonly loggingOff: readonly RegistrySetting[];
}

export function assess(
  findings: readonly TimedFinding[],
  pairings: readonly Pairing[],
  machines: ReadonlyMap<string, MachineFacts>,
  registry: readonly RegistrySetting[],
): Assessment {
  const correlatedFailures = new Set<TimedFinding>();
  const correlatedEvents = new Set<TimedFinding>();
  for (const p of pairings) {
    correlatedFailures.add(p.failure);
    correlatedEvents.add(p.event);
  }
  const remoteFailures: TimedFinding[] = [];
  const localFailures: TimedFinding[] = [];
  const wmiFailures: TimedFinding[] = [];
  const events: TimedFinding[] = [];
  const configMgrEvents = new Set<TimedFinding>();
  for (const f of findings) {
    const code = f.finding.code;
    if (code === 'wmi-access-denied') {
      wmiFailures.push(f);
    } else if (f.finding.event) {
      events.push(f);
      if (namesConfigMgr(f, machines)) configMgrEvents.add(f);
    } else if (isRemote(f)) {
      remoteFailures.push(f);
    } else {
      // A failure with no remote context that still met an event counts as remote: the event says so.
      (correlatedFailures.has(f) ? remoteFailures : localFailures).push(f);
    }
  }
  return {
    pairings,
    correlatedFailures,
    correlatedEvents,
    remoteFailures,
    localFailures,
    wmiFailures,
    events,
    configMgrEvents,
    ignoredOptOuts: registry.filter(isIgnoredHardeningOptOut),
    loggingOff: registry.filter(suppressesHardeningEvents),
  };
}

function isRemote(f: TimedFinding): boolean {
  const context = f.finding.log?.context;
  return isCorrelatableFailure(f) && context !== 'unknown';
}

function hasFiles(machines: ReadonlyMap<string, MachineFacts>, id: string | null): boolean {
  return id !== null && (machines.get(id)?.files.size ?? 0) > 0;
}

function namesConfigMgr(f: TimedFinding, machines: ReadonlyMap<string, MachineFacts>): boolean {
  const e = f.finding.event;
  if (!e) return false;
  if (e.eventId === 10036) {
    const clientNamed = f.peer !== null && normaliseAddress(f.peer) === null;
    const serverRoles = f.machine === null ? 0 : machines.get(f.machine)?.roles.size ?? 0;
    return (clientNamed && hasFiles(machines, f.peer)) || serverRoles > 0;
  }
  return (
    (e.clsid !== null && isWmiClsid(e.clsid)) ||
    (e.application !== null && isConfigMgrApplication(e.application)) ||
    hasFiles(machines, f.peer)
  );
}
