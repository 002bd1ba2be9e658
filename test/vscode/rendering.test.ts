import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixture, languageOf, waitFor } from './support/wait';

interface Token {
  line: number;
  char: number;
  text: string;
  type: string;
}

async function semanticTokens(uri: vscode.Uri): Promise<Token[]> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const legend = await waitFor('the semantic tokens legend', () =>
    vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', uri),
  );
  const tokens = await waitFor('semantic tokens', async () => {
    const t = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', uri);
    return t && t.data.length > 0 ? t : undefined;
  });
  const out: Token[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const dl = tokens.data[i] ?? 0;
    const dc = tokens.data[i + 1] ?? 0;
    line += dl;
    char = dl === 0 ? char + dc : dc;
    const len = tokens.data[i + 2] ?? 0;
    out.push({ line, char, text: doc.lineAt(line).text.slice(char, char + len), type: legend.tokenTypes[tokens.data[i + 3] ?? 0] ?? '?' });
  }
  return out;
}

describe('rendering: semantic tokens and folding from the server', () => {
  it('colours a multi-line error record on both lines, and its fields', async () => {
    const uri = fixture('logs/SMSProv.log');
    await languageOf(uri, 'configmgr-log');
    const tokens = await semanticTokens(uri);
    const has = (line: number, type: string, text?: string): boolean =>
      tokens.some((t) => t.line === line && t.type === type && (text === undefined || t.text === text));
    assert.ok(has(2, 'logError', 'Remote activation from 10.0.10.25 refused: '), 'first line of the error record');
    assert.ok(has(2, 'errorCode', '0x80070005'));
    assert.ok(has(3, 'logError', '  while serving SMS_Site query'), 'continuation line of the error record');
    assert.ok(has(3, 'logTime', '09:14:02.131-540'));
    assert.ok(has(3, 'logComponent', 'SMS Provider'));
    assert.ok(has(4, 'logWarning'));
    assert.ok(has(5, 'logSuccess', 'Completed the query'));
  });

  it('marks a DCOM event id apart from ordinary ones', async () => {
    const uri = fixture('events/System-export.xml');
    await languageOf(uri, 'windows-event-xml');
    const tokens = await semanticTokens(uri);
    assert.ok(tokens.some((t) => t.type === 'dcomEventId' && t.text === '10036'));
    assert.ok(tokens.some((t) => t.type === 'eventId' && t.text === '10016'));
    assert.ok(tokens.some((t) => t.type === 'eventProvider' && t.text === 'Microsoft-Windows-DistributedCOM'));
  });

  it('folds multi-line records and events', async () => {
    const log = fixture('logs/console-unknown-name.log');
    await languageOf(log, 'configmgr-log');
    const logRanges = await waitFor('folding ranges of the console log', async () => {
      const r = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', log);
      return r && r.length > 0 ? r : undefined;
    });
    assert.ok(logRanges.some((r) => r.start === 1 && r.end === 4), JSON.stringify(logRanges));

    const events = fixture('events/pasted-from-console.txt');
    await languageOf(events, 'windows-event-xml');
    const eventRanges = await waitFor('folding ranges of the pasted event', async () => {
      const r = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', events);
      return r && r.some((x) => x.start === 0 && x.end === 15) ? r : undefined;
    });
    assert.ok(eventRanges.length > 0);
  });
});
