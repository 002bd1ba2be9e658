/**
 * Registry Editor exports (`.reg`), read so that the diagnosis can see what an admin has set under
 * `HKLM\SOFTWARE\Microsoft\Ole` (the DCOM hardening opt-out, the logging switch, the legacy levels):
 *
 *   Windows Registry Editor Version 5.00
 *
 *   [HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Ole\AppCompat]
 *   "RequireIntegrityActivationAuthenticationLevel"=dword:00000000
 *   "Note"="a \"quoted\" C:\\path"
 *   "Path"=hex(2):25,00,53,00,\
 *     79,00,00,00
 *   "Gone"=-
 *   [-HKEY_LOCAL_MACHINE\SOFTWARE\Example]
 *
 * The model keeps what regedit would import: a line it cannot read becomes a problem and is left out,
 * and parsing goes on with the next line. Offsets are UTF-16 offsets into the text, as everywhere.
 */
import type { Field, ParseProblem, Span } from '../model';
import { forEachLine } from './recordBuilder';

/**
 * What a value holds. `delete` is `"Name"=-`; `other` is a registry type this model does not read
 * (`hex(0)`, `hex(5)`, `hex(6)`, `hex(8)`…) or a data prefix regedit does not know.
 */
export type RegValueType = 'dword' | 'qword' | 'string' | 'expandString' | 'multiString' | 'binary' | 'delete' | 'other';

export interface RegValue {
  /** The value name, unescaped; `''` for the default value `@`. The span covers the name between its quotes (or the `@`). */
  readonly name: Field;
  readonly type: RegValueType;
  /** REG_DWORD data (`dword:` or a four-byte `hex(4):`), unsigned. */
  readonly dword?: number;
  /**
   * Text data: REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ (its strings joined by `\n`), or REG_QWORD as a
   * decimal string (a qword can exceed what a number holds exactly).
   */
  readonly text?: string;
  /** The bytes of any `hex…:` value. */
  readonly bytes?: readonly number[];
  /** The whole value, from its name to the end of its data (continuation lines included). */
  readonly span: Span;
  /** The data after `=`, continuation lines included. */
  readonly data: Span;
}

export interface RegKey {
  /** The key path with its root spelled out (`HKLM` → `HKEY_LOCAL_MACHINE`); the rest as written. The span covers the path in the text. */
  readonly path: Field;
  /** `[-HKEY…]`: the key is deleted with everything under it. */
  readonly deleted: boolean;
  /** From the `[` to the end of the key's last value. */
  readonly span: Span;
  readonly values: readonly RegValue[];
}

export interface RegExportModel {
  readonly kind: 'reg';
  /** The `Windows Registry Editor Version 5.00` or `REGEDIT4` line, or null when the text has none. */
  readonly header: Field | null;
  readonly keys: readonly RegKey[];
  readonly problems: readonly ParseProblem[];
}

/** How much of a head `looksLikeRegExport` reads. */
const SNIFF_LENGTH = 8192;
const HEADER = /^(?:Windows Registry Editor Version \d+\.\d+|REGEDIT4)$/i;
const HEAD_START = /^\uFEFF?\s*(?:Windows Registry Editor Version \d+\.\d+|REGEDIT4)[ \t]*(?:\r|\n|$)/i;

/** Is this a Registry Editor export, judging by its first line? */
export function looksLikeRegExport(head: string): boolean {
  return HEAD_START.test(head.length > SNIFF_LENGTH ? head.slice(0, SNIFF_LENGTH) : head);
}

const ROOT_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['HKLM', 'HKEY_LOCAL_MACHINE'],
  ['HKCU', 'HKEY_CURRENT_USER'],
  ['HKCR', 'HKEY_CLASSES_ROOT'],
  ['HKU', 'HKEY_USERS'],
  ['HKCC', 'HKEY_CURRENT_CONFIG'],
]);
const KNOWN_ROOTS = /^HKEY_(?:LOCAL_MACHINE|CURRENT_USER|CLASSES_ROOT|USERS|CURRENT_CONFIG|DYN_DATA|PERFORMANCE_DATA)$/i;

/** A key path with its root spelled out, so that `HKLM\…` and `HKEY_LOCAL_MACHINE\…` compare equal. */
export function normaliseRegKeyPath(path: string): string {
  const cut = path.indexOf('\\');
  const root = cut < 0 ? path : path.slice(0, cut);
  const full = ROOT_ABBREVIATIONS.get(root.toUpperCase());
  return full === undefined ? path : full + path.slice(root.length);
}

