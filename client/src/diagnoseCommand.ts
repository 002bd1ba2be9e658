/**
 * "ConfigMgr: Diagnose DCOM Hardening": finds the evidence files of a folder (the include and exclude
 * settings), has the language server read and correlate them from disk, and shows the report. Runs
 * with a cancellable progress notification.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Diagnosis } from '../../server/src/core/diagnosis/model';
import {
  DIAGNOSE_PROGRESS_NOTIFICATION,
  DIAGNOSE_REQUEST,
  type DiagnoseParams,
  type DiagnoseProgressParams,
} from '../../server/src/protocol';
import { showReport } from './reportPanel';
import { parseUtcOffsetText } from '../../server/src/core/text/utcOffset';

async function chooseFolder(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'object' && arg !== null && typeof (arg as { folderOf?: unknown }).folderOf === 'string') {
    // From a quick fix on a file: the workspace folder that holds it (evidence of all machines),
    // else the file's own folder.
    const file = vscode.Uri.parse((arg as { folderOf: string }).folderOf);
    return vscode.workspace.getWorkspaceFolder(file)?.uri ?? vscode.Uri.file(path.dirname(file.fsPath));
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0]?.uri;
  if (folders.length === 0) {
    const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, title: vscode.l10n.t('Folder of evidence to diagnose') });
    return picked?.[0];
  }
  const choice = await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder of evidence to diagnose') });
  return choice?.uri;
}

export async function runDiagnosis(client: LanguageClient, arg: unknown): Promise<Diagnosis | undefined> {
  const folder = await chooseFolder(arg);
  if (!folder) return undefined;
  const config = vscode.workspace.getConfiguration('configmgrLogDoctor.diagnose');
  const include = config.get<string>('include', '**/*.{log,lo_,xml,txt,reg}');
  const exclude = config.get<string>('exclude', '**/{node_modules,.git,.vscode-test}/**');
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), exclude || null);
  const files = uris.filter((u) => u.scheme === 'file').map((u) => u.fsPath).sort();
  if (files.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No ConfigMgr logs, event exports or .reg exports in {0}.', folder.fsPath));
    return undefined;
  }
  const params: DiagnoseParams = {
    files,
    windowSeconds: Math.max(1, config.get<number>('windowSeconds', 120)),
    defaultUtcOffsetMinutes: parseUtcOffsetText(config.get<string>('consoleUtcOffset', '')),
  };
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Diagnosing DCOM hardening'), cancellable: true },
    async (progress, token) => {
      let last = 0;
      const listener = client.onNotification(DIAGNOSE_PROGRESS_NOTIFICATION, (p: DiagnoseProgressParams) => {
        const percent = p.total > 0 ? (p.done / p.total) * 100 : 0;
        progress.report({ increment: percent - last, message: `${p.done + 1}/${p.total} ${path.basename(p.file)}` });
        last = percent;
      });
      try {
        const diagnosis = await client.sendRequest<Diagnosis | null>(DIAGNOSE_REQUEST, params, token);
        if (!diagnosis || token.isCancellationRequested) return undefined;
        showReport(diagnosis);
        return diagnosis;
      } catch (error) {
        if (!token.isCancellationRequested) void vscode.window.showErrorMessage(vscode.l10n.t('The diagnosis failed: {0}', String(error)));
        return undefined;
      } finally {
        listener.dispose();
      }
    },
  );
}
