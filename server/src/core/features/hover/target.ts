/**
 * What is under the cursor: the model item a hover explains. Lookups are binary searches over the
 * records, events and code tokens (all in text order), so a hover costs O(log n) on any file size.
 * The codes inside an event's `<Data>` values are found by a scan of that value on its first hover
 * and kept for the analysed document (see `dataCodes`), so a 2 MB value is not scanned on every hover.
 */
import type { CodeToken } from '../../analysis/errorCodes';
import { scanErrorCodes } from '../../analysis/errorCodes';
import type { AnalyzedDocument } from '../../document';
import type { EventDataItem, Field, LogRecord, Span, WindowsEvent } from '../../model';

export type EventFieldKind = 'eventId' | 'provider' | 'level' | 'timeCreated' | 'computer' | 'userSid' | 'channel' | 'recordId';

export type HoverTarget =
  | { readonly kind: 'code'; readonly span: Span; readonly token: CodeToken }
  | { readonly kind: 'recordTime'; readonly span: Span; readonly record: LogRecord }
  | { readonly kind: 'component'; readonly span: Span; readonly record: LogRecord }
  | { readonly kind: 'thread'; readonly span: Span; readonly record: LogRecord }
  | { readonly kind: 'processId'; readonly span: Span; readonly record: LogRecord }
  | { readonly kind: 'type'; readonly span: Span; readonly record: LogRecord }
  | { readonly kind: 'sourceFile'; readonly span: Span; readonly record: LogRecord }
  | { readonly kind: 'header'; readonly span: Span; readonly record: LogRecord }
  | { readonly kind: 'eventField'; readonly span: Span; readonly event: WindowsEvent; readonly field: EventFieldKind }
  | { readonly kind: 'eventData'; readonly span: Span; readonly event: WindowsEvent; readonly index: number; readonly item: EventDataItem };

const inside = (span: Span | null | undefined, offset: number): span is Span =>
  !!span && offset >= span.start && offset <= span.end;

/** Index of the last item whose span starts at or before `offset`, or -1. */
function lastStartingAtOrBefore<T>(items: readonly T[], offset: number, spanOf: (t: T) => Span): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid];
    if (item !== undefined && spanOf(item).start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export function findHoverTarget(doc: AnalyzedDocument, offset: number): HoverTarget | null {
  return doc.model.kind === 'log' ? findLogTarget(doc, doc.model.records, offset) : findEventTarget(doc, doc.model.events, offset);
}

function findLogTarget(doc: AnalyzedDocument, records: readonly LogRecord[], offset: number): HoverTarget | null {
  const codeIndex = lastStartingAtOrBefore(doc.codes, offset, (t) => t.span);
  const token = doc.codes[codeIndex];
  if (token && inside(token.span, offset)) return { kind: 'code', span: token.span, token };

  const record = records[lastStartingAtOrBefore(records, offset, (r) => r.span)];
  if (!record || offset > record.span.end) return null;
  const fields: [Span | null | undefined, HoverTarget['kind']][] = [
    [record.time?.span, 'recordTime'],
    [record.time?.dateSpan, 'recordTime'],
    [record.component?.span, 'component'],
    [record.thread?.span, 'thread'],
    [record.processId?.span, 'processId'],
    [record.type?.span, 'type'],
    [record.sourceFile?.span, 'sourceFile'],
  ];
  for (const [span, kind] of fields) {
    if (inside(span, offset)) return { kind, span, record } as HoverTarget;
  }
  if (inside(record.header, offset)) return { kind: 'header', span: record.header, record };
  return null;
}

function findEventTarget(doc: AnalyzedDocument, events: readonly WindowsEvent[], offset: number): HoverTarget | null {
  const event = events[lastStartingAtOrBefore(events, offset, (e) => e.span)];
  if (!event || offset > event.span.end) return null;
  const fields: [Field | null, EventFieldKind][] = [
    [event.eventIdField, 'eventId'],
    [event.provider, 'provider'],
    [event.level, 'level'],
    [event.timeCreated, 'timeCreated'],
    [event.computer, 'computer'],
    [event.userSid, 'userSid'],
    [event.channel, 'channel'],
    [event.recordId, 'recordId'],
  ];
  for (const [field, kind] of fields) {
    if (field && inside(field.span, offset)) return { kind: 'eventField', span: field.span, event, field: kind };
  }
  for (let index = 0; index < event.data.length; index++) {
    const item = event.data[index];
    if (!item) continue;
    if (inside(item.value.span, offset)) {
      // A code written inside a data value (an event 7000's error, say) is explained as a code.
      const token = codeAt(dataCodes(doc, item), offset);
      if (token) return { kind: 'code', span: token.span, token };
      return { kind: 'eventData', span: item.value.span, event, index, item };
    }
    if (inside(item.name?.span, offset)) return { kind: 'eventData', span: item.span, event, index, item };
  }
  return null;
}

/**
 * The code tokens of each `<Data>` value hovered so far, per analysed document: a value is scanned once,
 * on its first hover, then every hover in it is a binary search. Keyed by the document (a new analysis
 * for every version), so an edit never sees the tokens of the text before it, and dropped with it.
 */
const dataCodeCache = new WeakMap<AnalyzedDocument, Map<EventDataItem, readonly CodeToken[]>>();

function dataCodes(doc: AnalyzedDocument, item: EventDataItem): readonly CodeToken[] {
  let perItem = dataCodeCache.get(doc);
  if (!perItem) dataCodeCache.set(doc, (perItem = new Map()));
  let tokens = perItem.get(item);
  if (!tokens) perItem.set(item, (tokens = scanErrorCodes(doc.text, item.value.span.start, item.value.span.end)));
  return tokens;
}

/** The first token (in text order) whose span holds `offset`, ends included, as a scan from the start finds it. */
function codeAt(tokens: readonly CodeToken[], offset: number): CodeToken | undefined {
  const last = lastStartingAtOrBefore(tokens, offset, (t) => t.span);
  // Tokens never overlap, but one may end where the next starts: the earlier one is the answer there.
  const before = tokens[last - 1];
  if (before && inside(before.span, offset)) return before;
  const token = tokens[last];
  return token && inside(token.span, offset) ? token : undefined;
}
