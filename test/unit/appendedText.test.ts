/**
 * The incremental analysis of an appended tail gives exactly the full analysis: for every split of
 * real-shaped CCM, simple, AdminUI, plain and event XML texts (inline fixtures and the corpus), and for
 * random splits of generated and mutated texts (fast-check),
 * `analyzeAppended(analyzeDocument(prefix), prefix + tail)` equals `analyzeDocument(prefix + tail)` in
 * model, codes, findings and line index, compared as plain data. And it parses only the tail.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Finding } from '../../server/src/core/analysis/findings';
import { analyzeAppended } from '../../server/src/core/appendedText';
import { analyzeDocument, type AnalyzedDocument } from '../../server/src/core/document';
import type { Field } from '../../server/src/core/model';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { decodeText } from '../../server/src/core/text/decode';
import { fuzzParameters } from './support/fuzz/config';
import { adminUiLog, anyDocument, ccmLog, eventXml, mutated, plainLog, realFiles, simpleLog } from './support/fuzz/generators';
import { snapshotModel } from './support/fuzz/invariants';
import { repoRoot } from './support/repoRoot';

// --- comparing analyses as plain data ------------------------------------------------------------------

const field = (f: Field | null | undefined): [number, number, string] | null => (f ? [f.span.start, f.span.end, f.value] : null);

function projectFinding(doc: AnalyzedDocument, f: Finding): unknown {
  if (f.kind === 'log') {
    const records = doc.model.kind === 'log' ? doc.model.records : [];
    return {
      kind: f.kind,
      code: f.code,
      severity: f.severity,
      context: f.context,
      span: [f.span.start, f.span.end],
      token: [f.token.span.start, f.token.span.end, f.token.value, f.token.form],
      // Which record, by position in the model (identity differs between the two analyses).
      record: records.findIndex((r) => r.span.start === f.record.span.start && r.span.end === f.record.span.end),
    };
  }
  const events = doc.model.kind === 'events' ? doc.model.events : [];
  const details = Object.fromEntries(
    Object.entries(f.details).map(([k, v]) => [k, typeof v === 'object' && v !== null ? field(v as Field) : v]),
  );
  return {
    kind: f.kind,
    code: f.code,
    severity: f.severity,
    span: [f.span.start, f.span.end],
    event: events.findIndex((e) => e.span.start === f.event.span.start),
    details,
  };
}

function lines(index: LineIndex): [number, number][] {
  return Array.from({ length: index.lineCount }, (_, i) => [index.lineStart(i), index.lineEnd(i)]);
}

/** Everything an analysis says, as plain data (no object identity, no lazy getters). */
function project(doc: AnalyzedDocument): unknown {
  return {
    text: doc.text,
    fileName: doc.fileName,
    kind: doc.model.kind,
    model: snapshotModel(doc.model),
    codes: doc.codes.map((c) => [c.span.start, c.span.end, c.value, c.form]),
    findings: doc.findings.map((f) => projectFinding(doc, f)),
    lines: lines(doc.lineIndex),
    eventRoot: doc.eventRoot,
  };
}

/** Appends `parts` one after another to the analysis of the first, and compares with a full analysis. */
function assertAppendsMatch(parts: readonly string[], fileName: string): AnalyzedDocument {
  let text = parts[0] ?? '';
  let doc = analyzeDocument(text, fileName);
  for (const part of parts.slice(1)) {
    text += part;
    doc = analyzeAppended(doc, text);
  }
  const full = analyzeDocument(text, fileName);
  const where = parts.map((p) => p.length).join(' + ');
  assert.deepEqual(project(doc), project(full), `${fileName} split ${where} (${JSON.stringify(parts.map((p) => p.slice(-30)))})`);
  return doc;
}

// --- inline fixtures, real-shaped --------------------------------------------------------------------------

const ccmLine = (message: string, type: string, time = '10:02:11.204-540', thread = '4120'): string =>
  `<![LOG[${message}]LOG]!><time="${time}" date="06-20-2023" component="SMS_PROV" context="" type="${type}" thread="${thread}" file="x.cpp:1">`;

