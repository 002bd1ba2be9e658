/**
 * VS Code entry: starts the language server, switches languages by content, paints line backgrounds.
 * Everything that understands logs lives in the server's core; this side only talks to VS Code.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { LANGUAGE_IDS } from '../../server/src/protocol';
import { registerLanguageDetection } from './languageDetection';
import { registerLineBackgrounds } from './lineBackgrounds';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('ConfigMgr Log Doctor', { log: true });
  context.subscriptions.push(log);
  registerLanguageDetection(context, log);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Any scheme: logs are often opened from untitled buffers or remote file systems.
    documentSelector: [{ language: LANGUAGE_IDS.log }, { language: LANGUAGE_IDS.eventXml }],
    outputChannel: log,
  };
  client = new LanguageClient('configmgrLogDoctor', 'ConfigMgr Log Doctor', serverOptions, clientOptions);
  await client.start();
  registerLineBackgrounds(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
