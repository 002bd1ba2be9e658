/**
 * Loose, flake-proof checks that work grows about linearly with input size. No assertion on absolute
 * speed: an input is grown until one run takes long enough to measure, then four times that input must
 * take less than twenty times as long (a linear parser takes about four; a quadratic one sixteen and
 * rising, so it fails well before the inputs that hang an editor). Each time is the best of a few runs,
 * so a garbage collection or a busy neighbour does not fail the test.
 */
import assert from 'node:assert/strict';

/** Best of `repeats` runs, in milliseconds. */
export function bestTime(run: () => void, repeats = 3): number {
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const start = process.hrtime.bigint();
    run();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (ms < best) best = ms;
  }
  return best;
}

export interface LinearityOptions {
  /** Smallest size to try (units of `build`). */
  readonly from: number;
  /** Largest base size: past it the work is taken as too cheap to measure, and passes. */
  readonly maxBase: number;
  /** A base run at least this long is measurable (ms). */
  readonly measurableMs?: number;
  /** Size factor between the two runs. */
  readonly factor?: number;
  /** Time factor the larger run must stay under. */
  readonly maxRatio?: number;
}

export interface LinearityResult {
  readonly base: number;
  readonly baseMs: number;
  readonly largeMs: number;
  readonly ratio: number;
}

/**
 * Asserts that `run(build(factor × n))` takes less than `maxRatio` × `run(build(n))`, for the first `n`
 * (doubling from `from`) whose run is measurable. `build(n)` makes an input of size n.
 */
export function assertRoughlyLinear<T>(what: string, build: (size: number) => T, run: (input: T) => void, options: LinearityOptions): LinearityResult | null {
  const factor = options.factor ?? 4;
  const maxRatio = options.maxRatio ?? 20;
  const measurable = options.measurableMs ?? 4;
  let n = options.from;
  for (;;) {
    const input = build(n);
    run(input); // warm up: the first run compiles
    const baseMs = bestTime(() => run(input));
    if (baseMs >= measurable || n * 2 > options.maxBase) {
      if (baseMs < measurable / 4) return null; // too cheap to measure even at the largest size
      const large = build(n * factor);
      const largeMs = bestTime(() => run(large), 2);
      const ratio = largeMs / baseMs;
      assert.ok(
        ratio < maxRatio,
        `${what}: ${factor}x the input took ${ratio.toFixed(1)}x the time (${baseMs.toFixed(1)} ms -> ${largeMs.toFixed(1)} ms at size ${n} -> ${n * factor}); expected under ${maxRatio}x`,
      );
      return { base: n, baseMs, largeMs, ratio };
    }
    n *= 2;
  }
}

/** Asserts that `run` finishes within `ms` (a generous bound: hostile inputs must not hang the editor). */
export function assertWithin(what: string, ms: number, run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  const took = Number(process.hrtime.bigint() - start) / 1e6;
  if (process.env.HOSTILE_PROFILE) console.log(`  ${what}: ${took.toFixed(0)} ms`);
  assert.ok(took < ms, `${what} took ${took.toFixed(0)} ms (bound ${ms} ms)`);
  return took;
}
