/**
 * The document model every feature reads. Parsers turn text into this once per document version;
 * diagnostics, semantic tokens, folding, hovers and the diagnosis all read it and never re-parse.
 *
 * Positions are UTF-16 offsets into the decoded text (what JavaScript strings and LSP use), so a model
 * is cheap to build in one pass; features convert offsets to line/character with a `LineIndex`.
 */

/** Half-open offset range `[start, end)` into the document text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A value as written in the text, with where it was written. */
export interface Field {
  readonly span: Span;
  readonly value: string;
}

/** The log formats the parsers know. `plain` is the fallback for text with no recognised structure. */
export type LogFormat = 'ccm' | 'simple' | 'adminui' | 'plain';

/** Every document format the core can parse. */
export type DocumentFormat = LogFormat | 'eventXml';

/**
 * Severity of a log record. CCM `type`: 0 none (shown like info by CMTrace, used for success and
 * progress), 1 information, 2 warning, 3 error. Formats without a type infer it from the text.
 */
export type RecordSeverity = 'none' | 'info' | 'warning' | 'error';

/** A time as written in a log, and what it means in UTC when that can be known. */
export interface LogTime {
  /** The time text as written (with its bias where the format puts one there). */
  readonly span: Span;
  /** The date text, where the format writes it apart from the time (CCM `date="…"`); else null. */
  readonly dateSpan: Span | null;
  /** Local wall-clock time as written, ISO-8601 without offset (`2022-06-20T10:02:11.204`). */
  readonly local: string;
  /** Windows bias in minutes (UTC = local + bias), or null when the format carries none (AdminUI). */
  readonly biasMinutes: number | null;
  /** Milliseconds since the epoch in UTC; null when the bias is unknown or the date is invalid. */
  readonly utcMillis: number | null;
}

export interface LogRecord {
  /** The whole record, from its first character to the end of its last line (terminator excluded). */
  readonly span: Span;
  /** The message text (may span lines). */
  readonly message: Span;
  readonly severity: RecordSeverity;
  /** True when the format wrote the severity (CCM `type`), false when it was inferred from text. */
  readonly severityExplicit: boolean;
  readonly time: LogTime | null;
  readonly component: Field | null;
  readonly thread: Field | null;
  /** CCM `file` (source file and line) attribute. */
  readonly sourceFile: Field | null;
  /** CCM `type` attribute, AdminUI `PID:n`, or null. */
  readonly type: Field | null;
  readonly processId: Field | null;
  /** CCM `context` attribute. */
  readonly context: Field | null;
  /** The trailer or prefix that carries the fields (CCM `]LOG]!><time=…>`, simple `$$<…>`, AdminUI `[…][…]`). */
  readonly header: Span | null;
  /** True when the start of the record was lost (a rolled-over or cut file). */
  readonly truncated: boolean;
}

/** Something the parser could not read; it still produced a model for the rest of the text. */
export interface ParseProblem {
  readonly span: Span;
  readonly message: string;
}

export interface LogDocumentModel {
  readonly kind: 'log';
  readonly format: LogFormat;
  readonly records: readonly LogRecord[];
  readonly problems: readonly ParseProblem[];
}

/** One `<Data>` of an event's `<EventData>` (or `<UserData>` leaf). */
export interface EventDataItem {
  /** `Name` attribute, or null for unnamed data. */
  readonly name: Field | null;
  /** Text content, entity references decoded. */
  readonly value: Field;
  /** The whole `<Data …>…</Data>` element. */
  readonly span: Span;
}

export interface WindowsEvent {
  /** The whole `<Event>…</Event>` element. */
  readonly span: Span;
  readonly eventId: number | null;
  /** The text content of `<EventID>`. */
  readonly eventIdField: Field | null;
  /** `Provider/@Name`. */
  readonly provider: Field | null;
  /** `Provider/@EventSourceName`. */
  readonly eventSourceName: Field | null;
  /** `<Level>` numeric text. */
  readonly level: Field | null;
  readonly channel: Field | null;
  readonly computer: Field | null;
  /** `TimeCreated/@SystemTime` as written. */
  readonly timeCreated: Field | null;
  /** Milliseconds since the epoch (UTC) from `SystemTime`, or null. */
  readonly utcMillis: number | null;
  readonly recordId: Field | null;
  /** `Security/@UserID`. */
  readonly userSid: Field | null;
  readonly data: readonly EventDataItem[];
  /** `RenderingInfo/Message`, when the export carries one. */
  readonly renderedMessage: Field | null;
}

export interface EventDocumentModel {
  readonly kind: 'events';
  readonly format: 'eventXml';
  readonly events: readonly WindowsEvent[];
  readonly problems: readonly ParseProblem[];
}

export type DocumentModel = LogDocumentModel | EventDocumentModel;
