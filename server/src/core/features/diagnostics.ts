/**
 * Findings -> LSP diagnostics. `source` and `code` are a contract (DESIGN.md): other tools filter on them.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Finding } from '../analysis/findings';
import type { AnalyzedDocument } from '../document';
import {
  HARDENING_ARTICLE,
  WMI_ERRORS_ARTICLE,
  clientActivationMessage,
  logFindingMessage,
  serverRejectionMessage,
} from '../i18n/diagnosticMessages';
import type { Locale } from '../i18n/locale';
import { toRange } from './ranges';

export const DIAGNOSTIC_SOURCE = 'configmgr';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
} as const;

export function getDiagnostics(doc: AnalyzedDocument, locale: Locale): Diagnostic[] {
  return doc.findings.map((finding) => toDiagnostic(doc, finding, locale));
}

function toDiagnostic(doc: AnalyzedDocument, finding: Finding, locale: Locale): Diagnostic {
  const message =
    finding.kind === 'log'
      ? logFindingMessage(finding, doc.text.slice(finding.span.start, finding.span.end), locale)
      : finding.details.eventId === 10036
        ? serverRejectionMessage(finding.details, locale)
        : clientActivationMessage(finding.details, locale);
  const href = finding.code === 'wmi-access-denied' ? WMI_ERRORS_ARTICLE[locale] : HARDENING_ARTICLE[locale];
  return {
    range: toRange(doc.lineIndex, finding.span),
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.code,
    codeDescription: { href },
    message,
  };
}
