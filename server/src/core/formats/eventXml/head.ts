/**
 * The cheap test for event XML on a file's head, apart from the parser so that format detection (which
 * the VS Code client also runs) does not pull the XML parser in.
 */

export const EVENT_NAMESPACE = 'http://schemas.microsoft.com/win/2004/08/events/event';

/** How much of a head the namespace search reads. */
const SNIFF_LENGTH = 8192;
/** The first element of an export: `<Events>` or `<Event>`, any prefix, perhaps an "XML View" collapse marker before it. */
const EVENT_ROOT = /(?:[-+] )?<(?:[A-Za-z_][\w.-]*:)?Events?[\s/>]/y;
/** A DOCTYPE naming the root `Events` or `Event`: the DOCTYPE says what the first element is. */
const EVENT_DOCTYPE = /<!DOCTYPE\s+(?:[A-Za-z_][\w.-]*:)?Events?(?![\w.:-])/y;
/** White space between prolog items (as the old one-regex test allowed: `\s`, not only XML's four). */
const SPACE = /\s*/y;
/** The characters that can open or close something inside a DOCTYPE. */
const DOCTYPE_SPECIAL = /["'[\]<>]/g;

/**
 * Is this exported Windows event XML? Yes when the event namespace is in its first few KB, or when
 * its first element, past the prolog (XML declaration, comments, processing instructions, DOCTYPE),
 * is `<Events>` or `<Event>` however far into the text that is, or when the text ends inside a
 * prolog whose DOCTYPE names that root (a head cut short in a long DOCTYPE).
 *
 * The prolog is skipped by one forward scan (each step an `indexOf` or a sticky regex from where the
 * last stopped), so the cost is linear in the prolog, and a text that does not start with one — every
 * log — costs nothing more than before.
 */
export function looksLikeEventXml(text: string): boolean {
  const sample = text.length > SNIFF_LENGTH ? text.slice(0, SNIFF_LENGTH) : text;
  if (sample.includes(EVENT_NAMESPACE)) return true;
  const prolog = skipProlog(text);
  if (prolog.cut) return prolog.eventDoctype;
  EVENT_ROOT.lastIndex = prolog.end;
  return EVENT_ROOT.test(text);
}

interface Prolog {
  /** Where the prolog ends: the first element, or whatever else follows it. */
  readonly end: number;
  /** The text ends inside the prolog (an unclosed comment, processing instruction or DOCTYPE). */
  readonly cut: boolean;
  /** A DOCTYPE names `Events` or `Event` as the root. */
  readonly eventDoctype: boolean;
}

function skipProlog(text: string): Prolog {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let eventDoctype = false;
  for (;;) {
    SPACE.lastIndex = i;
    SPACE.test(text);
    i = SPACE.lastIndex;
    let end: number;
    if (text.startsWith('<?', i)) end = after(text, '?>', i + 2);
    else if (text.startsWith('<!--', i)) end = after(text, '-->', i + 4);
    else if (text.startsWith('<!DOCTYPE', i)) {
      EVENT_DOCTYPE.lastIndex = i;
      eventDoctype ||= EVENT_DOCTYPE.test(text);
      end = afterDoctype(text, i + 9);
    } else return { end: i, cut: false, eventDoctype };
    if (end < 0) return { end: text.length, cut: true, eventDoctype };
    i = end;
  }
}

/** The offset just past the next `close` at or after `from`, or -1. */
function after(text: string, close: string, from: number): number {
  const at = text.indexOf(close, from);
  return at < 0 ? -1 : at + close.length;
}

/**
 * The offset just past the `>` that ends a DOCTYPE whose name starts at `from`, or -1. Quoted literals,
 * and the comments and processing instructions of the internal subset, may hold `]` and `>`: they are
 * skipped whole. Nothing is expanded or resolved: this only finds where the DOCTYPE ends.
 */
function afterDoctype(text: string, from: number): number {
  let inSubset = false;
  let i = from;
  while (i >= 0) {
    DOCTYPE_SPECIAL.lastIndex = i;
    const m = DOCTYPE_SPECIAL.exec(text);
    if (!m) return -1;
    const at = m.index;
    switch (m[0]) {
      case '"':
      case "'":
        i = after(text, m[0], at + 1);
        break;
      case '[':
        inSubset = true;
        i = at + 1;
        break;
      case ']':
        inSubset = false;
        i = at + 1;
        break;
      case '<':
        if (inSubset && text.startsWith('<!--', at)) i = after(text, '-->', at + 4);
        else if (inSubset && text.startsWith('<?', at)) i = after(text, '?>', at + 2);
        else i = at + 1;
        break;
      default: // '>'
        if (!inSubset) return at + 1;
        i = at + 1;
    }
  }
  return -1;
}
