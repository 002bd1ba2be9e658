/**
 * Whole-line backgrounds for error and warning records, as CMTrace paints them. The server says which
 * lines (it owns the model); the client only draws. Colours are theme colours the user can override.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ANALYSIS_CHANGED_NOTIFICATION,
  LANGUAGE_IDS,
  SEVERITY_LINES_REQUEST,
  type AnalysisChangedParams,
  type SeverityLinesParams,
  type SeverityLinesResult,
} from '../../server/src/protocol';

export function registerLineBackgrounds(context: vscode.ExtensionContext, client: LanguageClient): void {
  const errorLine = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('configmgrLogDoctor.errorLineBackground'),
    overviewRulerColor: new vscode.ThemeColor('configmgrLogDoctor.errorLineBackground'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
  const warningLine = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('configmgrLogDoctor.warningLineBackground'),
  });
  context.subscriptions.push(errorLine, warningLine);

  const enabled = (): boolean =>
    vscode.workspace.getConfiguration('configmgrLogDoctor').get<boolean>('lineBackground', true);
  const ours = (editor: vscode.TextEditor): boolean =>
    editor.document.languageId === LANGUAGE_IDS.log;

  const toRanges = (pairs: readonly number[]): vscode.Range[] => {
    const ranges: vscode.Range[] = [];
    for (let i = 0; i + 1 < pairs.length; i += 2) ranges.push(new vscode.Range(pairs[i] ?? 0, 0, pairs[i + 1] ?? 0, 0));
    return ranges;
  };

  const refresh = async (editor: vscode.TextEditor): Promise<void> => {
    if (!ours(editor) || !enabled()) {
      editor.setDecorations(errorLine, []);
      editor.setDecorations(warningLine, []);
      return;
    }
    const params: SeverityLinesParams = { uri: client.code2ProtocolConverter.asUri(editor.document.uri) };
    try {
      const result = await client.sendRequest<SeverityLinesResult | null>(SEVERITY_LINES_REQUEST, params);
      if (!result || result.version !== editor.document.version) return;
      editor.setDecorations(errorLine, toRanges(result.error));
      editor.setDecorations(warningLine, toRanges(result.warning));
    } catch (error) {
      client.warn(`line backgrounds: ${String(error)}`);
    }
  };
  const refreshAll = (): void => {
    for (const editor of vscode.window.visibleTextEditors) void refresh(editor);
  };

  context.subscriptions.push(
    vscode.window.onDidChangeVisibleTextEditors(refreshAll),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('configmgrLogDoctor.lineBackground')) refreshAll();
    }),
    client.onNotification(ANALYSIS_CHANGED_NOTIFICATION, (params: AnalysisChangedParams) => {
      for (const editor of vscode.window.visibleTextEditors) {
        if (client.code2ProtocolConverter.asUri(editor.document.uri) === params.uri) void refresh(editor);
      }
    }),
  );
  refreshAll();
}
