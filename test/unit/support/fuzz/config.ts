/**
 * How long the property tests run. `npm test` runs a short seeded pass; `FUZZ_RUNS=n` runs every
 * property n times (a long run: `FUZZ_RUNS=20000 node --test out/test/unit/fuzz*.test.js`), and
 * `FUZZ_SEED=s` picks another seed (the default is fixed, so a plain `npm test` is reproducible).
 * A failure prints its seed and path; `FUZZ_SEED=… FUZZ_PATH=…` replays exactly that case.
 */
import fc from 'fast-check';

function positiveInteger(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The seed of every property, fixed unless `FUZZ_SEED` says otherwise. */
export const FUZZ_SEED: number = (() => {
  const raw = process.env.FUZZ_SEED;
  if (raw === undefined || raw.trim() === '') return 0x5eed_c0de;
  const n = Number(raw);
  return Number.isInteger(n) ? n | 0 : 0x5eed_c0de;
})();

/** Runs requested with `FUZZ_RUNS`, or undefined for the short default of each property. */
export const FUZZ_RUNS: number | undefined = positiveInteger(process.env.FUZZ_RUNS);

/** True for a long run (`FUZZ_RUNS` set): tests may then also widen their sizes. */
export const LONG_RUN = FUZZ_RUNS !== undefined;

/** fast-check parameters: `shortRuns` in `npm test`, `FUZZ_RUNS` when set; always seeded. */
export function fuzzParameters<T>(shortRuns: number): fc.Parameters<T> {
  const path = process.env.FUZZ_PATH;
  return {
    seed: FUZZ_SEED,
    numRuns: FUZZ_RUNS ?? shortRuns,
    ...(path ? { path } : {}),
    // A long run must end: fast-check stops cleanly (and says so) past this budget per property.
    ...(LONG_RUN ? { interruptAfterTimeLimit: positiveInteger(process.env.FUZZ_TIME_LIMIT_MS) ?? 30 * 60_000, markInterruptAsFailure: false } : {}),
  };
}