const CCM = [
  'ecord that lost its start]LOG]!><time="10:02:10.000-540" date="06-20-2023" component="SMS_PROV" context="" type="1" thread="1" file="">',
  ccmLine('Connecting to \\\\CM01.corp.contoso.com\\root\\sms\\site_PS1', '1'),
  ccmLine('Failed to connect: 0x80070005\r\nsecond line of the message\rbare CR line\nbare LF line', '3'),
  ccmLine('RPC call returned -2147023174 (The RPC server is unavailable)', '2') + ccmLine('Same line record E_ACCESSDENIED', '3'),
  'junk between records',
  ccmLine('Object 8BC3F05E-D86B-11D0-A075-00C04FB68820 loaded', '1', '10:02:12.5+420'),
  '<![LOG[Broken trailer 80070005]LOG]!><time="10:02:13.000-540" date="06-20-2023" component="X"',
  ccmLine('アクセスが拒否されました。 RPC サーバーを利用できません', '3', '10:02:14.000+-420', ''),
  '<![LOG[Still being written: 0x800706BA and more',
].join('\r\n');

const SIMPLE = [
  '~Processing package PS100012  $$<SMS_DISTRIBUTION_MANAGER><06-14-2022 06:26:25.828-60><thread=9112 (0x2398)>',
  'continuation line without a trailer',
  '~Failed to connect to \\\\DP01.corp.contoso.com\\SMS_DP$ error = 0x800706BA  $$<SMS_DISTRIBUTION_MANAGER><06-14-2022 06:26:26.001-60><thread=9112 (0x2398)>',
  '',
  'STATMSG: ID=2344 SEV=E  $$<SMS_DISTRIBUTION_MANAGER><6-1-2022 06:26:27.000+180><thread=1>',
  '*** [42000][0x80070005] Access is denied  $$<SMS_PACKAGE_TRANSFER_MANAGER><06-14-2022 06:26:28.000-60><thread=77 (0x4D)>   ',
  'a tail without a trailer yet 2147942405',
].join('\r\n');

const ADMINUI = [
  'System.UnauthorizedAccessException',
  '   at System.Management.ThreadDispatch.Start()',
  '[14, PID:5720][06/20/2022 10:02:11] :Insufficient privilege to connect, error: \'0x80070005\'',
  'System.UnauthorizedAccessException',
  'Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))',
  '   at System.Management.ThreadDispatch.Start()',
  '',
  '[1][06/20/2022 10:02:12]: Connecting to SMS Provider',
  '[994][06/20/2022 10:02:13]: System.Runtime.InteropServices.COMException (0x800706BA)',
  '   場所 System.Management.ManagementScope.InitializeGuts(Object o)',
].join('\n');

const PLAIN = [
  'Starting the console',
  'Error: cannot connect to CM01: The RPC server is unavailable',
  'System.UnauthorizedAccessException',
  'Access is denied.',
  '   at Microsoft.ConfigurationManagement.ManagementProvider.WqlQueryEngine.WqlConnectionManager.Connect(String path)',
  '',
  '\tat another frame',
  'retrying in 30 seconds 0x80041003',
  'done',
].join('\r\n');

const NS = 'http://schemas.microsoft.com/win/2004/08/events/event';
const event = (id: string, data: string, computer = 'CM01.corp.contoso.com'): string =>
  `<Event xmlns='${NS}'><System><Provider Name='Microsoft-Windows-DistributedCOM' EventSourceName='DCOM'/><EventID Qualifiers='0'>${id}</EventID>` +
  `<Level>2</Level><TimeCreated SystemTime='2023-06-20T01:02:11.5000000Z'/><Execution ProcessID='1408' ThreadID='10036'/><Computer>${computer}</Computer></System>` +
  `<EventData>${data}</EventData></Event>`;
const E10036 = event('10036', "<Data Name='Domain Name'>CORP</Data><Data Name='User Name'>cmadmin</Data><Data Name='SID'>S-1-5-21-1-2-3-1104</Data><Data Name='Client IP Address'>10.0.10.25</Data>");
const E10037 = event('10037', '<Data>C:\\Program Files\\ConfigMgr\\AdminConsole\\bin\\Microsoft.ConfigurationManagement.exe</Data><Data>4711</Data><Data>{8BC3F05E-D86B-11D0-A075-00C04FB68820}</Data><Data>CM01</Data><Data>2</Data>', 'CONSOLE01');
const E10016 = event('10016', "<Data Name='param1'>application-specific &amp; AT&T</Data>");

