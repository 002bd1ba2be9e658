/**
 * Hostile input, one test each: what a broken, enormous, binary or crafted file does to the analysis an
 * editor runs on every keystroke (analyzeDocument, diagnostics, semantic tokens, folding, hovers) and to
 * the folder diagnosis. Each must finish within a bound far above its real cost (a quadratic or worse
 * path blows through it by orders of magnitude), give a model whose spans stay inside the text, expand
 * no entity and read no file or network address named in the input.
 *
 * `HOSTILE_PROFILE=1 node out/test/unit/hostileInput.test.js` prints the time of every step.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { scanErrorCodes } from '../../server/src/core/analysis/errorCodes';
import { createDiagnosisBuilder } from '../../server/src/core/diagnosis';
import { analyzeDocument, type AnalyzedDocument } from '../../server/src/core/document';
import { getDiagnostics } from '../../server/src/core/features/diagnostics';
import { getFoldingRanges } from '../../server/src/core/features/folding';
import { getHover } from '../../server/src/core/features/hover';
import { toRange } from '../../server/src/core/features/ranges';
import { getSemanticTokens } from '../../server/src/core/features/semanticTokens';
import { parseRegExport } from '../../server/src/core/formats/reg';
import type { DocumentFormat, EventDocumentModel } from '../../server/src/core/model';
import { decodeText, sniffEncoding } from '../../server/src/core/text/decode';
import { assertDocumentModel, assertRegModel, assertSemanticTokens, snapshotModel } from './support/fuzz/invariants';
import { assertWithin } from './support/fuzz/timing';

/** Per step. Real costs are tens to a few hundred ms on the largest inputs here; a quadratic path takes minutes. */
const BOUND_MS = 4000;

const EVENT_NS = 'http://schemas.microsoft.com/win/2004/08/events/event';

interface Exercise {
  readonly format?: DocumentFormat;
  readonly fileName?: string;
}

/** Runs the analysis, every feature and the diagnosis over `text`, each within the bound; returns the document. */
function exercise(name: string, text: string, options: Exercise = {}): AnalyzedDocument {
  if (process.env.HOSTILE_PROFILE) console.log(name);
  let doc: AnalyzedDocument | undefined;
  assertWithin(`${name}: analyzeDocument`, BOUND_MS, () => {
    doc = analyzeDocument(text, options.fileName, options.format);
  });
  assert.ok(doc);
  const analyzed = doc;
  assertDocumentModel(text, analyzed.model);
  const lines = text.split(/\r\n|\r|\n/).map((l) => l.length);
  assertWithin(`${name}: getDiagnostics`, BOUND_MS, () => void getDiagnostics(analyzed, 'en'));
  assertWithin(`${name}: getSemanticTokens`, BOUND_MS, () => assertSemanticTokens(getSemanticTokens(analyzed), lines));
  assertWithin(`${name}: getFoldingRanges`, BOUND_MS, () => void getFoldingRanges(analyzed));
  assertWithin(`${name}: hovers`, BOUND_MS, () => {
    for (let i = 0; i <= 8; i++) getHover(analyzed, analyzed.lineIndex.positionAt(Math.floor((text.length * i) / 8)), 'en');
  });
  assertWithin(`${name}: diagnosis`, BOUND_MS, () => {
    const builder = createDiagnosisBuilder({ locale: 'en', windowSeconds: 120, defaultUtcOffsetMinutes: null });
    builder.addFile(options.fileName ?? 'evidence/CM01/hostile.log', text);
    const d = builder.finish();
    for (const f of d.files) assert.ok(!f.error?.startsWith('analysis failed'), `${name}: ${f.error}`);
  });
  return analyzed;
}

/** Deterministic bytes (xorshift32), so the "random" binary is the same on every run. */
function randomBytes(length: number, seed = 0x2545f491): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

const CCM_LINE =
  '<![LOG[Failed to connect to \\\\DP01.corp.contoso.com\\root\\SCCMDP (0x80070005) アクセスが拒否されました。]LOG]!>' +
  '<time="10:30:43.112+240" date="10-18-2019" component="TSManager" context="" type="3" thread="1964" file="utils.cpp:7745">\r\n';
const SIMPLE_LINE = '~Failed to connect to \\\\DP01.corp.contoso.com\\root\\SCCMDP, error 0x80070005  $$<SMS_DISTRIBUTION_MANAGER><06-11-2024 17:51:50.571+420><thread=6648 (0x19F8)>\r\n';

