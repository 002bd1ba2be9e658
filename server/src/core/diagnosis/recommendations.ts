/**
 * What to do, from the assessment. The fix Microsoft documents is the latest Windows cumulative update
 * on both the machine that connects and the one that receives, and ConfigMgr 2203 or later. The
 * RequireIntegrityActivationAuthenticationLevel value is only ever flagged for removal: Windows has
 * ignored it since 2023-03-14, so no recommendation here sets it.
 */
import {
  applicationText,
  placeText,
  recommendationText,
  versionSeenText,
  type RecommendationText,
} from '../i18n/diagnosisMessages';
import type { Locale } from '../i18n/locale';
import type { Assessment } from './assessment';
import { FIRST_RELEASE_WITH_HARDENING_CHANGES, applicationName, isConfigMgrApplication, isWmiClsid } from './configMgrProducts';
import type { FileEvidence } from './evidence';
import type { MachineFacts } from './machines';
import type { Recommendation, RecommendationId, Verdict } from './model';
import type { TimedFinding } from './times';
import { distinct, failurePaths, pathOfPairing } from './verdict';

const ORDER: readonly RecommendationId[] = [
  'install-latest-cu-both-sides',
  'upgrade-configmgr-2203',
  'registry-workaround-ignored',
  'contact-application-vendor',
  'turn-hardening-log-back-on',
  'check-firewall-and-rpc',
  'check-wmi-namespace-security',
  'collect-dcom-events',
];

export interface RecommendationContext {
  readonly verdict: Verdict;
  readonly files: readonly FileEvidence[];
  readonly fileMachine: readonly (string | null)[];
  readonly machines: ReadonlyMap<string, MachineFacts>;
  readonly locale: Locale;
}

export function recommend(a: Assessment, ctx: RecommendationContext): Recommendation[] {
  const out: Recommendation[] = [];
  const add = (text: RecommendationText, machines: readonly string[]): void => {
    out.push({ id: text.id, ...recommendationText(text, ctx.locale), machines: distinct(machines) });
  };

  if (ctx.verdict !== 'unlikely') {
    const paths = hardeningPaths(a);
    const callers = distinct(paths.flatMap((p) => (p.caller === null ? [] : [p.caller])));
    const receivers = distinct(paths.flatMap((p) => (p.receiver === null ? [] : [p.receiver])));
    add(
      { id: 'install-latest-cu-both-sides', paths: distinct(paths.map((p) => `${p.caller ?? '?'} → ${p.receiver ?? '?'}`)), callers, receivers },
      [...callers, ...receivers],
    );
    const upgrade = configMgrUpgrade(a, ctx);
    if (upgrade) add({ id: 'upgrade-configmgr-2203', versions: upgrade.versions }, upgrade.machines);
  }

  if (a.ignoredOptOuts.length > 0) {
    add(
      { id: 'registry-workaround-ignored', places: a.ignoredOptOuts.map((s) => placeText(s.machine, s.file, s.line, ctx.locale)) },
      a.ignoredOptOuts.flatMap((s) => (s.machine === null ? [] : [s.machine])),
    );
  }

  const vendorEvents = a.events.filter((e) => {
    const app = e.finding.event?.application;
    return e.finding.event?.eventId !== 10036 && app !== null && app !== undefined && !isConfigMgrApplication(app);
  });
  if (vendorEvents.length > 0) {
    const apps = distinct(
      vendorEvents.map((e) => {
        const h = e.finding.event;
        return applicationText(applicationName(h?.application ?? ''), e.machine, e.peer, h?.clsid ?? null, e.finding.details?.['authenticationLevel'] ?? null, ctx.locale);
      }),
    );
    add({ id: 'contact-application-vendor', applications: apps }, vendorEvents.flatMap((e) => [e.machine, e.peer].filter((m): m is string => m !== null)));
  }

  if (a.loggingOff.length > 0) {
    const machines = distinct(a.loggingOff.map((s) => s.machine ?? s.file));
    add({ id: 'turn-hardening-log-back-on', machines }, a.loggingOff.flatMap((s) => (s.machine === null ? [] : [s.machine])));
  }

  const lonelyRpc = a.remoteFailures.filter((f) => f.finding.code === 'rpc-unavailable' && !a.correlatedFailures.has(f));
  if (lonelyRpc.length > 0) {
    add({ id: 'check-firewall-and-rpc', count: lonelyRpc.length, paths: failurePaths(lonelyRpc, ctx.locale) }, machinesOf(lonelyRpc));
  }

  if (a.wmiFailures.length > 0) {
    const places = distinct(a.wmiFailures.map((f) => placeText(f.machine, f.finding.file, f.finding.line, ctx.locale)));
    add({ id: 'check-wmi-namespace-security', count: a.wmiFailures.length, places }, machinesOf(a.wmiFailures, false));
  }

  const missing = machinesWithoutEvents(a, ctx.machines);
  if (missing.length > 0) add({ id: 'collect-dcom-events', machines: missing }, missing);

  return out.sort((x, y) => ORDER.indexOf(x.id) - ORDER.indexOf(y.id));
}

