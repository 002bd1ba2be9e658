/**
 * Every finding's time in UTC, and where it came from.
 *
 * CCM and simple records carry the Windows bias (UTC = local + bias): `bias`. Events carry UTC:
 * `event`. AdminUI records (SmsAdminUI.log) carry local time only; they take, in order: the offset of the
 * same machine's other logs (`machineOffset`, offset = −bias), the caller's default offset
 * (`defaultOffset`), or, with neither, the quarter-hour offset that puts at least two of the log's
 * failures within seconds of DCOM events — the machine's own 10037/10038, or the 10036 its peers logged
 * when they refused it — and no other offset does as well (`eventAlignment`). Otherwise the time stays unknown. Each borrowed offset becomes a reason line.
 */
import type { TimeSource } from './model';
import type { MachineFacts, PlacedFinding } from './machines';

export interface TimedFinding extends PlacedFinding {
  readonly utcMillis: number | null;
  readonly timeSource: TimeSource;
}

export interface OffsetUse {
  readonly file: string;
  readonly machine: string | null;
  readonly source: 'machineOffset' | 'defaultOffset' | 'eventAlignment';
  readonly offsetMinutes: number;
  readonly findings: number;
  readonly aligned: number;
}

export interface MachineOffset {
  readonly minutes: number;
  readonly source: 'bias' | 'eventAlignment';
  /** For `eventAlignment`: failures within ALIGNMENT_TOLERANCE_MS of an event at that offset. */
  readonly aligned: number;
}

export interface TimedEvidence {
  readonly findings: readonly TimedFinding[];
  readonly offsets: ReadonlyMap<string, MachineOffset>;
  readonly offsetUses: readonly OffsetUse[];
  /** Findings whose time could not be known, by file. */
  readonly unknown: ReadonlyMap<string, number>;
}

const ALIGNMENT_TOLERANCE_MS = 3000;
const MIN_ALIGNED_FAILURES = 2;
/** Enough failures to decide an offset; more would only cost time (105 offsets × failures × log events). */
const MAX_ALIGNED_FAILURES = 2000;
/** Windows time zones run from UTC−12:00 to UTC+14:00, in quarter hours at most. */
const OFFSET_CANDIDATES: readonly number[] = Array.from({ length: (840 + 720) / 15 + 1 }, (_, i) => -720 + i * 15);

export function normaliseTimes(
  placed: readonly PlacedFinding[],
  machines: ReadonlyMap<string, MachineFacts>,
  defaultUtcOffsetMinutes: number | null,
): TimedEvidence {
  const offsets = new Map<string, MachineOffset>();
  for (const m of machines.values()) {
    const bias = mostCommon(m.biases);
    if (bias !== null) offsets.set(m.id, { minutes: bias === 0 ? 0 : -bias, source: 'bias', aligned: 0 });
  }
  if (defaultUtcOffsetMinutes === null) alignOffsets(placed, offsets);

  const uses = new Map<string, OffsetUse>();
  const unknown = new Map<string, number>();
  const findings = placed.map((p): TimedFinding => {
    const t = p.finding.time;
    if (t.kind === 'utc') return { ...p, utcMillis: t.millis, timeSource: t.source };
    if (t.kind === 'local') {
      const machineOffset = p.machine === null ? undefined : offsets.get(p.machine);
      let source: OffsetUse['source'] | null = null;
      let minutes = 0;
      if (machineOffset) {
        source = machineOffset.source === 'bias' ? 'machineOffset' : 'eventAlignment';
        minutes = machineOffset.minutes;
      } else if (defaultUtcOffsetMinutes !== null) {
        source = 'defaultOffset';
        minutes = defaultUtcOffsetMinutes;
      }
      if (source !== null) {
        const key = `${p.finding.file}\u0000${source}`;
        const use = uses.get(key);
        uses.set(key, {
          file: p.finding.file,
          machine: p.machine,
          source,
          offsetMinutes: minutes,
          findings: (use?.findings ?? 0) + 1,
          aligned: machineOffset?.aligned ?? 0,
        });
        return { ...p, utcMillis: t.localMillis - minutes * 60_000, timeSource: source };
      }
    }
    unknown.set(p.finding.file, (unknown.get(p.finding.file) ?? 0) + 1);
    return { ...p, utcMillis: null, timeSource: null };
  });
  return { findings, offsets, offsetUses: [...uses.values()], unknown };
}

function mostCommon(counts: ReadonlyMap<number, number>): number | null {
  let best: number | null = null;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/**
 * For each machine with local-only failure times and no offset: try every quarter-hour offset and keep
 * the one that puts the most failures within a few seconds of the machine's own DCOM hardening events,
 * if at least two and strictly more than any other offset.
 */
function alignOffsets(placed: readonly PlacedFinding[], offsets: Map<string, MachineOffset>): void {
  const localFailures = new Map<string, number[]>();
  const eventTimes = new Map<string, number[]>();
  /** 10036 events by the machine that logged them: the refusals a caller's failures can line up with. */
  const refusals = new Map<string, number[]>();
  const peersOf = new Map<string, Set<string>>();
  for (const p of placed) {
    const t = p.finding.time;
    if (t.kind === 'utc' && p.finding.event && p.machine !== null && p.finding.code === 'dcom-10036' && p.peer !== p.machine) {
      push(refusals, p.machine, t.millis);
    }
    if (p.machine === null || offsets.has(p.machine)) continue;
    if (t.kind === 'local' && (p.finding.code === 'access-denied' || p.finding.code === 'rpc-unavailable')) {
      if ((localFailures.get(p.machine)?.length ?? 0) < MAX_ALIGNED_FAILURES) push(localFailures, p.machine, t.localMillis);
      if (p.peer !== null && p.peer !== p.machine) {
        const peers = peersOf.get(p.machine) ?? new Set<string>();
        peers.add(p.peer);
        peersOf.set(p.machine, peers);
      }
    } else if (t.kind === 'utc' && p.finding.event) {
      push(eventTimes, p.machine, t.millis);
    }
  }
  for (const [machine, failures] of localFailures) {
    // The machine's own events, and the refusals logged by the machines its failures name.
    const events = [...(eventTimes.get(machine) ?? [])];
    for (const peer of peersOf.get(machine) ?? []) events.push(...(refusals.get(peer) ?? []));
    if (events.length === 0 || failures.length < MIN_ALIGNED_FAILURES) continue;
    events.sort((a, b) => a - b);
    let best = 0;
    let bestOffset: number | null = null;
    let tie = false;
    for (const offset of OFFSET_CANDIDATES) {
      let aligned = 0;
      for (const local of failures) if (hasNear(events, local - offset * 60_000, ALIGNMENT_TOLERANCE_MS)) aligned++;
      if (aligned > best) {
        best = aligned;
        bestOffset = offset;
        tie = false;
      } else if (aligned === best && aligned > 0) {
        tie = true;
      }
    }
    if (bestOffset !== null && !tie && best >= MIN_ALIGNED_FAILURES) {
      offsets.set(machine, { minutes: bestOffset, source: 'eventAlignment', aligned: best });
    }
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Is there a value within `tolerance` of `target` in the sorted list? */
function hasNear(sorted: readonly number[], target: number, tolerance: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < target - tolerance) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && (sorted[lo] ?? Infinity) <= target + tolerance;
}