interface Line {
  readonly start: number;
  readonly end: number;
}

interface KeyBuilder {
  readonly path: Field;
  readonly deleted: boolean;
  readonly start: number;
  end: number;
  readonly values: RegValue[];
}

/** Where values go: a key, nowhere yet (before the first key), or nowhere because the key line was broken. */
type CurrentKey = KeyBuilder | 'none' | 'broken';

export function parseRegExport(text: string): RegExportModel {
  const lines: Line[] = [];
  forEachLine(text, text.charCodeAt(0) === 0xfeff ? 1 : 0, text.length, (start, end) => lines.push({ start, end }));

  const problems: ParseProblem[] = [];
  const keys: KeyBuilder[] = [];
  let header: Field | null = null;
  let sawContent = false;
  let current: CurrentKey = 'none';
  // REGEDIT4 files carry hex strings in the ANSI code page, version 5 files in UTF-16LE.
  let wideStrings = true;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const start = skipBlanks(text, line.start, line.end);
    const end = trimEnd(text, start, line.end);
    if (start >= end) continue;
    const content = text.slice(start, end);
    const lineSpan = { start, end };

    if (HEADER.test(content)) {
      // A header anywhere is fine: exports concatenated with `type a.reg b.reg` repeat it.
      header ??= { span: lineSpan, value: content };
      wideStrings = !/^REGEDIT4$/i.test(content);
      sawContent = true;
      continue;
    }
    if (!sawContent) {
      sawContent = true;
      problems.push({ span: lineSpan, message: 'The first line is not "Windows Registry Editor Version 5.00" or "REGEDIT4"; regedit would refuse this file.' });
    }
    const first = content.charAt(0);
    if (first === ';') continue;
    if (first === '[') {
      current = readKeyLine(text, start, end, problems);
      if (typeof current !== 'string') keys.push(current);
      continue;
    }
    if (first === '"' || first === '@') {
      const read = readValue(text, lines, i, start, end, wideStrings, problems);
      i = read.lastLine;
      if (!read.value) continue;
      if (current === 'none') {
        problems.push({ span: read.value.span, message: 'This value comes before any [key] line; regedit would not import it.' });
      } else if (current !== 'broken') {
        if (current.deleted) problems.push({ span: read.value.span, message: 'This value is under a deleted [-key]; regedit ignores it.' });
        current.values.push(read.value);
        current.end = read.value.span.end;
      }
      continue;
    }
    problems.push({ span: lineSpan, message: 'This line is not a [key], a "value"=data line or a ; comment.' });
  }

  return {
    kind: 'reg',
    header,
    keys: keys.map((k) => ({ path: k.path, deleted: k.deleted, span: { start: k.start, end: k.end }, values: k.values })),
    problems,
  };
}

function readKeyLine(text: string, start: number, end: number, problems: ParseProblem[]): CurrentKey {
  // Key names may hold `]`, so the key runs to the last `]`, which must end the line.
  if (text.charAt(end - 1) !== ']') {
    problems.push({ span: { start, end }, message: 'This key line has no closing "]".' });
    return 'broken';
  }
  const deleted = text.charAt(start + 1) === '-';
  const pathStart = start + (deleted ? 2 : 1);
  const pathEnd = trimEnd(text, pathStart, end - 1);
  const written = text.slice(pathStart, pathEnd);
  if (!written.trim()) {
    problems.push({ span: { start, end }, message: 'This key line names no key.' });
    return 'broken';
  }
  const path = normaliseRegKeyPath(written);
  const root = path.split('\\', 1)[0] ?? '';
  if (!KNOWN_ROOTS.test(root)) {
    problems.push({ span: { start: pathStart, end: pathEnd }, message: `"${root}" is not a registry root key (HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER…).` });
  }
  return { path: { span: { start: pathStart, end: pathEnd }, value: path }, deleted, start, end, values: [] };
}

interface ValueRead {
  readonly value: RegValue | null;
  /** The index of the last line the value used (continuation lines make it later than the first). */
  readonly lastLine: number;
}

