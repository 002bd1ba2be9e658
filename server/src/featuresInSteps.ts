/**
 * The features that take long on a big document — semantic tokens of a 50 MB log (over half a second),
 * folding ranges, severity lines, diagnostics, code actions for a selection holding thousands of
 * diagnostics — computed in steps, so a request can be cancelled while it runs. Node reads a
 * `$/cancelRequest` only when the running code returns to the event loop: each step runs the core's own
 * feature over a slice of the analysed document (a few thousand records), then `checkpoint` yields and
 * says whether to stop. The results are joined as the feature would have made them over the whole.
 *
 * No LSP connection and no timers here: the server passes the checkpoint.
 */
import type { CodeAction, Diagnostic, FoldingRange, Range, SemanticTokens } from 'vscode-languageserver-types';
import type { AnalyzedDocument, LanguageService } from './core/languageService';
import type { SeverityLines } from './core/features/severityRanges';
import type { Span } from './core/model';

/** Thrown between two steps when the checkpoint says stop; the server answers RequestCancelled. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Yields to the event loop, then resolves true when the work should stop. */
export type Checkpoint = () => Promise<boolean>;

// Step sizes (the tests use smaller ones, to check that the steps join into the whole answer).
/** Records or events per step: about 10 ms of semantic tokens (5 µs a record). */
const RECORDS_PER_STEP = 2048;
/** Findings per step of diagnostics. */
const FINDINGS_PER_STEP = 2048;
/** Diagnostics per step of code actions: each one looks through every finding of the document. */
const DIAGNOSTICS_PER_STEP = 64;

async function inSteps(count: number, size: number, checkpoint: Checkpoint, step: (from: number, to: number) => void): Promise<void> {
  for (let from = 0; from < count || from === 0; from += size) {
    if (await checkpoint()) throw new Cancelled();
    step(from, Math.min(count, from + size));
  }
}

function itemCount(doc: AnalyzedDocument): number {
  return doc.model.kind === 'log' ? doc.model.records.length : doc.model.events.length;
}

/** Index of the first item starting at or after `offset`, in a list sorted by start. */
function firstFrom(items: readonly { readonly span: Span }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid]?.span.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items starting in `[start, end)` of a list sorted by start. */
function within<T extends { readonly span: Span }>(items: readonly T[], start: number, end: number): T[] {
  return items.slice(firstFrom(items, start), firstFrom(items, end));
}

/**
 * The document restricted to records (or events) `[from, to)`, with the codes and findings inside them:
 * what every feature reads, so a feature over the slice gives that part of its result over the whole.
 */
export function sliceOf(doc: AnalyzedDocument, from: number, to: number): AnalyzedDocument {
  const items: readonly { readonly span: Span }[] = doc.model.kind === 'log' ? doc.model.records.slice(from, to) : doc.model.events.slice(from, to);
  const start = items[0]?.span.start ?? 0;
  const end = items[items.length - 1]?.span.end ?? 0;
  const model =
    doc.model.kind === 'log'
      ? { ...doc.model, records: doc.model.records.slice(from, to) }
      : { ...doc.model, events: doc.model.events.slice(from, to) };
  return { ...doc, model, codes: within(doc.codes, start, end), findings: within(doc.findings, start, end) };
}

export async function semanticTokensInSteps(
  service: LanguageService,
  doc: AnalyzedDocument,
  checkpoint: Checkpoint,
  size = RECORDS_PER_STEP,
): Promise<SemanticTokens> {
  const data: number[] = [];
  const last = { line: 0, char: 0 };
  await inSteps(itemCount(doc), size, checkpoint, (from, to) =>
    appendEncoded(data, last, service.getSemanticTokens(sliceOf(doc, from, to)).data),
  );
  return { data };
}

/**
 * Appends a step's tokens, encoded relative to line 0 character 0, to tokens encoded up to `last` (the
 * absolute position of their last token, updated): only the first token's deltas change. Records do not
 * overlap, so no token of one step overlaps one of the step before.
 */
