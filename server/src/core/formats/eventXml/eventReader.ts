/**
 * One `<Event>` element to a `WindowsEvent`, with a real XML parser (saxes) run over just that element.
 *
 * Offsets: saxes counts `position` in UTF-16 code units of the string it was given, original characters
 * included (a CRLF counts 2, a surrogate pair 2) even though the text it reports is CRLF-normalised, so
 * element offsets are exact; values are decoded by saxes, spans cover the raw text.
 *
 * Safety: saxes never reads a DTD or an external entity; an event element cannot carry a DOCTYPE, so an
 * entity reference other than the five predefined ones and character references stays as written and
 * is reported.
 */
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import type { EventDataItem, Field, Span, WindowsEvent } from '../../model';
import { findAttributeValueSpan } from './attributes';
import type { EventElementRange } from './scan';
import type { ProblemCollector } from './problems';
import { parseSystemTime } from './systemTime';

/** Most XML errors reported for one event; the first few say what is wrong. */
const MAX_XML_ERRORS_PER_EVENT = 10;

/** Deeper than any real event (UserData nests a few levels); deeper is garbage, not worth a parse. */
const MAX_DEPTH = 64;
/** saxes gets long events in slices, so reading can stop early when an event turns out to be garbage. */
const WRITE_SLICE = 65536;

/** Stands in for a bare `&` while saxes reads the event; a private-use character, restored afterwards. */
const AMP_STAND_IN = '\uE000';
const AMP_STAND_IN_ALL = /\uE000/g;

