/**
 * The core's facade, in the manner of vscode-json-languageservice: one method per feature, each taking
 * the analysed document, none knowing about the editor or the protocol connection.
 */
import type { CodeAction, Diagnostic, FoldingRange, Hover, Position, Range, SemanticTokens } from 'vscode-languageserver-types';
import { evidenceScriptForCommand, fixForCommand, getCodeActions } from './features/codeActions';
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
  getCodeActions(doc: AnalyzedDocument, uri: string, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[];
  /** The fix for a symptom (the arguments of the showFix command), as Markdown. */
  renderFix(args: unknown): string;
  /** The PowerShell that collects the evidence on a machine (arguments of copyEvidenceScript). */
  evidenceScript(args: unknown): string;
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
    getCodeActions: (doc, uri, range, diagnostics) => getCodeActions(doc, { uri, range, diagnostics }, options.locale),
    renderFix: (args) => fixForCommand(args, options.locale),
    evidenceScript: (args) => evidenceScriptForCommand(args, options.locale),
  };
}

export type { AnalyzedDocument } from './document';
export { SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens';
export { localeFromTag, type Locale } from './i18n/locale';
