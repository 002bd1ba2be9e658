import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsOf, fixture, languageOf, waitFor } from './support/wait';

describe('diagnostics: the Problems panel lists the DCOM hardening evidence', () => {
  it('a CCM log: access denied on the record, on the code', async () => {
    const uri = fixture('logs/SMSProv.log');
    await languageOf(uri, 'configmgr-log');
    const [d, ...rest] = await diagnosticsOf(uri);
    assert.equal(rest.length, 0);
    assert.ok(d);
    assert.equal(codeOf(d), 'access-denied');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.range.start.line, 2);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.getText(d.range), '0x80070005');
    assert.match(typeof d.code === 'object' ? d.code.target.toString() : '', /dcom-hardening-change-effect/);
  });

  it('a console log found by content: access denied to the SMS Provider', async () => {
    const uri = fixture('logs/console-unknown-name.log');
    await languageOf(uri, 'configmgr-log');
    const diagnostics = await diagnosticsOf(uri);
    assert.deepEqual(diagnostics.map((d) => [codeOf(d), d.range.start.line]), [['access-denied', 1]]);
    assert.match(diagnostics[0]?.message ?? '', /SMS Provider/);
  });

  it('a rolled-over site server log: RPC unavailable written as signed decimal', async () => {
    const uri = fixture('logs/distmgr.lo_');
    await languageOf(uri, 'configmgr-log');
    const diagnostics = await diagnosticsOf(uri);
    assert.deepEqual(diagnostics.map((d) => [codeOf(d), d.range.start.line]), [['rpc-unavailable', 2]]);
    assert.match(diagnostics[0]?.message ?? '', /written as -2147023174/);
  });

  it('an Event Viewer export: 10036 flagged, 10016 and ThreadID 10036 not', async () => {
    const uri = fixture('events/System-export.xml');
    await languageOf(uri, 'windows-event-xml');
    const diagnostics = await diagnosticsOf(uri);
    assert.deepEqual(diagnostics.map(codeOf), ['dcom-10036']);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.getText(diagnostics[0]?.range), '10036');
  });

  it('a pasted XML view: 10038 with the default authentication level', async () => {
    const uri = fixture('events/pasted-from-console.txt');
    await languageOf(uri, 'windows-event-xml');
    const diagnostics = await diagnosticsOf(uri);
    assert.deepEqual(diagnostics.map((d) => [codeOf(d), d.range.start.line]), [['dcom-10038', 3]]);
  });

  it('F8 walks to the next problem', async () => {
    const uri = fixture('logs/SMSProv.log');
    const editor = await vscode.window.showTextDocument(uri);
    await diagnosticsOf(uri);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('editor.action.marker.next');
    const position = await waitFor('the cursor to move to the problem', () =>
      editor.selection.active.line === 2 ? editor.selection.active : undefined,
    );
    assert.equal(position.character, editor.document.lineAt(2).text.indexOf('0x80070005'));
    await vscode.commands.executeCommand('closeMarkersNavigation');
  });
});
