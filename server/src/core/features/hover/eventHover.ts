/**
 * Hovers in event exports: the event id (what it means, which side logs it, what to check), the
 * provider, level, time, computer, and every `<Data>` of the DCOM events with its meaning — CLSIDs by
 * name, SIDs by account, authentication levels by name and distance below the hardening floor.
 */
import type { AnalyzedDocument } from '../../document';
import type { WindowsEvent } from '../../model';
import { HOVER_LABELS as L } from '../../i18n/hoverText';
import type { Locale } from '../../i18n/locale';
import { authenticationLevel, levelsBelowFloor, parseAuthenticationLevel } from '../../knowledge/authenticationLevels';
import { EVENT_SIDES, dcomEvent, eventLevel, type EventField } from '../../knowledge/dcomEventCatalog';
import { phaseAt } from '../../knowledge/hardeningTimeline';
import { describeClsid, describeSid } from '../../knowledge/wellKnownIds';
import { isDistributedComEvent } from '../../analysis/dcomEvents';
import { MarkdownBuilder, code, escapeMarkdown } from '../markdown';
import type { HoverTarget } from './target';

function dcomInfo(event: WindowsEvent) {
  return event.eventId !== null && isDistributedComEvent(event) ? dcomEvent(event.eventId) : undefined;
}

export function renderEventHover(doc: AnalyzedDocument, target: HoverTarget, locale: Locale): string | null {
  if (target.kind === 'eventData') return renderDataHover(target.event, target.index, locale);
  if (target.kind !== 'eventField') return null;
  const { event } = target;
  const text = doc.text.slice(target.span.start, target.span.end);
  const md = new MarkdownBuilder();
  switch (target.field) {
    case 'eventId': {
      const info = dcomInfo(event);
      if (!info) {
        md.heading(`${L.event[locale]} ${code(text)}`);
        if (event.provider) md.line(`${L.provider[locale]}: ${code(event.provider.value)}`);
        return md.line(L.notHardening[locale]).toString();
      }
      const t = info[locale];
      md.heading(`${L.event[locale]} ${info.id}: ${escapeMarkdown(t.title)}`)
        .line(info.hardening ? L.hardeningEvent[locale] : L.notHardening[locale])
        .line(`${L.side[locale]}: ${escapeMarkdown(EVENT_SIDES[info.side][locale])}`)
        .line(escapeMarkdown(t.meaning));
      if (t.check.length > 0) md.line(`${L.nextSteps[locale]}:`).bullets(t.check.map(escapeMarkdown));
      return md.toString();
    }
    case 'provider':
      md.heading(`${L.provider[locale]}: ${code(text)}`);
      if (/DistributedCOM/i.test(text)) md.line(locale === 'ja' ? 'DCOM (分散 COM) のイベント プロバイダーです。10036/10037/10038 は DCOM の強化のイベントです。' : 'The DCOM (Distributed COM) event provider; its events 10036/10037/10038 are the DCOM hardening events.');
      return md.toString();
    case 'level': {
      const info = eventLevel(Number(text.trim()));
      return md.heading(`${L.level[locale]}: ${code(text)}${info ? ` — ${escapeMarkdown(info[locale])}` : ''}`).toString();
    }
    case 'timeCreated': {
      md.heading(`${L.created[locale]}: ${code(text)}`);
      if (event.utcMillis !== null) {
        const phase = phaseAt(event.utcMillis);
        md.line(`${L.utc[locale]}: ${new Date(event.utcMillis).toISOString().replace('T', ' ')}`);
        md.line(`${L.hardeningThen[locale]}: **${escapeMarkdown(phase[locale].name)}** — ${escapeMarkdown(phase[locale].behaviour)}`);
      }
      return md.toString();
    }
    case 'computer':
      return md
        .heading(`${L.computer[locale]}: ${code(text)}`)
        .line(locale === 'ja' ? 'このイベントを記録したコンピューターです。' : 'The machine that logged this event.')
        .toString();
    case 'userSid':
      return renderSid(text, md, locale).toString();
    default:
      return md.line(code(text)).toString();
  }
}

function renderSid(sid: string, md: MarkdownBuilder, locale: Locale): MarkdownBuilder {
  md.heading(`SID ${code(sid)}`);
  const known = describeSid(sid);
  if (known) md.line(`${escapeMarkdown(known.name)} — ${escapeMarkdown(known.description[locale])}`);
  return md;
}

function fieldFor(event: WindowsEvent, index: number): EventField | undefined {
  const info = dcomInfo(event);
  if (!info) return undefined;
  const item = event.data[index];
  const name = item?.name?.value.trim().toLowerCase();
  // A known name wins; otherwise the position (%1 is the first <Data>).
  const byName = name ? info.fields.find((f) => f.names.some((n) => n.toLowerCase() === name)) : undefined;
  return byName ?? info.fields[index];
}

function renderDataHover(event: WindowsEvent, index: number, locale: Locale): string {
  const item = event.data[index];
  const md = new MarkdownBuilder();
  if (!item) return md.toString();
  const value = item.value.value.trim();
  const field = fieldFor(event, index);
  const label = field ? escapeMarkdown(field[locale].label) : item.name ? code(item.name.value) : `%${index + 1}`;
  md.heading(`${label}: ${code(value)}`);
  if (!field) return md.line(`${L.dataField[locale]} %${index + 1}`).toString();
  md.line(escapeMarkdown(field[locale].meaning));
  switch (field.kind) {
    case 'clsid':
    case 'appid': {
      const known = describeClsid(value);
      if (known) md.line(`**${escapeMarkdown(known.name)}** — ${escapeMarkdown(known.description[locale])}`).line(escapeMarkdown(known.configMgr[locale]));
      else md.line(L.unknownClsid[locale]);
      break;
    }
    case 'sid': {
      const known = describeSid(value);
      if (known) md.line(`${escapeMarkdown(known.name)} — ${escapeMarkdown(known.description[locale])}`);
      break;
    }
    case 'authLevel': {
      const level = parseAuthenticationLevel(value);
      const info = level === undefined ? undefined : authenticationLevel(level);
      if (level !== undefined && info) {
        const below = levelsBelowFloor(level) ?? 0;
        md.line(`${L.authLevel[locale]} ${level}: ${code(info.name)} (${escapeMarkdown(info[locale].ui)}) — ${escapeMarkdown(info[locale].description)}`);
        md.line(below > 0 ? `${L.belowFloor[locale]} ${below}` : L.atOrAboveFloor[locale]);
      }
      break;
    }
    default:
      break;
  }
  return md.toString();
}
