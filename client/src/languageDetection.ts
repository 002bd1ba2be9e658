/**
 * Switches a document to our languages by its content, so a ConfigMgr log named anything (`.log`
 * opened as Log or Plain Text) and an event export named anything (`.xml`) get the right language
 * without the user touching `files.associations`. The content test is the core's detector.
 */
import * as vscode from 'vscode';
import { DETECTION_HEAD_LENGTH, detectFormat } from '../../server/src/core/formats/detect';
import { LANGUAGE_IDS } from '../../server/src/protocol';

const XML_PROLOG = /^\uFEFF?\s*<[?!]/;
const PROLOG_LOOK_LENGTH = 1024 * 1024;

/** Languages VS Code gives these files before we look inside. */
const SWITCHABLE_TO_LOG = new Set(['log', 'plaintext']);
const SWITCHABLE_TO_EVENTS = new Set(['xml', 'plaintext', 'log']);

export function languageForContent(document: vscode.TextDocument): string | undefined {
  const current = document.languageId;
  if (!SWITCHABLE_TO_LOG.has(current) && !SWITCHABLE_TO_EVENTS.has(current)) return undefined;
  const head = document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 200), 0)).slice(0, DETECTION_HEAD_LENGTH);
  let format = detectFormat(head);
  // An XML prolog (comments, a DOCTYPE) longer than the head: look past it, up to 1 MB.
  if (format === 'plain' && XML_PROLOG.test(head)) format = detectFormat(document.getText().slice(0, PROLOG_LOOK_LENGTH));
  if (format === 'eventXml') return SWITCHABLE_TO_EVENTS.has(current) ? LANGUAGE_IDS.eventXml : undefined;
  if (format !== 'plain' && SWITCHABLE_TO_LOG.has(current)) return LANGUAGE_IDS.log;
  return undefined;
}

export function registerLanguageDetection(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const enabled = (): boolean =>
    vscode.workspace.getConfiguration('configmgrLogDoctor').get<boolean>('detectLanguage', true);

  const examine = async (document: vscode.TextDocument): Promise<void> => {
    if (!enabled() || document.isClosed) return;
    const target = languageForContent(document);
    if (!target || target === document.languageId) return;
    try {
      await vscode.languages.setTextDocumentLanguage(document, target);
      log.info(`${document.uri.toString(true)}: detected ${target} by content`);
    } catch (error) {
      log.warn(`could not switch ${document.uri.toString(true)} to ${target}: ${String(error)}`);
    }
  };

  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => void examine(d)));
  for (const document of vscode.workspace.textDocuments) void examine(document);
}
