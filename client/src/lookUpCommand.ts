/**
 * "ConfigMgr: Look Up Error Code": any form of a code (hex, bare hex, signed or unsigned decimal, a
 * symbol), from the selection or typed in, explained in a Markdown preview. Works with no file open:
 * it starts the language server if nothing has yet.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS, EXPLAIN_CODE_REQUEST, type ExplainCodeParams, type ExplainCodeResult } from '../../server/src/protocol';
import { showMarkdownPage } from './markdownPages';

export function registerLookUpCommand(context: vscode.ExtensionContext, getClient: () => Promise<LanguageClient>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.lookUpErrorCode, async (given?: unknown): Promise<string | undefined> => {
      const text = typeof given === 'string' ? given : await askForCode();
      if (!text) return undefined;
      const client = await getClient();
      const params: ExplainCodeParams = { text };
      const result = await client.sendRequest<ExplainCodeResult>(EXPLAIN_CODE_REQUEST, params);
      if (!result.markdown) {
        void vscode.window.showWarningMessage(vscode.l10n.t('"{0}" is not an error code ConfigMgr Log Doctor knows.', text.slice(0, 80)));
        return undefined;
      }
      await showMarkdownPage(`${result.canonical ?? 'code'}.md`, result.markdown);
      return result.markdown;
    }),
  );
}

async function askForCode(): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  let initial = '';
  if (editor) {
    const selection = editor.document.getText(editor.selection).trim();
    const word = editor.document.getWordRangeAtPosition(editor.selection.active, /-?(?:0[xX])?[0-9A-Za-z_]+/);
    initial = selection || (word ? editor.document.getText(word) : '');
  }
  if (initial && editor && !editor.selection.isEmpty) return initial;
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Look Up Error Code'),
    prompt: vscode.l10n.t('An error code in any form: 0x80070005, 80070005, -2147024891, 2147942405, 1722, E_ACCESSDENIED'),
    value: initial,
    ignoreFocusOut: true,
  });
}