function event(body: string, data: string): string {
  return (
    `<Event xmlns='${EVENT_NS}'><System><Provider Name='Microsoft-Windows-DistributedCOM' EventSourceName='DCOM'/>` +
    `<EventID Qualifiers='0'>10036</EventID><Level>2</Level><TimeCreated SystemTime='2024-06-12T00:51:50.5562108Z'/>` +
    `<Computer>DP01.corp.contoso.com</Computer>${body}</System><EventData>${data}</EventData></Event>`
  );
}

describe('hostile input: size', () => {
  it('a 3 MB single line (plain, CCM message, codes all along)', () => {
    exercise('3 MB plain line', 'x'.repeat(3_000_000));
    const ccm = exercise('3 MB CCM message', `<![LOG[${'y'.repeat(3_000_000)}]LOG]!><time="10:30:43.112+240" date="10-18-2019" component="c" context="" type="3" thread="1" file="">`);
    assert.equal(ccm.model.kind === 'log' && ccm.model.records.length, 1);
    const codes = exercise('3 MB line of codes', 'Access is denied 0x80070005 E_ACCESSDENIED -2147024891 '.repeat(55_000), { fileName: 'SmsAdminUI.log' });
    assert.equal(codes.codes.length, 4 * 55_000);
  });

  it('200k-digit numbers next to and around codes', () => {
    const digits = '9876543210'.repeat(20_000);
    const doc = exercise('200k digits', `${digits} 0x80070005 ${digits}0x80070005${digits} -2147024891 ${digits}80070005 E_ACCESSDENIED${digits}`);
    // Only the codes standing apart are read; those glued to the digits are part of the number.
    assert.deepEqual(
      doc.codes.map((c) => doc.text.slice(c.span.start, c.span.end)),
      ['0x80070005', '-2147024891'],
    );
    exercise('200k digits in a CCM record', `<![LOG[${digits}0x80070005 ${digits}]LOG]!><time="10:30:43.112+240" date="10-18-2019" component="c" context="" type="3" thread="1" file="">`);
    exercise('200k digits in a bias and a thread', `<![LOG[x]LOG]!><time="10:30:43.112+${digits}" date="10-18-${digits}" component="c" context="" type="${digits}" thread="${digits}" file="">`);
  });

  it('a 2 MB <Data> value', () => {
    const value = 'Access is denied on \\\\DP01\\root\\SCCMDP 0x80070005 '.repeat(40_000).slice(0, 2_000_000);
    const doc = exercise('2 MB Data', `<Events>${event('', `<Data Name='User Name'>${value}</Data>`)}</Events>`);
    const model = doc.model as EventDocumentModel;
    assert.equal(model.events[0]?.data[0]?.value.value.length, 2_000_000);
    const span = model.events[0]?.data[0]?.value.span;
    assert.ok(span);
    assertWithin('hover inside a 2 MB Data', BOUND_MS, () => {
      for (let i = 1; i < 5; i++) getHover(doc, doc.lineIndex.positionAt(span.start + Math.floor(((span.end - span.start) * i) / 5)), 'en');
    });
  });

  it('hovers in a 2 MB <Data> value: the code or the value under the cursor, from edge to edge, the same every time', () => {
    // Plain text at both edges, codes all along between; the hover finds its code by a lookup in the
    // value's codes, scanned once per analysed document, and must agree with a fresh scan of the value.
    const value = 'x ' + 'Access is denied on \\\\DP01\\root\\SCCMDP 0x80070005 -2147024891 '.repeat(33_000).slice(0, 2_000_000) + ' y';
    const check = (doc: AnalyzedDocument, offsets: readonly number[]): void => {
      const item = (doc.model as EventDocumentModel).events[0]?.data[0];
      assert.ok(item);
      const { start, end } = item.value.span;
      const tokens = scanErrorCodes(doc.text, start, end);
      for (const offset of offsets) {
        const hover = getHover(doc, doc.lineIndex.positionAt(offset), 'en');
        const markdown = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
        const token = offset >= start && offset <= end ? tokens.find((t) => offset >= t.span.start && offset <= t.span.end) : undefined;
        const what = `hover at ${offset - start} of the value`;
        if (offset < start || offset > end) assert.equal(hover, null, what);
        else if (token) {
          assert.deepEqual(hover?.range, toRange(doc.lineIndex, token.span), what);
          assert.match(markdown, /^\*\*0x800(70005|706BA)\*\*/, what);
        } else {
          assert.deepEqual(hover?.range, toRange(doc.lineIndex, item.value.span), what);
          assert.match(markdown, /^\*\*User Name: `x /, what);
        }
        // The hover shows the start of the value, not 2 MB of it.
        assert.ok(markdown.length < 5000, `${what}: ${markdown.length} characters`);
      }
    };
    const text = `<Events>${event('', `<Data Name='User Name'>${value}</Data>`)}</Events>`;
    const doc = analyzeDocument(text);
    const span = (doc.model as EventDocumentModel).events[0]?.data[0]?.value.span;
    assert.ok(span && span.end - span.start === value.length);
    const tokens = scanErrorCodes(text, span.start, span.end);
    assert.ok(tokens.length > 80_000);
    const middle = tokens[Math.floor(tokens.length / 2)];
    const last = tokens[tokens.length - 1];
    assert.ok(middle && last);
    const offsets = [
      span.start - 1, span.start, span.start + 1, span.start + 2, span.start + 3,
      middle.span.start - 1, middle.span.start, middle.span.start + 1, middle.span.end - 1, middle.span.end, middle.span.end + 1,
      last.span.start, last.span.end, last.span.end + 1, span.end - 1, span.end, span.end + 1,
      ...Array.from({ length: 40 }, (_, i) => span.start + Math.floor(((span.end - span.start) * i) / 40)),
    ];
    check(doc, offsets);
    check(doc, [...offsets].reverse());
    // An edit is a new analysis: its hovers see the new text, never the tokens kept for the old one.
    const edited = text.replace("<Data Name='User Name'>x ", "<Data Name='User Name'>x 0x800706BA ");
    check(analyzeDocument(edited), offsets);
  });
});

describe('hostile input: broken log structure', () => {
  it('200k unterminated <![LOG[ (on one line, on their own lines)', () => {
    exercise('200k <![LOG[', '<![LOG['.repeat(200_000));
    exercise('200k <![LOG[ lines', '<![LOG[\r\n'.repeat(200_000));
    exercise('200k <![LOG[ after a real record', CCM_LINE + '<![LOG[message\n'.repeat(200_000));
  });

  it('30k records that lost their <![LOG[ (3 MB, a trailer on every line) and 100k ]LOG]!><', () => {
    // Each record without an opening marker once searched back to the start of the text for one.
    const doc = exercise('30k trailers without an opening', ']LOG]!><time="10:30:43.112+240" date="10-18-2019" component="c" context="" type="3" thread="1" file="">\n'.repeat(30_000));
    assert.equal(doc.model.kind === 'log' && doc.model.records.length, 30_000);
    exercise('100k ]LOG]!>< on one line', ']LOG]!><'.repeat(100_000));
  });

  it('100k $$< with no trailer (one line, one per line, after a real record)', () => {
    exercise('100k $$<', '$$<'.repeat(100_000), { format: 'simple' });
    exercise('100k $$< lines', 'message $$<\n'.repeat(100_000), { format: 'simple' });
    // A status-message line repeated on one line: the SYS= search once restarted at every STATMSG: (40 s).
    exercise('100k STATMSG: on one line', 'STATMSG: '.repeat(100_000) + 'SYS=CM01 ' + SIMPLE_LINE.slice(SIMPLE_LINE.indexOf('  $$<')), { fileName: 'evidence/CM01/distmgr.log' });
    // A real site-server log whose head is fine, then 100k lines with no trailer: every one of them
    // used to search back to the start of the text for a `$$<` (minutes).
    const doc = exercise('100k lines without a trailer', SIMPLE_LINE + 'continued message without a trailer\r\n'.repeat(100_000) + SIMPLE_LINE);
    assert.equal(doc.model.kind === 'log' && doc.model.format, 'simple');
    assert.equal(doc.model.kind === 'log' && doc.model.records.length, 2);
  });

  it('100k broken console prefixes and .NET stack frames', () => {
    exercise('100k [n][ lines', '[1][\n'.repeat(100_000), { format: 'adminui' });
    exercise('100k stack frames', '[5, PID:7412][06/20/2022 10:02:11] :Error\r\n' + '   at System.Management.ThreadDispatch.Start()\r\n'.repeat(100_000));
  });

  it('a .reg export with 100k continuation lines, a 3 MB value and a key of 100k backslashes', () => {
    const reg = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole]\r\n"Big"=hex(2):' + '41,00,\\\r\n  '.repeat(100_000) + '00,00\r\n"Long"="' + 'z'.repeat(3_000_000) + '"\r\n';
    assertWithin('.reg parse', BOUND_MS, () => assertRegModel(reg, parseRegExport(reg)));
    exercise('.reg as evidence', reg, { fileName: 'evidence/CM01/Ole.reg' });
    // A key path ending in 100k backslashes once took the trailing-backslash trim quadratic time (minutes).
    const slashes = 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole' + '\\'.repeat(100_000) + 'x]\r\n"EnableDCOM"="Y"\r\n';
    exercise('.reg key of 100k backslashes', slashes, { fileName: 'evidence/CM01/Ole.reg' });
  });
});

describe('hostile input: bytes and encodings', () => {
  it('1 MB of random binary, decoded as files are (and a quarter of it in every parser)', () => {
    const text = decodeText(randomBytes(1_000_000));
    exercise('random binary', text);
    const quarter = text.slice(0, 250_000);
    for (const format of ['ccm', 'simple', 'adminui', 'plain', 'eventXml'] as const) exercise(`random binary as ${format}`, quarter, { format });
  });

  it('invalid UTF-8 becomes U+FFFD and the records around it survive', () => {
    const record = Buffer.from(CCM_LINE, 'utf8');
    const invalid = [
      [0xc3, 0x28], // bad continuation
      [0xc0, 0xaf], // overlong '/'
      [0xed, 0xa0, 0x80], // a UTF-16 surrogate encoded in UTF-8
      [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
      [0xe2, 0x82], // cut short
      [0x80, 0x80, 0x80], // lone continuation bytes
      [0xff, 0xfe, 0xfd],
    ];
    const parts: Buffer[] = [];
    for (let i = 0; i < 1000; i++) parts.push(record, Buffer.from(invalid[i % invalid.length] ?? []));
    parts.push(Buffer.from([0xf0, 0x9f, 0x99])); // a 4-byte sequence cut at the end of the file
    const text = decodeText(Buffer.concat(parts));
    assert.ok(text.includes('\uFFFD'));
    const doc = exercise('invalid UTF-8', text);
    assert.equal(doc.model.kind === 'log' && doc.model.format, 'ccm');
    // Every record is still read whole: the invalid bytes fall between records.
    assert.equal(doc.model.kind === 'log' && doc.model.records.filter((r) => r.severity === 'error' && !r.truncated).length, 1000);
    assertWithin('200k lone continuation bytes', BOUND_MS, () => assert.equal(decodeText(new Uint8Array(200_000).fill(0x80)), '\uFFFD'.repeat(200_000)));
  });

  it('UTF-16LE and UTF-16BE without a BOM decode to the same text, and to the same model', () => {
    const text = CCM_LINE.repeat(500) + '<![LOG[場所 🙂 end]LOG]!><time="10:30:43.112+240" date="10-18-2019" component="c" context="" type="1" thread="1" file="">';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    assert.equal(sniffEncoding(le).encoding, 'utf-16le');
    assert.equal(sniffEncoding(be).encoding, 'utf-16be');
    assert.equal(decodeText(le), text);
    assert.equal(decodeText(be), text);
    const expected = snapshotModel(analyzeDocument(text).model);
    assert.deepEqual(snapshotModel(exercise('UTF-16LE', decodeText(le)).model), expected);
    assert.deepEqual(snapshotModel(exercise('UTF-16BE', decodeText(be)).model), expected);
    // Event XML exported as UTF-16 without its BOM.
    const xml = `<Events>${event('', "<Data Name='User Name'>CM01$</Data>")}</Events>`;
    assert.equal(decodeText(Buffer.from(Buffer.from(xml, 'utf16le')).swap16()), xml);
    assert.equal(decodeText(Buffer.from(xml, 'utf16le')), xml);
  });
});

describe('hostile input: crafted XML', () => {
  const values = (model: EventDocumentModel): string[] =>
    model.events.flatMap((e) => [e.provider, e.computer, e.userSid, e.renderedMessage, ...e.data.map((d) => d.value), ...e.data.map((d) => d.name)].flatMap((f) => (f ? [f.value] : [])));

  it('a DOCTYPE with entities nested to 10^10 (billion laughs) and a quadratic blow-up: never expanded', () => {
    const levels = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i <= 10; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const laughs =
      `<?xml version="1.0"?>\n<!DOCTYPE Events [\n${levels.join('\n')}\n]>\n` +
      `<Events>${event("<Security UserID='&lol10;'/>", "<Data Name='User Name'>&lol10;</Data><Data Name='&lol9;'>a&lol10;b</Data>")}</Events>`;
    const doc = exercise('billion laughs', laughs, { fileName: 'evidence/DP01/System.xml' });
    const model = doc.model as EventDocumentModel;
    assert.equal(model.events.length, 1);
    for (const v of values(model)) assert.ok(v.length < 64, `an entity was expanded: ${v.length} characters`);
    assert.ok(values(model).includes('&lol10;'), 'the reference is kept as written');
    assert.ok(model.problems.some((p) => p.message.startsWith('DOCTYPE ignored')));
    assert.ok(model.problems.some((p) => p.message.includes('&lol10;')));

    const big = 'A'.repeat(100_000);
    const quadratic = `<!DOCTYPE Events [<!ENTITY a "${big}">]><Events>${event('', `<Data Name='x'>${'&a;'.repeat(20_000)}</Data>`)}</Events>`;
    const q = exercise('quadratic blow-up', quadratic, { format: 'eventXml' });
    for (const v of values(q.model as EventDocumentModel)) assert.ok(v.length <= 20_000 * 3, `an entity was expanded: ${v.length} characters`);

    // A DOCTYPE inside an event is not allowed there; it is reported, not obeyed.
    const inside = exercise('DOCTYPE inside an event', `<Event xmlns='${EVENT_NS}'><!DOCTYPE x [<!ENTITY e "${'&e;'}">]><System><EventID>1</EventID></System><EventData><Data>&e;</Data></EventData></Event>`, { format: 'eventXml' });
    for (const v of values(inside.model as EventDocumentModel)) assert.ok(v.length < 64);
  });

  it('external entities, an external DTD, XInclude and stylesheets: never resolved, no file or network read', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cmld-hostile-'));
    const secretFile = path.join(dir, 'secret.txt');
    const SECRET = 'TOP-SECRET-MARKER-51f0c';
    fs.writeFileSync(secretFile, SECRET);
    let connections = 0;
    const server = http.createServer((_req, res) => res.end(`<!ENTITY leak "${SECRET}">`));
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const fileUrl = 'file://' + secretFile.replace(/\\/g, '/');
    const xml =
      `<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="${url}/style.xsl"?>\n` +
      `<!DOCTYPE Events SYSTEM "${url}/events.dtd" [\n` +
      `<!ENTITY file SYSTEM "${fileUrl}">\n<!ENTITY web SYSTEM "${url}/web">\n<!ENTITY % remote SYSTEM "${url}/remote.dtd">\n%remote;\n` +
      `<!ENTITY unparsed SYSTEM "${url}/x.bin" NDATA bin>\n]>\n` +
      `<Events xmlns:xi="http://www.w3.org/2001/XInclude" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${EVENT_NS} ${url}/event.xsd">` +
      event("<Security UserID='&file;'/>", `<Data Name='User Name'>&file;</Data><Data Name='Client IP Address'>&web;&leak;</Data><Data><xi:include href="${fileUrl}" parse="text"/></Data>`) +
      `</Events>`;

    // Every way the core could read a file or open a connection is watched while it runs.
    const calls: string[] = [];
    const watched: [object, string][] = [
      [fs, 'readFileSync'], [fs, 'readFile'], [fs, 'openSync'], [fs, 'open'], [fs, 'createReadStream'], [fs, 'existsSync'], [fs, 'statSync'],
      [fs.promises, 'readFile'], [fs.promises, 'open'], [net.Socket.prototype, 'connect'], [net, 'connect'], [net, 'createConnection'],
    ];
    const originals = watched.map(([owner, name]) => (owner as Record<string, unknown>)[name]);
    watched.forEach(([owner, name], i) => {
      (owner as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]): unknown {
        calls.push(`${name}(${String(args[0])})`);
        return (originals[i] as (...a: unknown[]) => unknown).apply(this, args);
      };
    });
    let doc: AnalyzedDocument;
    try {
      doc = exercise('external entities', xml, { fileName: 'evidence/DP01/System.xml' });
    } finally {
      watched.forEach(([owner, name], i) => ((owner as Record<string, unknown>)[name] = originals[i]));
    }
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });

    assert.deepEqual(calls, [], 'the core read a file or opened a connection');
    assert.equal(connections, 0, 'the core connected to the address named in the XML');
    const model = doc.model as EventDocumentModel;
    assert.equal(model.events.length, 1);
    for (const v of values(model)) assert.ok(!v.includes(SECRET), 'an external entity was resolved');
    assert.ok(values(model).includes('&file;'), 'the reference is kept as written');
  });

  it('100k-deep nesting (inside an event, of roots, of events, of anything)', () => {
    const deep = (open: string, close: string, n = 100_000): string => open.repeat(n) + close.repeat(n);
    const inEvent = exercise('100k deep in an event', `<Events>${event(deep('<a>', '</a>'), '')}${event('', "<Data Name='x'>after</Data>")}</Events>`);
    const model = inEvent.model as EventDocumentModel;
    assert.equal(model.events.length, 1, 'the deep event is skipped, the next one read');
    assert.ok(model.problems.some((p) => p.message.includes('deep')));
    exercise('100k deep in EventData', `<Events>${event('', deep('<Data>', '</Data>'))}</Events>`);
    exercise('100k nested roots', deep('<Events>', '</Events>').replace('</Events>', event('', '') + '</Events>'), { format: 'eventXml' });
    exercise('100k nested events', deep(`<Event xmlns='${EVENT_NS}'>`, '</Event>'));
    exercise('100k deep, no event', deep('<a>', '</a>'), { format: 'eventXml' });
    exercise('100k unclosed', '<a>'.repeat(100_000), { format: 'eventXml' });
  });

  it('a prolog past the detection head: 1 MB of comments, a 100 KB DOCTYPE, 100k unclosed literals', () => {
    // Detected by skipping the prolog to the first element (see detect.test.ts): the whole analysis
    // then runs on it as event XML, within the same bounds.
    const comments = exercise('1 MB of comments before <Events>', `<?xml version="1.0"?>\n${'<!-- comment -->\n'.repeat(60_000)}<Events>${event('', "<Data Name='User Name'>x</Data>")}</Events>`);
    assert.equal(comments.model.kind === 'events' && comments.model.events.length, 1);
    const subset = Array.from({ length: 4000 }, (_, i) => `<!ENTITY e${i} "]> '${i}'">`).join('\n');
    const doctype = exercise('100 KB DOCTYPE before <Events>', `<!DOCTYPE Events [\n${subset}\n]>\n<Events>${event('', "<Data Name='User Name'>&e1;</Data>")}</Events>`);
    assert.equal(doctype.model.kind === 'events' && doctype.model.events[0]?.data[0]?.value.value, '&e1;');
    exercise('100k unclosed literals in a DOCTYPE', `<!DOCTYPE Events [${'<!ENTITY a "'.repeat(100_000)}`);
  });

  it('100k comments, CDATA sections, DOCTYPEs, bare & and unfinished tags', () => {
    exercise('100k <!--', `<Events>${'<!--'.repeat(100_000)}`, { format: 'eventXml' });
    exercise('50k CDATA', `<Events>${event('', `<Data>${'<![CDATA[x]]>'.repeat(50_000)}</Data>`)}</Events>`);
    exercise('50k <Event><![CDATA[', `<Event><![CDATA[`.repeat(50_000), { format: 'eventXml' });
    exercise('100k <!DOCTYPE', '<!DOCTYPE'.repeat(100_000), { format: 'eventXml' });
    exercise('100k bare &', `<Events>${event('', `<Data>${'AT&T '.repeat(100_000)}</Data>`)}</Events>`);
    exercise('100k unfinished <Event', `<Event a="`.repeat(100_000), { format: 'eventXml' });
    exercise('100k </Event>', '</Event>'.repeat(100_000), { format: 'eventXml' });
    exercise('100k tree markers', `- <Event xmlns='${EVENT_NS}'>\n` + '- <System>\n'.repeat(100_000), { format: 'eventXml' });
  });
});
