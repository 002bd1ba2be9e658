/** Hovers on the fields of a log record: time and bias, component, thread, type, source file, header. */
import type { AnalyzedDocument } from '../../document';
import type { LogRecord } from '../../model';
import { HOVER_LABELS as L, FORMAT_HEADERS, RECORD_TYPES } from '../../i18n/hoverText';
import type { Locale } from '../../i18n/locale';
import { phaseAt } from '../../knowledge/hardeningTimeline';
import { describeComponent, describeLogFile } from '../../knowledge/logFilesJa';
import { lookUpLogFile } from '../../knowledge/logFiles';
import { MarkdownBuilder, code, escapeMarkdown } from '../markdown';
import type { HoverTarget } from './target';

function utcOffsetText(biasMinutes: number): string {
  const offset = -biasMinutes;
  const sign = offset < 0 ? '−' : '+';
  const abs = Math.abs(offset);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function renderTimeHover(doc: AnalyzedDocument, record: LogRecord, locale: Locale): string {
  const time = record.time;
  const md = new MarkdownBuilder();
  if (!time) return md.line(code(doc.text.slice(record.span.start, Math.min(record.span.end, record.span.start + 40)))).toString();
  const written = doc.text.slice(time.span.start, time.span.end) + (time.dateSpan ? ` ${doc.text.slice(time.dateSpan.start, time.dateSpan.end)}` : '');
  md.heading(`${L.localTime[locale]}: ${time.local.replace('T', ' ')}`).line(code(written));
  if (time.biasMinutes === null) {
    md.line(doc.model.format === 'adminui' ? L.noOffset[locale] : L.noBias[locale]);
    return md.toString();
  }
  const b = time.biasMinutes;
  const biasText =
    locale === 'ja'
      ? `${L.bias[locale]} ${b > 0 ? '+' : ''}${b} 分: UTC = ローカル時刻 + バイアス なので、このコンピューターは ${utcOffsetText(b)} でした。`
      : `${L.bias[locale]} ${b > 0 ? '+' : ''}${b} min: UTC = local + bias, so this machine was at ${utcOffsetText(b)}.`;
  md.line(biasText);
  if (time.utcMillis !== null) {
    md.line(`${L.utc[locale]}: ${new Date(time.utcMillis).toISOString().replace('T', ' ').replace('Z', 'Z')}`);
    const phase = phaseAt(time.utcMillis);
    md.line(`${L.hardeningThen[locale]}: **${escapeMarkdown(phase[locale].name)}** — ${escapeMarkdown(phase[locale].behaviour)}`);
  }
  return md.toString();
}

export function renderLogFieldHover(doc: AnalyzedDocument, target: HoverTarget, locale: Locale): string | null {
  if (target.kind === 'recordTime') return renderTimeHover(doc, target.record, locale);
  const text = doc.text.slice(target.span.start, target.span.end);
  const md = new MarkdownBuilder();
  switch (target.kind) {
    case 'component': {
      md.heading(`${L.component[locale]}: ${code(text)}`);
      const known = describeComponent(text.trim(), locale);
      if (known) md.line(escapeMarkdown(known));
      const log = lookUpLogFile(doc.fileName);
      if (log) md.line(`${L.log[locale]}: ${code(log.name)} — ${escapeMarkdown(describeLogFile(log, locale))}`);
      return md.toString();
    }
    case 'thread': {
      const n = Number(/^\d+/.exec(text)?.[0] ?? NaN);
      const hex = Number.isFinite(n) && !/0x/i.test(text) ? ` (0x${n.toString(16).toUpperCase()})` : '';
      return md.heading(`${L.thread[locale]}: ${code(text)}${hex}`).toString();
    }
    case 'processId':
      return md.heading(`${L.processId[locale]}: ${code(text)}`).toString();
    case 'type': {
      const meaning = RECORD_TYPES[text.trim()];
      return md.heading(`${L.recordType[locale]}: ${code(text)}`).line(meaning ? meaning[locale] : '').toString();
    }
    case 'sourceFile':
      return md.heading(`${L.sourceFile[locale]}: ${code(text)}`).toString();
    case 'header': {
      const format = doc.model.format;
      md.line(FORMAT_HEADERS[format === 'eventXml' ? 'plain' : format][locale]);
      if (target.record.time) md.rule().line(renderTimeHover(doc, target.record, locale));
      return md.toString();
    }
    default:
      return null;
  }
}