function readValue(
  text: string,
  lines: readonly Line[],
  lineIndex: number,
  start: number,
  end: number,
  wideStrings: boolean,
  problems: ParseProblem[],
): ValueRead {
  const broken = (message: string, span: Span = { start, end }): ValueRead => {
    problems.push({ span, message });
    return { value: null, lastLine: lineIndex };
  };

  let name: Field;
  let afterName: number;
  if (text.charAt(start) === '@') {
    name = { span: { start, end: start + 1 }, value: '' };
    afterName = start + 1;
  } else {
    const quoted = readQuoted(text, start, end);
    if (!quoted) return broken('This value name has no closing quote.');
    name = { span: { start: start + 1, end: quoted.close }, value: quoted.value };
    afterName = quoted.close + 1;
  }

  let at = skipBlanks(text, afterName, end);
  if (text.charAt(at) !== '=') return broken('Expected "=" after the value name.');
  at = skipBlanks(text, at + 1, end);
  const dataText = text.slice(at, end);
  const make = (type: RegValueType, dataEnd: number, extra: Partial<RegValue> = {}): ValueRead => ({
    value: { name, type, ...extra, span: { start, end: dataEnd }, data: { start: at, end: dataEnd } },
    lastLine: lineIndex,
  });

  if (text.charAt(at) === '-' && restIsEmpty(text, at + 1, end)) return make('delete', at + 1);

  if (text.charAt(at) === '"') {
    const quoted = readQuoted(text, at, end);
    if (!quoted) return broken('This string has no closing quote.');
    if (!restIsEmpty(text, quoted.close + 1, end)) return broken('Unexpected text after the closing quote.');
    if (quoted.unknownEscape) {
      // Kept as written: a hand-edited path with single backslashes is a common slip worth showing.
      problems.push({ span: { start: at, end: quoted.close + 1 }, message: 'Only \\" and \\\\ are escapes in a .reg string; a lone backslash is kept as written.' });
    }
    return make('string', quoted.close + 1, { text: quoted.value });
  }

  const dword = /^dword:([0-9A-Fa-f]*)/i.exec(dataText);
  if (dword) {
    const digits = dword[1] ?? '';
    const dataEnd = at + dword[0].length;
    if (digits.length === 0 || digits.length > 8 || !restIsEmpty(text, dataEnd, end)) return broken('A dword takes one to eight hex digits (dword:00000001).');
    return make('dword', dataEnd, { dword: parseInt(digits, 16) >>> 0 });
  }

  const hex = /^hex(?:\(([0-9A-Fa-f]{1,8})\))?:/i.exec(dataText);
  if (hex) {
    const collected = collectHexData(text, lines, lineIndex, at + hex[0].length, end);
    const bytes = parseHexBytes(collected.digits);
    const span = { start, end: collected.end };
    if (collected.missingContinuation) {
      problems.push({ span, message: 'This line ends with "\\" but the next line does not continue the data.' });
    }
    if (!bytes) {
      problems.push({ span, message: 'Hex data must be two-digit bytes separated by commas (hex:01,ff).' });
      return { value: null, lastLine: collected.lastLine };
    }
    const registryType = hex[1] === undefined ? 3 : parseInt(hex[1], 16);
    const value: RegValue = {
      name,
      ...describeHexValue(registryType, bytes, wideStrings),
      bytes,
      span,
      data: { start: at, end: collected.end },
    };
    return { value, lastLine: collected.lastLine };
  }

  const prefix = /^[A-Za-z][\w()]*:/.exec(dataText);
  if (prefix) {
    // Kept as `other` so that a hand-written `qword:` or `word:` on a setting still shows up, as not a dword.
    problems.push({ span: { start: at, end: at + prefix[0].length }, message: `regedit does not know the data type "${prefix[0]}".` });
    return make('other', end);
  }
  return broken('Expected "string", dword:, hex: or - after "=".');
}

/** Reads the quoted text starting at `open` (a `"`), undoing regedit's `\"` and `\\` escapes. */
function readQuoted(text: string, open: number, end: number): { value: string; close: number; unknownEscape: boolean } | null {
  let value = '';
  let unknownEscape = false;
  for (let i = open + 1; i < end; i++) {
    const c = text.charAt(i);
    if (c === '"') return { value, close: i, unknownEscape };
    if (c === '\\' && i + 1 < end) {
      const next = text.charAt(i + 1);
      if (next === '"' || next === '\\') {
        value += next;
        i++;
        continue;
      }
      unknownEscape = true;
    }
    value += c;
  }
  return null;
}

interface HexData {
  readonly digits: string;
  /** End of the last hex digit (or comma) in the text. */
  readonly end: number;
  readonly lastLine: number;
  readonly missingContinuation: boolean;
}

