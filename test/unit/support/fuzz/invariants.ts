/**
 * What every model must satisfy whatever the input: spans inside the text and in order, records that do
 * not overlap and cover every non-blank character of a log, fields inside their record or event, values
 * that are the text they point at; features whose ranges, tokens and folds stay inside the document.
 * Plus a plain snapshot of a model (spans, severities, values) for "same input, same model".
 */
import assert from 'node:assert/strict';
import type { Diagnostic, Hover, Range, SemanticTokens } from 'vscode-languageserver-types';
import type { CodeToken } from '../../../../server/src/core/analysis/errorCodes';
import type { AnalyzedDocument } from '../../../../server/src/core/document';
import { getDiagnostics } from '../../../../server/src/core/features/diagnostics';
import { getFoldingRanges } from '../../../../server/src/core/features/folding';
import { getHover } from '../../../../server/src/core/features/hover';
import { SEMANTIC_TOKEN_TYPES, getSemanticTokens } from '../../../../server/src/core/features/semanticTokens';
import type { RegExportModel } from '../../../../server/src/core/formats/reg';
import type { DocumentModel, EventDocumentModel, Field, LogDocumentModel, LogRecord, ParseProblem, Span } from '../../../../server/src/core/model';

/** 0 ≤ start ≤ end ≤ length, integers. */
export function assertSpanIn(span: Span | null | undefined, length: number, what: string): void {
  if (span === null || span === undefined) return;
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: span ${JSON.stringify(span)} is not integral`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${what}: span ${span.start}..${span.end} outside 0..${length} or reversed`);
}

/** `inner` lies within `outer`. */
export function assertSpanWithin(inner: Span | null | undefined, outer: Span, what: string): void {
  if (inner === null || inner === undefined) return;
  assert.ok(inner.start >= outer.start && inner.end <= outer.end, `${what}: ${inner.start}..${inner.end} is not inside ${outer.start}..${outer.end}`);
}

function assertFieldText(text: string, field: Field | null, what: string): void {
  if (field === null) return;
  assert.equal(field.value, text.slice(field.span.start, field.span.end), `${what}: value is not the text it points at`);
}

function assertProblems(problems: readonly ParseProblem[], length: number): void {
  for (const [i, p] of problems.entries()) {
    assertSpanIn(p.span, length, `problem ${i}`);
    assert.ok(typeof p.message === 'string' && p.message.length > 0, `problem ${i} has no message`);
  }
}

/** Characters a log parser may leave outside every record: whitespace, NUL and the BOM. */
const BLANK = /[\s\u0000\uFEFF]/;

export function assertLogModel(text: string, model: LogDocumentModel): void {
  const length = text.length;
  let previous: LogRecord | null = null;
  for (const [i, r] of model.records.entries()) {
    const what = `record ${i}`;
    assertSpanIn(r.span, length, what);
    assert.ok(r.span.end > r.span.start, `${what} is empty`);
    if (previous) assert.ok(previous.span.end <= r.span.start, `${what} (${r.span.start}) overlaps or precedes the record before it (ends ${previous.span.end})`);
    assertSpanWithin(r.message, r.span, `${what} message`);
    assertSpanWithin(r.header, r.span, `${what} header`);
    for (const [name, field] of [['component', r.component], ['thread', r.thread], ['sourceFile', r.sourceFile], ['type', r.type], ['processId', r.processId], ['context', r.context]] as const) {
      assertSpanWithin(field?.span, r.span, `${what} ${name}`);
      assertFieldText(text, field, `${what} ${name}`);
    }
    if (r.time) {
      assertSpanWithin(r.time.span, r.span, `${what} time`);
      assertSpanWithin(r.time.dateSpan, r.span, `${what} date`);
      assert.ok(r.time.utcMillis === null || Number.isFinite(r.time.utcMillis), `${what} utcMillis`);
      assert.match(r.time.local, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/, `${what} local time`);
    }
    assert.ok(['none', 'info', 'warning', 'error'].includes(r.severity), `${what} severity ${r.severity}`);
    previous = r;
  }
  // Every character that is not blank belongs to a record: nothing a log says is dropped.
  let next = 0;
  for (const r of model.records) {
    for (let i = next; i < r.span.start; i++) assertBlank(text, i);
    next = r.span.end;
  }
  for (let i = next; i < length; i++) assertBlank(text, i);
  assertProblems(model.problems, length);
}

function assertBlank(text: string, i: number): void {
  const c = text.charAt(i);
  if (!BLANK.test(c)) {
    assert.fail(`character ${i} (${JSON.stringify(c)}, in ${JSON.stringify(text.slice(Math.max(0, i - 20), i + 20))}) is in no record`);
  }
}

