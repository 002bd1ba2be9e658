/**
 * A hand-written diagnosis for the report tests: three machines and one known only by its address,
 * log failures paired with DCOM events, a registry export, and hostile log text everywhere the engine
 * copies text from logs (excerpts, messages, names, file names): markup, `javascript:` links,
 * backticks, pipes, `]]>`, quotes, terminal escapes and a bidirectional override. It also carries the
 * user names, SIDs and addresses the redaction must remove (`SENSITIVE`) and the well-known values it
 * must keep (`KEPT`).
 *
 * Below the fixture: checks the report tests share (golden files, XML well-formedness with saxes, a tag
 * scanner for the HTML, and the key parts of SARIF 2.1.0 written out by hand: no network, no schema).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import type { Diagnosis, DiagnosisFinding, Machine } from '../../../server/src/core/diagnosis/model';
import { repoRoot } from './repoRoot';

export const ALICE_SID = 'S-1-5-21-1004336348-1177238915-682003330-1105';
export const CONSOLE_ACCOUNT_SID = 'S-1-5-21-1004336348-1177238915-682003330-2201';

/** Values that must not survive redaction anywhere in any output (compared case-insensitively). */
export const SENSITIVE: readonly string[] = [
  'alice',
  'bob',
  ALICE_SID,
  CONSOLE_ACCOUNT_SID,
  '10.0.0.23',
  '10.0.0.4',
  '192.168.10.20',
  '2001:db8::23',
  'fe80::1c2d:3e4f:5a6b:7c8d',
  'CORP\\',
];

/** Values redaction keeps: machine names, well-known accounts and SIDs, loopback addresses. */
export const KEPT: readonly string[] = ['CM01', 'CONSOLE01', 'console01.corp.contoso.com', 'NT AUTHORITY\\SYSTEM', 'S-1-5-18', '127.0.0.1', '::1', 'CONSOLE01$'];

/** Hostile fragments put into log-derived strings. */
export const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  jsLink: '[click](javascript:alert(1))',
  cdataEnd: ']]>',
  backticks: '``` triple `one`',
  pipes: 'a | b || c',
  quotes: `"double" 'single'`,
  ansi: '\u001b[31mred\u001b[0m',
  bidi: '\u202Egnp.exe',
} as const;

const machine = (m: Partial<Machine> & Pick<Machine, 'id'>): Machine => ({
  names: [m.id],
  addresses: [],
  roles: [],
  files: [],
  utcOffsetMinutes: null,
  identifiedBy: [],
  utcOffsetSource: null,
  refusedActivationsFrom: [],
  activatedBelowIntegrity: [],
  hasEventExport: false,
  ...m,
});

const finding = (f: Partial<DiagnosisFinding> & Pick<DiagnosisFinding, 'code' | 'file' | 'line'>): DiagnosisFinding => ({
  column: 1,
  time: null,
  timeSource: null,
  machine: null,
  severity: 'error',
  context: null,
  message: '',
  excerpt: '',
  peer: null,
  details: null,
  ...f,
});

export const ADMINUI_LOG = 'logs/CONSOLE01/SmsAdminUI.log';
export const CONSOLE_EVENTS = 'logs/CONSOLE01/System.xml';
export const CM01_EVENTS = 'logs/CM01/System.xml';
export const DISTMGR_LOG = 'logs/DP01/distmgr "q" & <b>.log';
export const BOB_LOG = 'C:\\Users\\bob\\Desktop\\case\\SMSProv.log';

