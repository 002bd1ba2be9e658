/**
 * Report renderers: a `Diagnosis` to JSON (the `diagnose --format json` contract), SARIF 2.1.0,
 * Markdown, terminal text, an SVG timeline and a webview HTML page; and redaction for reports that
 * leave the organisation. All pure: no I/O, never throw on any diagnosis.
 */
export { toContractJson, type ContractJson } from './json';
export { toSarif, SARIF_SCHEMA } from './sarif';
export { toMarkdown } from './markdown';
export { toText } from './text';
export { renderTimelineSvg, type TimelineOptions } from './timelineSvg';
export { toHtml, type HtmlOptions } from './html';
export { redactDiagnosis } from './redact';
export { reportLabels, type ReportLabels } from './labels';
