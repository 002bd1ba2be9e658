/**
 * Finds error codes in log text in every form ConfigMgr writes them: `0x80070005`, `80070005`,
 * `(80070005)`, `-2147024891`, `2147942405`, `E_ACCESSDENIED`, `Access is denied`, and the Japanese
 * texts. One regular expression, no backtracking between alternatives, never inside a longer number,
 * hex string or GUID (the look-arounds refuse neighbours that would make the token part of one).
 */
import type { Span } from '../model';
import { CODE_MESSAGES, CODE_SYMBOLS } from '../knowledge/hardeningCodes';
import { entryForSymbol } from '../knowledge/errorCatalog';
import { hexOf, hresultFromWin32 } from '../knowledge/hresult';

export type CodeForm = 'hex' | 'bareHex' | 'signedDecimal' | 'unsignedDecimal' | 'symbol' | 'message';

export interface CodeToken {
  readonly span: Span;
  /** The code as an unsigned 32-bit value. */
  readonly value: number;
  readonly form: CodeForm;
}

const MESSAGES = CODE_MESSAGES.map((m) => m.pattern).join('|');
const MESSAGE_PATTERNS = CODE_MESSAGES.map((m) => ({ re: new RegExp(`^(?:${m.pattern})$`, 'i'), value: m.value }));

// Groups: 1 hex after 0x; 2 bare hex; 3 signed decimal; 4 unsigned decimal; 5 symbol; 6 message.
const CODE_PATTERN = new RegExp(
  [
    String.raw`(?<![0-9A-Za-z_])0x([0-9A-Fa-f]{8})(?![0-9A-Za-z_])`,
    String.raw`(?<![0-9A-Za-z_{}\-.\\/$])([89Cc][0-9A-Fa-f]{7})(?![0-9A-Za-z_{}\-\\/]|\.[0-9A-Za-z])`,
    String.raw`(?<![0-9A-Za-z_.\-])(-[12]\d{9})(?![0-9A-Za-z_]|\.\d)`,
    String.raw`(?<![0-9A-Za-z_.\-])([234]\d{9})(?![0-9A-Za-z_]|\.\d)`,
    // Any SYMBOL_LIKE_THIS; only the ones the error catalogue knows become tokens.
    String.raw`(?<![0-9A-Za-z_])([A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9])(?![0-9A-Za-z_])`,
    `(${MESSAGES})`,
  ].join('|'),
  'gi',
);

/** Every error code in `text[start, end)`, in order. */
export function scanErrorCodes(text: string, start = 0, end = text.length): CodeToken[] {
  const tokens: CodeToken[] = [];
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  CODE_PATTERN.lastIndex = 0;
  for (let m = CODE_PATTERN.exec(slice); m; m = CODE_PATTERN.exec(slice)) {
    const token = toToken(m, start);
    if (token) tokens.push(token);
  }
  return tokens;
}

function toToken(m: RegExpExecArray, base: number): CodeToken | null {
  const span = { start: base + m.index, end: base + m.index + m[0].length };
  if (m[1] !== undefined) return { span, value: parseInt(m[1], 16) >>> 0, form: 'hex' };
  if (m[2] !== undefined) return { span, value: parseInt(m[2], 16) >>> 0, form: 'bareHex' };
  if (m[3] !== undefined) {
    const n = Number(m[3]);
    return n >= -0x80000000 ? { span, value: n >>> 0, form: 'signedDecimal' } : null;
  }
  if (m[4] !== undefined) {
    const n = Number(m[4]);
    return n >= 0x80000000 && n <= 0xffffffff ? { span, value: n, form: 'unsignedDecimal' } : null;
  }
  if (m[5] !== undefined) {
    const value = symbolValue(m[5].toUpperCase());
    return value === undefined ? null : { span, value, form: 'symbol' };
  }
  if (m[6] !== undefined) {
    const text = m[6];
    const found = MESSAGE_PATTERNS.find((p) => p.re.test(text));
    return found ? { span, value: found.value, form: 'message' } : null;
  }
  return null;
}

/** The code a symbol names, as an HRESULT (Win32 symbols are wrapped: ERROR_FILE_NOT_FOUND → 0x80070002). */
function symbolValue(symbol: string): number | undefined {
  const hardening = CODE_SYMBOLS.get(symbol);
  if (hardening !== undefined) return hardening;
  const entry = entryForSymbol(symbol);
  if (!entry) return undefined;
  return entry.kind === 'win32' || entry.kind === 'winhttp' || entry.kind === 'wininet' ? hresultFromWin32(entry.value) : entry.value;
}

/** `0x80070005` style, the canonical way to show a code (the decoder's own formatting). */
export const formatHresult = hexOf;