/**
 * Gathers hex data across `\` continuation lines (regedit wraps at 80 columns and indents the rest by
 * two spaces). A `;` ends the data on its line, as Wine's regedit allows.
 */
function collectHexData(text: string, lines: readonly Line[], lineIndex: number, from: number, lineEnd: number): HexData {
  let digits = '';
  let segmentStart = from;
  let segmentLineEnd = lineEnd;
  let index = lineIndex;
  for (;;) {
    // Searched within the line only, so a large export without comments stays linear.
    const comment = text.slice(segmentStart, segmentLineEnd).indexOf(';');
    const stop = comment >= 0 ? segmentStart + comment : segmentLineEnd;
    const segmentEnd = trimEnd(text, segmentStart, stop);
    const continues = text.charAt(segmentEnd - 1) === '\\' && segmentEnd > segmentStart;
    const dataEnd = continues ? trimEnd(text, segmentStart, segmentEnd - 1) : segmentEnd;
    digits += text.slice(segmentStart, dataEnd);
    if (!continues) return { digits, end: dataEnd, lastLine: index, missingContinuation: false };
    const next = lines[index + 1];
    const nextStart = next ? skipBlanks(text, next.start, next.end) : -1;
    if (!next || !/[0-9A-Fa-f]/.test(text.charAt(nextStart)) || nextStart >= next.end) {
      return { digits, end: dataEnd, lastLine: index, missingContinuation: true };
    }
    index++;
    segmentStart = nextStart;
    segmentLineEnd = next.end;
  }
}

/** The bytes of comma-separated hex, or null when a byte is not hex. A trailing comma is tolerated. */
function parseHexBytes(digits: string): number[] | null {
  const compact = digits.replace(/\s+/g, '');
  if (!compact) return [];
  const parts = compact.split(',');
  if (parts[parts.length - 1] === '') parts.pop();
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^[0-9A-Fa-f]{1,2}$/.test(part)) return null;
    bytes.push(parseInt(part, 16));
  }
  return bytes;
}

/** The model type and readable data of `hex(n):` bytes, by registry type number (REG_SZ = 1 … REG_QWORD = 11). */
function describeHexValue(registryType: number, bytes: readonly number[], wideStrings: boolean): Pick<RegValue, 'type' | 'dword' | 'text'> {
  switch (registryType) {
    case 1:
      return { type: 'string', text: stripTerminators(decodeString(bytes, wideStrings)) };
    case 2:
      return { type: 'expandString', text: stripTerminators(decodeString(bytes, wideStrings)) };
    case 3:
      return { type: 'binary' };
    case 4:
      if (bytes.length !== 4) return { type: 'other' };
      return { type: 'dword', dword: ((bytes[0] ?? 0) | ((bytes[1] ?? 0) << 8) | ((bytes[2] ?? 0) << 16) | ((bytes[3] ?? 0) << 24)) >>> 0 };
    case 7: {
      const strings = decodeString(bytes, wideStrings).split('\0');
      // The list ends with an empty string (the double NUL); drop it and anything after.
      const end = strings.indexOf('');
      return { type: 'multiString', text: (end < 0 ? strings : strings.slice(0, end)).join('\n') };
    }
    case 11: {
      if (bytes.length !== 8) return { type: 'other' };
      let qword = 0n;
      for (let i = 7; i >= 0; i--) qword = (qword << 8n) | BigInt(bytes[i] ?? 0);
      return { type: 'qword', text: qword.toString() };
    }
    default:
      return { type: 'other' };
  }
}

function decodeString(bytes: readonly number[], wide: boolean): string {
  let out = '';
  if (!wide) {
    // REGEDIT4 writes the ANSI code page, which the file does not name; Latin-1 keeps ASCII exact.
    for (const b of bytes) out += String.fromCharCode(b);
    return out;
  }
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8));
  return out;
}

function stripTerminators(value: string): string {
  const nul = value.indexOf('\0');
  return nul < 0 ? value : value.slice(0, nul);
}

function skipBlanks(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && (text.charAt(i) === ' ' || text.charAt(i) === '\t' || text.charAt(i) === '\uFEFF')) i++;
  return i;
}

function trimEnd(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && (text.charAt(i - 1) === ' ' || text.charAt(i - 1) === '\t' || text.charAt(i - 1) === '\0')) i--;
  return i;
}

/** True when only blanks or a `;` comment follow. */
function restIsEmpty(text: string, from: number, to: number): boolean {
  const at = skipBlanks(text, from, to);
  return at >= to || text.charAt(at) === ';';
}
