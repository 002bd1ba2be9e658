/**
 * Names shared by the client and the server: custom requests and command ids. One module, so the two
 * sides cannot drift apart.
 */

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

export const COMMANDS = {
  lookUpErrorCode: 'configmgrLogDoctor.lookUpErrorCode',
} as const;
