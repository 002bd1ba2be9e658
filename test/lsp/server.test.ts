import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FoldingRange, SemanticTokens } from 'vscode-languageserver-protocol';
import { join } from 'node:path';
import { repoRoot, startServer, type ServerSession } from './support/serverProcess';

const ccm = (msg: string, type: string): string =>
  `<![LOG[${msg}]LOG]!><time="10:02:11.204-540" date="06-20-2023" component="SMS_PROV" context="" type="${type}" thread="4120" file="x.cpp:1">`;

const LOG = [
  ccm('Connecting to \\\\CM01.corp.contoso.com\\root\\sms\\site_PS1', '1'),
  ccm('Failed to connect: 0x80070005\r\nsecond line', '3'),
  ccm('RPC call returned -2147023174', '2'),
  ccm('Object 8BC3F05E-D86B-11D0-A075-00C04FB68820 loaded', '1'),
].join('\r\n');

const EVENTS = [
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-DistributedCOM' EventSourceName='DCOM'/><EventID Qualifiers='0'>10036</EventID><Level>2</Level><TimeCreated SystemTime='2023-06-20T01:02:11.5000000Z'/><Execution ProcessID='1408' ThreadID='10036'/><Computer>CM01.corp.contoso.com</Computer></System><EventData><Data Name='Domain Name'>CORP</Data><Data Name='User Name'>cmadmin</Data><Data Name='SID'>S-1-5-21-1-2-3-1104</Data><Data Name='Client IP Address'>10.0.10.25</Data></EventData></Event>`,
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-DistributedCOM' EventSourceName='DCOM'/><EventID Qualifiers='0'>10016</EventID><Level>3</Level><Execution ProcessID='1408' ThreadID='10036'/></System><EventData><Data Name='param1'>application-specific</Data></EventData></Event>`,
].join('\r\n');

function open(session: ServerSession, uri: string, languageId: string, text: string, version = 1): Promise<void> {
  return session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}

