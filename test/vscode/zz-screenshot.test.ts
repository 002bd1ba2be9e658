// Runs last (files run in name order): sets the scene the README screenshot shows, a sample log open
// with its problems listed, and waits while the runner takes the picture (the extension host must
// still be alive, or the diagnostics and colours are gone from the screen).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { diagnosticsOf, repoRoot, waitFor } from './support/wait';

/** Asks the runner for a picture named `name` (beside --screenshot) and waits until it is taken. */
async function picture(name: string): Promise<void> {
  await vscode.commands.executeCommand('notifications.clearAll');
  const target = process.env['CONFIGMGR_TEST_SCREENSHOT'];
  if (!target) return; // not asked for pictures
  const file = name ? path.join(path.dirname(target), name + path.extname(target)) : target;
  const before = fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
  console.log(`[vscode-tests:screenshot] ${name}`);
  await waitFor(`the runner to take ${file}`, () => (fs.existsSync(file) && fs.statSync(file).mtimeMs > before ? true : undefined));
}

describe('screenshot scenes', () => {
  it('a hover on an error code', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = vscode.Uri.file(path.join(repoRoot(), 'samples', 'CM01', 'distmgr.log'));
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    const diagnostics = await diagnosticsOf(uri);
    const access = diagnostics.find((d) => editor.document.getText(d.range) === '0x80070005') ?? diagnostics[0];
    assert.ok(access);
    const at = access.range.start.translate(0, 2);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(access.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('editor.action.showHover');
    await picture('hover');
  });

  it('the diagnosis report', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const diagnosis = await vscode.commands.executeCommand<{ verdict: string }>('configmgrLogDoctor.diagnose', vscode.Uri.file(path.join(repoRoot(), 'samples')));
    assert.equal(diagnosis?.verdict, 'likely');
    await picture('report');
  });

  it('opens a sample log with the Problems panel', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = vscode.Uri.file(path.join(repoRoot(), 'samples', 'CM01', 'distmgr.log'));
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    const diagnostics = await diagnosticsOf(uri);
    assert.ok(diagnostics.length > 0);
    const first = diagnostics.reduce((a, b) => (a.range.start.line <= b.range.start.line ? a : b));
    editor.revealRange(first.range, vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await picture('');
  });
});
