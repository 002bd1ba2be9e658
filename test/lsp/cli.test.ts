import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from './support/serverProcess';

const root = repoRoot();
const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { cwd: root, encoding: 'utf8' });

interface Contract {
  verdict: string;
  findings: { code: string; file: string; line: number; time: string | null; machine: string | null }[];
  correlations: { log: { file: string; line: number }; event: { file: string; line: number }; deltaSeconds: number }[];
  recommendations: { id: string; title: string; detail: string }[];
}

describe('configmgr-log-doctor diagnose (the bundled CLI)', () => {
  const run = cli('diagnose', '--format', 'json', 'samples');
  const json = JSON.parse(run.stdout) as Contract;

  it('exits 0 and keeps the JSON contract', () => {
    assert.equal(run.status, 0, run.stderr);
    assert.ok(['likely', 'possible', 'unlikely'].includes(json.verdict));
    for (const f of json.findings) {
      assert.equal(typeof f.code, 'string');
      assert.equal(typeof f.file, 'string');
      assert.ok(Number.isInteger(f.line) && f.line >= 1);
      assert.ok(f.time === null || /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(f.time), f.time ?? '');
      assert.ok(f.machine === null || typeof f.machine === 'string');
    }
    for (const c of json.correlations) {
      assert.equal(typeof c.log.file, 'string');
      assert.ok(Number.isInteger(c.log.line));
      assert.equal(typeof c.event.file, 'string');
      assert.ok(Number.isInteger(c.event.line));
      assert.equal(typeof c.deltaSeconds, 'number');
    }
    for (const r of json.recommendations) assert.ok(r.id && r.title && r.detail);
  });

  it('says likely, pairs the console failure with both events, recommends the update on both sides', () => {
    assert.equal(json.verdict, 'likely');
    const consoleFailures = json.findings.filter((f) => f.code === 'access-denied' && f.file.includes('CONSOLE01'));
    assert.ok(consoleFailures.length > 0);
    const paired = json.correlations.filter((c) => c.log.file.includes('CONSOLE01/SmsAdminUI.log'));
    assert.ok(paired.some((c) => c.event.file.includes('CM01/System.xml')), 'the 10036 on the provider');
    assert.ok(paired.some((c) => c.event.file.includes('CONSOLE01/System.xml')), 'the 10038 on the console');
    const ids = json.recommendations.map((r) => r.id);
    assert.ok(ids.includes('install-latest-cu-both-sides'));
    assert.ok(ids.includes('registry-workaround-ignored'));
    assert.ok(!json.recommendations.some((r) => /set .*RequireIntegrityActivationAuthenticationLevel.* to 0/i.test(r.detail)));
  });

  it('finds each failure once', () => {
    // Event exports put many events on one line: the column tells them apart.
    const keys = json.findings.map((f) => `${f.file}:${f.line}:${(f as { column?: number }).column}:${f.code}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('writes SARIF 2.1.0 with one result per finding', () => {
    const sarif = cli('diagnose', '--format', 'sarif', 'samples');
    assert.equal(sarif.status, 0, sarif.stderr);
    const doc = JSON.parse(sarif.stdout) as { version: string; runs: { results: unknown[]; tool: { driver: { name: string } } }[] };
    assert.equal(doc.version, '2.1.0');
    assert.equal(doc.runs[0]?.tool.driver.name, 'ConfigMgr Log Doctor');
    assert.equal(doc.runs[0]?.results.length, json.findings.length);
  });

  it('redacts IP addresses, SIDs and user names', () => {
    const md = cli('diagnose', '--format', 'markdown', '--redact', 'samples');
    assert.equal(md.status, 0, md.stderr);
    assert.doesNotMatch(md.stdout, /10\.0\.10\.25|S-1-5-21-\d/);
    assert.match(md.stdout, /<ip-1>|&lt;ip-1&gt;|`<ip-1>`/);
  });

  it('a clean log yields nothing and unlikely', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clean-evidence-'));
    writeFileSync(
      join(dir, 'CcmExec.log'),
      '<![LOG[Service started]LOG]!><time="10:00:00.000+000" date="07-11-2023" component="CcmExec" context="" type="1" thread="1" file="">\r\n',
    );
    const clean = JSON.parse(cli('diagnose', '--format', 'json', dir).stdout) as Contract;
    assert.equal(clean.verdict, 'unlikely');
    assert.deepEqual(clean.findings, []);
    assert.deepEqual(clean.correlations, []);
  });

  const bad: [string, string[], RegExp][] = [
    ['no command', [], /no command given/],
    ['unknown command', ['cure', 'samples'], /unknown command cure/],
    ['bad format', ['diagnose', '--format', 'xml', 'samples'], /--format for diagnose must be/],
    ['bad window', ['diagnose', '--window', 'soon', 'samples'], /--window needs a duration/],
    ['no paths', ['diagnose'], /no files or folders given/],
    ['unreadable path', ['diagnose', join(root, 'no-such-folder')], /cannot read .*no-such-folder/],
    ['unknown option', ['diagnose', '--fast', 'samples'], /unknown option --fast/],
    ['bad workers', ['diagnose', '--workers', 'many', 'samples'], /--workers needs a number from 0 to 16/],
  ];
  for (const [name, args, message] of bad) {
    it(`exits 2 with a clear message: ${name}`, () => {
      const r = cli(...args);
      assert.equal(r.status, 2);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /Usage:/);
    });
  }

  it('--workers 0 and --workers 2 give the same diagnosis', () => {
    const on = (workers: string): string => cli('diagnose', '--format', 'json', '--workers', workers, 'samples').stdout;
    assert.equal(on('0'), on('2'));
    assert.equal(on('0'), run.stdout);
  });

  it('--help exits 0', () => {
    const r = cli('--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /diagnose/);
  });
});