export function assertEventModel(text: string, model: EventDocumentModel): void {
  const length = text.length;
  let previousEnd = 0;
  for (const [i, e] of model.events.entries()) {
    const what = `event ${i}`;
    assertSpanIn(e.span, length, what);
    assert.ok(e.span.end > e.span.start, `${what} is empty`);
    assert.ok(e.span.start >= previousEnd, `${what} overlaps or precedes the event before it`);
    previousEnd = e.span.end;
    const fields = { eventIdField: e.eventIdField, provider: e.provider, eventSourceName: e.eventSourceName, level: e.level, channel: e.channel, computer: e.computer, timeCreated: e.timeCreated, recordId: e.recordId, userSid: e.userSid, renderedMessage: e.renderedMessage };
    for (const [name, field] of Object.entries(fields)) {
      assertSpanWithin(field?.span, e.span, `${what} ${name}`);
      assert.ok(field === null || typeof field.value === 'string', `${what} ${name} value`);
    }
    for (const [j, d] of e.data.entries()) {
      assertSpanWithin(d.span, e.span, `${what} data ${j}`);
      assertSpanWithin(d.value.span, d.span, `${what} data ${j} value`);
      assertSpanWithin(d.name?.span, e.span, `${what} data ${j} name`);
    }
    assert.ok(e.eventId === null || (Number.isInteger(e.eventId) && e.eventId >= 0 && e.eventId <= 9_999_999_999), `${what} eventId ${e.eventId}`);
    assert.ok(e.utcMillis === null || Number.isFinite(e.utcMillis), `${what} utcMillis`);
  }
  assertProblems(model.problems, length);
  // The collector caps problems (1000 and one line saying how many more).
  assert.ok(model.problems.length <= 1001, `${model.problems.length} problems: the cap is not applied`);
}

export function assertDocumentModel(text: string, model: DocumentModel): void {
  if (model.kind === 'log') assertLogModel(text, model);
  else assertEventModel(text, model);
}

export function assertRegModel(text: string, model: RegExportModel): void {
  const length = text.length;
  assertSpanIn(model.header?.span, length, 'header');
  let previousEnd = 0;
  for (const [i, k] of model.keys.entries()) {
    const what = `key ${i}`;
    assertSpanIn(k.span, length, what);
    assert.ok(k.span.start >= previousEnd, `${what} overlaps or precedes the key before it`);
    previousEnd = k.span.end;
    assertSpanWithin(k.path.span, k.span, `${what} path`);
    let previousValueEnd = k.span.start;
    for (const [j, v] of k.values.entries()) {
      assertSpanWithin(v.span, k.span, `${what} value ${j}`);
      assert.ok(v.span.start >= previousValueEnd, `${what} value ${j} overlaps the value before it`);
      previousValueEnd = v.span.end;
      assertSpanWithin(v.name.span, v.span, `${what} value ${j} name`);
      assertSpanWithin(v.data, v.span, `${what} value ${j} data`);
      if (v.dword !== undefined) assert.ok(Number.isInteger(v.dword) && v.dword >= 0 && v.dword <= 0xffffffff, `${what} value ${j} dword ${v.dword}`);
      if (v.bytes !== undefined) assert.ok(v.bytes.every((b) => Number.isInteger(b) && b >= 0 && b <= 255), `${what} value ${j} bytes`);
    }
  }
  assertProblems(model.problems, length);
}

/** Tokens in `[start, end)`, in order, not overlapping, each a 32-bit code of a known form. */
export function assertCodeTokens(tokens: readonly CodeToken[], start: number, end: number): void {
  let previousEnd = start;
  for (const [i, t] of tokens.entries()) {
    assert.ok(t.span.start >= previousEnd && t.span.end > t.span.start && t.span.end <= end, `token ${i} ${JSON.stringify(t.span)} out of order or outside ${start}..${end}`);
    previousEnd = t.span.end;
    assert.ok(Number.isInteger(t.value) && t.value >= 0 && t.value <= 0xffffffff, `token ${i} value ${t.value}`);
    assert.ok(['hex', 'bareHex', 'signedDecimal', 'unsignedDecimal', 'symbol', 'message'].includes(t.form), `token ${i} form ${t.form}`);
  }
}