describe('language server over stdio (locale en)', () => {
  let session: ServerSession;
  before(async () => {
    session = await startServer('en');
  });
  after(async () => {
    await session.close();
  });

  it('advertises semantic tokens with the legend, folding, incremental sync', () => {
    const caps = session.initializeResult.capabilities;
    assert.equal(caps.foldingRangeProvider, true);
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.textDocumentSync, 2);
    const legend = (caps.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend;
    assert.ok(legend.tokenTypes.includes('logError') && legend.tokenTypes.includes('dcomEventId'));
  });

  it('answers semantic tokens', async () => {
    const uri = 'file:///evidence/CM01/SMSProv.log';
    await open(session, uri, 'configmgr-log', LOG);
    const tokens = (await session.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as SemanticTokens;
    assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
  });

  it('publishes one diagnostic per record per code, on the code', async () => {
    const uri = 'file:///evidence/CM01/SMSProv.log';
    const { diagnostics } = await session.diagnosticsFor(uri);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.source]),
      [
        ['access-denied', 1, 'configmgr'],
        ['rpc-unavailable', 3, 'configmgr'],
      ],
    );
    assert.match(diagnostics[0]?.message ?? '', /^0x80070005 access denied/);
  });

  it('folds the multi-line record', async () => {
    const ranges = (await session.connection.sendRequest('textDocument/foldingRange', {
      textDocument: { uri: 'file:///evidence/CM01/SMSProv.log' },
    })) as FoldingRange[];
    assert.deepEqual(ranges.map((r) => [r.startLine, r.endLine]), [[1, 2]]);
  });

  it('answers the severity-lines request for line backgrounds', async () => {
    const result = (await session.connection.sendRequest('configmgr/severityLines', { uri: 'file:///evidence/CM01/SMSProv.log' })) as {
      version: number;
      error: number[];
      warning: number[];
    };
    assert.deepEqual(result, { version: 1, error: [1, 2], warning: [3, 3] });
  });

  it('flags DCOM 10036 events but not 10016 or a ThreadID of 10036', async () => {
    const uri = 'file:///evidence/CM01/System.xml';
    await open(session, uri, 'windows-event-xml', EVENTS);
    const { diagnostics } = await session.diagnosticsFor(uri);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [
      ['dcom-10036', 0, EVENTS.indexOf('10036</EventID>')],
    ]);
    assert.match(diagnostics[0]?.message ?? '', /10\.0\.10\.25/);
  });

  it('hovers on a code with its decoding and ConfigMgr meaning', async () => {
    const hover = (await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///evidence/CM01/SMSProv.log' },
      position: { line: 1, character: LOG.split('\r\n')[1]!.indexOf('0x80070005') + 3 },
    })) as { contents: { kind: string; value: string }; range: { start: { line: number } } };
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /E_ACCESSDENIED/);
    assert.match(hover.contents.value, /In Configuration Manager/);
    assert.equal(hover.range.start.line, 1);
  });

  it('hovers on the event id of a 10036', async () => {
    const hover = (await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///evidence/CM01/System.xml' },
      position: { line: 0, character: EVENTS.indexOf('10036</EventID>') + 1 },
    })) as { contents: { value: string } };
    assert.match(hover.contents.value, /Event 10036/);
  });

  it('answers null where there is nothing to explain', async () => {
    const hover = await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: 'file:///evidence/CM01/SMSProv.log' },
      position: { line: 0, character: 10 },
    });
    assert.equal(hover, null);
  });

  it('explains a code typed in any form (the lookup command)', async () => {
    const result = (await session.connection.sendRequest('configmgr/explainCode', { text: '2147944122' })) as {
      markdown: string | null;
      canonical: string | null;
    };
    assert.equal(result.canonical, '0x800706BA');
    assert.match(result.markdown ?? '', /RPC_S_SERVER_UNAVAILABLE/);
    const none = (await session.connection.sendRequest('configmgr/explainCode', { text: 'not a code' })) as { markdown: unknown };
    assert.equal(none.markdown, null);
  });

  it('offers quick fixes whose first title names DCOM hardening, with commands and no edits', async () => {
    const uri = 'file:///evidence/CM01/SMSProv.log';
    const { diagnostics } = await session.diagnosticsFor(uri);
    const target = diagnostics.find((d) => d.code === 'access-denied');
    assert.ok(target);
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target], only: ['quickfix'] },
    })) as { title: string; kind: string; isPreferred?: boolean; edit?: unknown; command?: { command: string; arguments?: unknown[] } }[];
    assert.ok(actions.length >= 3);
    assert.match(actions[0]?.title ?? '', /DCOM hardening/);
    assert.equal(actions[0]?.isPreferred, true);
    assert.ok(actions.every((a) => a.kind === 'quickfix' && a.edit === undefined));
    const commands = actions.map((a) => a.command?.command);
    assert.ok(commands.includes('configmgrLogDoctor.showFix'));
    assert.ok(commands.includes('configmgrLogDoctor.diagnose'));
    assert.ok(commands.includes('configmgrLogDoctor.copyEvidenceScript'));
    assert.ok(commands.includes('configmgrLogDoctor.lookUpErrorCode'));

    const fix = (await session.connection.sendRequest('configmgr/fix', actions[0]?.command?.arguments?.[0])) as { markdown: string };
    assert.match(fix.markdown, /2203/);
    assert.match(fix.markdown, /cumulative update/i);
    const script = (await session.connection.sendRequest('configmgr/evidenceScript', { machine: 'CM01' })) as { script: string };
    assert.match(script.script, /10036,\s*10037,\s*10038/);
  });

  it('offers nothing where there is no diagnostic of ours', async () => {
    const actions = await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: 'file:///evidence/CM01/SMSProv.log' },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
  });

  it('diagnoses evidence files from disk', async () => {
    const root = repoRoot();
    const files = ['CONSOLE01/SmsAdminUI.log', 'CONSOLE01/System.xml', 'CM01/System.xml', 'CM01/Ole-AppCompat.reg'].map((f) => join(root, 'samples', f));
    const diagnosis = (await session.connection.sendRequest('configmgr/diagnose', {
      files,
      windowSeconds: 120,
      defaultUtcOffsetMinutes: null,
    })) as { verdict: string; correlations: unknown[]; recommendations: { id: string }[] };
    assert.equal(diagnosis.verdict, 'likely');
    assert.ok(diagnosis.correlations.length > 0);
    assert.ok(diagnosis.recommendations.some((r) => r.id === 'install-latest-cu-both-sides'));
    assert.ok(diagnosis.recommendations.some((r) => r.id === 'registry-workaround-ignored'));
  });

  it('re-analyses after an incremental change', async () => {
    const uri = 'file:///evidence/CM01/SMSProv.log';
    const line = 3;
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }],
    });
    const { diagnostics } = await session.diagnosticsFor(uri, 2);
    assert.deepEqual(diagnostics.map((d) => d.code), ['access-denied']);
  });

  it('survives garbage and keeps answering', async () => {
    const uri = 'file:///evidence/garbage.log';
    const garbage = '\u0000\uFFFD<![LOG[' + ']LOG]!><'.repeat(50) + '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><<<&&&';
    await open(session, uri, 'configmgr-log', garbage);
    const { diagnostics } = await session.diagnosticsFor(uri);
    assert.deepEqual(diagnostics, []);
    const tokens = (await session.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } })) as SemanticTokens;
    assert.ok(Array.isArray(tokens.data));
  });

  it('clears diagnostics on close', async () => {
    const uri = 'file:///evidence/CM01/System.xml';
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    // The clearing publication has no version: poll the latest one with a deadline.
    const deadline = Date.now() + 5000;
    while (session.latestDiagnostics(uri)?.diagnostics.length !== 0) {
      if (Date.now() > deadline) assert.fail('diagnostics were not cleared');
      await new Promise((r) => setTimeout(r, 20));
    }
  });
});

describe('language server over stdio (locale ja)', () => {
  let session: ServerSession;
  before(async () => {
    session = await startServer('ja');
  });
  after(async () => {
    const code = await session.close();
    assert.equal(code, 0, 'the server exits 0 after shutdown and exit');
  });

  it('writes diagnostics in Japanese', async () => {
    const uri = 'file:///evidence/CONSOLE01/SmsAdminUI.log';
    const text = "[14, PID:5720][06/20/2023 10:02:11] :接続する権限がありません。エラー: 'アクセスが拒否されました。 (HRESULT からの例外:0x80070005 (E_ACCESSDENIED))'";
    await open(session, uri, 'configmgr-log', text);
    const { diagnostics } = await session.diagnosticsFor(uri);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.code, 'access-denied');
    assert.match(diagnostics[0]?.message ?? '', /SMS プロバイダー/);
    assert.equal(diagnostics[0]?.severity, 1);
  });

  it('hovers in Japanese', async () => {
    const uri = 'file:///evidence/CM01/SMSProv.log';
    const text = ccm('Failed: 0x800706BA', '3');
    await open(session, uri, 'configmgr-log', text);
    const time = (await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: text.indexOf('10:02:11') + 2 },
    })) as { contents: { value: string } };
    assert.match(time.contents.value, /ローカル時刻/);
    assert.match(time.contents.value, /UTC\+09:00/);
    const code = (await session.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: text.indexOf('0x800706BA') + 2 },
    })) as { contents: { value: string } };
    assert.match(code.contents.value, /Configuration Manager では/);
  });
});