/** `&` starting something shaped like a reference; anything else is a bare `&` (`AT&T`). */
const REFERENCE_SHAPE = /&[^\s&<>;'"]{1,64};/y;
const AMP_OR_SKIPPED = /&|<!\[CDATA\[|<!--/g;

const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;

/** Namespaces are not resolved: element names are matched by local name, whatever the prefix. */
interface ParserOptions {
  xmlns: false;
  position: true;
}

interface Frame {
  /** Local name (prefix removed). */
  readonly name: string;
  /** Offset of `<` in the chunk. */
  readonly start: number;
  /** Offset just past the start tag's `>` in the chunk. */
  readonly startTagEnd: number;
  readonly selfClosing: boolean;
  readonly attributes: Record<string, string>;
  /** Decoded text content, collected while the element has no child element. */
  text: string;
  hasChildren: boolean;
}

interface EventBuilder {
  eventIdField: Field | null;
  provider: Field | null;
  eventSourceName: Field | null;
  level: Field | null;
  channel: Field | null;
  computer: Field | null;
  timeCreated: Field | null;
  recordId: Field | null;
  userSid: Field | null;
  renderedMessage: Field | null;
  data: EventDataItem[];
}

function newBuilder(): EventBuilder {
  return {
    eventIdField: null,
    provider: null,
    eventSourceName: null,
    level: null,
    channel: null,
    computer: null,
    timeCreated: null,
    recordId: null,
    userSid: null,
    renderedMessage: null,
    data: [],
  };
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Cheap pre-check (most events have no `&`, or only references): is there an `&` that is not one? */
function hasBareAmpersand(chunk: string): boolean {
  for (let i = chunk.indexOf('&'); i >= 0; i = chunk.indexOf('&', i + 1)) {
    REFERENCE_SHAPE.lastIndex = i;
    if (!REFERENCE_SHAPE.test(chunk)) return true;
  }
  return false;
}

function trimXmlSpace(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isXmlSpace(value.charCodeAt(start))) start++;
  while (end > start && isXmlSpace(value.charCodeAt(end - 1))) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

/**
 * saxes builds an `Error` (with a stack trace) for every well-formedness error before calling its error
 * handler; on a badly broken file that is most of the time spent. Only the message and position are
 * needed, so they go straight to a callback.
 */
class EventXmlParser extends SaxesParser<ParserOptions> {
  constructor(private readonly report: (message: string, position: number) => void) {
    super({ xmlns: false, position: true });
  }

  override fail(message: string): this {
    this.report(message, this.position);
    return this;
  }
}

/** Reads event elements one at a time; one saxes parser is reused for all of them. */
export class EventReader {
  private parser: EventXmlParser;
  /** The text saxes is reading: the event element, with bare `&` replaced by the stand-in. */
  private chunk = '';
  /** Offset of the chunk in the document. */
  private base = 0;
  private stack: Frame[] = [];
  private builder: EventBuilder = newBuilder();
  private pendingTagStart = 0;
  private xmlErrors = 0;
  private ampReplaced = false;
  private tooDeep = false;

  constructor(private readonly problems: ProblemCollector) {
    this.parser = this.createParser();
  }

  /** The event in `src[range.start, range.end)`, or null when it could not be read at all. */
  read(src: string, range: EventElementRange): WindowsEvent | null {
    this.base = range.start;
    this.stack = [];
    this.builder = newBuilder();
    this.xmlErrors = 0;
    this.tooDeep = false;
    this.chunk = this.standInBareAmpersands(src.slice(range.start, range.end));
    const chunk = this.chunk;
    try {
      for (let i = 0; i < chunk.length && !this.tooDeep; i += WRITE_SLICE) {
        this.parser.write(chunk.length <= WRITE_SLICE ? chunk : chunk.slice(i, i + WRITE_SLICE));
      }
      if (this.tooDeep) {
        this.parser = this.createParser(); // closing would report every open element; drop it instead
        this.problems.add(range.start, range.startTagEnd, `This event nests elements more than ${MAX_DEPTH} deep; it was skipped.`);
        return null;
      }
      this.parser.close();
    } catch (error) {
      // saxes reports through the error handler and does not throw; if it ever does, its state is
      // unknown, so it is replaced and this event is reported instead of failing the document.
      this.parser = this.createParser();
      const detail = error instanceof Error ? error.message : String(error);
      this.problems.add(range.start, range.startTagEnd, `This event could not be read: ${detail}`);
      return null;
    }
    return this.finishEvent(range);
  }

  private createParser(): EventXmlParser {
    const parser = new EventXmlParser((message, position) => this.xmlError(message, position));
    parser.on('opentagstart', () => {
      // saxes has read `<name` and the character after it; the `<` is the last one before that.
      this.pendingTagStart = Math.max(0, this.chunk.lastIndexOf('<', parser.position - 1));
    });
    parser.on('opentag', (tag: SaxesTagPlain) => this.openTag(tag, parser.position));
    parser.on('closetag', () => this.closeTag(parser.position));
    parser.on('text', (text: string) => this.appendText(text));
    parser.on('cdata', (text: string) => this.appendText(text));
    return parser;
  }

  /**
   * saxes reads a bare `&` as the start of an entity reference and swallows text up to the next `;`,
   * markup included; with the stand-in, the event keeps its structure and the value keeps its `&`.
   */
  private standInBareAmpersands(chunk: string): string {
    this.ampReplaced = false;
    if (!hasBareAmpersand(chunk)) return chunk;
    const scan = new RegExp(AMP_OR_SKIPPED.source, 'g');
    let parts: string[] | null = null;
    let copied = 0;
    for (let m = scan.exec(chunk); m !== null; m = scan.exec(chunk)) {
      if (m[0] !== '&') {
        const terminator = m[0] === '<!--' ? '-->' : ']]>';
        const close = chunk.indexOf(terminator, scan.lastIndex);
        scan.lastIndex = close < 0 ? chunk.length : close + terminator.length;
        continue;
      }
      REFERENCE_SHAPE.lastIndex = m.index;
      if (REFERENCE_SHAPE.test(chunk)) continue;
      if (parts === null) {
        if (chunk.includes(AMP_STAND_IN)) return chunk; // the stand-in is in use; let saxes report instead
        parts = [];
      }
      parts.push(chunk.slice(copied, m.index), AMP_STAND_IN);
      copied = m.index + 1;
      const at = this.base + m.index;
      this.problems.add(at, at + 1, "Bare '&' in XML (it should be written &amp;); read as a literal '&'.");
    }
    if (parts === null) return chunk;
    parts.push(chunk.slice(copied));
    this.ampReplaced = true;
    return parts.join('');
  }

  private decoded(value: string): string {
    return this.ampReplaced ? value.replace(AMP_STAND_IN_ALL, '&') : value;
  }

  private openTag(tag: SaxesTagPlain, position: number): void {
    if (this.stack.length >= MAX_DEPTH) {
      this.tooDeep = true;
      return;
    }
    const parent = this.stack[this.stack.length - 1];
    if (parent !== undefined) parent.hasChildren = true;
    this.stack.push({
      name: localName(tag.name),
      start: this.pendingTagStart,
      startTagEnd: position,
      selfClosing: tag.isSelfClosing,
      attributes: tag.attributes,
      text: '',
      hasChildren: false,
    });
  }

  private appendText(text: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined && !top.hasChildren) top.text += text;
  }

  private closeTag(position: number): void {
    const depth = this.stack.length;
    const frame = this.stack.pop();
    if (frame === undefined || depth < 3) return;
    // stack[0] is <Event>, stack[1] the section (System, EventData, …) this element is in.
    const section = this.stack[1]?.name;
    if (section === 'System') {
      if (depth === 3) this.systemElement(frame, position);
    } else if (section === 'EventData') {
      if (frame.name === 'Data') this.dataItem(frame, position, this.attributeField(frame, 'Name'));
      else if (frame.name !== 'Binary' && !frame.hasChildren) this.dataItem(frame, position, this.nameField(frame));
    } else if (section === 'UserData') {
      if (!frame.hasChildren) this.dataItem(frame, position, this.nameField(frame));
    } else if (section === 'RenderingInfo') {
      if (depth === 3 && frame.name === 'Message') this.builder.renderedMessage ??= this.textField(frame, position, false);
    }
  }

  private systemElement(frame: Frame, position: number): void {
    const b = this.builder;
    switch (frame.name) {
      case 'Provider':
        b.provider ??= this.attributeField(frame, 'Name');
        b.eventSourceName ??= this.attributeField(frame, 'EventSourceName');
        break;
      case 'EventID':
        b.eventIdField ??= this.textField(frame, position, true);
        break;
      case 'Level':
        b.level ??= this.textField(frame, position, true);
        break;
      case 'Channel':
        b.channel ??= this.textField(frame, position, true);
        break;
      case 'Computer':
        b.computer ??= this.textField(frame, position, true);
        break;
      case 'EventRecordID':
        b.recordId ??= this.textField(frame, position, true);
        break;
      case 'TimeCreated':
        b.timeCreated ??= this.attributeField(frame, 'SystemTime');
        break;
      case 'Security': {
        // `UserID=""` (python-evtx) means no user, like a missing attribute.
        const sid = this.attributeField(frame, 'UserID');
        if (sid !== null && sid.value.trim() !== '') b.userSid ??= sid;
        break;
      }
      default:
    }
  }

  private dataItem(frame: Frame, position: number, name: Field | null): void {
    this.builder.data.push({
      name,
      value: this.textField(frame, position, false),
      span: { start: this.base + frame.start, end: this.base + position },
    });
  }

  /** The element's text and the raw span it was written in; trimmed of XML space for tokens. */
  private textField(frame: Frame, position: number, trim: boolean): Field {
    const chunk = this.chunk;
    let start = frame.startTagEnd;
    let end: number;
    if (frame.selfClosing) {
      start = Math.max(frame.start, position - 2); // an empty value, just before `/>`
      end = start;
    } else {
      end = chunk.lastIndexOf('<', position - 1);
      if (end < start) end = start;
    }
    let value = this.decoded(frame.text);
    if (trim) {
      while (start < end && isXmlSpace(chunk.charCodeAt(start))) start++;
      while (end > start && isXmlSpace(chunk.charCodeAt(end - 1))) end--;
      value = trimXmlSpace(value);
    }
    return { span: { start: this.base + start, end: this.base + end }, value };
  }

  private attributeField(frame: Frame, name: string): Field | null {
    const value = frame.attributes[name];
    if (value === undefined) return null;
    const found = findAttributeValueSpan(this.chunk, frame.start, frame.startTagEnd, name);
    const raw: Span = found ?? { start: frame.start, end: frame.startTagEnd };
    return { span: { start: this.base + raw.start, end: this.base + raw.end }, value: this.decoded(value) };
  }

  /** The element's own (local) name as a field: UserData leaves have no `Name`; the element is the name. */
  private nameField(frame: Frame): Field {
    const chunk = this.chunk;
    let start = frame.start + 1;
    let end = start;
    while (end < frame.startTagEnd) {
      const c = chunk.charCodeAt(end);
      if (isXmlSpace(c) || c === GT || c === SLASH) break;
      if (c === COLON) start = end + 1;
      end++;
    }
    return { span: { start: this.base + start, end: this.base + end }, value: frame.name };
  }

  private xmlError(message: string, position: number): void {
    // Unclosed elements are reported from the element stack, with their start tags' spans.
    if (message.startsWith('unclosed tag:')) return;
    this.xmlErrors++;
    if (this.xmlErrors > MAX_XML_ERRORS_PER_EVENT) return;
    const at = Math.min(position, this.chunk.length);
    const from = Math.max(0, at - 1);
    if (this.xmlErrors === MAX_XML_ERRORS_PER_EVENT) {
      this.problems.add(this.base + from, this.base + at, 'More XML errors in this event are not listed.');
      return;
    }
    if (message === 'undefined entity.') {
      const amp = this.chunk.lastIndexOf('&', from);
      const start = amp >= 0 ? amp : from;
      const reference = this.chunk.slice(start, at);
      this.problems.add(
        this.base + start,
        this.base + at,
        `Unknown entity ${reference} left as written (only the five XML entities are known; DTD entities are never expanded).`,
      );
      return;
    }
    this.problems.add(this.base + from, this.base + at, `XML error in this event: ${message}`);
  }

  private finishEvent(range: EventElementRange): WindowsEvent {
    // Innermost first is what a reader fixes first; a few are enough.
    for (const open of this.stack.slice(-MAX_XML_ERRORS_PER_EVENT).reverse()) {
      this.problems.add(this.base + open.start, this.base + open.startTagEnd, `<${open.name}> is not closed.`);
    }
    const b = this.builder;
    let eventId: number | null = null;
    if (b.eventIdField === null) {
      this.problems.add(range.start, range.startTagEnd, 'This event has no <System>/<EventID>.');
    } else if (/^\d{1,10}$/.test(b.eventIdField.value)) {
      eventId = Number(b.eventIdField.value);
    } else {
      this.problems.add(b.eventIdField.span.start, b.eventIdField.span.end, `EventID "${b.eventIdField.value}" is not a number.`);
    }
    return {
      span: { start: range.start, end: range.end },
      eventId,
      eventIdField: b.eventIdField,
      provider: b.provider,
      eventSourceName: b.eventSourceName,
      level: b.level,
      channel: b.channel,
      computer: b.computer,
      timeCreated: b.timeCreated,
      utcMillis: b.timeCreated === null ? null : parseSystemTime(b.timeCreated.value),
      recordId: b.recordId,
      userSid: b.userSid,
      data: b.data,
      renderedMessage: b.renderedMessage,
    };
  }
}
