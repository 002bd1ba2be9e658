/**
 * LSP wiring only: the connection, the open documents, and handlers that call the core. Every handler
 * is wrapped so an exception becomes a logged, empty answer: a bad file never takes the server down.
 */
import {
  CodeActionKind,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
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
} from './protocol';

declare const PACKAGE_VERSION: string;

/**
 * Re-analysis after an edit waits for typing to pause, longer on bigger documents (whose analysis costs
 * more): 10 ms plus 1 ms per 50 KB, at most 200 ms. Opening a file analyses at once.
 */
function changeDebounceMs(length: number): number {
  return Math.min(200, 10 + Math.floor(length / 50_000));
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
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, { version: number; doc: AnalyzedDocument }>();
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

  /** The analysis of the document's current version, computed at most once per version. */
  function analysisOf(document: TextDocument): AnalyzedDocument {
    const cached = analyses.get(document.uri);
    if (cached && cached.version === document.version) return cached.doc;
    const doc = service.analyze(document.getText(), fileNameOf(document.uri));
    analyses.set(document.uri, { version: document.version, doc });
    return doc;
  }

  const publish = safe('diagnostics', undefined, (document: TextDocument) => {
    pending.delete(document.uri);
    if (documents.get(document.uri) !== document) return;
    const doc = analysisOf(document);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: service.getDiagnostics(doc) });
    const changed: AnalysisChangedParams = { uri: document.uri, version: document.version };
    void connection.sendNotification(ANALYSIS_CHANGED_NOTIFICATION, changed);
  });

  function schedule(document: TextDocument, delay: number): void {
    const timer = pending.get(document.uri);
    if (timer) clearTimeout(timer);
    pending.set(document.uri, setTimeout(() => publish(document), delay));
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
  documents.onDidChangeContent((e) =>
    schedule(e.document, analyses.has(e.document.uri) ? changeDebounceMs(e.document.getText().length) : 0),
  );
  documents.onDidClose((e) => {
    const timer = pending.get(e.document.uri);
    if (timer) clearTimeout(timer);
    pending.delete(e.document.uri);
    analyses.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onFoldingRanges(
    safe('foldingRanges', [], (params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? service.getFoldingRanges(analysisOf(document)) : [];
    }),
  );

  connection.languages.semanticTokens.on(
    safe('semanticTokens', { data: [] }, (params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? service.getSemanticTokens(analysisOf(document)) : { data: [] };
    }),
  );

  connection.onHover(
    safe('hover', null, (params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? service.getHover(analysisOf(document), params.position) : null;
    }),
  );

  connection.onCodeAction(
    safe('codeAction', [], (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      return service.getCodeActions(analysisOf(document), params.textDocument.uri, params.range, params.context.diagnostics);
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
    safe('severityLines', null, (params: SeverityLinesParams): SeverityLinesResult | null => {
      const document = documents.get(params.uri);
      if (!document) return null;
      return { version: document.version, ...service.getSeverityLines(analysisOf(document)) };
    }),
  );

  connection.onRequest(SERVER_INFO_REQUEST, (): ServerInfoResult => ({
    processId: typeof process === 'object' ? process.pid : 0,
    version: typeof PACKAGE_VERSION === 'string' ? PACKAGE_VERSION : '0.0.0',
  }));

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
