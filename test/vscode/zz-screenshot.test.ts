// Runs last (files run in name order): sets the scene the README screenshot shows, a sample log open
// with its problems listed, and waits while the runner takes the picture (the extension host must
// still be alive, or the diagnostics and colours are gone from the screen).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { diagnosticsOf, repoRoot, waitFor } from './support/wait';

describe('screenshot scene', () => {
  it('opens a sample log with the Problems panel', async () => {
    const uri = vscode.Uri.file(path.join(repoRoot(), 'samples', 'CM01', 'distmgr.log'));
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    const diagnostics = await diagnosticsOf(uri);
    assert.ok(diagnostics.length > 0);
    const first = diagnostics.reduce((a, b) => (a.range.start.line <= b.range.start.line ? a : b));
    editor.revealRange(first.range, vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('workbench.actions.view.problems');

    const target = process.env['CONFIGMGR_TEST_SCREENSHOT'];
    if (!target) return; // not asked for a picture
    const before = fs.existsSync(target) ? fs.statSync(target).mtimeMs : 0;
    console.log('[vscode-tests:screenshot]');
    await waitFor('the runner to take the screenshot', () =>
      fs.existsSync(target) && fs.statSync(target).mtimeMs > before ? true : undefined,
    );
  });
});
