import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMANDS } from '../../server/src/protocol';
import { diagnosticsOf, repoRoot, waitFor } from './support/wait';

interface DiagnosisShape {
  verdict: string;
  findings: { code: string; file: string; line: number; machine: string | null }[];
  correlations: unknown[];
  recommendations: { id: string }[];
}

const sample = (relative: string): vscode.Uri => vscode.Uri.file(path.join(repoRoot(), 'samples', relative));

describe('quick fixes and the DCOM hardening diagnosis', () => {
  it('a quick fix on a console access-denied opens the DCOM hardening fix', async () => {
    const uri = sample('CONSOLE01/SmsAdminUI.log');
    await vscode.window.showTextDocument(uri);
    const diagnostic = (await diagnosticsOf(uri)).find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'access-denied');
    assert.ok(diagnostic, 'the console log has an access-denied');
    const actions = await waitFor('code actions', async () => {
      const a = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      return a && a.length > 0 ? a : undefined;
    });
    const fix = actions.find((a) => /DCOM hardening/.test(a.title));
    assert.ok(fix?.command, `a fix action among ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true);
    const markdown = await vscode.commands.executeCommand<string>(fix.command.command, ...(fix.command.arguments ?? []));
    assert.match(markdown ?? '', /2203/);
    const page = await waitFor('the fix page to open', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'configmgr-doc' && d.getText().includes('2203')),
    );
    assert.match(page.getText(), /CM01/);
  });

  it('copies the evidence script to the clipboard', async () => {
    const script = await vscode.commands.executeCommand<string>(COMMANDS.copyEvidenceScript, { machine: 'CM01' });
    assert.match(script ?? '', /Get-WinEvent/);
    assert.equal(await vscode.env.clipboard.readText(), script);
  });

  let diagnosis: DiagnosisShape | undefined;
  it('the Diagnose command reports likely, pairs the evidence and shows the report webview', async () => {
    diagnosis = await vscode.commands.executeCommand<DiagnosisShape>(COMMANDS.diagnose, vscode.Uri.file(path.join(repoRoot(), 'samples')));
    assert.ok(diagnosis);
    assert.equal(diagnosis.verdict, 'likely');
    assert.ok(diagnosis.correlations.length > 0);
    assert.ok(diagnosis.recommendations.some((r) => r.id === 'install-latest-cu-both-sides'));
    const tab = await waitFor('the report tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /DCOM/.test(t.label)),
    );
    assert.ok(tab);
  });

  it('an evidence link opens the file at its line', async () => {
    const finding = diagnosis?.findings.find((f) => f.line > 1);
    assert.ok(finding);
    await vscode.commands.executeCommand('configmgrLogDoctor.openEvidence', finding.file, finding.line);
    const editor = await waitFor('the evidence editor', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.fsPath === finding.file ? e : undefined;
    });
    assert.equal(editor.selection.active.line, finding.line - 1);
  });

  it('refuses to open a file that is not evidence of the report', async () => {
    const editor = await vscode.commands.executeCommand('configmgrLogDoctor.openEvidence', path.join(repoRoot(), 'package.json'), 1);
    assert.equal(editor, undefined);
  });
});
