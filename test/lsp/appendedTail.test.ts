/**
 * A log still being written: the editor sends the new lines as an insert at the end of the document.
 * The server must re-parse only that tail (it says so in `configmgr/serverInfo`), analyse each version
 * once, and publish exactly the diagnostics a fresh open of the whole text gets.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { DocumentAnalysisInfo, ServerInfoResult } from '../../server/src/protocol';
import { startServer, type ServerSession } from './support/serverProcess';

const ccm = (msg: string, type: string, thread = 4120): string =>
  `<![LOG[${msg}]LOG]!><time="10:02:11.204-540" date="06-20-2023" component="SMS_PROV" context="" type="${type}" thread="${thread}" file="x.cpp:1">`;

/** About 1 MB of provider log: progress, now and then a failure with its code. */
function providerLog(records: number, from = 0): string {
  const lines: string[] = [];
  for (let i = from; i < from + records; i++) {
    if (i % 97 === 0) lines.push(ccm(`Failed to connect to \\\\DP${i % 7}.corp.contoso.com\\root\\sms: 0x80070005\r\nsecond line ${i}`, '3'));
    else lines.push(ccm(`Executing WQL query ${i}: SELECT * FROM SMS_Package WHERE PackageID='PS1000${i % 100}'`, '1', 4000 + (i % 50)));
  }
  return lines.join('\r\n') + '\r\n';
}

interface Position {
  readonly line: number;
  readonly character: number;
}

function endOf(text: string): Position {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: (lines.at(-1) ?? '').length };
}

