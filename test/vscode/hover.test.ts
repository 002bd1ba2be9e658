import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../server/src/protocol';
import { fixture, languageOf, waitFor } from './support/wait';

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await waitFor(`a hover at ${position.line}:${position.character}`, async () => {
    const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    return h && h.length > 0 ? h : undefined;
  });
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

async function positionOf(uri: vscode.Uri, needle: string, line?: number): Promise<vscode.Position> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const text = line === undefined ? doc.getText() : doc.lineAt(line).text;
  const index = text.indexOf(needle);
  assert.ok(index >= 0, `${needle} not in ${uri.fsPath}`);
  return line === undefined ? doc.positionAt(index + 1) : new vscode.Position(line, index + 1);
}

describe('hovers as the user sees them', () => {
  it('an error code: decoded, named, explained for ConfigMgr', async () => {
    const uri = fixture('logs/SMSProv.log');
    await languageOf(uri, 'configmgr-log');
    const text = await hoverText(uri, await positionOf(uri, '0x80070005'));
    assert.match(text, /0x80070005/);
    assert.match(text, /E_ACCESSDENIED/);
    assert.match(text, /FACILITY_WIN32/);
    assert.match(text, /In Configuration Manager/);
  });

  it('a signed decimal code in a site server log', async () => {
    const uri = fixture('logs/distmgr.lo_');
    await languageOf(uri, 'configmgr-log');
    const text = await hoverText(uri, await positionOf(uri, '-2147023174'));
    assert.match(text, /0x800706BA/);
    assert.match(text, /RPC_S_SERVER_UNAVAILABLE/);
  });

  it('a CCM time: the bias and what it means in UTC', async () => {
    const uri = fixture('logs/SMSProv.log');
    const text = await hoverText(uri, await positionOf(uri, '09:14:02.118-540'));
    assert.match(text, /Bias -540 min/);
    assert.match(text, /UTC\+09:00/);
    assert.match(text, /UTC: 2023-07-11 00:14:02\.118Z/);
  });

  it('an event id and an authentication level in an event export', async () => {
    const uri = fixture('events/pasted-from-console.txt');
    await languageOf(uri, 'windows-event-xml');
    assert.match(await hoverText(uri, await positionOf(uri, '10038')), /Event 10038/);
    const level = await positionOf(uri, '2</Data>', 13);
    assert.match(await hoverText(uri, level), /RPC_C_AUTHN_LEVEL_CONNECT/);
    const clsid = await positionOf(uri, '8BC3F05E');
    assert.match(await hoverText(uri, clsid), /WbemLevel1Login/);
  });
});

describe('the Look Up Error Code command', () => {
  it('explains a code given in any form, with no file open', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const markdown = await vscode.commands.executeCommand<string | undefined>(COMMANDS.lookUpErrorCode, '-2147024891');
    assert.match(markdown ?? '', /0x80070005/);
    assert.match(markdown ?? '', /E_ACCESSDENIED/);
    const page = await waitFor('the explanation page to open', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'configmgr-doc' && d.getText().includes('E_ACCESSDENIED')),
    );
    assert.equal(page.uri.path, '/0x80070005.md');
  });

  it('a symbol and a bare Win32 number', async () => {
    assert.match((await vscode.commands.executeCommand<string>(COMMANDS.lookUpErrorCode, 'WBEM_E_ACCESS_DENIED')) ?? '', /0x80041003/);
    assert.match((await vscode.commands.executeCommand<string>(COMMANDS.lookUpErrorCode, '1722')) ?? '', /RPC_S_SERVER_UNAVAILABLE/);
  });

  it('is in the command palette and the editor context menu', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(COMMANDS.lookUpErrorCode));
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'configmgr-log-doctor');
    assert.ok(ext, 'the extension is installed');
    const menus = ext.packageJSON.contributes.menus['editor/context'] as { command: string }[];
    assert.ok(menus.some((m) => m.command === COMMANDS.lookUpErrorCode));
  });
});
