/**
 * One analysed document version: the text, its line index, its model, the error codes in its messages
 * and its findings, all computed once. Every feature reads this and none parses again.
 */
import { findDcomEvidence, scanRecordCodes, type Finding } from './analysis/findings';
import type { CodeToken } from './analysis/errorCodes';
import { parseDocument } from './formats';
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
}

export function analyzeDocument(text: string, fileName?: string, format?: DocumentFormat): AnalyzedDocument {
  const model = parseDocument(text, format);
  const codes = scanRecordCodes(text, model);
  return {
    text,
    fileName,
    lineIndex: new LineIndex(text),
    model,
    codes,
    findings: findDcomEvidence(text, model, codes, fileName),
  };
}
