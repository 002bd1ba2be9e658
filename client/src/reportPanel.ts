/**
 * The diagnosis report in a webview that follows the VS Code theme. The HTML comes from the core's
 * report renderer (strict CSP, nonce'd script, every log-derived string escaped); this side only
 * hosts it and answers its two messages: open an evidence file at a line, export the report as
 * Markdown (optionally redacted). Messages are checked: only files of this diagnosis open.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Diagnosis } from '../../server/src/core/diagnosis/model';
import { toHtml } from '../../server/src/core/report/html';
import { toMarkdown } from '../../server/src/core/report/markdown';
import { redactDiagnosis } from '../../server/src/core/report/redact';

export const OPEN_EVIDENCE_COMMAND = 'configmgrLogDoctor.openEvidence';

let panel: vscode.WebviewPanel | undefined;
let shown: Diagnosis | undefined;

export function showReport(diagnosis: Diagnosis): vscode.WebviewPanel {
  shown = diagnosis;
  const title = diagnosis.locale === 'ja' ? 'DCOM の強化の診断' : 'DCOM Hardening Diagnosis';
  if (!panel) {
    panel = vscode.window.createWebviewPanel('configmgrLogDoctor.report', title, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [],
      retainContextWhenHidden: false,
    });
    panel.onDidDispose(() => {
      panel = undefined;
      shown = undefined;
    });
    panel.webview.onDidReceiveMessage((message: unknown) => void handleMessage(message));
  }
  panel.title = title;
  panel.webview.html = toHtml(diagnosis, { nonce: randomBytes(16).toString('base64'), cspSource: panel.webview.cspSource });
  panel.reveal();
  return panel;
}

/** Opens an evidence file of the shown diagnosis at a 1-based line. */
export async function openEvidence(file: unknown, line: unknown): Promise<vscode.TextEditor | undefined> {
  if (typeof file !== 'string' || !shown?.files.some((f) => f.path === file)) return undefined;
  const lineNumber = typeof line === 'number' && Number.isInteger(line) && line > 0 ? line - 1 : 0;
  const position = new vscode.Position(lineNumber, 0);
  return vscode.window.showTextDocument(vscode.Uri.file(file), {
    selection: new vscode.Range(position, position),
    viewColumn: vscode.ViewColumn.One,
    preview: false,
  });
}

async function handleMessage(message: unknown): Promise<void> {
  if (typeof message !== 'object' || message === null) return;
  const m = message as { type?: unknown; file?: unknown; line?: unknown; redact?: unknown };
  if (m.type === 'open') await openEvidence(m.file, m.line);
  else if (m.type === 'exportMarkdown' && shown) await exportMarkdown(shown, m.redact === true);
}

export async function exportMarkdown(diagnosis: Diagnosis, redact: boolean): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, 'dcom-hardening-report.md') : undefined,
    filters: { Markdown: ['md'] },
    title: vscode.l10n.t('Export the DCOM hardening report as Markdown'),
  });
  if (!target) return undefined;
  const markdown = toMarkdown(redact ? redactDiagnosis(diagnosis) : diagnosis);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(markdown));
  void vscode.window.showInformationMessage(vscode.l10n.t('Report written to {0}', target.fsPath));
  return target;
}
