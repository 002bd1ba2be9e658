/**
 * Hover: find what is under the cursor, explain it in the client's language. Log and event text only
 * reaches the Markdown escaped (see `../markdown`).
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { AnalyzedDocument } from '../../document';
import type { Locale } from '../../i18n/locale';
import { scanErrorCodes } from '../../analysis/errorCodes';
import { entryForSymbol } from '../../knowledge/errorCatalog';
import { hexOf, parseCodeText } from '../../knowledge/hresult';
import { toRange } from '../ranges';
import { renderCodeExplanation } from './codeHover';
import { renderEventHover } from './eventHover';
import { renderLogFieldHover } from './logFieldHover';
import { findHoverTarget } from './target';

export function getHover(doc: AnalyzedDocument, position: Position, locale: Locale): Hover | null {
  const offset = doc.lineIndex.offsetAt(position);
  const target = findHoverTarget(doc, offset);
  if (!target) return null;
  let markdown: string | null;
  if (target.kind === 'code') {
    markdown = renderCodeExplanation(target.token.value, doc.text.slice(target.span.start, target.span.end), locale);
  } else if (target.kind === 'eventField' || target.kind === 'eventData') {
    markdown = renderEventHover(doc, target, locale);
  } else {
    markdown = renderLogFieldHover(doc, target, locale);
  }
  if (!markdown) return null;
  return { contents: { kind: 'markdown', value: markdown }, range: toRange(doc.lineIndex, target.span) };
}

/**
 * The "Look Up Error Code" command: a code typed in any form — hex with or without `0x`, signed or
 * unsigned decimal, a bare Win32 number, a symbol such as `E_ACCESSDENIED`, or a message text.
 */
export function explainCodeText(text: string, locale: Locale): { markdown: string | null; canonical: string | null } {
  const trimmed = text.trim().slice(0, 200);
  let value = parseCodeText(trimmed);
  if (value === null) value = entryForSymbol(trimmed)?.value ?? null;
  if (value === null) value = scanErrorCodes(trimmed)[0]?.value ?? null;
  if (value === null) return { markdown: null, canonical: null };
  return { markdown: renderCodeExplanation(value, trimmed, locale), canonical: hexOf(value) };
}
