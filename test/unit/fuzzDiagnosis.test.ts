/**
 * Property tests for the cross-file diagnosis and its correlation of log failures with DCOM events.
 *
 * On generated evidence folders (machines, failures naming peers, 10036/10037/10038 exports, biases,
 * registry exports, any file mutated): the builder never throws nor falls back to its internal-error
 * diagnosis, the same folder gives the same diagnosis whatever order its files are added in, every
 * correlation joins a real failure to a real event of the right kind inside the window with the right
 * delta, and a wider window never loses a pairing. On `correlate` itself, with synthetic findings: the
 * window, one pairing per failure and kind, a named pair always found, input order irrelevant.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createDiagnosisBuilder, type Diagnosis, type DiagnosisFinding } from '../../server/src/core/diagnosis';
import { correlate, type Pairing } from '../../server/src/core/diagnosis/correlation';
import type { CollectedFinding } from '../../server/src/core/diagnosis/evidence';
import type { TimedFinding } from '../../server/src/core/diagnosis/times';
import { fuzzParameters } from './support/fuzz/config';
import { buildFolder, folderSpec, largeFolder } from './support/fuzz/evidence';
import { anyDocument, realFiles } from './support/fuzz/generators';
import { assertRoughlyLinear } from './support/fuzz/timing';

function diagnose(files: readonly (readonly [string, string])[], windowSeconds = 120, offset: number | null = null): Diagnosis {
  const builder = createDiagnosisBuilder({ locale: 'en', windowSeconds, defaultUtcOffsetMinutes: offset });
  for (const [path, text] of files) builder.addFile(path, text);
  return builder.finish();
}

/** No file fell back to "analysis failed" and the diagnosis is not the internal-error one. */
function assertNoInternalError(d: Diagnosis): void {
  for (const f of d.files) assert.ok(!f.error?.startsWith('analysis failed'), `${f.path}: ${f.error}`);
  for (const r of d.reasons) assert.ok(!r.includes('internal error'), r);
}

const findingAt = (d: Diagnosis, ref: { file: string; line: number }, codes: readonly string[]): DiagnosisFinding[] =>
  d.findings.filter((f) => f.file === ref.file && f.line === ref.line && codes.includes(f.code));

function assertCorrelations(d: Diagnosis): void {
  const perLogLine = new Map<string, number>();
  for (const c of d.correlations) {
    const failures = findingAt(d, c.log, ['access-denied', 'rpc-unavailable']).filter((f) => f.context !== 'localResource');
    assert.ok(failures.length > 0, `correlation log ${JSON.stringify(c.log)} is no correlatable failure`);
    const eventCodes = c.kind === 'serverRejection' ? ['dcom-10036'] : ['dcom-10037', 'dcom-10038'];
    const events = findingAt(d, c.event, eventCodes);
    assert.ok(events.length > 0, `correlation event ${JSON.stringify(c.event)} is no ${c.kind} event`);
    assert.ok(Math.abs(c.deltaSeconds) <= d.windowSeconds + 0.001, `delta ${c.deltaSeconds} outside the window ${d.windowSeconds}`);
    // The delta is the event's time minus the failure's, as the findings state them.
    const deltas = failures.flatMap((f) => events.map((e) => (f.time && e.time ? (Date.parse(e.time) - Date.parse(f.time)) / 1000 : NaN)));
    assert.ok(deltas.some((x) => Math.abs(x - c.deltaSeconds) < 0.0015), `delta ${c.deltaSeconds} is not event − failure (${deltas.join(', ')})`);
    const key = `${c.log.file}:${c.log.line}:${c.kind}`;
    perLogLine.set(key, (perLogLine.get(key) ?? 0) + 1);
    assert.ok((perLogLine.get(key) ?? 0) <= failures.length, `${key} paired more often than it has failures`);
  }
}

/** A diagnosis as comparable data (everything it says). */
const plain = (d: Diagnosis): unknown => JSON.parse(JSON.stringify(d));

