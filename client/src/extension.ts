/**
 * VS Code entry: switches languages by content, starts the language server when the first ConfigMgr
 * log or event export is open, and paints line backgrounds. Everything that understands logs lives in
 * the server's core; this side only talks to VS Code.
 *
 * The extension activates on Log, Plain Text and XML files too (to look inside them), so the server
 * starts lazily: opening an ordinary text file costs one head check, not a process.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { LANGUAGE_IDS } from '../../server/src/protocol';
import { registerLanguageDetection } from './languageDetection';
import { registerLineBackgrounds } from './lineBackgrounds';
import { registerLookUpCommand } from './lookUpCommand';
import { registerMarkdownPages } from './markdownPages';
import { registerFixCommands } from './fixCommands';
import { runDiagnosis } from './diagnoseCommand';
import { OPEN_EVIDENCE_COMMAND, openEvidence } from './reportPanel';
import { COMMANDS, SERVER_INFO_REQUEST, type ServerInfoResult } from '../../server/src/protocol';

/** Hidden command: the server's process id and version (for support and for the crash-recovery test). */
const SERVER_INFO_COMMAND = 'configmgrLogDoctor.serverInfo';

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;

const isOurs = (document: vscode.TextDocument): boolean =>
  document.languageId === LANGUAGE_IDS.log || document.languageId === LANGUAGE_IDS.eventXml;

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('ConfigMgr Log Doctor', { log: true });
  context.subscriptions.push(log);
  registerLanguageDetection(context, log);

  const startWhenNeeded = (document: vscode.TextDocument): void => {
    if (!starting && isOurs(document)) starting = startClient(context, log);
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startWhenNeeded));
  vscode.workspace.textDocuments.forEach(startWhenNeeded);

  // Commands that need the server start it when they run, even with no log open.
  const getClient = async (): Promise<LanguageClient> => {
    starting ??= startClient(context, log);
    await starting;
    if (!client) throw new Error('the language server is not running');
    return client;
  };
  registerMarkdownPages(context);
  registerLookUpCommand(context, getClient);
  registerFixCommands(context, getClient);
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.diagnose, async (arg?: unknown) => runDiagnosis(await getClient(), arg)),
    vscode.commands.registerCommand(OPEN_EVIDENCE_COMMAND, (file: unknown, line: unknown) => openEvidence(file, line)),
    vscode.commands.registerCommand(SERVER_INFO_COMMAND, async () =>
      (await getClient()).sendRequest<ServerInfoResult>(SERVER_INFO_REQUEST),
    ),
  );
}

async function startClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Any scheme: logs are often opened from untitled buffers or remote file systems.
    documentSelector: [{ language: LANGUAGE_IDS.log }, { language: LANGUAGE_IDS.eventXml }],
    outputChannel: log,
    errorHandler: restartingErrorHandler(log),
  };
  client = new LanguageClient('configmgrLogDoctor', 'ConfigMgr Log Doctor', serverOptions, clientOptions);
  try {
    await client.start();
    registerLineBackgrounds(context, client);
  } catch (error) {
    log.error(`the language server did not start: ${String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('ConfigMgr Log Doctor: the language server did not start. See the output channel for details.'));
  }
}

/**
 * If the server process dies, start it again and say so, so diagnostics are not silently lost; after
 * five deaths in three minutes, stop and point at the output channel instead of looping.
 */
function restartingErrorHandler(log: vscode.LogOutputChannel): ErrorHandler {
  const deaths: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      deaths.push(now);
      while (deaths.length > 0 && now - (deaths[0] ?? now) > 3 * 60_000) deaths.shift();
      if (deaths.length >= 5) {
        log.error('the language server stopped five times in three minutes; not restarting it');
        return {
          action: CloseAction.DoNotRestart,
          message: vscode.l10n.t('The ConfigMgr Log Doctor language server stopped five times in three minutes and will not be restarted. See the ConfigMgr Log Doctor output channel.'),
        };
      }
      log.warn('the language server stopped; restarting it');
      void vscode.window.showWarningMessage(vscode.l10n.t('The ConfigMgr Log Doctor language server stopped and was restarted; problems and colours come back in a moment.'));
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
  starting = undefined;
}