export function diagnosisFixture(): Diagnosis {
  return {
    verdict: 'likely',
    reasons: [
      'A console failure on CONSOLE01 pairs with DCOM event 10036 on CM01 within 3 s.',
      'CM01 refused activations from CONSOLE01 (10.0.0.23) as CORP\\alice.',
      `Reason text from a log: ${HOSTILE.script} & \`backticks\` | pipe ${HOSTILE.jsLink}`,
    ],
    findings: [
      finding({
        code: 'access-denied',
        file: ADMINUI_LOG,
        line: 12,
        column: 58,
        time: '2022-06-20T01:02:11.000Z',
        timeSource: 'eventAlignment',
        machine: 'CONSOLE01',
        context: 'consoleToProvider',
        message: 'Connecting to \\\\CM01\\root\\sms as CORP\\alice failed: 0x80070005 access denied.',
        excerpt: `Connecting to \\\\CM01\\root\\sms as CORP\\alice failed ${HOSTILE.script} 0x80070005`,
        peer: 'CM01',
      }),
      finding({
        code: 'rpc-unavailable',
        file: DISTMGR_LOG,
        line: 3,
        column: 40,
        time: '2022-06-20T01:03:00.000Z',
        timeSource: 'bias',
        machine: 'DP01',
        context: 'siteServerToDistributionPoint',
        message: `Failed to reach 192.168.10.20 ${HOSTILE.img}`,
        excerpt: `Failed to connect to 192.168.10.20 ${HOSTILE.pipes} ${HOSTILE.backticks} ${HOSTILE.cdataEnd} ${HOSTILE.quotes} ${HOSTILE.ansi} ${HOSTILE.bidi} 0x800706BA`,
        peer: '192.168.10.20',
      }),
      finding({
        code: 'dcom-10036',
        file: CM01_EVENTS,
        line: 40,
        column: 15,
        time: '2022-06-20T01:02:13.500Z',
        timeSource: 'event',
        machine: 'CM01',
        message: `DCOM event 10036 (server side): activation by CORP\\alice (${ALICE_SID}) from 10.0.0.23 was refused.`,
        excerpt: `<Data Name="Domain Name">CORP</Data><Data Name="User Name">alice</Data><Data Name="SID">${ALICE_SID}</Data><Data Name="Client IP Address">10.0.0.23</Data>`,
        peer: '10.0.0.23',
        details: { domain: 'CORP', user: 'alice', sid: ALICE_SID, clientAddress: '10.0.0.23' },
      }),
      finding({
        code: 'dcom-10036',
        file: CM01_EVENTS,
        line: 52,
        column: 15,
        time: '2022-06-20T01:05:40.000Z',
        timeSource: 'event',
        machine: 'CM01',
        message: `DCOM event 10036 (server side): activation by CORP\\CONSOLE01$ (${CONSOLE_ACCOUNT_SID}) from 2001:db8::23 was refused. ${HOSTILE.img}`,
        excerpt: `<Data>CORP</Data><Data>CONSOLE01$</Data><Data>${CONSOLE_ACCOUNT_SID}</Data><Data>2001:db8::23</Data> javascript:alert(1)`,
        peer: '2001:db8::23',
        details: { domain: 'CORP', user: 'CONSOLE01$', sid: CONSOLE_ACCOUNT_SID, clientAddress: '2001:db8::23' },
      }),
      finding({
        code: 'dcom-10037',
        file: CONSOLE_EVENTS,
        line: 7,
        column: 15,
        time: '2022-06-20T01:02:12.000Z',
        timeSource: 'event',
        machine: 'CONSOLE01',
        message: 'DCOM event 10037 (client side): Microsoft.ConfigurationManagement.exe asked to activate a CLSID on CM01.corp.contoso.com with level 2.',
        excerpt: `<Data>C:\\Program Files\\Microsoft Configuration Manager\\AdminConsole\\bin\\Microsoft.ConfigurationManagement.exe</Data> ${HOSTILE.jsLink} ![x](https://evil.example/x.png)`,
        peer: 'CM01.corp.contoso.com',
        details: {
          application: 'C:\\Program Files\\Microsoft Configuration Manager\\AdminConsole\\bin\\Microsoft.ConfigurationManagement.exe',
          processId: '4242',
          clsid: '{8BC3F05E-D86B-11D0-A075-00C04FB68820}',
          computer: 'CM01.corp.contoso.com',
          authenticationLevel: '2',
        },
      }),
      finding({
        code: 'wmi-access-denied',
        file: BOB_LOG,
        line: 99,
        column: 5,
        severity: 'warning',
        context: 'unknown',
        message: 'WMI access denied (0x80041003): namespace security, not DCOM hardening.',
        excerpt: 'Caller NT AUTHORITY\\SYSTEM (S-1-5-18) on ::1 and 127.0.0.1 denied 0x80041003 in root\\cimv2 at 10:02:11.204',
      }),
    ],
    correlations: [
      { log: { file: ADMINUI_LOG, line: 12 }, event: { file: CM01_EVENTS, line: 40 }, deltaSeconds: 2.5, kind: 'serverRejection', logMachine: 'CONSOLE01', eventMachine: 'CM01', peerMatched: true, target: 'CM01' },
      { log: { file: ADMINUI_LOG, line: 12 }, event: { file: CONSOLE_EVENTS, line: 7 }, deltaSeconds: 1, kind: 'clientActivation', logMachine: 'CONSOLE01', eventMachine: 'CONSOLE01', peerMatched: false, target: 'CM01' },
    ],
    registry: [
      {
        file: 'logs/CM01/ole.reg',
        line: 5,
        machine: 'CM01',
        key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole\\AppCompat',
        name: 'RequireIntegrityActivationAuthenticationLevel',
        value: 0,
        verdict: 'ignored',
        message: `Set to 0 (the phase 2 opt-out): ignored since 2023-03-14. <b>Never a fix.</b>`,
      },
      {
        file: 'logs/CM01/ole.reg',
        line: 9,
        machine: 'CM01',
        key: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole\\AppCompat',
        name: HOSTILE.pipes,
        value: null,
        verdict: 'informational',
        message: `An unknown value ${HOSTILE.pipes} ${HOSTILE.img}`,
      },
    ],
    machines: [
      machine({
        id: 'CONSOLE01',
        names: ['CONSOLE01', 'console01.corp.contoso.com'],
        addresses: ['10.0.0.23', '2001:db8::23'],
        roles: ['console'],
        files: [ADMINUI_LOG, CONSOLE_EVENTS],
        utcOffsetMinutes: 540,
        utcOffsetSource: 'eventAlignment',
        identifiedBy: ['folder name logs/CONSOLE01', 'event Computer console01.corp.contoso.com'],
        activatedBelowIntegrity: ['CM01'],
        hasEventExport: true,
      }),
      machine({
        id: 'CM01',
        names: ['CM01', 'CM01.corp.contoso.com'],
        addresses: ['10.0.0.4', 'fe80::1c2d:3e4f:5a6b:7c8d'],
        roles: ['siteServer', 'smsProvider'],
        files: [CM01_EVENTS, 'logs/CM01/ole.reg'],
        utcOffsetMinutes: 540,
        utcOffsetSource: 'bias',
        identifiedBy: ['folder name logs/CM01', 'log text 10.0.0.4'],
        refusedActivationsFrom: ['CONSOLE01'],
        hasEventExport: true,
      }),
      machine({
        id: 'DP01',
        names: ['DP01', HOSTILE.img],
        roles: ['distributionPoint'],
        files: [DISTMGR_LOG],
        utcOffsetMinutes: -420,
        utcOffsetSource: 'bias',
        identifiedBy: [`folder name ${HOSTILE.script}`],
      }),
      machine({ id: '192.168.10.20', names: [], addresses: ['192.168.10.20'], roles: ['distributionPoint'], identifiedBy: ['distmgr.log peer'] }),
    ],
    recommendations: [
      {
        id: 'install-latest-cu-both-sides',
        title: 'Install the latest Windows cumulative update on CONSOLE01 and CM01',
        detail: 'Both the machine that connects (CONSOLE01, 10.0.0.23) and the machine that receives (CM01) need it.',
        machines: ['CONSOLE01', 'CM01'],
      },
      { id: 'upgrade-configmgr-2203', title: 'Use Configuration Manager 2203 or later', detail: 'The console of older versions authenticates below packet integrity.', machines: ['CM01'] },
      {
        id: 'registry-workaround-ignored',
        title: 'Remove RequireIntegrityActivationAuthenticationLevel',
        detail: 'It has been ignored since 2023-03-14 and is not a fix.',
        machines: ['CM01'],
      },
      { id: 'check-firewall-and-rpc', title: 'Check the firewall and RPC to 192.168.10.20', detail: `${HOSTILE.pipes} ${HOSTILE.script}`, machines: ['DP01', '192.168.10.20'] },
    ],
    files: [
      { path: ADMINUI_LOG, format: 'adminui', machine: 'CONSOLE01', records: 120, findings: 1, problems: 0 },
      { path: CONSOLE_EVENTS, format: 'eventXml', machine: 'CONSOLE01', records: 30, findings: 1, problems: 0 },
      { path: CM01_EVENTS, format: 'eventXml', machine: 'CM01', records: 64, findings: 2, problems: 0 },
      { path: 'logs/CM01/ole.reg', format: 'reg', machine: 'CM01', records: 3, findings: 0, problems: 0 },
      { path: DISTMGR_LOG, format: 'ccm', machine: 'DP01', records: 10, findings: 1, problems: 1 },
      { path: BOB_LOG, format: 'ccm', machine: null, records: 1, findings: 1, problems: 0 },
      {
        path: 'C:\\Users\\bob\\Desktop\\case\\locked.log',
        format: 'unreadable',
        machine: null,
        records: 0,
        findings: 0,
        problems: 1,
        error: "EACCES: permission denied, open 'C:\\Users\\bob\\Desktop\\case\\locked.log'",
      },
    ],
    windowSeconds: 120,
    locale: 'en',
  };
}

