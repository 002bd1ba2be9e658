/**
 * The quick fixes' commands: show the DCOM hardening fix for a symptom (a Markdown page beside the
 * editor) and copy the PowerShell that collects the evidence. The extension never runs the script.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  COMMANDS,
  EVIDENCE_SCRIPT_REQUEST,
  FIX_REQUEST,
  type EvidenceScriptResult,
  type FixResult,
} from '../../server/src/protocol';
import { showMarkdownPage } from './markdownPages';

export function registerFixCommands(context: vscode.ExtensionContext, getClient: () => Promise<LanguageClient>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.showFix, async (args?: unknown): Promise<string | undefined> => {
      const result = await (await getClient()).sendRequest<FixResult>(FIX_REQUEST, args ?? {});
      if (!result.markdown) return undefined;
      const symptom = typeof args === 'object' && args !== null ? String((args as { symptom?: unknown }).symptom ?? 'fix') : 'fix';
      await showMarkdownPage(`dcom-hardening-fix-${symptom}.md`, result.markdown);
      return result.markdown;
    }),
    vscode.commands.registerCommand(COMMANDS.copyEvidenceScript, async (args?: unknown): Promise<string | undefined> => {
      const result = await (await getClient()).sendRequest<EvidenceScriptResult>(EVIDENCE_SCRIPT_REQUEST, args ?? { machine: null });
      if (!result.script) return undefined;
      await vscode.env.clipboard.writeText(result.script);
      void vscode.window.showInformationMessage(
        vscode.l10n.t('The PowerShell that collects the DCOM hardening evidence is on the clipboard. Run it on the machine concerned, then add its output folder to your evidence.'),
      );
      return result.script;
    }),
  );
}
