/**
 * Semantic tokens for the whole model. They refine the TextMate first paint: TextMate cannot know the
 * type of a multi-line CCM record until its trailer, the model can. Each token type maps to the same
 * TextMate scope the grammars use (package.json `semanticTokenScopes`), so every theme colours them.
 */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { AnalyzedDocument } from '../document';
import type { Field, LogRecord, RecordSeverity, Span, WindowsEvent } from '../model';
import { DCOM_HARDENING_EVENT_IDS, isDistributedComEvent } from '../analysis/dcomEvents';

/** Order is the wire encoding: append only. */
export const SEMANTIC_TOKEN_TYPES = [
  'logError',
  'logWarning',
  'logSuccess',
  'logTime',
  'logDate',
  'logComponent',
  'logThread',
  'logSourceFile',
  'logContext',
  'errorCode',
  'eventId',
  'dcomEventId',
  'eventProvider',
  'eventLevelError',
  'eventLevelWarning',
  'eventTime',
  'eventComputer',
  'eventDataValue',
] as const;

export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES],
  tokenModifiers: [],
};

const TYPE_INDEX: Readonly<Record<SemanticTokenType, number>> = Object.fromEntries(
  SEMANTIC_TOKEN_TYPES.map((t, i) => [t, i]),
) as Record<SemanticTokenType, number>;

const MESSAGE_TYPE: Readonly<Record<RecordSeverity, SemanticTokenType | null>> = {
  error: 'logError',
  warning: 'logWarning',
  none: 'logSuccess',
  info: null,
};

/** Flat token list: start, end, type index, in text order, not overlapping. */
class TokenList {
  readonly items: number[] = [];
  add(span: Span | null | undefined, type: SemanticTokenType): void {
    if (!span || span.end <= span.start) return;
    this.items.push(span.start, span.end, TYPE_INDEX[type]);
  }
  addField(field: Field | null, type: SemanticTokenType): void {
    if (field) this.add(field.span, type);
  }
}

export function getSemanticTokens(doc: AnalyzedDocument): SemanticTokens {
  const list = new TokenList();
  if (doc.model.kind === 'log') addLogTokens(doc, doc.model.records, list);
  else for (const event of doc.model.events) addEventTokens(event, list);
  return { data: encode(doc, list.items) };
}

function addLogTokens(doc: AnalyzedDocument, records: readonly LogRecord[], list: TokenList): void {
  const codes = doc.codes;
  let next = 0;
  for (const record of records) {
    const messageType = MESSAGE_TYPE[record.severity];
    // Header fields that come before the message (AdminUI prefix) are emitted in text order.
    const fields: [Span | null | undefined, SemanticTokenType][] = [
      [record.time?.span, 'logTime'],
      [record.time?.dateSpan, 'logDate'],
      [record.component?.span, 'logComponent'],
      [record.context?.span, 'logContext'],
      [record.thread?.span, 'logThread'],
      [record.processId?.span, 'logThread'],
      [record.sourceFile?.span, 'logSourceFile'],
    ];
    const before = fields.filter(([s]) => s && s.start < record.message.start).sort((a, b) => a[0]!.start - b[0]!.start);
    const after = fields.filter(([s]) => s && s.start >= record.message.end).sort((a, b) => a[0]!.start - b[0]!.start);
    for (const [span, type] of before) list.add(span, type);

    // The message, cut around the error codes inside it.
    while (next < codes.length && (codes[next]?.span.start ?? 0) < record.message.start) next++;
    let cursor = record.message.start;
    for (; next < codes.length; next++) {
      const code = codes[next];
      if (!code || code.span.start >= record.message.end) break;
      if (messageType) list.add({ start: cursor, end: code.span.start }, messageType);
      list.add(code.span, 'errorCode');
      cursor = code.span.end;
    }
    if (messageType) list.add({ start: cursor, end: record.message.end }, messageType);
    for (const [span, type] of after) list.add(span, type);
  }
}

function addEventTokens(event: WindowsEvent, list: TokenList): void {
  const dcom = event.eventId !== null && DCOM_HARDENING_EVENT_IDS.has(event.eventId) && isDistributedComEvent(event);
  const level = event.level?.value.trim();
  const levelType: SemanticTokenType | null =
    level === '1' || level === '2' ? 'eventLevelError' : level === '3' ? 'eventLevelWarning' : null;
  const fields: { field: Field; type: SemanticTokenType }[] = [];
  const push = (field: Field | null, type: SemanticTokenType | null): void => {
    if (field && type) fields.push({ field, type });
  };
  push(event.provider, 'eventProvider');
  push(event.eventIdField, dcom ? 'dcomEventId' : 'eventId');
  push(event.level, levelType);
  push(event.timeCreated, 'eventTime');
  push(event.computer, 'eventComputer');
  for (const d of event.data) push(d.value, 'eventDataValue');
  fields.sort((a, b) => a.field.span.start - b.field.span.start);
  for (const { field, type } of fields) list.addField(field, type);
}

/** LSP relative encoding, one token per line piece (clients need not support multi-line tokens). */
function encode(doc: AnalyzedDocument, items: readonly number[]): number[] {
  const data: number[] = [];
  const index = doc.lineIndex;
  let prevLine = 0;
  let prevChar = 0;
  let lastEnd = -1;
  for (let i = 0; i < items.length; i += 3) {
    let start = Math.max(items[i] ?? 0, lastEnd);
    const end = items[i + 1] ?? 0;
    const type = items[i + 2] ?? 0;
    if (end <= start) continue;
    lastEnd = end;
    let line = index.lineAt(start);
    while (start < end) {
      const lineEnd = Math.min(end, index.lineEnd(line));
      if (lineEnd > start) {
        const char = start - index.lineStart(line);
        data.push(line - prevLine, line === prevLine ? char - prevChar : char, lineEnd - start, type, 0);
        prevLine = line;
        prevChar = char;
      }
      line++;
      if (line >= index.lineCount) break;
      start = Math.max(start, index.lineStart(line));
    }
  }
  return data;
}