const EVENT_VIEWER = `<?xml version="1.0" encoding="UTF-8"?>\r\n<Events>\r\n${E10036}\r\n${E10016}\r\n<!-- a comment with <Event> -->\r\n${E10037}\r\n<Event><System><EventID>bad</EventID></System></Event>\r\n</Events>\r\n`;
const WEVTUTIL = [E10016, E10036, E10037, E10036.replace('10036', '10038')].join('\n') + '\n';
const PASTE = `Here is what I see in Event Viewer:\r\n${E10036}\r\nand then\r\n${E10037}\r\nAny idea?`;
const XML_VIEW = `- ${E10036.replace(/></g, '>\r\n- <')}\r\n- ${E10037.replace(/></g, '>\r\n- <')}`;

const INLINE: readonly [string, string][] = [
  ['SMSProv.log', CCM],
  ['distmgr.log', SIMPLE],
  ['SmsAdminUI.log', ADMINUI],
  ['console.txt', PLAIN],
  ['System.xml', EVENT_VIEWER],
  ['wevtutil.xml', WEVTUTIL],
  ['paste.txt', PASTE],
  ['xmlview.txt', XML_VIEW],
];

describe('analyzeAppended equals the full analysis', () => {
  for (const [name, text] of INLINE) {
    it(`${name}: every split into two`, () => {
      for (let k = 0; k <= text.length; k++) assertAppendsMatch([text.slice(0, k), text.slice(k)], name);
    });
    it(`${name}: chains of three appends`, () => {
      const step = Math.max(1, Math.floor(text.length / 60));
      for (let a = 0; a <= text.length; a += step) {
        for (let b = a; b <= text.length; b += step * 7) {
          assertAppendsMatch([text.slice(0, a), text.slice(a, b), text.slice(b)], name);
        }
      }
    });
  }

  const root = repoRoot(__dirname);
  const corpus = ['corpus', 'events'].flatMap((dir) =>
    readdirSync(join(root, 'test', 'fixtures', dir))
      .filter((f) => f !== 'expected.json')
      .map((f) => ({ name: f, text: decodeText(readFileSync(join(root, 'test', 'fixtures', dir, f))) })),
  );
  for (const { name, text } of corpus) {
    it(`corpus ${name}: splits around every record and event boundary, and evenly spread`, () => {
      const full = analyzeDocument(text, name);
      const items = full.model.kind === 'log' ? full.model.records : full.model.events;
      const splits = new Set<number>();
      for (const { span } of items) for (const at of [span.start, span.end]) for (let d = -2; d <= 2; d++) splits.add(at + d);
      for (let i = 0; i <= 40; i++) splits.add(Math.floor((text.length * i) / 40));
      for (const k of [...splits].filter((s) => s >= 0 && s <= text.length)) assertAppendsMatch([text.slice(0, k), text.slice(k)], name);
    });
  }
});

