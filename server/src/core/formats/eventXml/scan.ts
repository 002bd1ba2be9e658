/**
 * The fast pass over the whole text: find each top-level `<Event>…</Event>` element without parsing it,
 * so every event gets its own XML parser. That is what lets a `wevtutil qe` stream (one event per line,
 * no root) parse, and what keeps one broken event from hiding the rest. One linear regex walk; nothing
 * is copied but the collapse-marker fix-up.
 */
import type { ProblemCollector } from './problems';

/** Where one `<Event …>…</Event>` (or `<Event …/>`) was found: `[start, end)` plus its start tag's end. */
export interface EventElementRange {
  readonly start: number;
  readonly startTagEnd: number;
  readonly end: number;
}

export interface ScanSummary {
  /** True when an `<Events>` root (or any `<Event>` start tag) was seen, complete or not. */
  readonly sawEventMarkup: boolean;
  /** The `<Events>` root as the scan left it. */
  readonly root: RootState;
}

/**
 * The `<Events>` root element: the first complete start tag (`start` null when there is none) and the
 * first thing that closed it (`</Events>` or a self-closing root; `closedAt` null when nothing did).
 * It is all the scan carries from one event to the next, so a scan of text appended after an event can
 * resume from it (offsets relative to the text scanned, negative when they lie before it).
 */
export interface RootState {
  readonly start: number | null;
  readonly tagEnd: number;
  readonly closedAt: number | null;
}

export const ROOT_NOT_CLOSED = 'The <Events> root element is never closed: the file may be truncated.';

// `<Event` and `<Events` (any prefix), their end tags, and the constructs whose content must be skipped
// because an `<Event` inside them is not markup.
const MARKUP = /<(?:(\/?)(?:[A-Za-z_][\w.-]*:)?(Events?)(?=[\s/>])|!--|!\[CDATA\[|!DOCTYPE)/g;

// Event Viewer's "XML View" as copied from a browser-style tree: `- <Event …>` / `- <System>` (expanded)
// and `+ <System>` (collapsed) at line starts. Not XML; two spaces keep every offset where it was.
const COLLAPSE_MARKER = /^([ \t]*)[-+] (?=<)/gm;

/** The text with tree collapse markers blanked out; same length, so offsets are unchanged. */
export function blankCollapseMarkers(text: string): string {
  if (text.indexOf('- <') < 0 && text.indexOf('+ <') < 0) return text; // the common case, 20x faster
  return text.replace(COLLAPSE_MARKER, (_marker: string, indent: string) => `${indent}  `);
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Offset just past the `>` of a start tag whose name ends at `from`; -1 when a `<` or the end comes first. */
export function findStartTagEnd(src: string, from: number): number {
  let quote = 0;
  for (let i = from; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === LT) return -1;
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === QUOTE || c === APOS) {
      quote = c;
    } else if (c === GT) {
      return i + 1;
    }
  }
  return -1;
}

/** Offset just past the `>` of an end tag whose name ends at `from`; -1 when it is not there. */
function findEndTagEnd(src: string, from: number): number {
  let i = from;
  while (i < src.length && isXmlSpace(src.charCodeAt(i))) i++;
  return src.charCodeAt(i) === GT ? i + 1 : -1;
}

/** Offset just past a `<!DOCTYPE …>` starting at `at`, skipping its internal subset; text end if unclosed. */
function findDoctypeEnd(src: string, at: number): number {
  let quote = 0;
  let inSubset = false;
  for (let i = at + 9; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === QUOTE || c === APOS) {
      quote = c;
    } else if (c === LBRACKET) {
      inSubset = true;
    } else if (c === RBRACKET) {
      inSubset = false;
    } else if (c === GT && !inSubset) {
      return i + 1;
    }
  }
  return src.length;
}

/**
 * Calls `onEvent` for each complete top-level event element, in text order, and reports what cannot be
 * an event (unfinished, unmatched) to `problems`. Text outside events (an XML declaration, the `<Events>`
 * root, the prose of a forum post around a pasted event) is skipped.
 */