interface Path {
  readonly caller: string | null;
  readonly receiver: string | null;
}

/**
 * Caller → receiver of every activation the evidence ties to DCOM hardening: paired failures, the
 * events themselves (10036: client → here; 10037/10038: here → target) and access denials in remote
 * connections. With none of those, the remote RPC failures are all there is to name.
 */
function hardeningPaths(a: Assessment): Path[] {
  const paths: Path[] = a.pairings.map(pathOfPairing);
  for (const e of a.events) {
    paths.push(e.finding.event?.eventId === 10036 ? { caller: e.peer, receiver: e.machine } : { caller: e.machine, receiver: e.peer });
  }
  for (const f of a.remoteFailures) {
    if (f.finding.code === 'access-denied' && !a.correlatedFailures.has(f)) paths.push({ caller: f.machine, receiver: f.peer });
  }
  if (paths.length === 0) for (const f of a.remoteFailures) paths.push({ caller: f.machine, receiver: f.peer });
  return paths.filter((p) => p.caller !== null || p.receiver !== null);
}

function machinesOf(findings: readonly TimedFinding[], withPeers = true): string[] {
  return findings.flatMap((f) => [f.machine, withPeers ? f.peer : null].filter((m): m is string => m !== null));
}

/**
 * ConfigMgr is in the picture (its logs failed, or events name its WMI CLSID or processes) and the
 * evidence does not show every version at 2203 or later.
 */
function configMgrUpgrade(a: Assessment, ctx: RecommendationContext): { versions: string[]; machines: string[] } | null {
  const configMgrLogFailed = [...a.remoteFailures, ...a.localFailures].some((f) => (ctx.files[f.finding.fileIndex]?.logRole ?? null) !== null);
  const configMgrEvent = a.events.some((e) => {
    const clsid = e.finding.event?.clsid ?? null;
    const application = e.finding.event?.application ?? null;
    return (clsid !== null && isWmiClsid(clsid)) || (application !== null && isConfigMgrApplication(application));
  });
  if (!configMgrLogFailed && !configMgrEvent && a.pairings.length === 0) return null;

  const seen: string[] = [];
  const machines: string[] = [];
  let allCurrent = true;
  let any = false;
  for (const f of ctx.files) {
    for (const v of f.versions) {
      any = true;
      const machine = ctx.fileMachine[f.index] ?? null;
      const old = v.release === null || v.release < FIRST_RELEASE_WITH_HARDENING_CHANGES;
      if (old) {
        allCurrent = false;
        if (machine !== null) machines.push(machine);
      }
      seen.push(versionSeenText(v.text, v.release, f.path, machine, ctx.locale));
    }
  }
  if (any && allCurrent) return null;
  return { versions: distinct(seen), machines };
}

/** Both machines of every unconfirmed access denial in a remote connection that have no System log export here. */
function machinesWithoutEvents(a: Assessment, machines: ReadonlyMap<string, MachineFacts>): string[] {
  const missing = new Set<string>();
  for (const f of a.remoteFailures) {
    if (f.finding.code !== 'access-denied' || a.correlatedFailures.has(f)) continue;
    for (const id of [f.machine, f.peer]) if (id !== null && !machines.get(id)?.hasEventExport) missing.add(id);
  }
  return distinct([...missing]);
}