describe('analyzeAppended parses only the tail', () => {
  const records = Array.from({ length: 3000 }, (_, i) => ccmLine(`Step ${i} done`, '1') + '\r\n').join('');
  const tail = [ccmLine('Failed to connect to \\\\DP01\\root\\sms: 0x80070005', '3'), ccmLine('next', '1')].join('\r\n') + '\r\n';

  it('re-parses from the last record of a CCM log, and finds the finding in the new lines', () => {
    const previous = analyzeDocument(records, 'SMSProv.log');
    const doc = analyzeAppended(previous, records + tail);
    const lastOld = previous.model.kind === 'log' ? previous.model.records.at(-1) : undefined;
    assert.equal(doc.parsedFrom, previous.model.kind === 'log' ? previous.model.records.at(-2)?.span.end : -1);
    assert.ok(lastOld && doc.parsedFrom <= lastOld.span.start);
    assert.ok(doc.text.length - doc.parsedFrom < doc.text.length / 100, `parsed ${doc.text.length - doc.parsedFrom} of ${doc.text.length}`);
    assert.deepEqual(doc.findings.map((f) => [f.code, doc.lineIndex.positionAt(f.span.start).line]), [['access-denied', 3000]]);
  });

  it('keeps the earlier records as they were (no re-parse, same objects)', () => {
    const previous = analyzeDocument(records, 'SMSProv.log');
    const doc = analyzeAppended(previous, records + tail);
    assert.ok(previous.model.kind === 'log' && doc.model.kind === 'log');
    assert.equal(doc.model.records[0], previous.model.records[0]);
    assert.equal(doc.model.records[2998], previous.model.records[2998]);
  });

  it('resumes event XML after its last event', () => {
    const head = `<Events>\r\n${E10016}\r\n${E10036}\r\n`;
    const previous = analyzeDocument(head, 'System.xml');
    const doc = analyzeAppended(previous, head + `${E10037}\r\n</Events>\r\n`);
    assert.equal(doc.parsedFrom, head.length - 2);
    assert.deepEqual(doc.findings.map((f) => f.code), ['dcom-10036', 'dcom-10037']);
  });

  it('falls back to a full parse when the text does not extend the old one, or the format changed', () => {
    const previous = analyzeDocument(records, 'SMSProv.log');
    assert.equal(analyzeAppended(previous, records.replace('Step 2999', 'Step 9999') + tail).parsedFrom, 0);
    assert.equal(analyzeAppended(previous, 'x' + records + tail).parsedFrom, 0);
    const plain = analyzeDocument('a line\r\nanother line\r\n', 'x.log');
    const grown = analyzeAppended(plain, 'a line\r\nanother line\r\n' + ccmLine('now CCM', '1'));
    assert.equal(grown.parsedFrom, 0);
    assert.equal(grown.model.format, 'ccm');
  });
});

describe('LineIndex.appended equals a fresh index', () => {
  const cases: [string, string][] = [
    ['a\r\nb', 'c\r\nd'],
    ['a\r', '\nb'],
    ['a\r', 'b'],
    ['', 'x\ny'],
    ['a\n', ''],
    ['\r\n\r', '\r\n\n\r'],
  ];
  for (const [head, tail] of cases) {
    it(JSON.stringify([head, tail]), () => {
      const base = new LineIndex(head);
      assert.deepEqual(lines(base.appended(head + tail)), lines(new LineIndex(head + tail)));
      // The base index is unchanged, and appending to it again (another text) is independent.
      assert.deepEqual(lines(base), lines(new LineIndex(head)));
      assert.deepEqual(lines(base.appended(head + 'z\n')), lines(new LineIndex(head + 'z\n')));
    });
  }
});

describe('fuzz: analyzeAppended equals the full analysis at random splits', () => {
  const shapes: [string, fc.Arbitrary<string>][] = [
    ['ccm', ccmLog],
    ['simple', simpleLog],
    ['adminui', adminUiLog],
    ['plain', plainLog],
    ['eventXml', eventXml],
  ];
  const splits = fc.array(fc.nat(), { minLength: 1, maxLength: 3 });
  const cut = (text: string, points: readonly number[]): string[] => {
    const at = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
    return [0, ...at].map((from, i) => text.slice(from, at[i] ?? text.length));
  };
  for (const [name, generator] of shapes) {
    it(`${name}: generated logs, mutated logs`, () => {
      fc.assert(
        fc.property(fc.oneof(generator, mutated(generator, 2)), splits, fc.constantFrom('SMSProv.log', 'distmgr.log', 'System.xml'), (text, points, fileName) => {
          assertAppendsMatch(cut(text, points), fileName);
        }),
        fuzzParameters(150),
      );
    });
  }
  it('any document: real files, glued shapes, random text', () => {
    const seeds = realFiles().map((f) => f.text);
    fc.assert(
      fc.property(anyDocument(seeds), splits, (text, points) => {
        assertAppendsMatch(cut(text, points), 'SmsAdminUI.log');
      }),
      fuzzParameters(200),
    );
  });
});
