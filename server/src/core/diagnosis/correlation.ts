/**
 * Log failures ↔ DCOM hardening events, within a window of seconds.
 *
 * A failure (access denied or RPC server unavailable, not on a local resource) on machine A that names
 * or implies peer B pairs with:
 *   - `serverRejection`: a 10036 on B whose client is A;
 *   - `clientActivation`: a 10037/10038 on A whose target is B.
 * When one side is not known (no peer named, the log's machine unknown, or the 10036 client address
 * belongs to no known machine), a same-window event that matches the known side still pairs, marked
 * `peerMatched: false`; a pairing by name always wins over it. Each failure pairs at most once per kind,
 * with the nearest event (ties: the earlier event, then file order).
 */
import { normaliseAddress } from './hostNames';
import type { Correlation } from './model';
import type { TimedFinding } from './times';

interface TimedEvent {
  readonly f: TimedFinding;
  readonly millis: number;
}

export interface Pairing {
  readonly correlation: Correlation;
  readonly failure: TimedFinding;
  readonly event: TimedFinding;
}

export function correlate(findings: readonly TimedFinding[], windowSeconds: number): Pairing[] {
  const windowMs = windowSeconds * 1000;
  const rejections = new EventIndex();
  const activations = new EventIndex();
  for (const f of findings) {
    if (!f.finding.event || f.utcMillis === null) continue;
    (f.finding.event.eventId === 10036 ? rejections : activations).add({ f, millis: f.utcMillis });
  }
  rejections.sort();
  activations.sort();

  const correlations: Pairing[] = [];
  for (const failure of findings) {
    if (!isCorrelatableFailure(failure) || failure.utcMillis === null) continue;
    const t = failure.utcMillis;
    const a = failure.machine;
    const b = failure.peer;

    let server: Chosen | null = null;
    if (b !== null && a !== null) {
      server = named(rejections.byPair.get(pairKey(b, a)), t, windowMs) ?? weak(rejections.fromUnknownAddress.get(b), t, windowMs);
    } else if (b !== null) {
      server = weak(rejections.byMachine.get(b), t, windowMs);
    } else if (a !== null) {
      server = weak(rejections.byPeer.get(a), t, windowMs);
    }
    if (server) correlations.push(toCorrelation(failure, server, 'serverRejection'));

    let client: Chosen | null = null;
    if (a !== null && b !== null) client = named(activations.byPair.get(pairKey(a, b)), t, windowMs);
    else if (a !== null) client = weak(activations.byMachine.get(a), t, windowMs);
    else if (b !== null) client = weak(activations.byPeer.get(b), t, windowMs);
    if (client) correlations.push(toCorrelation(failure, client, 'clientActivation'));
  }
  return correlations;
}

export function isCorrelatableFailure(f: TimedFinding): boolean {
  const code = f.finding.code;
  return (code === 'access-denied' || code === 'rpc-unavailable') && f.finding.log !== null && f.finding.log.context !== 'localResource';
}

const pairKey = (machine: string, peer: string): string => `${machine}\u0000${peer}`;

/** Events by the machine that logged them, by the other machine they name, and by both; each list sorted by time. */
class EventIndex {
  readonly byPair = new Map<string, TimedEvent[]>();
  readonly byMachine = new Map<string, TimedEvent[]>();
  readonly byPeer = new Map<string, TimedEvent[]>();
  /** 10036 whose client address belongs to no known machine, by the machine that logged them. */
  readonly fromUnknownAddress = new Map<string, TimedEvent[]>();

  add(e: TimedEvent): void {
    const { machine, peer } = e.f;
    if (machine !== null) push(this.byMachine, machine, e);
    if (peer !== null) push(this.byPeer, peer, e);
    if (machine !== null && peer !== null) push(this.byPair, pairKey(machine, peer), e);
    if (machine !== null && peer !== null && normaliseAddress(peer) !== null) push(this.fromUnknownAddress, machine, e);
  }

  sort(): void {
    for (const map of [this.byPair, this.byMachine, this.byPeer, this.fromUnknownAddress]) for (const list of map.values()) list.sort(byTime);
  }
}

function push(map: Map<string, TimedEvent[]>, key: string, e: TimedEvent): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

function byTime(a: TimedEvent, b: TimedEvent): number {
  return (
    a.millis - b.millis ||
    a.f.finding.fileIndex - b.f.finding.fileIndex ||
    a.f.finding.line - b.f.finding.line ||
    a.f.finding.column - b.f.finding.column
  );
}

interface Chosen {
  readonly event: TimedEvent;
  readonly named: boolean;
}

const named = (list: readonly TimedEvent[] | undefined, millis: number, windowMs: number): Chosen | null => choose(list, millis, windowMs, true);
const weak = (list: readonly TimedEvent[] | undefined, millis: number, windowMs: number): Chosen | null => choose(list, millis, windowMs, false);

/** The event nearest `millis` within the window (equal distance: the earlier one, then file order). */
function choose(list: readonly TimedEvent[] | undefined, millis: number, windowMs: number, isNamed: boolean): Chosen | null {
  if (!list || list.length === 0) return null;
  const after = lowerBound(list, millis);
  let before = after - 1;
  // The first of several events logged at the same instant.
  while (before > 0 && (list[before - 1] as TimedEvent).millis === (list[before] as TimedEvent).millis) before--;
  const candidates = [list[before], list[after]].filter((e): e is TimedEvent => e !== undefined && Math.abs(e.millis - millis) <= windowMs);
  let best: TimedEvent | null = null;
  for (const e of candidates) if (!best || Math.abs(e.millis - millis) < Math.abs(best.millis - millis)) best = e;
  return best ? { event: best, named: isNamed } : null;
}

function lowerBound(events: readonly TimedEvent[], millis: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((events[mid]?.millis ?? 0) < millis) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function toCorrelation(failure: TimedFinding, chosen: Chosen, kind: Correlation['kind']): Pairing {
  const event = chosen.event.f;
  const correlation: Correlation = {
    log: { file: failure.finding.file, line: failure.finding.line },
    event: { file: event.finding.file, line: event.finding.line },
    deltaSeconds: Math.round(chosen.event.millis - (failure.utcMillis ?? 0)) / 1000,
    kind,
    logMachine: failure.machine,
    eventMachine: event.machine,
    peerMatched: chosen.named,
    target: kind === 'serverRejection' ? event.machine : (event.peer ?? failure.peer),
  };
  return { correlation, failure, event };
}