describe('fuzz: diagnosis over generated evidence folders', () => {
  it('never throws or fails internally; correlations join real failures and events inside the window', () => {
    fc.assert(
      fc.property(folderSpec, fc.constantFrom(0, 5, 120, 600), (spec, window) => {
        const d = diagnose(buildFolder(spec), window);
        assertNoInternalError(d);
        assertCorrelations(d);
      }),
      fuzzParameters(100),
    );
  });

  it('the same folder gives the same diagnosis, whatever order its files are added in', () => {
    fc.assert(
      fc.property(folderSpec, fc.nat(), (spec, salt) => {
        const files = buildFolder(spec);
        const shuffled = [...files];
        let s = salt;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j] as [string, string], shuffled[i] as [string, string]];
        }
        const first = plain(diagnose(files));
        assert.deepEqual(plain(diagnose(files)), first, 'the same folder gave a different diagnosis');
        assert.deepEqual(plain(diagnose(shuffled)), first, 'adding the files in another order changed the diagnosis');
      }),
      fuzzParameters(60),
    );
  });

  it('a wider window never loses a pairing', () => {
    fc.assert(
      fc.property(folderSpec, fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 600 }), (spec, a, b) => {
        const files = buildFolder(spec);
        const narrow = diagnose(files, Math.min(a, b)).correlations;
        const wide = diagnose(files, Math.max(a, b)).correlations;
        const key = (c: (typeof wide)[number]): string => `${c.log.file}:${c.log.line}:${c.kind}`;
        const wideKeys = new Map<string, number>();
        for (const c of wide) wideKeys.set(key(c), (wideKeys.get(key(c)) ?? 0) + 1);
        for (const c of narrow) {
          const left = wideKeys.get(key(c)) ?? 0;
          assert.ok(left > 0, `${key(c)} paired in a ${Math.min(a, b)} s window but not in ${Math.max(a, b)} s`);
          wideKeys.set(key(c), left - 1);
        }
      }),
      fuzzParameters(50),
    );
  });

  it('any document as evidence, under any name, never breaks the diagnosis', () => {
    const real = realFiles();
    const names = ['x/CM01/distmgr.log', 'x/DP01/System.xml', 'x/CONSOLE01/SmsAdminUI.log', 'x/CM01/Ole.reg', 'x/y/notes.txt'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...names), anyDocument(real.map((f) => f.text))), { minLength: 1, maxLength: 4 }), fc.constantFrom(null, 540, -300), (files, offset) => {
        const d = diagnose(files, 120, offset);
        assertNoInternalError(d);
        assertCorrelations(d);
      }),
      fuzzParameters(40),
    );
  });

  it('time grows about linearly with the evidence', () => {
    assertRoughlyLinear('diagnosis', largeFolder, (files) => void diagnose(files), { from: 50, maxBase: 6400, measurableMs: 8 });
  });
});

// --- correlate() on synthetic findings ---------------------------------------------------------------

const MACHINES = ['A', 'B', 'C'] as const;

interface SyntheticFinding {
  readonly kind: 'failure' | 10036 | 10037 | 10038;
  readonly machine: string | null;
  readonly peer: string | null;
  readonly seconds: number | null;
  readonly context: 'remoteConnection' | 'localResource' | 'unknown';
}

const synthetic: fc.Arbitrary<SyntheticFinding> = fc.record({
  kind: fc.constantFrom('failure' as const, 'failure' as const, 10036 as const, 10037 as const, 10038 as const),
  machine: fc.option(fc.constantFrom(...MACHINES), { freq: 5 }),
  peer: fc.option(fc.oneof(fc.constantFrom(...MACHINES), fc.constant('10.0.0.9')), { freq: 5 }),
  seconds: fc.option(fc.integer({ min: 0, max: 600 }), { freq: 10 }),
  context: fc.constantFrom('remoteConnection' as const, 'remoteConnection' as const, 'localResource' as const, 'unknown' as const),
});

