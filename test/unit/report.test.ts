/**
 * Report renderers: golden files for every format, the JSON contract of `diagnose --format json`
 * (DESIGN.md), the structure of the SARIF log, and the Japanese labels.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnosis } from '../../server/src/core/diagnosis/model';
import { toHtml } from '../../server/src/core/report/html';
import { toContractJson } from '../../server/src/core/report/json';
import { toMarkdown } from '../../server/src/core/report/markdown';
import { redactDiagnosis } from '../../server/src/core/report/redact';
import { artifactLocations, SARIF_SCHEMA, toSarif } from '../../server/src/core/report/sarif';
import { toText } from '../../server/src/core/report/text';
import { renderTimelineSvg } from '../../server/src/core/report/timelineSvg';
import {
  assertGolden,
  diagnosisFixture,
  diagnosisFixtureJa,
  emptyDiagnosis,
  manyFindings,
  sarifProblems,
} from './support/diagnosisFixture';

const NONCE = 'dGVzdC1ub25jZS0xMjM0NQ==';
const CSP_SOURCE = 'vscode-webview-resource:';
const html = (d: Diagnosis): string => toHtml(d, { nonce: NONCE, cspSource: CSP_SOURCE });
const json = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

describe('report golden files', () => {
  const d = diagnosisFixture();
  it('markdown (en)', () => assertGolden('report.en.md', toMarkdown(d)));
  it('markdown (ja)', () => assertGolden('report.ja.md', toMarkdown(diagnosisFixtureJa())));
  it('markdown (redacted)', () => assertGolden('report.redacted.md', toMarkdown(redactDiagnosis(d))));
  it('html (fixed nonce)', () => assertGolden('report.en.html', html(d)));
  it('sarif', () => assertGolden('report.sarif.json', json(toSarif(d, '0.1.0'))));
  it('text', () => assertGolden('report.en.txt', toText(d)));
  it('json', () => assertGolden('report.json', json(toContractJson(d))));
  it('timeline svg', () => assertGolden('timeline.en.svg', renderTimelineSvg(d) + '\n'));
  it('empty diagnosis, markdown and text', () => {
    assertGolden('report.empty.md', toMarkdown(emptyDiagnosis()));
    assertGolden('report.empty.txt', toText(emptyDiagnosis()));
  });
  it('renderers are deterministic', () => {
    assert.equal(toMarkdown(diagnosisFixture()), toMarkdown(diagnosisFixture()));
    assert.equal(html(diagnosisFixture()), html(diagnosisFixture()));
    assert.equal(renderTimelineSvg(manyFindings(500, '2022-06-20T00:00:00Z', 3_600_000)), renderTimelineSvg(manyFindings(500, '2022-06-20T00:00:00Z', 3_600_000)));
  });
});

const FINDING_CODES = ['access-denied', 'rpc-unavailable', 'wmi-access-denied', 'dcom-10036', 'dcom-10037', 'dcom-10038'];
const RECOMMENDATION_IDS = [
  'install-latest-cu-both-sides',
  'upgrade-configmgr-2203',
  'registry-workaround-ignored',
  'contact-application-vendor',
  'turn-hardening-log-back-on',
  'check-firewall-and-rpc',
  'check-wmi-namespace-security',
  'collect-dcom-events',
];

/** The DESIGN.md contract, checked on the JSON text as a consumer reads it. */
function contractProblems(text: string): string[] {
  const p: string[] = [];
  const v = JSON.parse(text) as Record<string, unknown>;
  const isRef = (r: unknown): boolean => {
    const o = r as Record<string, unknown> | null;
    return typeof o === 'object' && o !== null && typeof o.file === 'string' && Number.isInteger(o.line) && (o.line as number) >= 1;
  };
  if (!['likely', 'possible', 'unlikely'].includes(v.verdict as string)) p.push('verdict');
  for (const key of ['findings', 'correlations', 'recommendations']) if (!Array.isArray(v[key])) p.push(`${key} is not an array`);
  (v.findings as Record<string, unknown>[]).forEach((f, i) => {
    if (!FINDING_CODES.includes(f.code as string)) p.push(`findings[${i}].code`);
    if (typeof f.file !== 'string') p.push(`findings[${i}].file`);
    if (!Number.isInteger(f.line) || (f.line as number) < 1) p.push(`findings[${i}].line`);
    if (!(f.time === null || (typeof f.time === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(f.time)))) p.push(`findings[${i}].time`);
    if (!(f.machine === null || typeof f.machine === 'string')) p.push(`findings[${i}].machine`);
    for (const key of ['code', 'file', 'line', 'time', 'machine']) if (!(key in f)) p.push(`findings[${i}].${key} missing`);
  });
  (v.correlations as Record<string, unknown>[]).forEach((c, i) => {
    if (!isRef(c.log)) p.push(`correlations[${i}].log`);
    if (!isRef(c.event)) p.push(`correlations[${i}].event`);
    if (typeof c.deltaSeconds !== 'number' || !Number.isFinite(c.deltaSeconds)) p.push(`correlations[${i}].deltaSeconds`);
  });
  (v.recommendations as Record<string, unknown>[]).forEach((r, i) => {
    if (!RECOMMENDATION_IDS.includes(r.id as string)) p.push(`recommendations[${i}].id`);
    if (typeof r.title !== 'string' || r.title === '') p.push(`recommendations[${i}].title`);
    if (typeof r.detail !== 'string') p.push(`recommendations[${i}].detail`);
  });
  return p;
}

