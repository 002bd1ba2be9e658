/**
 * Names shared by the client and the server: custom requests and command ids. One module, so the two
 * sides cannot drift apart. Only types come from the core, so the client bundle does not pull it in.
 */
import type { FixSymptom } from './core/knowledge/fixes';

export type { FixSymptom } from './core/knowledge/fixes';

/** Lines of error and warning records in a log, for whole-line backgrounds. */
export const SEVERITY_LINES_REQUEST = 'configmgr/severityLines';

export interface SeverityLinesParams {
  readonly uri: string;
}

export interface SeverityLinesResult {
  /** Document version the lines belong to. */
  readonly version: number;
  /** Inclusive [startLine, endLine] pairs, flattened. */
  readonly error: number[];
  readonly warning: number[];
}

/** Sent by the server when a document's analysis changed, so the client refreshes its decorations. */
export const ANALYSIS_CHANGED_NOTIFICATION = 'configmgr/analysisChanged';

export interface AnalysisChangedParams {
  readonly uri: string;
  readonly version: number;
}

export const LANGUAGE_IDS = { log: 'configmgr-log', eventXml: 'windows-event-xml' } as const;

/** Explains an error code given as text in any form (the "Look Up Error Code" command). */
export const EXPLAIN_CODE_REQUEST = 'configmgr/explainCode';

export interface ExplainCodeParams {
  readonly text: string;
}

export interface ExplainCodeResult {
  /** The explanation as Markdown, or null when the text is not an error code. */
  readonly markdown: string | null;
  /** The code in canonical form (`0x80070005`) when one was recognised. */
  readonly canonical: string | null;
}

/**
 * Command ids. `showFix`, `diagnose` and `copyEvidenceScript` take one object argument (below);
 * `lookUpErrorCode` takes the code text as written.
 */
export const COMMANDS = {
  lookUpErrorCode: 'configmgrLogDoctor.lookUpErrorCode',
  diagnose: 'configmgrLogDoctor.diagnose',
  showFix: 'configmgrLogDoctor.showFix',
  copyEvidenceScript: 'configmgrLogDoctor.copyEvidenceScript',
} as const;

/** The server's process id and version, for the output channel and for crash-recovery tests. */
export const SERVER_INFO_REQUEST = 'configmgr/serverInfo';

export interface ServerInfoParams {
  /** A document whose last analysis to report (`analysis` in the result). */
  readonly uri?: string;
}

export interface ServerInfoResult {
  readonly processId: number;
  readonly version: string;
  /** With a `uri` param: what the last analysis of that open document parsed, or null if none. */
  readonly analysis?: DocumentAnalysisInfo | null;
}

/**
 * One analysis of an open document. A log that grew at its end (edits that only append) is analysed
 * from the analysis of its earlier version, parsing only the tail: `incremental`, with `parsedChars`
 * far below `documentChars`.
 */
export interface DocumentAnalysisInfo {
  readonly uri: string;
  readonly version: number;
  readonly incremental: boolean;
  /** Characters parsed: from where the parse began to the end of the document. */
  readonly parsedChars: number;
  readonly documentChars: number;
  /** Analyses of this document since it was opened (one per analysed version). */
  readonly analyses: number;
}

/** Diagnoses the evidence files (paths on disk) as one incident. Progress arrives as notifications. */
export const DIAGNOSE_REQUEST = 'configmgr/diagnose';
export const DIAGNOSE_PROGRESS_NOTIFICATION = 'configmgr/diagnoseProgress';

export interface DiagnoseParams {
  readonly files: readonly string[];
  readonly windowSeconds: number;
  /** Minutes, local = UTC + offset, for console logs whose machine's offset is unknown; null for none. */
  readonly defaultUtcOffsetMinutes: number | null;
}

export interface DiagnoseProgressParams {
  readonly done: number;
  readonly total: number;
  readonly file: string;
}

/** Argument of `configmgrLogDoctor.showFix`. `line` is the 0-based line of the diagnostic in `uri`. */
export interface ShowFixCommandArgs {
  readonly symptom: FixSymptom;
  readonly from?: string;
  readonly to?: string;
  readonly uri: string;
  readonly line: number;
}

/** Argument of `configmgrLogDoctor.diagnose`: diagnose the folder that holds this document. */
export interface DiagnoseCommandArgs {
  readonly folderOf: string;
}

/** Argument of `configmgrLogDoctor.copyEvidenceScript`: the machine to run it on, or null. */
export interface CopyEvidenceScriptCommandArgs {
  readonly machine: string | null;
}

/** The DCOM hardening fix for a symptom, as Markdown (the client shows it in a preview). */
export const FIX_REQUEST = 'configmgr/fix';

export interface FixParams {
  readonly symptom: FixSymptom;
  /** The machine that connects, when known. */
  readonly from?: string;
  /** The machine that receives the activation, when known. */
  readonly to?: string;
}

export interface FixResult {
  readonly markdown: string;
}

/** The PowerShell that collects the evidence on a machine (the client copies it to the clipboard). */
export const EVIDENCE_SCRIPT_REQUEST = 'configmgr/evidenceScript';

export interface EvidenceScriptParams {
  readonly machine: string | null;
}

export interface EvidenceScriptResult {
  readonly script: string;
}
