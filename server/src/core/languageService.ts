/**
 * The core's facade, in the manner of vscode-json-languageservice: one method per feature, each taking
 * the analysed document, none knowing about the editor or the protocol connection.
 */
import type { Diagnostic, FoldingRange, Hover, Position, SemanticTokens } from 'vscode-languageserver-types';
import { analyzeDocument, type AnalyzedDocument } from './document';
import { getDiagnostics } from './features/diagnostics';
import { getFoldingRanges } from './features/folding';
import { explainCodeText, getHover } from './features/hover';
import { getSemanticTokens } from './features/semanticTokens';
import { getSeverityLines, type SeverityLines } from './features/severityRanges';
import type { Locale } from './i18n/locale';

export interface LanguageService {
  analyze(text: string, fileName?: string): AnalyzedDocument;
  getDiagnostics(doc: AnalyzedDocument): Diagnostic[];
  getSemanticTokens(doc: AnalyzedDocument): SemanticTokens;
  getFoldingRanges(doc: AnalyzedDocument): FoldingRange[];
  getSeverityLines(doc: AnalyzedDocument): SeverityLines;
  getHover(doc: AnalyzedDocument, position: Position): Hover | null;
  /** Explains an error code typed in any form; markdown null when it is not one. */
  explainCode(text: string): { markdown: string | null; canonical: string | null };
}

export interface LanguageServiceOptions {
  readonly locale: Locale;
}

export function getLanguageService(options: LanguageServiceOptions): LanguageService {
  return {
    analyze: (text, fileName) => analyzeDocument(text, fileName),
    getDiagnostics: (doc) => getDiagnostics(doc, options.locale),
    getSemanticTokens,
    getFoldingRanges,
    getSeverityLines,
    getHover: (doc, position) => getHover(doc, position, options.locale),
    explainCode: (text) => explainCodeText(text, options.locale),
  };
}

export type { AnalyzedDocument } from './document';
export { SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens';
export { localeFromTag, type Locale } from './i18n/locale';