describe('toContractJson: the diagnose --format json contract', () => {
  it('has the contract keys with their names and types', () => {
    assert.deepEqual(contractProblems(JSON.stringify(toContractJson(diagnosisFixture()))), []);
  });
  it('puts the contract keys first and only the allowed extras at the top level', () => {
    const keys = Object.keys(toContractJson(diagnosisFixture()));
    assert.deepEqual(keys.slice(0, 4), ['verdict', 'findings', 'correlations', 'recommendations']);
    assert.deepEqual(keys.slice(4).sort(), ['files', 'machines', 'reasons', 'registry', 'windowSeconds']);
  });
  it('keeps every finding, pairing and recommendation in order', () => {
    const d = diagnosisFixture();
    const out = toContractJson(d);
    assert.deepEqual(
      out.findings.map((f) => [f.code, f.file, f.line, f.time, f.machine]),
      d.findings.map((f) => [f.code, f.file, f.line, f.time, f.machine]),
    );
    assert.deepEqual(out.correlations[0], {
      log: { file: 'logs/CONSOLE01/SmsAdminUI.log', line: 12 },
      event: { file: 'logs/CM01/System.xml', line: 40 },
      deltaSeconds: 2.5,
      kind: 'serverRejection',
      logMachine: 'CONSOLE01',
      eventMachine: 'CM01',
      target: 'CM01',
      peerMatched: true,
    });
    assert.deepEqual(out.recommendations.map((r) => r.id), d.recommendations.map((r) => r.id));
  });
  it('survives a JSON round trip unchanged (no undefined, NaN or functions)', () => {
    const out = toContractJson(diagnosisFixture());
    assert.deepEqual(JSON.parse(JSON.stringify(out)), out);
  });
  it('holds for an empty diagnosis and for odd numbers from the engine', () => {
    assert.deepEqual(contractProblems(JSON.stringify(toContractJson(emptyDiagnosis()))), []);
    const d = diagnosisFixture();
    const odd: Diagnosis = {
      ...d,
      findings: d.findings.map((f) => ({ ...f, line: Number.NaN })),
      correlations: d.correlations.map((c) => ({ ...c, deltaSeconds: Number.POSITIVE_INFINITY, log: { file: c.log.file, line: 0 } })),
    };
    assert.deepEqual(contractProblems(JSON.stringify(toContractJson(odd))), []);
  });
});