export function appendEncoded(data: number[], last: { line: number; char: number }, step: readonly number[]): void {
  let line = last.line;
  let char = last.char;
  for (let i = 0; i + 4 < step.length; i += 5) {
    const deltaLine = step[i] ?? 0;
    const deltaChar = step[i + 1] ?? 0;
    const nextLine = i === 0 ? deltaLine : line + deltaLine;
    const nextChar = i === 0 ? deltaChar : deltaLine === 0 ? char + deltaChar : deltaChar;
    data.push(nextLine - line, nextLine === line ? nextChar - char : nextChar, step[i + 2] ?? 0, step[i + 3] ?? 0, step[i + 4] ?? 0);
    line = nextLine;
    char = nextChar;
  }
  last.line = line;
  last.char = char;
}

export async function foldingRangesInSteps(
  service: LanguageService,
  doc: AnalyzedDocument,
  checkpoint: Checkpoint,
  size = RECORDS_PER_STEP,
): Promise<FoldingRange[]> {
  const ranges: FoldingRange[] = [];
  await inSteps(itemCount(doc), size, checkpoint, (from, to) => {
    for (const range of service.getFoldingRanges(sliceOf(doc, from, to))) ranges.push(range);
  });
  return ranges;
}

export async function severityLinesInSteps(
  service: LanguageService,
  doc: AnalyzedDocument,
  checkpoint: Checkpoint,
  size = RECORDS_PER_STEP,
): Promise<SeverityLines> {
  const result: SeverityLines = { error: [], warning: [] };
  await inSteps(itemCount(doc), size, checkpoint, (from, to) => {
    const step = service.getSeverityLines(sliceOf(doc, from, to));
    joinLineRanges(result.error, step.error);
    joinLineRanges(result.warning, step.warning);
  });
  return result;
}

/** Appends inclusive [start, end] line pairs, merging the first with the last one there as the feature merges adjacent ranges. */
function joinLineRanges(into: number[], pairs: readonly number[]): void {
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const start = pairs[i] ?? 0;
    const end = pairs[i + 1] ?? 0;
    const last = into.length - 1;
    if (i === 0 && last > 0 && (into[last] ?? -2) + 1 >= start) into[last] = Math.max(into[last] ?? 0, end);
    else into.push(start, end);
  }
}

export async function diagnosticsInSteps(
  service: LanguageService,
  doc: AnalyzedDocument,
  checkpoint: Checkpoint,
  size = FINDINGS_PER_STEP,
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  await inSteps(doc.findings.length, size, checkpoint, (from, to) => {
    for (const d of service.getDiagnostics({ ...doc, findings: doc.findings.slice(from, to) })) diagnostics.push(d);
  });
  return diagnostics;
}

export async function codeActionsInSteps(
  service: LanguageService,
  doc: AnalyzedDocument,
  request: { readonly uri: string; readonly range: Range; readonly diagnostics: readonly Diagnostic[] },
  checkpoint: Checkpoint,
  size = DIAGNOSTICS_PER_STEP,
): Promise<CodeAction[]> {
  const actions: CodeAction[] = [];
  const byCommand = new Map<string, CodeAction>();
  const diagnostics = Array.isArray(request.diagnostics) ? request.diagnostics : [];
  await inSteps(diagnostics.length, size, checkpoint, (from, to) => {
    for (const action of service.getCodeActions(doc, request.uri, request.range, diagnostics.slice(from, to))) {
      // The feature lists one action per command and arguments, with every diagnostic it serves; an
      // action of a later step that an earlier one already offers adds its diagnostics there.
      const key = `${action.command?.command ?? ''}\u0000${JSON.stringify(action.command?.arguments ?? [])}`;
      const same = byCommand.get(key);
      if (same) {
        same.diagnostics = [...(same.diagnostics ?? []), ...(action.diagnostics ?? [])];
        continue;
      }
      byCommand.set(key, action);
      actions.push(action);
    }
  });
  return actions;
}