const summary = (ds: readonly Diagnostic[]): string[] =>
  ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.severity} ${d.message}`);

describe('appended tail: only the new lines are parsed', () => {
  let session: ServerSession;
  const uri = 'file:///evidence/CM01/SMSProv.log';
  let text = providerLog(4000);

  async function info(forUri = uri): Promise<DocumentAnalysisInfo | null | undefined> {
    const result = (await session.connection.sendRequest('configmgr/serverInfo', { uri: forUri })) as ServerInfoResult;
    return result.analysis;
  }

  function change(version: number, contentChanges: unknown[]): Promise<void> {
    return session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** The diagnostics a fresh open of `text` gets, in another folder (same file name, same log kind). */
  async function freshDiagnostics(fresh: string, n: number): Promise<Diagnostic[]> {
    const other = `file:///fresh/${n}/SMSProv.log`;
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'configmgr-log', version: 1, text: fresh } });
    const { diagnostics } = await session.diagnosticsFor(other, 1);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: other } });
    return diagnostics;
  }

  before(async () => {
    session = await startServer('en');
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'configmgr-log', version: 1, text } });
    await session.diagnosticsFor(uri, 1);
  });
  after(async () => {
    await session.close();
  });

  it('the first analysis parses the whole document', async () => {
    assert.deepEqual(await info(), { uri, version: 1, incremental: false, parsedChars: text.length, documentChars: text.length, analyses: 1 });
  });

  it('an insert at the end re-parses only the tail and publishes the finding in the appended lines', async () => {
    const oldLines = endOf(text).line;
    const tail = providerLog(40, 4050); // record 4074 is a failure
    await change(2, [{ range: { start: endOf(text), end: endOf(text) }, text: tail }]);
    text += tail;
    const { diagnostics } = await session.diagnosticsFor(uri, 2);
    const appended = diagnostics.filter((d) => d.range.start.line >= oldLines);
    assert.ok(appended.some((d) => d.code === 'access-denied'), `no finding in the appended lines: ${summary(appended).join('\n')}`);

    const analysis = await info();
    assert.ok(analysis, 'no analysis reported');
    assert.equal(analysis.version, 2);
    assert.equal(analysis.incremental, true);
    assert.equal(analysis.documentChars, text.length);
    // The tail, and the last record before it again (it may have been incomplete): a few hundred characters.
    assert.ok(analysis.parsedChars >= tail.length, 'the tail itself must be parsed');
    assert.ok(analysis.parsedChars < tail.length + 1000, `parsed ${analysis.parsedChars} of ${text.length} characters for a tail of ${tail.length}`);
    assert.equal(analysis.analyses, 2, 'one analysis per version');
    assert.deepEqual(summary(diagnostics), summary(await freshDiagnostics(text, 1)));
  });

  it('several inserts at the end in one change, then a record split across two changes', async () => {
    const a = ccm('Connecting to root\\sms failed: The RPC server is unavailable', '3');
    const b = '\r\n' + ccm('Retrying', '2') + '\r\n';
    await change(3, [
      { range: { start: endOf(text), end: endOf(text) }, text: a },
      { range: { start: endOf(text + a), end: endOf(text + a) }, text: b },
    ]);
    text += a + b;
    await session.diagnosticsFor(uri, 3);
    const half = ccm('Half a record written: -2147023174', '3');
    const first = half.slice(0, 40);
    await change(4, [{ range: { start: endOf(text), end: endOf(text) }, text: first }]);
    text += first;
    await session.diagnosticsFor(uri, 4);
    await change(5, [{ range: { start: endOf(text), end: endOf(text) }, text: half.slice(40) + '\r\n' }]);
    text += half.slice(40) + '\r\n';
    const { diagnostics } = await session.diagnosticsFor(uri, 5);
    const analysis = await info();
    assert.equal(analysis?.incremental, true);
    assert.ok((analysis?.parsedChars ?? Infinity) < 2000, `parsed ${analysis?.parsedChars}`);
    assert.deepEqual(summary(diagnostics), summary(await freshDiagnostics(text, 2)));
  });

  it('a whole-text change that extends the text is an append too', async () => {
    const tail = ccm('Access is denied', '3') + '\r\n';
    text += tail;
    await change(6, [{ text }]);
    const { diagnostics } = await session.diagnosticsFor(uri, 6);
    const analysis = await info();
    assert.equal(analysis?.incremental, true);
    assert.ok((analysis?.parsedChars ?? Infinity) < 2000);
    assert.deepEqual(summary(diagnostics), summary(await freshDiagnostics(text, 3)));
  });

  it('an edit elsewhere parses the whole document again, and appends after it are incremental again', async () => {
    await change(7, [{ range: { start: { line: 2, character: 9 }, end: { line: 2, character: 9 } }, text: 'x' }]);
    const lines = text.split('\r\n');
    lines[2] = (lines[2] ?? '').slice(0, 9) + 'x' + (lines[2] ?? '').slice(9);
    text = lines.join('\r\n');
    await session.diagnosticsFor(uri, 7);
    assert.deepEqual(await info(), { uri, version: 7, incremental: false, parsedChars: text.length, documentChars: text.length, analyses: 7 });

    const tail = providerLog(3, 9000);
    await change(8, [{ range: { start: endOf(text), end: endOf(text) }, text: tail }]);
    text += tail;
    const { diagnostics } = await session.diagnosticsFor(uri, 8);
    const analysis = await info();
    assert.equal(analysis?.incremental, true);
    assert.equal(analysis?.analyses, 8);
    assert.deepEqual(summary(diagnostics), summary(await freshDiagnostics(text, 4)));
  });

  it('hovers on a code in the appended lines', async () => {
    const lines = text.split('\r\n');
    let line = lines.length - 1;
    while (line > 0 && !(lines[line] ?? '').includes('0x80070005')) line--;
    const hover = (await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: (lines[line] ?? '').indexOf('0x80070005') + 2 },
    })) as { contents: { value: string } } | null;
    assert.match(hover?.contents.value ?? '', /E_ACCESSDENIED/);
  });

  it('reports nothing for a document that is not open', async () => {
    assert.equal(await info('file:///nowhere.log'), null);
    const plain = (await session.connection.sendRequest('configmgr/serverInfo')) as ServerInfoResult;
    assert.equal(plain.analysis, undefined);
    assert.ok(plain.processId > 0);
  });
});