describe('toSarif', () => {
  const log = toSarif(diagnosisFixture(), '0.1.0') as Record<string, unknown>;
  const run = (log.runs as Record<string, unknown>[])[0] as Record<string, unknown>;
  const driver = (run.tool as { driver: Record<string, unknown> }).driver;
  const results = run.results as Record<string, unknown>[];

  it('meets the key constraints of SARIF 2.1.0', () => {
    assert.deepEqual(sarifProblems(log), []);
    assert.equal(log.$schema, SARIF_SCHEMA);
    assert.equal(SARIF_SCHEMA, 'https://json.schemastore.org/sarif-2.1.0.json');
  });
  it('names the tool and has a rule for every finding code, with the Microsoft article', () => {
    assert.equal(driver.name, 'ConfigMgr Log Doctor');
    assert.equal(driver.version, '0.1.0');
    assert.equal(driver.semanticVersion, '0.1.0');
    const rules = driver.rules as { id: string; helpUri: string; shortDescription: { text: string } }[];
    assert.deepEqual(rules.map((r) => r.id), FINDING_CODES);
    for (const r of rules) {
      assert.equal(r.helpUri, 'https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/console-management/dcom-hardening-change-effect');
      assert.ok(r.shortDescription.text.length > 0);
    }
  });
  it('maps severity to level and keeps message, file, line and column', () => {
    assert.deepEqual(results.map((r) => r.level), ['error', 'error', 'error', 'error', 'error', 'warning']);
    const first = results[0] as { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] };
    assert.match(first.message.text, /0x80070005/);
    assert.deepEqual(first.locations[0]?.physicalLocation.artifactLocation, { uri: 'logs/CONSOLE01/SmsAdminUI.log' });
    assert.deepEqual({ ...first.locations[0]?.physicalLocation.region, snippet: undefined }, { startLine: 12, startColumn: 58, snippet: undefined });
    const info = toSarif({ ...diagnosisFixture(), findings: [{ ...(diagnosisFixture().findings[0] as Diagnosis['findings'][number]), severity: 'information' }] }, 'x') as {
      runs: { results: { level: string }[] }[];
    };
    assert.equal(info.runs[0]?.results[0]?.level, 'note');
  });
  it('percent-encodes file names and makes absolute paths relative to a base id', () => {
    const uris = results.map((r) => (r.locations as { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[])[0]?.physicalLocation.artifactLocation);
    assert.deepEqual(uris[1], { uri: 'logs/DP01/distmgr%20%22q%22%20%26%20%3Cb%3E.log' });
    assert.deepEqual(uris[5], { uri: 'SMSProv.log', uriBaseId: 'EVIDENCE' });
    assert.deepEqual(run.originalUriBaseIds, { EVIDENCE: { uri: 'file:///C:/Users/bob/Desktop/case/' } });
  });
  it('artifactLocations: drives, UNC shares and POSIX roots get their own base', () => {
    const paths = ['D:\\cases\\a\\x.log', 'D:\\cases\\b\\y.log', '\\\\fs01\\share\\logs\\z.log', '/var/logs/cm/w.log', 'rel\\dir\\v.log', './u.log'];
    const { locationOf, originalUriBaseIds } = artifactLocations(paths);
    assert.deepEqual(paths.map(locationOf), [
      { uri: 'a/x.log', uriBaseId: 'EVIDENCE' },
      { uri: 'b/y.log', uriBaseId: 'EVIDENCE' },
      { uri: 'z.log', uriBaseId: 'EVIDENCE2' },
      { uri: 'w.log', uriBaseId: 'EVIDENCE3' },
      { uri: 'rel/dir/v.log' },
      { uri: 'u.log' },
    ]);
    assert.deepEqual(originalUriBaseIds, {
      EVIDENCE: { uri: 'file:///D:/cases/' },
      EVIDENCE2: { uri: 'file://fs01/share/logs/' },
      EVIDENCE3: { uri: 'file:///var/logs/cm/' },
    });
  });
  it('carries the verdict in the run properties', () => {
    const props = run.properties as Record<string, unknown>;
    assert.equal(props.verdict, 'likely');
    assert.equal((props.reasons as string[]).length, 3);
  });
  it('is valid for an empty diagnosis and for thousands of findings', () => {
    assert.deepEqual(sarifProblems(toSarif(emptyDiagnosis(), '0.1.0')), []);
    const big = toSarif(manyFindings(3000, '2022-06-20T00:00:00Z', 86_400_000), '0.1.0-dev+abc') as { runs: { results: unknown[] }[] };
    assert.deepEqual(sarifProblems(big), []);
    assert.equal(big.runs[0]?.results.length, 3000);
  });
});

describe('Japanese labels (locale ja)', () => {
  const ja = diagnosisFixtureJa();
  it('markdown headings and verdict are Japanese', () => {
    const md = toMarkdown(ja);
    for (const label of ['DCOM の強化の診断', '**判定:**', '## 理由', '## 対処手順', '## コンピューター', '## ログの失敗と DCOM イベントの対応', '## レジストリ設定', '## 検出箇所 (6)', 'サイト サーバー', 'SMS プロバイダー']) {
      assert.ok(md.includes(label), `missing ${label}`);
    }
    assert.ok(!md.includes('## What to do'));
  });
  it('html is lang="ja" with Japanese labels', () => {
    const page = html(ja);
    assert.match(page, /<html lang="ja">/);
    for (const label of ['Markdown としてエクスポート', 'ユーザー名、SID、IP アドレスを伏せる', '対処手順', 'タイムライン (UTC)']) assert.ok(page.includes(label), `missing ${label}`);
  });
  it('text, SVG and SARIF follow the locale', () => {
    assert.match(toText(ja), /^判定: LIKELY — DCOM の強化/m);
    assert.match(renderTimelineSvg(ja), /aria-label="タイムライン \(UTC\)"/);
    assert.match(renderTimelineSvg(diagnosisFixture(), { locale: 'ja' }), /アクセス拒否/);
    const sarif = toSarif(ja, '0.1.0') as { runs: { language: string; tool: { driver: { rules: { helpUri: string; shortDescription: { text: string } }[] } } }[] };
    assert.equal(sarif.runs[0]?.language, 'ja-JP');
    assert.match(sarif.runs[0]?.tool.driver.rules[0]?.helpUri ?? '', /\/ja-jp\//);
    assert.equal(sarif.runs[0]?.tool.driver.rules[0]?.shortDescription.text, 'アクセス拒否 (0x80070005)');
  });
});