export function scanEventElements(
  src: string,
  problems: ProblemCollector,
  onEvent: (range: EventElementRange) => void,
  resume?: RootState,
): ScanSummary {
  const markup = new RegExp(MARKUP.source, 'g');
  let openStart = -1;
  let openTagEnd = -1;
  const resumedRoot = resume?.start ?? null;
  let hasRoot = resumedRoot !== null;
  let rootStart = resumedRoot ?? -1;
  let rootTagEnd = resume?.tagEnd ?? -1;
  let rootClosedAt = resume?.closedAt ?? null;
  let truncatedEvent = false;
  // Text resumed after an event has seen event markup, whatever it holds itself.
  let sawEventMarkup = resume !== undefined;

  const abandonOpenEvent = (reason: string): void => {
    if (openStart < 0) return;
    problems.add(openStart, openTagEnd, `This event is incomplete (${reason}); it was skipped.`);
    openStart = -1;
  };

  for (let m = markup.exec(src); m !== null; m = markup.exec(src)) {
    const at = m.index;
    const token = m[0];
    const name = m[2];
    if (name === undefined) {
      if (token === '<!--' || token === '<![CDATA[') {
        const terminator = token === '<!--' ? '-->' : ']]>';
        const close = src.indexOf(terminator, markup.lastIndex);
        if (close < 0) {
          problems.add(at, markup.lastIndex, token === '<!--' ? 'Unterminated comment: it runs to the end of the text.' : 'Unterminated CDATA section: it runs to the end of the text.');
          markup.lastIndex = src.length;
        } else {
          markup.lastIndex = close + terminator.length;
        }
      } else {
        const end = findDoctypeEnd(src, at);
        if (src.slice(at, end).includes('<!ENTITY')) {
          problems.add(at, end, 'DOCTYPE ignored: its entity declarations are never expanded, so references to them are left as written.');
        }
        markup.lastIndex = end;
      }
      continue;
    }
    sawEventMarkup = true;
    const isRoot = name === 'Events';
    if (m[1] === '/') {
      const end = findEndTagEnd(src, markup.lastIndex);
      if (end < 0) continue; // a broken end tag: the open event, if any, stays open and is reported later
      if (isRoot) {
        abandonOpenEvent('no </Event> before </Events>');
        rootClosedAt ??= at;
      } else if (openStart < 0) {
        problems.add(at, end, '</Event> without a matching <Event> start tag.');
      } else {
        onEvent({ start: openStart, startTagEnd: openTagEnd, end });
        openStart = -1;
      }
      markup.lastIndex = end;
      continue;
    }
    const tagEnd = findStartTagEnd(src, markup.lastIndex);
    if (tagEnd < 0) {
      problems.add(at, markup.lastIndex, `Unfinished <${name}> start tag.`);
      continue;
    }
    markup.lastIndex = tagEnd;
    if (isRoot) {
      if (!hasRoot) {
        hasRoot = true;
        rootStart = at;
        rootTagEnd = tagEnd;
      }
      if (src.charCodeAt(tagEnd - 2) === SLASH) rootClosedAt ??= at;
      continue;
    }
    abandonOpenEvent('no </Event> before the next <Event>');
    if (src.charCodeAt(tagEnd - 2) === SLASH) {
      onEvent({ start: at, startTagEnd: tagEnd, end: tagEnd });
    } else {
      openStart = at;
      openTagEnd = tagEnd;
    }
  }
  if (openStart >= 0) {
    truncatedEvent = true;
    abandonOpenEvent('the text ends before </Event>');
  }
  if (hasRoot && rootClosedAt === null && !truncatedEvent) problems.add(rootStart, rootTagEnd, ROOT_NOT_CLOSED);
  return { sawEventMarkup, root: { start: hasRoot ? rootStart : null, tagEnd: rootTagEnd, closedAt: rootClosedAt } };
}
