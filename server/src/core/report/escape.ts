/**
 * Escaping for every output format. Log text, file names and machine names are untrusted: they reach
 * HTML, SVG and Markdown only through these functions, so a log line cannot inject markup, scripts,
 * links or terminal control sequences.
 */

/**
 * Characters that are invalid in XML 1.0 (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates),
 * C1 controls (terminal escapes) and bidirectional overrides (text that reads differently from what it
 * is). They become U+FFFD so the output stays well-formed and says what was written.
 */
const UNSAFE_CHARS = new RegExp(
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069\\uFFFE\\uFFFF]' +
    '|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  'g',
);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with lone surrogates replaced (`encodeURIComponent` throws on them). */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

export function sanitizeText(text: string): string {
  return text.replace(UNSAFE_CHARS, '\uFFFD');
}

/** Untrusted text on one line (line breaks and tabs become spaces), control characters replaced. */
export function oneLine(text: string): string {
  return sanitizeText(text).replace(/\r\n|[\r\n\t]/g, ' ');
}

const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value (always written in double quotes) for XML, SVG and HTML. */
export function escapeXml(text: string): string {
  return sanitizeText(text).replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

export const escapeHtml = escapeXml;

/** An inline Markdown code span around untrusted text, with a fence longer than any backtick run in it. */
export function mdCode(text: string): string {
  const shown = oneLine(text);
  if (shown.trim() === '') return '`\u00A0`';
  let longest = 0;
  for (const run of shown.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = shown.startsWith('`') || shown.endsWith('`') || (shown.startsWith(' ') && shown.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/** A GFM table cell: a pipe would end the cell, even inside a code span, unless escaped. */
export function mdCell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|');
}

/**
 * Prose for Markdown (reasons, recommendation details, messages): rendered literally, without
 * emphasis, links, images, HTML or entities; a leading block marker cannot start a heading or list.
 */
export function mdText(text: string): string {
  const escaped = oneLine(text).replace(/[\\`*_[\]<>|~&!]/g, (c) => '\\' + c);
  return escaped.replace(/^(\s*)([#+=-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
