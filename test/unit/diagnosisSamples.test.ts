/**
 * The diagnosis of the samples/ incident folder (see samples/README.md): read from disk as bytes
 * (UTF-8 with BOM, UTF-16LE, CRLF), decoded, and diagnosed as the CLI would. The README's expected
 * diagnosis is the oracle: likely DCOM hardening on CONSOLE01 → CM01 and CM01 → DP01, the RPC failures
 * during DP01's reboot and to the decommissioned CM00 not blamed on it, the registry value flagged.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createDiagnosisBuilder, type Diagnosis, type DiagnosisOptions } from '../../server/src/core/diagnosis';
import { decodeText } from '../../server/src/core/text/decode';
import { repoRoot as findRepoRoot } from './support/repoRoot';


const root = findRepoRoot(__dirname);

/** Every evidence file under `folder` (README excluded), as `samples/CM01/distmgr.log` paths, sorted. */
function evidenceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!/^README/i.test(entry.name)) out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(path.join(root, folder));
  return out.sort();
}

function diagnoseFiles(files: readonly string[], options: Partial<DiagnosisOptions> = {}): Diagnosis {
  const builder = createDiagnosisBuilder({ locale: 'en', windowSeconds: 120, defaultUtcOffsetMinutes: null, ...options });
  for (const file of files) builder.addFile(file, decodeText(fs.readFileSync(path.join(root, file))));
  return builder.finish();
}

const SAMPLES = evidenceFiles('samples');
const CONSOLE_LOG = 'samples/CONSOLE01/SmsAdminUI.log';

function pairsOf(d: Diagnosis, file: string, line: number): string[] {
  return d.correlations
    .filter((c) => c.log.file === file && c.log.line === line)
    .map((c) => `${c.kind} ${c.event.file}:${c.event.line} ${c.deltaSeconds} ${c.peerMatched}`);
}

