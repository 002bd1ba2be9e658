/**
 * LSP wiring only: the connection, the open documents, and handlers that call the core. Every handler
 * is wrapped so an exception becomes a logged, empty answer: a bad file never takes the server down.
 * The handlers that can run long on a big document work in steps and honour cancellation
 * (featuresInSteps.ts); a log that grows at its end is analysed by parsing only the appended tail.
 */
import {
  CodeActionKind,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeActionParams,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { analyzeAppended } from './core/appendedText';
import {
  SEMANTIC_TOKENS_LEGEND,
  getLanguageService,
  localeFromTag,
  type AnalyzedDocument,
  type LanguageService,
} from './core/languageService';
import type { Diagnosis, DiagnosisOptions } from './core/diagnosis/model';
import type { Locale } from './core/i18n/locale';
import {
  ANALYSIS_CHANGED_NOTIFICATION,
  DIAGNOSE_PROGRESS_NOTIFICATION,
  DIAGNOSE_REQUEST,
  EVIDENCE_SCRIPT_REQUEST,
  SERVER_INFO_REQUEST,
  type ServerInfoParams,
  type ServerInfoResult,
  FIX_REQUEST,
  type EvidenceScriptParams,
  type EvidenceScriptResult,
  type FixParams,
  type FixResult,
  type DiagnoseParams,
  type DiagnoseProgressParams,
  EXPLAIN_CODE_REQUEST,
  SEVERITY_LINES_REQUEST,
  type ExplainCodeParams,
  type ExplainCodeResult,
  type AnalysisChangedParams,
  type SeverityLinesParams,
  type SeverityLinesResult,
  type DocumentAnalysisInfo,
} from './protocol';
import {
  Cancelled,
  codeActionsInSteps,
  diagnosticsInSteps,
  foldingRangesInSteps,
  semanticTokensInSteps,
  severityLinesInSteps,
  type Checkpoint,
} from './featuresInSteps';

declare const PACKAGE_VERSION: string;

/**
 * Re-analysis after an edit waits for typing to pause, longer when the analysis costs more: 10 ms plus
 * 1 ms per 50 KB to parse (the document, or only the appended text when the edits only appended), at
 * most 200 ms. Opening a file analyses at once.
 */
function changeDebounceMs(length: number): number {
  return Math.min(200, 10 + Math.floor(length / 50_000));
}

/** Lets pending input (a `$/cancelRequest`, an edit) be read between two steps of long work. */
const nextTurn: () => Promise<void> =
  typeof setImmediate === 'function' ? () => new Promise((resolve) => setImmediate(resolve)) : () => new Promise((resolve) => setTimeout(resolve, 0));

function checkpoint(isCancelled: () => boolean): Checkpoint {
  return async () => {
    await nextTurn();
    return isCancelled();
  };
}

const requestCancelled = (): ResponseError<void> => new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');

/** Is this change an insert at the end of the document (or a whole text that starts with the old one)? */
function isAppend(document: TextDocument, change: TextDocumentContentChangeEvent): boolean {
  const text = document.getText();
  if ('range' in change && change.range) {
    return document.offsetAt(change.range.start) === text.length && document.offsetAt(change.range.end) === text.length;
  }
  return change.text.length >= text.length && change.text.startsWith(text);
}

/**
 * What only a Node host can do (read evidence from disk), given by the entry point so this wiring
 * stays free of `fs` and could run in a browser worker.
 */
export interface ServerHost {
  diagnoseFiles(
    files: readonly string[],
    options: DiagnosisOptions,
    hooks: { onProgress: (p: DiagnoseProgressParams) => void; isCancelled: () => boolean },
  ): Promise<Diagnosis | null>;
}

export function startServer(connection: Connection, host?: ServerHost): void {
  const analyses = new Map<string, { version: number; doc: AnalyzedDocument }>();
  /** Documents whose text still starts with the text of their cached analysis: every edit since appended. */
  const grownByAppends = new Set<string>();
  /** What the last analysis of each document parsed (`configmgr/serverInfo` reports it). */
  const analysisInfo = new Map<string, DocumentAnalysisInfo>();
  // The document manager with a hook on its updates, to see from the edits themselves (not by comparing
  // megabytes of text) that a document only grew at its end.
  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => {
      grownByAppends.delete(uri);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (document, changes, version) => {
      let appended = changes.length > 0;
      let updated = document;
      for (const change of changes) {
        appended &&= isAppend(updated, change);
        updated = TextDocument.update(updated, [change], version);
      }
      if (!appended) grownByAppends.delete(document.uri);
      return updated;
    },
  });
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  let locale: Locale = 'en';
  let service: LanguageService = getLanguageService({ locale });

  function safe<P, R>(name: string, fallback: R, handler: (params: P) => R): (params: P) => R {
    return (params: P) => {
      try {
        return handler(params);
      } catch (error) {
        connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
  }

  /**
   * A handler that can run long: it works in steps, answers RequestCancelled when the client cancels
   * (before it starts or between steps), and like `safe` turns an exception into a logged fallback.
   */
  function cancellable<P, R>(
    name: string,
    fallback: R,
    handler: (params: P, checkpoint: Checkpoint) => Promise<R>,
  ): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
    return async (params: P, token: CancellationToken) => {
      try {
        if (token.isCancellationRequested) return requestCancelled();
        return await handler(params, checkpoint(() => token.isCancellationRequested));
      } catch (error) {
        if (error instanceof Cancelled) return requestCancelled();
        connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
  }

  /**
   * The analysis of the document's current version, computed at most once per version: from the cached
   * analysis of an earlier version when every edit since only appended (a log being written), parsing
   * just the new tail; else from the whole text.
   */
  function analysisOf(document: TextDocument): AnalyzedDocument {
    const uri = document.uri;
    const cached = analyses.get(uri);
    if (cached && cached.version === document.version) return cached.doc;
    const text = document.getText();
    const doc = cached && grownByAppends.has(uri) ? analyzeAppended(cached.doc, text) : service.analyze(text, fileNameOf(uri));
    analyses.set(uri, { version: document.version, doc });
    grownByAppends.add(uri);
    analysisInfo.set(uri, {
      uri,
      version: document.version,
      incremental: doc.parsedFrom > 0,
      parsedChars: text.length - doc.parsedFrom,
      documentChars: text.length,
      analyses: (analysisInfo.get(uri)?.analyses ?? 0) + 1,
    });
    return doc;
  }

  /** Publishes the diagnostics of the document's version, unless a newer one (or a close) overtakes it. */
  async function publish(document: TextDocument): Promise<void> {
    const uri = document.uri;
    pending.delete(uri);
    if (documents.get(uri) !== document) return;
    const version = document.version;
    try {
      const doc = analysisOf(document);
      const overtaken = (): boolean => documents.get(uri) !== document || document.version !== version;
      const diagnostics = await diagnosticsInSteps(service, doc, checkpoint(overtaken));
      void connection.sendDiagnostics({ uri, version, diagnostics });
      const changed: AnalysisChangedParams = { uri, version };
      void connection.sendNotification(ANALYSIS_CHANGED_NOTIFICATION, changed);
    } catch (error) {
      // Overtaken: the newer version publishes its own.
      if (error instanceof Cancelled) return;
      connection.console.error(`diagnostics failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  function schedule(document: TextDocument, delay: number): void {
    const timer = pending.get(document.uri);
    if (timer) clearTimeout(timer);
    pending.set(document.uri, setTimeout(() => void publish(document), delay));
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    locale = localeFromTag(params.locale);
    service = getLanguageService({ locale });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        foldingRangeProvider: true,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      },
      serverInfo: { name: 'configmgr-log-doctor' },
    };
  });

  // Fires on open too: analyse a new document at once, debounce edits of one already analysed.
  documents.onDidChangeContent((e) => {
    const cached = analyses.get(e.document.uri);
    const length = e.document.getText().length;
    const toParse = cached && grownByAppends.has(e.document.uri) ? length - cached.doc.text.length : length;
    schedule(e.document, cached ? changeDebounceMs(toParse) : 0);
  });
  documents.onDidClose((e) => {
    const timer = pending.get(e.document.uri);
    if (timer) clearTimeout(timer);
    pending.delete(e.document.uri);
    analyses.delete(e.document.uri);
    grownByAppends.delete(e.document.uri);
    analysisInfo.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onFoldingRanges(
    cancellable('foldingRanges', [], async (params: { textDocument: { uri: string } }, step) => {
      const document = documents.get(params.textDocument.uri);
      return document ? foldingRangesInSteps(service, analysisOf(document), step) : [];
    }),
  );

  connection.languages.semanticTokens.on(
    cancellable('semanticTokens', { data: [] }, async (params: { textDocument: { uri: string } }, step) => {
      const document = documents.get(params.textDocument.uri);
      return document ? semanticTokensInSteps(service, analysisOf(document), step) : { data: [] };
    }),
  );

  connection.onHover(
    safe('hover', null, (params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? service.getHover(analysisOf(document), params.position) : null;
    }),
  );

  connection.onCodeAction(
    cancellable('codeAction', [], async (params: CodeActionParams, step) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const request = { uri: params.textDocument.uri, range: params.range, diagnostics: params.context?.diagnostics ?? [] };
      return codeActionsInSteps(service, analysisOf(document), request, step);
    }),
  );

  connection.onRequest(
    FIX_REQUEST,
    safe('fix', { markdown: '' }, (params: FixParams): FixResult => ({ markdown: service.renderFix(params) })),
  );

  connection.onRequest(
    EVIDENCE_SCRIPT_REQUEST,
    safe('evidenceScript', { script: '' }, (params: EvidenceScriptParams): EvidenceScriptResult => ({ script: service.evidenceScript(params) })),
  );

  connection.onRequest(
    EXPLAIN_CODE_REQUEST,
    safe('explainCode', { markdown: null, canonical: null }, (params: ExplainCodeParams): ExplainCodeResult =>
      service.explainCode(typeof params?.text === 'string' ? params.text : ''),
    ),
  );

  connection.onRequest(
    SEVERITY_LINES_REQUEST,
    cancellable('severityLines', null, async (params: SeverityLinesParams, step): Promise<SeverityLinesResult | null> => {
      const document = documents.get(params.uri);
      if (!document) return null;
      const version = document.version;
      return { version, ...(await severityLinesInSteps(service, analysisOf(document), step)) };
    }),
  );

  // Without params, vscode-jsonrpc passes the cancellation token first: read a `uri` only from an object that has one.
  connection.onRequest(SERVER_INFO_REQUEST, (params: unknown): ServerInfoResult => {
    const uri = typeof params === 'object' && params !== null ? (params as ServerInfoParams).uri : undefined;
    return {
      processId: typeof process === 'object' ? process.pid : 0,
      version: typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0',
      ...(typeof uri === 'string' ? { analysis: analysisInfo.get(uri) ?? null } : {}),
    };
  });

  connection.onRequest(DIAGNOSE_REQUEST, async (params: DiagnoseParams, token): Promise<Diagnosis | null> => {
    if (!host) return null;
    try {
      const files = Array.isArray(params?.files) ? params.files.filter((f): f is string => typeof f === 'string') : [];
      return await host.diagnoseFiles(
        files,
        {
          locale,
          windowSeconds: typeof params.windowSeconds === 'number' && params.windowSeconds > 0 ? params.windowSeconds : 120,
          defaultUtcOffsetMinutes: typeof params.defaultUtcOffsetMinutes === 'number' ? params.defaultUtcOffsetMinutes : null,
        },
        {
          onProgress: (p) => void connection.sendNotification(DIAGNOSE_PROGRESS_NOTIFICATION, p),
          isCancelled: () => token.isCancellationRequested,
        },
      );
    } catch (error) {
      connection.console.error(`diagnose failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return null;
    }
  });

  documents.listen(connection);
  connection.listen();
}

/** The file name part of a document URI: it tells which ConfigMgr log the document is. */
export function fileNameOf(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
