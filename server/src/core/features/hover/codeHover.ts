/**
 * The explanation of one error code: how it decodes, what Windows calls it, and — for the codes that
 * matter in ConfigMgr — what it means there and what to check. Used by hovers and by the
 * "Look Up Error Code" command.
 */
import { describeValue, entriesForValue, type CatalogEntry } from '../../knowledge/errorCatalog';
import { curatedExplanation } from '../../knowledge/curatedCodes';
import { decodeHresult, hexOf } from '../../knowledge/hresult';
import { HOVER_LABELS as L } from '../../i18n/hoverText';
import type { Locale } from '../../i18n/locale';
import { MarkdownBuilder, code, escapeMarkdown } from '../markdown';

const MAX_ENTRIES = 4;

function entryLine(entry: CatalogEntry): string {
  const message = entry.message ? ` — ${escapeMarkdown(firstSentences(entry.message))}` : '';
  return `${code(entry.symbol)}${message}`;
}

/** Long documentation messages (some WMI and BitLocker texts run to hundreds of characters) are cut. */
function firstSentences(text: string, max = 240): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('. ', max);
  return (cut > 60 ? text.slice(0, cut + 1) : text.slice(0, max)) + ' …';
}

export function renderCodeExplanation(value: number, written: string | null, locale: Locale): string {
  const decoded = decodeHresult(value);
  const md = new MarkdownBuilder();
  const writtenNote = written && written.trim() !== decoded.hex ? ` (${L.writtenAs[locale]} ${code(written)})` : '';
  md.heading(`${decoded.kind === 'win32' ? `${L.win32Code[locale]} ${decoded.win32}` : decoded.hex}`).line(writtenNote.trim());

  const entries = decoded.kind === 'win32' ? entriesForValue(decoded.win32, 'win32') : describeValue(value);
  if (entries.length > 0) md.bullets(entries.slice(0, MAX_ENTRIES).map(entryLine));
  else md.line(L.unknownCode[locale]);

  const facts: string[] = [];
  if (decoded.kind === 'hresult') {
    facts.push(`${L.severity[locale]}: ${decoded.severity === 'failure' ? L.failure[locale] : L.success[locale]}`);
    if (decoded.customer) facts.push(L.customer[locale]);
    else if (decoded.ntstatus) facts.push(L.ntstatus[locale]);
    else if (decoded.looksLikeNtstatus) facts.push(L.looksLikeNtstatus[locale]);
    else facts.push(`${L.facility[locale]}: ${decoded.facilityName ?? '?'} (${decoded.facility})`);
    facts.push(`${L.code[locale]}: ${decoded.code} (0x${decoded.code.toString(16).toUpperCase()})`);
    facts.push(`${L.signed[locale]} ${decoded.signed} · ${L.unsigned[locale]} ${decoded.unsigned}`);
    if (decoded.win32 !== null) {
      const wrapped = entriesForValue(decoded.win32, 'win32')[0];
      facts.push(`${L.wraps[locale]} ${decoded.win32}${wrapped ? ` (${code(wrapped.symbol)})` : ''}`);
    }
  } else {
    facts.push(`${L.asHresult[locale]}: ${hexOf(decoded.hresult)}`);
  }
  md.line(facts.join(' · '));

  const hresult = decoded.kind === 'win32' ? decoded.hresult : value;
  const curated = curatedExplanation(hresult);
  if (curated) {
    const text = curated[locale];
    md.rule().heading(`${L.inConfigMgr[locale]}: ${escapeMarkdown(text.title)}`).line(escapeMarkdown(text.meaning));
    if (text.nextSteps.length > 0) md.line(`${L.nextSteps[locale]}:`).bullets(text.nextSteps.map(escapeMarkdown));
  }
  return md.toString();
}