describe('diagnosis of samples/', () => {
  const d = diagnoseFiles(SAMPLES);

  it('reads every file of the incident', () => {
    assert.equal(SAMPLES.length, 9);
    assert.deepEqual(d.files.map((f) => [f.path, f.machine]), [
      ['samples/CM01/Ole-AppCompat.reg', 'CM01'],
      ['samples/CM01/PkgXferMgr.log', 'CM01'],
      ['samples/CM01/SMSProv.log', 'CM01'],
      ['samples/CM01/System.xml', 'CM01'],
      ['samples/CM01/distmgr.log', 'CM01'],
      ['samples/CONSOLE01/SmsAdminUI.log', 'CONSOLE01'],
      ['samples/CONSOLE01/System.xml', 'CONSOLE01'],
      ['samples/DP01/SMSDPProv.log', 'DP01'],
      ['samples/DP01/System.xml', 'DP01'],
    ]);
  });

  it('finds DCOM hardening likely', () => {
    assert.equal(d.verdict, 'likely');
    assert.match(d.reasons[0] ?? '', /^CM01 → DP01: 17 log failure\(s\) \(first at 2024-06-12 00:51:50 UTC\) match 7 event\(s\) 10036 on DP01 and 7 event\(s\) 10037\/10038 on CM01/);
    assert.match(d.reasons[1] ?? '', /^CONSOLE01 → CM01: 2 log failure\(s\) \(first at 2024-06-12 01:14:37 UTC\) match 2 event\(s\) 10036 on CM01 and 2 event\(s\) 10037\/10038 on CONSOLE01/);
  });

  it("pairs the console's access denied with CM01's 10036 from the console's address and CONSOLE01's 10038 naming CM01", () => {
    assert.deepEqual(pairsOf(d, CONSOLE_LOG, 20), [
      'clientActivation samples/CONSOLE01/System.xml:2 0.336 true',
      'serverRejection samples/CM01/System.xml:11 0.344 true',
    ]);
    assert.deepEqual(pairsOf(d, CONSOLE_LOG, 33), [
      'clientActivation samples/CONSOLE01/System.xml:2 0.115 true',
      'serverRejection samples/CM01/System.xml:12 0.122 true',
    ]);
    const console01 = d.machines.find((m) => m.id === 'CONSOLE01');
    assert.deepEqual(console01?.addresses, ['10.0.10.25']);
    assert.deepEqual(console01?.roles, ['console']);
    assert.equal(d.findings.find((f) => f.file === 'samples/CM01/System.xml' && f.line === 11)?.peer, 'CONSOLE01');
  });

  it('pairs every access denied of the site server with DP01’s 10036 and CM01’s 10037 in the same second', () => {
    const denials = d.findings.filter((f) => f.machine === 'CM01' && f.code === 'access-denied');
    assert.equal(denials.length, 17);
    for (const f of denials) {
      const pairs = d.correlations.filter((c) => c.log.file === f.file && c.log.line === f.line);
      assert.deepEqual(pairs.map((c) => [c.kind, c.event.file]), [
        ['clientActivation', 'samples/CM01/System.xml'],
        ['serverRejection', 'samples/DP01/System.xml'],
      ], `${f.file}:${f.line}`);
      for (const c of pairs) assert.ok(Math.abs(c.deltaSeconds) < 1, `${f.file}:${f.line} ${c.deltaSeconds}`);
    }
    assert.deepEqual(d.machines.find((m) => m.id === 'CM01')?.addresses, ['10.0.20.10']);
    assert.deepEqual(d.machines.find((m) => m.id === 'DP01')?.refusedActivationsFrom, ['CM01']);
  });

  it('does not blame the RPC failures during the DP01 reboot and to CM00, nor 0x80041003, on DCOM hardening', () => {
    const paired = new Set(d.correlations.map((c) => `${c.log.file}:${c.log.line}`));
    for (const f of d.findings.filter((x) => x.code === 'rpc-unavailable' || x.code === 'wmi-access-denied')) {
      assert.equal(paired.has(`${f.file}:${f.line}`), false, `${f.file}:${f.line}`);
    }
    assert.equal(d.findings.find((f) => f.file === CONSOLE_LOG && f.line === 8)?.peer, 'CM00');
    assert.ok(d.reasons.some((r) => r.startsWith('5 RPC-server-unavailable failure(s) (to CM00, DP01)')));
    assert.match(d.recommendations.find((r) => r.id === 'check-firewall-and-rpc')?.detail ?? '', /CM01 → DP01 \(first at 2024-06-12 00:21:50 UTC\), CONSOLE01 → CM00/);
  });

  it('recommends the cumulative update on both sides of both paths, ConfigMgr 2203, and removing the ignored value', () => {
    assert.deepEqual(d.recommendations.map((r) => r.id), [
      'install-latest-cu-both-sides',
      'upgrade-configmgr-2203',
      'registry-workaround-ignored',
      'check-firewall-and-rpc',
      'check-wmi-namespace-security',
    ]);
    const cu = d.recommendations[0];
    assert.deepEqual(cu?.machines, ['CM01', 'CONSOLE01', 'DP01']);
    assert.match(cu?.detail ?? '', /Paths: CM01 → DP01, CONSOLE01 → CM01\./);
    assert.match(d.recommendations[1]?.detail ?? '', /5\.2107\.1059\.1000 \(2107\) in samples\/CONSOLE01\/SmsAdminUI\.log on CONSOLE01/);
    for (const r of d.recommendations) {
      assert.doesNotMatch(`${r.title} ${r.detail}`, /\bset\b[^.]*RequireIntegrityActivationAuthenticationLevel|RequireIntegrityActivationAuthenticationLevel[^.]*\bto 0\b/i);
    }
  });

  it('flags the registry value on CM01 as ignored', () => {
    assert.deepEqual(
      d.registry.map((s) => [s.file, s.line, s.machine, s.name, s.value, s.verdict]),
      [['samples/CM01/Ole-AppCompat.reg', 4, 'CM01', 'RequireIntegrityActivationAuthenticationLevel', 0, 'ignored']],
    );
    assert.ok(d.reasons.some((r) => r.startsWith('RequireIntegrityActivationAuthenticationLevel on CM01 has been ignored')));
  });

  it("says how the console's times were read: inferred from its own events, or the default offset when given", () => {
    assert.equal(d.findings.find((f) => f.file === CONSOLE_LOG && f.line === 20)?.timeSource, 'eventAlignment');
    assert.ok(d.reasons.some((r) => r.startsWith('samples/CONSOLE01/SmsAdminUI.log writes no time zone and no default offset was given: the offset UTC+09:00 was inferred')));
    const withDefault = diagnoseFiles(SAMPLES, { defaultUtcOffsetMinutes: 540 });
    assert.equal(withDefault.findings.find((f) => f.file === CONSOLE_LOG && f.line === 20)?.timeSource, 'defaultOffset');
    assert.deepEqual(withDefault.correlations, d.correlations);
    assert.equal(withDefault.verdict, 'likely');
  });

  it('is stable from run to run', () => {
    assert.deepEqual(diagnoseFiles([...SAMPLES].reverse()), d);
  });

  it('speaks Japanese when asked', () => {
    const ja = diagnoseFiles(SAMPLES, { locale: 'ja' });
    assert.match(ja.reasons[0] ?? '', /^CM01 → DP01: ログの失敗 17 件/);
    assert.equal(ja.recommendations[0]?.title, '接続する側と受ける側の両方に最新の Windows 累積更新プログラムをインストールする');
    assert.match(ja.registry[0]?.message ?? '', /無視/);
    assert.deepEqual(ja.correlations, d.correlations);
  });

  it('a clean folder (a log without failures) is unlikely, with no findings', () => {
    const clean = diagnoseFiles(['samples/DP01/SMSDPProv.log']);
    assert.equal(clean.verdict, 'unlikely');
    assert.deepEqual(clean.findings, []);
    assert.deepEqual(clean.correlations, []);
    assert.deepEqual(clean.recommendations, []);
    // "Provider load requested by CORP\CM01$ from 10.0.20.10" still tells whose address that is.
    assert.deepEqual(clean.machines.map((m) => [m.id, m.roles, m.addresses]), [
      ['CM01', [], ['10.0.20.10']],
      ['DP01', ['distributionPoint'], []],
    ]);
  });
});
