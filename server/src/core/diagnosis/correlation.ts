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
  const rejections: TimedEvent[] = [];
  const activations: TimedEvent[] = [];
  for (const f of findings) {
    if (!f.finding.event || f.utcMillis === null) continue;
    (f.finding.event.eventId === 10036 ? rejections : activations).push({ f, millis: f.utcMillis });
  }
  const byTime = (a: TimedEvent, b: TimedEvent): number =>
    a.millis - b.millis || a.f.finding.fileIndex - b.f.finding.fileIndex || a.f.finding.line - b.f.finding.line || a.f.finding.column - b.f.finding.column;
  rejections.sort(byTime);
  activations.sort(byTime);

  const correlations: Pairing[] = [];
  for (const failure of findings) {
    if (!isCorrelatableFailure(failure) || failure.utcMillis === null) continue;
    const a = failure.machine;
    const b = failure.peer;
    const server = nearest(rejections, failure.utcMillis, windowMs, (e) => {
      if (b !== null && e.f.machine === b) {
        if (a !== null && e.f.peer === a) return 'named';
        if (a === null || isAddressOnly(e.f.peer)) return 'weak';
        return null;
      }
      return b === null && a !== null && e.f.peer === a ? 'weak' : null;
    });
    if (server) correlations.push(toCorrelation(failure, server, 'serverRejection'));
    const client = nearest(activations, failure.utcMillis, windowMs, (e) => {
      if (a !== null && e.f.machine === a) {
        if (b !== null && e.f.peer === b) return 'named';
        return b === null ? 'weak' : null;
      }
      return a === null && b !== null && e.f.peer === b ? 'weak' : null;
    });
    if (client) correlations.push(toCorrelation(failure, client, 'clientActivation'));
  }
  return correlations;
}

export function isCorrelatableFailure(f: TimedFinding): boolean {
  const code = f.finding.code;
  return (code === 'access-denied' || code === 'rpc-unavailable') && f.finding.log !== null && f.finding.log.context !== 'localResource';
}

function isAddressOnly(machine: string | null): boolean {
  return machine !== null && normaliseAddress(machine) !== null;
}

type Match = 'named' | 'weak' | null;

interface Chosen {
  readonly event: TimedEvent;
  readonly named: boolean;
}

function nearest(events: readonly TimedEvent[], millis: number, windowMs: number, match: (e: TimedEvent) => Match): Chosen | null {
  let best: Chosen | null = null;
  let bestDistance = Infinity;
  for (let i = lowerBound(events, millis - windowMs); i < events.length; i++) {
    const e = events[i] as TimedEvent;
    if (e.millis > millis + windowMs) break;
    const m = match(e);
    if (m === null) continue;
    const named = m === 'named';
    const distance = Math.abs(e.millis - millis);
    // Sorted by time, so on equal distance the earlier event stays.
    if (!best || (named && !best.named) || (named === best.named && distance < bestDistance)) {
      best = { event: e, named };
      bestDistance = distance;
    }
  }
  return best;
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
  };
  return { correlation, failure, event };
}