// --- features --------------------------------------------------------------------------------------

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function assertRange(range: Range, lines: readonly number[], what: string): void {
  for (const [name, p] of [['start', range.start], ['end', range.end]] as const) {
    assert.ok(p.line >= 0 && p.line < lines.length, `${what} ${name} line ${p.line} of ${lines.length}`);
    assert.ok(p.character >= 0 && p.character <= (lines[p.line] ?? 0), `${what} ${name} character ${p.character} past line ${p.line} (${lines[p.line]})`);
  }
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what} range is reversed`);
}

/** Decodes LSP relative tokens and checks each is inside its line and after the one before. */
export function assertSemanticTokens(tokens: SemanticTokens, lines: readonly number[]): void {
  const data = tokens.data;
  assert.equal(data.length % 5, 0, 'semantic token data is not in fives');
  let line = 0;
  let char = 0;
  let previousEnd = -1;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, len, type, mods] = data.slice(i, i + 5) as [number, number, number, number, number];
    assert.ok(dl >= 0, `token ${i / 5} goes back a line`);
    if (dl > 0) {
      line += dl;
      char = dc;
      previousEnd = -1;
    } else {
      char += dc;
    }
    assert.ok(line < lines.length, `token ${i / 5} on line ${line} of ${lines.length}`);
    assert.ok(len > 0 && char >= 0 && char + len <= (lines[line] ?? 0), `token ${i / 5} (${char}+${len}) outside line ${line} (${lines[line]})`);
    assert.ok(char >= previousEnd, `token ${i / 5} overlaps the token before it`);
    assert.ok(type >= 0 && type < SEMANTIC_TOKEN_TYPES.length && mods === 0, `token ${i / 5} type ${type}`);
    previousEnd = char + len;
  }
}

/** Every feature over `doc`: none throws; every range, token and fold lies in the document. */
export function assertFeatures(doc: AnalyzedDocument, hoverOffsets: readonly number[]): void {
  const lines = lineLengths(doc.text);
  assert.equal(doc.lineIndex.lineCount, lines.length, 'line index disagrees with the line count');
  for (const locale of ['en', 'ja'] as const) {
    const diagnostics: Diagnostic[] = getDiagnostics(doc, locale);
    for (const [i, d] of diagnostics.entries()) {
      assertRange(d.range, lines, `diagnostic ${i}`);
      assert.ok(d.message.length > 0, `diagnostic ${i} has no message`);
    }
  }
  assertSemanticTokens(getSemanticTokens(doc), lines);
  for (const [i, f] of getFoldingRanges(doc).entries()) {
    assert.ok(f.startLine >= 0 && f.startLine < f.endLine && f.endLine < lines.length, `fold ${i} ${f.startLine}..${f.endLine} of ${lines.length}`);
  }
  for (const offset of hoverOffsets) {
    const position = doc.lineIndex.positionAt(offset);
    const hover: Hover | null = getHover(doc, position, 'en');
    if (hover === null) continue;
    if (hover.range) assertRange(hover.range, lines, `hover at ${offset}`);
    const contents = hover.contents;
    assert.ok(typeof contents === 'object' && 'value' in contents && typeof contents.value === 'string', `hover at ${offset} has no markdown`);
  }
}

/** Offsets worth hovering: the ends, a spread, and the first and last character of every code and field. */
export function hoverOffsets(doc: AnalyzedDocument, spread = 7): number[] {
  const n = doc.text.length;
  const offsets = new Set<number>([0, n]);
  for (let i = 1; i < spread; i++) offsets.add(Math.floor((n * i) / spread));
  for (const c of doc.codes.slice(0, 20)) {
    offsets.add(c.span.start);
    offsets.add(c.span.end);
  }
  const spans: (Span | null | undefined)[] = [];
  if (doc.model.kind === 'log') {
    for (const r of doc.model.records.slice(0, 10)) spans.push(r.time?.span, r.component?.span, r.thread?.span, r.processId?.span, r.header);
  } else {
    for (const e of doc.model.events.slice(0, 5)) spans.push(e.eventIdField?.span, e.provider?.span, e.computer?.span, ...e.data.slice(0, 4).map((d) => d.value.span));
  }
  for (const s of spans) {
    if (!s) continue;
    offsets.add(s.start);
    offsets.add(Math.max(s.start, s.end - 1));
  }
  return [...offsets];
}

// --- snapshots -------------------------------------------------------------------------------------

const span = (s: Span | null | undefined): [number, number] | null => (s ? [s.start, s.end] : null);
const field = (f: Field | null): [number, number, string] | null => (f ? [f.span.start, f.span.end, f.value] : null);

/** The model as plain data: spans, severities, values and problems, for deep comparison. */
export function snapshotModel(model: DocumentModel): unknown {
  const problems = model.problems.map((p) => [span(p.span), p.message]);
  if (model.kind === 'log') {
    return {
      format: model.format,
      problems,
      records: model.records.map((r) => ({
        span: span(r.span),
        message: span(r.message),
        header: span(r.header),
        severity: r.severity,
        explicit: r.severityExplicit,
        truncated: r.truncated,
        time: r.time && [span(r.time.span), span(r.time.dateSpan), r.time.local, r.time.biasMinutes, r.time.utcMillis],
        fields: [r.component, r.thread, r.sourceFile, r.type, r.processId, r.context].map(field),
      })),
    };
  }
  return {
    format: model.format,
    problems,
    events: model.events.map((e) => ({
      span: span(e.span),
      eventId: e.eventId,
      utcMillis: e.utcMillis,
      fields: [e.eventIdField, e.provider, e.eventSourceName, e.level, e.channel, e.computer, e.timeCreated, e.recordId, e.userSid, e.renderedMessage].map(field),
      data: e.data.map((d) => [span(d.span), field(d.name), field(d.value)]),
    })),
  };
}