/** The fixture in Japanese (labels only: the engine's sentences stay as written). */
export function diagnosisFixtureJa(): Diagnosis {
  return { ...diagnosisFixture(), locale: 'ja' };
}

/** An empty diagnosis: nothing found. */
export function emptyDiagnosis(): Diagnosis {
  return {
    verdict: 'unlikely',
    reasons: [],
    findings: [],
    correlations: [],
    registry: [],
    machines: [],
    recommendations: [],
    files: [],
    windowSeconds: 120,
    locale: 'en',
  };
}

/**
 * `count` findings spread over `spanMs` from `startIso` on `machines` machines, every tenth paired
 * with the next event (deterministic).
 */
export function manyFindings(count: number, startIso: string, spanMs: number, machines = 3): Diagnosis {
  const start = Date.parse(startIso);
  const codes = ['access-denied', 'rpc-unavailable', 'dcom-10036', 'dcom-10037', 'dcom-10038'] as const;
  const findings: DiagnosisFinding[] = [];
  for (let i = 0; i < count; i++) {
    const code = codes[i % codes.length] ?? 'access-denied';
    findings.push(
      finding({
        code,
        file: code.startsWith('dcom') ? `m${i % machines}/System.xml` : `m${i % machines}/SMSProv.log`,
        line: i + 1,
        time: new Date(start + Math.floor((spanMs * i) / Math.max(1, count - 1))).toISOString(),
        timeSource: code.startsWith('dcom') ? 'event' : 'bias',
        machine: `M${i % machines}`,
        excerpt: `record ${i} <x>`,
      }),
    );
  }
  const correlations = findings
    .filter((f, i) => i % 10 === 0 && !f.code.startsWith('dcom'))
    .map((f) => {
      const event = findings[f.line + 1] ?? f;
      return {
        log: { file: f.file, line: f.line },
        event: { file: event.file, line: event.line },
        deltaSeconds: 1,
        kind: 'serverRejection' as const,
        logMachine: f.machine,
        eventMachine: event.machine,
        peerMatched: true,
        target: event.machine,
      };
    });
  return {
    ...emptyDiagnosis(),
    verdict: 'possible',
    findings,
    correlations,
    machines: Array.from({ length: machines }, (_, i) => machine({ id: `M${i}` })),
  };
}

