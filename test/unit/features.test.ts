import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../server/src/core/document';
import { getDiagnostics } from '../../server/src/core/features/diagnostics';
import { getFoldingRanges } from '../../server/src/core/features/folding';
import { SEMANTIC_TOKEN_TYPES, getSemanticTokens } from '../../server/src/core/features/semanticTokens';
import { getSeverityLines } from '../../server/src/core/features/severityRanges';

const ccm = (msg: string, type: string): string =>
  `<![LOG[${msg}]LOG]!><time="10:30:43.112+240" date="10-18-2022" component="TSManager" context="" type="${type}" thread="1964" file="utils.cpp:7745">`;

/** Decodes LSP relative token data into `line:char text=type` strings. */
function decodeTokens(text: string, data: readonly number[]): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl = 0, dc = 0, len = 0, type = 0] = data.slice(i, i + 4);
    line += dl;
    char = dl === 0 ? char + dc : dc;
    out.push(`${line}:${char} ${(lines[line] ?? '').slice(char, char + len)}=${SEMANTIC_TOKEN_TYPES[type]}`);
  }
  return out;
}

describe('getDiagnostics', () => {
  const text = [ccm('Connecting to \\\\CM01\\root\\ccm failed: 0x800706BA', '3'), ccm('ok', '1')].join('\r\n');
  const doc = analyzeDocument(text, 'CcmExec.log');
  it('keeps the contract: source, code, codeDescription, range on the code', () => {
    const [d] = getDiagnostics(doc, 'en');
    assert.ok(d);
    assert.equal(d.source, 'configmgr');
    assert.equal(d.code, 'rpc-unavailable');
    assert.equal(d.severity, 1);
    assert.match(d.codeDescription?.href ?? '', /^https:\/\/learn\.microsoft\.com\/en-us\/troubleshoot\/mem\/configmgr\/.*dcom-hardening/);
    assert.deepEqual(d.range.start, { line: 0, character: text.indexOf('0x800706BA') });
    assert.match(d.message, /^0x800706BA RPC server unavailable: /);
  });
  it('speaks Japanese to a ja client', () => {
    const [d] = getDiagnostics(doc, 'ja');
    assert.ok(d);
    assert.match(d.message, /RPC サーバーを利用できません/);
    assert.match(d.message, /累積更新プログラム/);
    assert.match(d.codeDescription?.href ?? '', /ja-jp/);
  });
  it('says how the code was written when it was not hex', () => {
    const d = getDiagnostics(analyzeDocument(ccm('Error code -2147024891', '3')), 'en')[0];
    assert.match(d?.message ?? '', /0x80070005 access denied \(written as -2147024891\)/);
  });
  it('says a local permission is not hardening, as information', () => {
    const d = getDiagnostics(analyzeDocument(ccm('RemoveFile() failed for C:\\_SMSTaskSequence\\x.dat. 0x80070005.', '3'), 'smsts.log'), 'en')[0];
    assert.equal(d?.severity, 3);
    assert.match(d?.message ?? '', /not DCOM hardening/);
  });
  it('describes a 10036 with its user and address', () => {
    const ev = `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-DistributedCOM"/><EventID>10036</EventID></System><EventData><Data Name="Domain Name">CONTOSO</Data><Data Name="User Name">cmadmin</Data><Data Name="SID">S-1-5-21-1</Data><Data Name="Client IP Address">10.0.10.25</Data></EventData></Event>`;
    const [en] = getDiagnostics(analyzeDocument(ev), 'en');
    const [ja] = getDiagnostics(analyzeDocument(ev), 'ja');
    assert.equal(en?.code, 'dcom-10036');
    assert.match(en?.message ?? '', /CONTOSO\\cmadmin \(S-1-5-21-1\) from 10\.0\.10\.25/);
    assert.match(ja?.message ?? '', /10\.0\.10\.25 からのユーザー CONTOSO\\cmadmin/);
  });
});

describe('getSemanticTokens', () => {
  it('colours message by type, fields, and codes inside messages', () => {
    const text = ccm('Failed 0x80070005 here', '3');
    const tokens = decodeTokens(text, getSemanticTokens(analyzeDocument(text)).data);
    assert.deepEqual(tokens, [
      '0:7 Failed =logError',
      '0:14 0x80070005=errorCode',
      '0:24  here=logError',
      '0:43 10:30:43.112+240=logTime',
      '0:67 10-18-2022=logDate',
      '0:90 TSManager=logComponent',
      '0:129 1964=logThread',
      '0:141 utils.cpp:7745=logSourceFile',
    ]);
  });
  it('splits a multi-line warning message into one token per line', () => {
    const text = ccm('first\r\nsecond\nthird', '2');
    const tokens = decodeTokens(text, getSemanticTokens(analyzeDocument(text)).data).filter((t) => t.endsWith('logWarning'));
    assert.deepEqual(tokens, ['0:7 first=logWarning', '1:0 second=logWarning', '2:0 third=logWarning']);
  });
  it('type 0 is success, type 1 has no message token', () => {
    const text = [ccm('done', '0'), ccm('info', '1')].join('\r\n');
    const tokens = decodeTokens(text, getSemanticTokens(analyzeDocument(text)).data);
    assert.ok(tokens.includes('0:7 done=logSuccess'));
    assert.ok(!tokens.some((t) => t.startsWith('1:7 ')));
  });
  it('event XML: provider, DCOM event id, level, time, computer, data', () => {
    const text = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-DistributedCOM'/><EventID>10036</EventID><Level>2</Level><TimeCreated SystemTime='2023-06-20T01:02:11.5Z'/><Computer>CM01</Computer></System><EventData><Data Name='Client IP Address'>10.0.10.25</Data></EventData></Event>`;
    const tokens = decodeTokens(text, getSemanticTokens(analyzeDocument(text)).data).map((t) => t.replace(/^\d+:\d+ /, ''));
    assert.deepEqual(tokens, [
      'Microsoft-Windows-DistributedCOM=eventProvider',
      '10036=dcomEventId',
      '2=eventLevelError',
      '2023-06-20T01:02:11.5Z=eventTime',
      'CM01=eventComputer',
      '10.0.10.25=eventDataValue',
    ]);
  });
  it('a 10016 id is an ordinary event id', () => {
    const text = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-DistributedCOM'/><EventID>10016</EventID></System></Event>`;
    const tokens = decodeTokens(text, getSemanticTokens(analyzeDocument(text)).data);
    assert.ok(tokens.some((t) => t.endsWith('10016=eventId')));
  });
});

describe('getFoldingRanges and getSeverityLines', () => {
  const text = [ccm('one line', '1'), ccm('multi\r\nline\r\nerror', '3'), ccm('warn', '2'), ccm('warn again', '2')].join('\r\n');
  const doc = analyzeDocument(text);
  it('folds multi-line records only', () => {
    assert.deepEqual(getFoldingRanges(doc).map((r) => [r.startLine, r.endLine]), [[1, 3]]);
  });
  it('gives error and warning line ranges, merging adjacent ones', () => {
    assert.deepEqual(getSeverityLines(doc), { error: [1, 3], warning: [4, 5] });
  });
  it('folds multi-line events', () => {
    const ev = `<Events>\n<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">\n <System>\n  <EventID>7036</EventID>\n </System>\n</Event>\n</Events>`;
    assert.deepEqual(getFoldingRanges(analyzeDocument(ev)).map((r) => [r.startLine, r.endLine]), [[1, 5]]);
  });
});
