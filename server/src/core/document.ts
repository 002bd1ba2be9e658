/**
 * One analysed document version: the text, its line index, its model, the error codes in its messages
 * and its findings, all computed once. Every feature reads this and none parses again.
 */
import { findDcomEvidence, scanRecordCodes, type Finding } from './analysis/findings';
import type { CodeToken } from './analysis/errorCodes';
import { detectFormat, parseDocument } from './formats';
import { parseEventXmlWithRoot, type RootState } from './formats/eventXml';
import type { DocumentFormat, DocumentModel } from './model';
import { LineIndex } from './text/lineIndex';

export interface AnalyzedDocument {
  readonly text: string;
  /** Path or URI the text came from, when known: it tells which ConfigMgr log this is. */
  readonly fileName: string | undefined;
  readonly lineIndex: LineIndex;
  readonly model: DocumentModel;
  readonly codes: readonly CodeToken[];
  readonly findings: readonly Finding[];
  /**
   * Offset this analysis started parsing at: 0 for a whole document, the start of the re-parsed tail
   * when it was made from the analysis of an earlier version by `analyzeAppended`.
   */
  readonly parsedFrom: number;
  /**
   * Event XML only: the `<Events>` root as the parse left it, which a parse of appended text resumes
   * from; null for logs, or when the parse could not say.
   */
  readonly eventRoot: RootState | null;
}

export function analyzeDocument(text: string, fileName?: string, format: DocumentFormat = detectFormat(text)): AnalyzedDocument {
  let model: DocumentModel;
  let eventRoot: RootState | null = null;
  if (format === 'eventXml') ({ model, root: eventRoot } = parseEventXmlWithRoot(text));
  else model = parseDocument(text, format);
  const codes = scanRecordCodes(text, model);
  return {
    text,
    fileName,
    lineIndex: new LineIndex(text),
    model,
    codes,
    findings: findDcomEvidence(text, model, codes, fileName),
    parsedFrom: 0,
    eventRoot,
  };
}