// ---- Checks shared by the report tests ----


export const GOLDEN_DIR = join(repoRoot(), 'test', 'fixtures', 'report');

/** Compares with `test/fixtures/report/<name>`; `UPDATE_GOLDEN=1` writes it instead. */
export function assertGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual, 'utf8');
    return;
  }
  assert.ok(existsSync(file), `golden file ${name} is missing: run the tests once with UPDATE_GOLDEN=1`);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`);
}

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** Parses XML with saxes; returns the elements and the text, or throws with the parser's errors. */
export function parseXml(xml: string): { elements: XmlElement[]; texts: string[] } {
  const parser = new SaxesParser({ xmlns: false });
  const errors: string[] = [];
  const elements: XmlElement[] = [];
  const texts: string[] = [];
  parser.on('error', (e) => errors.push(e.message));
  parser.on('opentag', (tag) => elements.push({ name: tag.name, attributes: { ...tag.attributes } as Record<string, string> }));
  parser.on('text', (t) => texts.push(t));
  parser.write(xml).close();
  if (errors.length > 0) throw new Error(`not well-formed XML: ${errors.join('; ')}`);
  return { elements, texts };
}

export interface HtmlTag {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
}

/**
 * Every start tag of an HTML document whose text is escaped: any `<` followed by a letter is markup
 * (escaped text never contains a raw `<`). Style and script bodies are skipped.
 */
export function htmlTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  const body = html.replace(/(<(style|script)\b[^>]*>)[\s\S]*?(<\/\2>)/g, '$1$3');
  for (const m of body.matchAll(/<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attributes = new Map<string, string>();
    for (const a of (m[2] ?? '').matchAll(/([^\s=>/]+)(?:="([^"]*)")?/g)) attributes.set((a[1] ?? '').toLowerCase(), a[2] ?? '');
    tags.push({ name: (m[1] ?? '').toLowerCase(), attributes });
  }
  return tags;
}

/** Every `<` of the document that starts a tag, a comment or a doctype. */
export function countMarkupOpeners(html: string): number {
  return (html.match(/<[A-Za-z!/]/g) ?? []).length;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInt = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 1;
const URI_REFERENCE = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;

/** The key constraints of the SARIF 2.1.0 schema for what we write; returns the problems found. */
export function sarifProblems(log: unknown): string[] {
  const p: string[] = [];
  if (!isObject(log)) return ['log is not an object'];
  if (log.version !== '2.1.0') p.push('version must be "2.1.0"');
  if (typeof log.$schema !== 'string' || !/^https:\/\//.test(log.$schema)) p.push('$schema must be an https URI');
  if (!Array.isArray(log.runs) || log.runs.length === 0) return [...p, 'runs must be a non-empty array'];
  log.runs.forEach((run: unknown, r) => {
    if (!isObject(run)) return void p.push(`runs[${r}] is not an object`);
    const driver = isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : null;
    if (!driver) return void p.push(`runs[${r}].tool.driver missing`);
    if (typeof driver.name !== 'string' || driver.name === '') p.push('driver.name must be a non-empty string');
    const rules = Array.isArray(driver.rules) ? driver.rules : [];
    const ids = rules.map((rule: unknown) => (isObject(rule) ? rule.id : undefined));
    if (new Set(ids).size !== ids.length) p.push('rule ids must be unique');
    rules.forEach((rule: unknown, i) => {
      if (!isObject(rule) || typeof rule.id !== 'string') return void p.push(`rules[${i}].id`);
      if (!isObject(rule.shortDescription) || typeof rule.shortDescription.text !== 'string') p.push(`rules[${i}].shortDescription.text`);
      if (rule.helpUri !== undefined && (typeof rule.helpUri !== 'string' || !/^https:\/\/\S+$/.test(rule.helpUri))) p.push(`rules[${i}].helpUri`);
      const level = isObject(rule.defaultConfiguration) ? rule.defaultConfiguration.level : undefined;
      if (level !== undefined && !['none', 'note', 'warning', 'error'].includes(String(level))) p.push(`rules[${i}].defaultConfiguration.level`);
    });
    if (run.columnKind !== undefined && !['utf16CodeUnits', 'unicodeCodePoints'].includes(String(run.columnKind))) p.push('columnKind');
    const bases = isObject(run.originalUriBaseIds) ? run.originalUriBaseIds : {};
    for (const [id, base] of Object.entries(bases)) {
      if (!isObject(base) || typeof base.uri !== 'string' || !/^file:\/\/.*\/$/.test(base.uri) || !URI_REFERENCE.test(base.uri)) p.push(`originalUriBaseIds.${id}.uri must be an absolute file URI ending with /`);
    }
    if (!Array.isArray(run.results)) return void p.push(`runs[${r}].results must be an array`);
    run.results.forEach((result: unknown, i) => {
      const at = `results[${i}]`;
      if (!isObject(result)) return void p.push(`${at} is not an object`);
      if (typeof result.ruleId !== 'string' || !ids.includes(result.ruleId)) p.push(`${at}.ruleId must name a rule`);
      if (result.ruleIndex !== undefined && (typeof result.ruleIndex !== 'number' || ids[result.ruleIndex] !== result.ruleId)) p.push(`${at}.ruleIndex must point at its rule`);
      if (!['none', 'note', 'warning', 'error'].includes(String(result.level))) p.push(`${at}.level`);
      if (result.kind !== undefined && !['notApplicable', 'pass', 'fail', 'review', 'open', 'informational'].includes(String(result.kind))) p.push(`${at}.kind`);
      if (!isObject(result.message) || typeof result.message.text !== 'string' || result.message.text === '') p.push(`${at}.message.text`);
      if (!Array.isArray(result.locations) || result.locations.length === 0) return void p.push(`${at}.locations`);
      result.locations.forEach((location: unknown, j) => {
        const phys = isObject(location) && isObject(location.physicalLocation) ? location.physicalLocation : null;
        const art = phys && isObject(phys.artifactLocation) ? phys.artifactLocation : null;
        const region = phys && isObject(phys.region) ? phys.region : null;
        if (!art || typeof art.uri !== 'string') return void p.push(`${at}.locations[${j}].artifactLocation.uri`);
        if (art.uri.includes('\\')) p.push(`${at} uri has a backslash: ${art.uri}`);
        if (!URI_REFERENCE.test(art.uri)) p.push(`${at} uri is not a valid URI reference: ${art.uri}`);
        if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(art.uri) || art.uri.startsWith('/')) p.push(`${at} uri is not relative: ${art.uri}`);
        if (art.uriBaseId !== undefined && !(typeof art.uriBaseId === 'string' && art.uriBaseId in bases)) p.push(`${at} uriBaseId ${String(art.uriBaseId)} is not in originalUriBaseIds`);
        if (!region || !isPositiveInt(region.startLine)) p.push(`${at}.region.startLine`);
        if (region && region.startColumn !== undefined && !isPositiveInt(region.startColumn)) p.push(`${at}.region.startColumn`);
      });
    });
  });
  return p;
}

/** Every string anywhere in a JSON-like value. */
export function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) allStrings(v, out);
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) {
    out.push(k);
    allStrings(v, out);
  }
  return out;
}
