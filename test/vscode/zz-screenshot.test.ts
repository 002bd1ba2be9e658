// Runs last (files run in name order): leaves the workbench as the README screenshot shows it, a log
// open with its problems listed.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { diagnosticsOf, repoRoot } from './support/wait';

describe('screenshot scene', () => {
  it('opens a sample log with the Problems panel', async () => {
    const uri = vscode.Uri.file(path.join(repoRoot(), 'samples', 'CONSOLE01', 'SmsAdminUI.log'));
    await vscode.window.showTextDocument(uri, { preview: false });
    assert.ok((await diagnosticsOf(uri)).length > 0);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  });
});