function timed(s: SyntheticFinding, index: number): TimedFinding {
  const isEvent = s.kind !== 'failure';
  const finding: CollectedFinding = {
    fileIndex: index % 3,
    code: isEvent ? (`dcom-${s.kind}` as const) : index % 2 ? 'access-denied' : 'rpc-unavailable',
    file: `f${index % 3}`,
    line: index + 1,
    column: 1,
    severity: 'error',
    message: '',
    excerpt: '',
    details: null,
    time: { kind: 'none' },
    log: isEvent ? null : { context: s.context, namedHosts: [], threadHost: null, words: [] },
    event: isEvent
      ? { eventId: s.kind as 10036 | 10037 | 10038, computer: null, clientAddress: null, clientAccountHost: null, target: null, application: null, clsid: null }
      : null,
  };
  return { finding, machine: s.machine, peer: s.peer, utcMillis: s.seconds === null ? null : s.seconds * 1000, timeSource: s.seconds === null ? null : 'bias' };
}

const id = (p: Pairing): string => `${p.failure.finding.line}>${p.event.finding.line}:${p.correlation.kind}:${p.correlation.peerMatched}`;

describe('fuzz: correlate', () => {
  it('pairs within the window, once per failure and kind, a named pair whenever one exists, whatever the input order', () => {
    fc.assert(
      fc.property(fc.array(synthetic, { maxLength: 30 }), fc.integer({ min: 0, max: 300 }), (specs, window) => {
        const findings = specs.map(timed);
        const pairings = correlate(findings, window);
        const seen = new Set<string>();
        for (const p of pairings) {
          const { failure, event, correlation } = p;
          assert.ok(failure.finding.log !== null && failure.finding.log.context !== 'localResource', 'paired a non-correlatable finding');
          assert.ok(event.finding.event !== null && event.utcMillis !== null && failure.utcMillis !== null);
          assert.ok(Math.abs(event.utcMillis - failure.utcMillis) <= window * 1000, 'pair outside the window');
          assert.equal(correlation.kind === 'serverRejection', event.finding.event.eventId === 10036, 'event of the wrong kind');
          const key = `${failure.finding.line}:${correlation.kind}`;
          assert.ok(!seen.has(key), `failure paired twice as ${correlation.kind}`);
          seen.add(key);
        }
        // A failure A→B and a 10036 on B from A (or a 10037/10038 on A naming B) in the window always pair, by name, with the nearest.
        for (const failure of findings) {
          const a = failure.machine;
          const b = failure.peer;
          if (failure.finding.log === null || failure.finding.log.context === 'localResource' || failure.utcMillis === null || a === null || b === null) continue;
          for (const kind of ['serverRejection', 'clientActivation'] as const) {
            const candidates = findings.filter(
              (e) =>
                e.finding.event !== null &&
                e.utcMillis !== null &&
                Math.abs(e.utcMillis - (failure.utcMillis ?? 0)) <= window * 1000 &&
                (kind === 'serverRejection' ? e.finding.event.eventId === 10036 && e.machine === b && e.peer === a : e.finding.event.eventId !== 10036 && e.machine === a && e.peer === b),
            );
            if (candidates.length === 0) continue;
            const p = pairings.find((x) => x.failure === failure && x.correlation.kind === kind);
            assert.ok(p, `failure ${failure.finding.line} ${a}→${b} has a named ${kind} event in the window but no pairing`);
            assert.equal(p.correlation.peerMatched, true);
            const nearest = Math.min(...candidates.map((e) => Math.abs((e.utcMillis ?? 0) - (failure.utcMillis ?? 0))));
            assert.equal(Math.abs((p.event.utcMillis ?? 0) - (failure.utcMillis ?? 0)), nearest, 'not the nearest named event');
          }
        }
        const reversed = correlate([...findings].reverse(), window).map(id).sort();
        assert.deepEqual(reversed, pairings.map(id).sort(), 'input order changed the pairings');
      }),
      fuzzParameters(300),
    );
  });
});
