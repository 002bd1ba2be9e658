/**
 * Parsers for the sources of the error-code catalogue, and the merge that turns them into catalogue
 * entries. Pure functions, text in, entries out: `scripts/generate-error-catalog.mjs` bundles this
 * module with esbuild, feeds it the files of the sources folder and writes
 * `generated/errorCatalogData.ts`; the unit tests feed it inline snippets. Nothing at run time of the
 * language server imports this module.
 *
 * Sources understood:
 * - C headers (mingw-w64 `winerror.h`): object-like `#define NAME value` where value is a number
 *   (hex or decimal, `L`/`U`/`UL` suffixes), `__MSABI_LONG(…)`, `_HRESULT_TYPEDEF_(…)`,
 *   `_NDIS_ERROR_TYPEDEF_(…)`, casts like `((HRESULT)0x…L)`, `HRESULT_FROM_WIN32(…)`,
 *   `MAKE_HRESULT(…)`, arithmetic (`(WSABASEERR + 4)`) and references to other macros (aliases such as
 *   `#define DNS_ERROR_NO_MEMORY ERROR_OUTOFMEMORY`, resolved).
 * - C enums (mingw-w64 `wbemcli.h`, `enum tag_WBEMSTATUS { WBEM_E_FAILED = 0x80041001, … }`).
 * - Microsoft Win32 documentation markdown (MicrosoftDocs/win32): the `system-error-codes--*.md`
 *   lists, the `com-error-codes-*.md` tables and definition lists, `wmi-error-constants.md`. Each
 *   entry is an anchor `<span id="SYMBOL"></span>…**SYMBOL**` followed by the value (`5 (0x5)`,
 *   `0x8000FFFF`, `2147749889 (0x80041001)`) and the message.
 */

import type { CatalogKind } from './errorCatalog';

// ---------------------------------------------------------------------------------------------
// C headers

/** One object-like macro of a header that evaluates to a number. */
export interface HeaderDefine {
  readonly symbol: string;
  /** Unsigned 32-bit value. */
  readonly value: number;
  /** Typed as an HRESULT/SCODE (`_HRESULT_TYPEDEF_`, `(HRESULT)` cast, `HRESULT_FROM_WIN32`, …). */
  readonly hresult: boolean;
  /** The macro the value was taken from, when the definition is a bare reference to another macro. */
  readonly aliasOf?: string;
}

interface Evaluated {
  value: number;
  hresult: boolean;
}

type Token = { kind: 'num'; value: number } | { kind: 'id'; name: string } | { kind: 'op'; op: string };

/**
 * Removes block and line comments (the headers have no string literals that could hold them). An
 * unterminated block comment runs to the end, as in C (and keeps the scan linear).
 */
export function stripCComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ').replace(/\/\/[^\n]*/g, '');
}

function tokenize(expr: string): Token[] | undefined {
  const tokens: Token[] = [];
  const re = /\s*(?:(0[xX][0-9a-fA-F]+|\d+)[uUlL]*|([A-Za-z_][A-Za-z0-9_]*)|(<<|>>|[()+\-|&~*,^]))/y;
  let pos = 0;
  while (pos < expr.length) {
    if (/^\s*$/.test(expr.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(expr);
    if (!m) return undefined;
    pos = re.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: 'num', value: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ kind: 'id', name: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'op', op: m[3] });
  }
  return tokens;
}

/** Type names that may appear in casts; `(HRESULT)` and `(SCODE)` mark the value as an HRESULT. */
const CAST_TYPES = new Set(['HRESULT', 'SCODE', 'LONG', 'ULONG', 'DWORD', 'NTSTATUS', 'NDIS_STATUS', 'long', 'int', 'unsigned', '__LONG32', 'signed']);
const HRESULT_CASTS = new Set(['HRESULT', 'SCODE']);
/** Function-like macros that wrap a value without changing it. */
const IDENTITY_MACROS = new Set(['__MSABI_LONG', '_HRESULT_TYPEDEF_', '_NDIS_ERROR_TYPEDEF_', 'ResultFromScode', 'GetScode']);
const HRESULT_MACROS = new Set(['_HRESULT_TYPEDEF_', '_NDIS_ERROR_TYPEDEF_', 'ResultFromScode', 'GetScode']);

class MacroEvalError extends Error {}

/**
 * Evaluates a macro body. `lookup` resolves a macro name to its value (or undefined when unknown,
 * which makes the whole expression unresolvable).
 */
function evaluate(expr: string, lookup: (name: string) => Evaluated | undefined): Evaluated | undefined {
  const tokens = tokenize(expr);
  if (!tokens || tokens.length === 0) return undefined;
  let i = 0;
  let hresult = false;
  const peekOp = (op: string): boolean => {
    const t = tokens[i];
    return t !== undefined && t.kind === 'op' && t.op === op;
  };
  const expectOp = (op: string): void => {
    if (!peekOp(op)) throw new MacroEvalError(`expected ${op}`);
    i++;
  };
  const binary = (ops: readonly string[], next: () => number, apply: (op: string, a: number, b: number) => number) => (): number => {
    let left = next();
    for (;;) {
      const t = tokens[i];
      if (t === undefined || t.kind !== 'op' || !ops.includes(t.op)) return left;
      i++;
      left = apply(t.op, left, next());
    }
  };
  const primary = (): number => {
    const t = tokens[i++];
    if (t === undefined) throw new MacroEvalError('unexpected end');
    if (t.kind === 'num') return t.value;
    if (t.kind === 'op') {
      if (t.op === '(') {
        // A cast: one or more type names in parentheses, followed by an operand.
        let j = i;
        const names: string[] = [];
        for (let tj = tokens[j]; tj !== undefined && tj.kind === 'id' && CAST_TYPES.has(tj.name); tj = tokens[++j]) names.push(tj.name);
        const close = tokens[j];
        if (names.length > 0 && close !== undefined && close.kind === 'op' && close.op === ')') {
          i = j + 1;
          if (names.some((n) => HRESULT_CASTS.has(n))) hresult = true;
          return primary();
        }
        const v = orExpr();
        expectOp(')');
        return v;
      }
      if (t.op === '-') return -primary();
      if (t.op === '+') return primary();
      if (t.op === '~') return ~primary();
      throw new MacroEvalError(`unexpected ${t.op}`);
    }
    // identifier: a function-like macro call or a reference to another macro
    if (peekOp('(')) {
      i++;
      const args: number[] = [];
      if (!peekOp(')')) {
        for (;;) {
          args.push(orExpr());
          if (peekOp(',')) {
            i++;
            continue;
          }
          break;
        }
      }
      expectOp(')');
      return callMacro(t.name, args);
    }
    const ref = lookup(t.name);
    if (ref === undefined) throw new MacroEvalError(`unknown ${t.name}`);
    if (ref.hresult) hresult = true;
    return ref.value;
  };
  const callMacro = (name: string, args: number[]): number => {
    const a = args[0];
    if (IDENTITY_MACROS.has(name) && args.length === 1 && a !== undefined) {
      if (HRESULT_MACROS.has(name)) hresult = true;
      return a;
    }
    if ((name === 'HRESULT_FROM_WIN32' || name === '__HRESULT_FROM_WIN32') && args.length === 1 && a !== undefined) {
      hresult = true;
      return (a | 0) <= 0 ? a : ((a & 0xffff) | 0x80070000) >>> 0;
    }
    if (name === 'HRESULT_FROM_NT' && args.length === 1 && a !== undefined) {
      hresult = true;
      return (a | 0x10000000) >>> 0;
    }
    if ((name === 'MAKE_HRESULT' || name === 'MAKE_SCODE') && args.length === 3) {
      hresult = true;
      const [sev, fac, code] = args as [number, number, number];
      return ((sev << 31) | (fac << 16) | code) >>> 0;
    }
    throw new MacroEvalError(`unknown macro ${name}`);
  };
  const mul = binary(['*'], primary, (_op, a, b) => a * b);
  const add = binary(['+', '-'], mul, (op, a, b) => (op === '+' ? a + b : a - b));
  const shift = binary(['<<', '>>'], add, (op, a, b) => (op === '<<' ? a << b : a >>> b));
  const and = binary(['&'], shift, (_op, a, b) => a & b);
  const xor = binary(['^'], and, (_op, a, b) => a ^ b);
  const orExpr = binary(['|'], xor, (_op, a, b) => a | b);
  try {
    const value = orExpr();
    if (i !== tokens.length) return undefined;
    if (!Number.isFinite(value) || !Number.isInteger(value)) return undefined;
    return { value: value >>> 0, hresult };
  } catch (e) {
    if (e instanceof MacroEvalError) return undefined;
    throw e;
  }
}

/**
 * Every object-like `#define` of a header whose body evaluates to a number, in file order. Macros
 * defined twice keep their first definition. Function-like macros and bodies that do not evaluate
 * (strings, unknown names, typedefs) are left out.
 */
export function parseHeaderDefines(text: string): HeaderDefine[] {
  const source = stripCComments(text).replace(/\\\r?\n/g, ' ');
  const bodies = new Map<string, string>();
  const order: string[] = [];
  for (const m of source.matchAll(/^[ \t]*#[ \t]*define[ \t]+([A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_(])[ \t]*([^\r\n]*)$/gm)) {
    const name = m[1] as string;
    const body = (m[2] as string).trim();
    if (bodies.has(name) || body === '') continue;
    bodies.set(name, body);
    order.push(name);
  }
  const cache = new Map<string, Evaluated | null>();
  const resolving = new Set<string>();
  const resolve = (name: string): Evaluated | undefined => {
    const cached = cache.get(name);
    if (cached !== undefined) return cached ?? undefined;
    const body = bodies.get(name);
    if (body === undefined || resolving.has(name)) return undefined;
    resolving.add(name);
    const result = evaluate(body, resolve);
    resolving.delete(name);
    cache.set(name, result ?? null);
    return result;
  };
  const out: HeaderDefine[] = [];
  for (const name of order) {
    const r = resolve(name);
    if (r === undefined) continue;
    const body = bodies.get(name) as string;
    const alias = /^\(?\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)?$/.exec(body);
    out.push(alias ? { symbol: name, value: r.value, hresult: r.hresult, aliasOf: alias[1] as string } : { symbol: name, value: r.value, hresult: r.hresult });
  }
  return out;
}

/** One member of a C enum, with its unsigned 32-bit value. */
export interface EnumMember {
  readonly symbol: string;
  readonly value: number;
}

/**
 * The members of the C enum named `name` (its tag — `tag_WBEMSTATUS` — or its typedef name —
 * `WBEMSTATUS`), in order. Members without an initializer continue from the previous one; members
 * initialized with another member's name are resolved.
 */
export function parseEnumMembers(text: string, name: string): EnumMember[] {
  const source = stripCComments(text);
  const re = /\benum\s+(?:([A-Za-z_][A-Za-z0-9_]*)\s*)?\{([^{}]*)\}\s*([A-Za-z_][A-Za-z0-9_]*)?/g;
  for (const m of source.matchAll(re)) {
    if (m[1] !== name && m[3] !== name) continue;
    const members: EnumMember[] = [];
    const known = new Map<string, Evaluated>();
    let next = 0;
    for (const part of (m[2] as string).split(',')) {
      const item = part.trim();
      if (item === '') continue;
      const mm = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:=\s*([\s\S]+))?$/.exec(item);
      if (!mm) continue;
      const symbol = mm[1] as string;
      let value = next;
      if (mm[2] !== undefined) {
        const r = evaluate(mm[2], (n) => known.get(n));
        if (r === undefined) continue;
        value = r.value;
      }
      known.set(symbol, { value, hresult: false });
      members.push({ symbol, value });
      next = (value + 1) >>> 0;
    }
    return members;
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Documentation markdown

/** One error documented in a Win32 docs page. */
export interface DocEntry {
  readonly symbol: string;
  /** Unsigned 32-bit value (for system error codes, the code number); null when the page's value is unreadable. */
  readonly value: number | null;
  /** The English message, markdown removed; null when the page gives none. */
  readonly message: string | null;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Turns a piece of docs markdown/HTML into plain text, one paragraph per line. */
export function markdownToText(md: string): string {
  let s = md
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(?:p|dl|dt|dd|ul|ol|li|table|tr|td|th)\b[^<>]*>/gi, '\n\n')
    .replace(/<[^<>]+>/g, '')
    // images, then links: keep the text
    .replace(/!\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/\[([^[\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
    .replace(/`([^`\n]*)`/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ent: string) => {
      if (ent.startsWith('#x')) return String.fromCodePoint(parseInt(ent.slice(2), 16));
      if (ent.startsWith('#')) return String.fromCodePoint(parseInt(ent.slice(1), 10));
      return ENTITIES[ent.toLowerCase()] ?? whole;
    })
    .replace(/\u00a0/g, ' ');
  // paragraphs: split on blank lines (or on the breaks made above), then collapse whitespace
  s = s
    .split(/\n\s*\n|\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
    .join('\n');
  return s;
}

const SYMBOL_RE = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The documented errors of one Win32 docs page, in page order. Handles the three layouts the pages
 * use: the system-error-code lists (`**ERROR\_X**`, `5 (0x5)`, message paragraph), the COM tables
 * (`| … **E\_X** … 0x80004005 … | message<br/> |`) and the definition lists of the COM and WMI pages
 * (`**WBEM\_E\_X**` `</dt> <dd> <dl> <dt>` `2147749889 (0x80041001)` `</dt> <dt>` message).
 * Entries whose symbol is not an identifier (`ERROR_INTERNET_*`) or whose value is a range are left
 * out. Several paragraphs of one message are joined with a space.
 */
export function parseDocEntries(markdown: string): DocEntry[] {
  const text = markdown.replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '');
  // the anchor(s), then on the same line any tags (`<dl> <dt>`, a stray `>`, further anchors), then the
  // bold symbol. Bounded and unambiguous (further anchors are read as tags, not also as anchors), so a
  // line of anchors without a symbol costs linear time, not exponential.
  const anchor = /<span id="[^"\n]{0,200}"><\/span>(?:[ \t]|<[^>\n]{0,200}>|>){0,40}\*\*((?:[^*\\\n]|\\.)+)\*\*/g;
  const matches = [...text.matchAll(anchor)];
  const out: DocEntry[] = [];
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k] as RegExpMatchArray;
    const start = (m.index as number) + m[0].length;
    const lineStart = text.lastIndexOf('\n', m.index as number) + 1;
    const inTable = text.slice(lineStart, m.index as number).trimStart().startsWith('|');
    let end = k + 1 < matches.length ? ((matches[k + 1] as RegExpMatchArray).index as number) : text.length;
    if (inTable) {
      const eol = text.indexOf('\n', start);
      if (eol >= 0 && eol < end) end = eol;
    }
    let segment = text.slice(start, end);
    const heading = /^#{1,6}\s/m.exec(segment);
    if (heading) segment = segment.slice(0, heading.index);
    const symbol = (m[1] as string).replace(/\\(.)/g, '$1').trim();
    if (!SYMBOL_RE.test(symbol)) continue;
    if (inTable) segment = segment.replace(/\|/g, '\n\n');
    const plain = markdownToText(segment);
    if (/^\s*\d+\s*-\s*\d+/.test(plain)) continue; // a range ("12000 - 12175 (0x2EE0)"), not a code
    // The value: `5 (0x5)`, `2147749889 (0x80041001)`, `0x8000FFFF`, `5`; a value that does not read
    // as one 32-bit number (`0x80280010B`, decimal and hex disagreeing) is kept as null, the message
    // is still the symbol's.
    const v = /^\s*(?:(\d+)\s*\((0[xX][0-9a-fA-F]+)\)|(0[xX][0-9a-fA-F]+)|(\d+))(?![\w])/.exec(plain);
    let value: number | null = null;
    if (v) {
      const n = Number(v[2] ?? v[3] ?? v[4]);
      const agrees = v[1] === undefined || Number(v[1]) === n;
      if (agrees && Number.isInteger(n) && n >= 0 && n <= 0xffffffff) value = n >>> 0;
    }
    const rest = (v ? plain.slice(v[0].length) : plain).trim();
    const message = rest === '' ? null : rest.replace(/\n/g, ' ');
    out.push({ symbol, value, message });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Merge

/** An entry of the catalogue as the generator writes it. */
export interface CatalogRecord {
  readonly value: number;
  readonly symbol: string;
  readonly message: string | null;
  readonly kind: CatalogKind;
}

/** The kinds, in the order the generated data indexes them. */
export const CATALOG_KINDS: readonly CatalogKind[] = ['win32', 'hresult', 'wmi', 'configmgr', 'bits', 'winhttp', 'wininet', 'windowsUpdate'];

/**
 * Macros of a header that are not error codes: facility and severity numbers, range markers
 * (`OLE_E_FIRST`, `DNS_ERROR_ZONE_BASE`, `WSABASEERR`), masks, include guards.
 */
export function isCodeSymbol(symbol: string): boolean {
  if (symbol.startsWith('_')) return false;
  if (/^(?:FACILITY|SEVERITY)_/.test(symbol)) return false;
  if (/_(?:FIRST|LAST)$/.test(symbol)) return false;
  if (/^(?:DNS_ERROR|INTERNET_ERROR|WINHTTP_ERROR)_(?:[A-Z0-9_]*_)?BASE$/.test(symbol)) return false;
  if (/BASEERR$/.test(symbol)) return false;
  if (symbol === 'DNS_ERROR_MASK' || symbol === 'APPLICATION_ERROR_MASK' || symbol === 'ERROR_SEVERITY_ERROR' || /^ERROR_SEVERITY_/.test(symbol)) return false;
  return true;
}

/**
 * The kind of a code from its symbol and value: the families with a kind of their own first
 * (WinINet 12000-12999 `ERROR_INTERNET_*`/`ERROR_HTTP_*`/`ERROR_FTP_*`/`ERROR_GOPHER_*`, WinHTTP
 * `ERROR_WINHTTP_*`, BITS `BG_*`/`BITS_MC_*` and facility 32, Windows Update `WU_*` and facility 36, ConfigMgr
 * `0x87D0xxxx`), then Win32 for plain numbers up to 0xFFFF, HRESULT for the rest.
 */
export function classifyKind(symbol: string, value: number, typedAsHresult: boolean): CatalogKind {
  const v = value >>> 0;
  if (v >>> 16 === 0x87d0 || v >>> 16 === 0x07d0) return 'configmgr';
  if (/^ERROR_WINHTTP_/.test(symbol)) return 'winhttp';
  if (/^ERROR_(?:INTERNET|HTTP|FTP|GOPHER|INVALID_HTTP)_/.test(symbol) && v >= 12000 && v <= 12999) return 'wininet';
  if (/^(?:BG_[ES]_|BITS_MC_)/.test(symbol) || ((v >>> 16) & 0x1fff) === 32) return 'bits';
  if (/^WU_[ES]_/.test(symbol) || ((v >>> 16) & 0x1fff) === 36) return 'windowsUpdate';
  if (/^WBEM(?:ESS|MOF)?_[ES]_|^WBEM_NO_ERROR$/.test(symbol)) return 'wmi';
  if (!typedAsHresult && v <= 0xffff) return 'win32';
  return 'hresult';
}

/** The texts of the sources folder, by role. */
export interface CatalogSources {
  /** Headers with `#define`d codes (winerror.h first; optional wininet.h, winhttp.h, bitsmsg.h, wuerror.h). */
  readonly headers: readonly { readonly name: string; readonly text: string }[];
  /** Headers with enum-declared codes, the enum to read and the kind of its members (wbemcli.h, `tag_WBEMSTATUS`, wmi). */
  readonly enums: readonly { readonly name: string; readonly text: string; readonly enumName: string; readonly kind: CatalogKind }[];
  /**
   * Documentation pages, any of the three layouts; their order decides which symbol is primary.
   * `hresults`: the page lists HRESULTs (COM, WMI pages), not Win32 code numbers (system error pages).
   */
  readonly docs: readonly { readonly name: string; readonly text: string; readonly hresults: boolean }[];
}

/** Something the merge could not reconcile; the generator prints these. */
export interface CatalogWarning {
  readonly symbol: string;
  readonly note: string;
}

/** Symbols that a header defines but only some headers should contribute (e.g. wininet.h also defines flags). */
const HEADER_SYMBOL_FILTERS: Readonly<Record<string, RegExp>> = {
  'wininet.h': /^ERROR_(?:INTERNET|HTTP|FTP|GOPHER|INVALID_HTTP)_/,
  'winhttp.h': /^ERROR_WINHTTP_/,
  'bitsmsg.h': /^(?:BG_[ES]_|BITS_MC_)/,
  'wuerror.h': /^WU_[ES]_/,
};

/** Symbols that are HRESULTs although their header writes them as plain numbers. */
const HRESULT_SYMBOLS: ReadonlySet<string> = new Set(['NOERROR', 'NTE_OP_OK']);

/** Primary symbols of their value whatever the docs list (the docs list no success codes). */
const PREFERRED_PRIMARY: ReadonlySet<string> = new Set(['ERROR_SUCCESS', 'S_OK', 'S_FALSE', 'WBEM_S_NO_ERROR']);

interface Draft {
  value: number;
  symbol: string;
  message: string | null;
  kind: CatalogKind;
  /** file order, for stable sorting */
  order: number;
  /** set when a docs page lists this symbol with this value */
  docRank: number;
}

/**
 * Merges the sources into catalogue records: every code a header defines (aliases resolved), every
 * code a docs page lists that no header defines, the docs' message on each (matched by symbol).
 * Values come from the headers; where a docs page gives a symbol another value, the header's is kept
 * (the docs' differing values are typos, e.g. SEC_I_CONTINUE_NEEDED_MESSAGE_OK `0x80090366` for
 * `0x00090366`) and a warning says so. HRESULT_FROM_WIN32 codes (0x8007xxxx) without a message of
 * their own take their Win32 code's message, as FormatMessage does. A symbol defined twice keeps its
 * first definition (exact duplicates disappear). Sorted by kind, then value; within one kind and
 * value the symbol the docs list first comes first (the primary symbol), then the others in source
 * order.
 */
export function buildCatalog(sources: CatalogSources): { records: CatalogRecord[]; warnings: CatalogWarning[]; stats: CatalogStats } {
  const warnings: CatalogWarning[] = [];
  const stats = { fromHeaders: 0, fromDocsOnly: 0, messagesFromDocs: 0, messagesFromSameValue: 0, messagesFromWin32: 0 };
  const drafts = new Map<string, Draft>(); // by symbol
  let order = 0;

  // Docs first: the value and message each page gives a symbol, and the order the pages list them.
  const docBySymbol = new Map<string, DocEntry & { rank: number; hresult: boolean }>();
  let rank = 0;
  for (const doc of sources.docs) {
    for (const e of parseDocEntries(doc.text)) {
      const seen = docBySymbol.get(e.symbol);
      if (seen === undefined) {
        docBySymbol.set(e.symbol, { ...e, rank: rank++, hresult: doc.hresults });
        continue;
      }
      if (seen.value !== e.value && seen.value !== null && e.value !== null) {
        warnings.push({ symbol: e.symbol, note: `${doc.name} gives 0x${hex(e.value)}, an earlier page 0x${hex(seen.value)}; kept the first` });
      }
      if ((seen.message === null && e.message !== null) || (seen.value === null && e.value !== null)) {
        docBySymbol.set(e.symbol, { ...seen, value: seen.value ?? e.value, message: seen.message ?? e.message });
      }
    }
  }

  const addDefined = (symbol: string, value: number, kind: CatalogKind, source: string): void => {
    if (drafts.has(symbol)) return;
    const doc = docBySymbol.get(symbol);
    if (doc !== undefined && doc.value !== null && doc.value !== value) {
      warnings.push({ symbol, note: `${source} gives 0x${hex(value)}, the docs 0x${hex(doc.value)}; kept ${source}'s value, took the docs' message` });
    }
    const listed = doc !== undefined && (doc.value === null || doc.value === value);
    drafts.set(symbol, { value, symbol, message: doc?.message ?? null, kind, order: order++, docRank: primaryRank(symbol, listed ? doc.rank : undefined) });
    stats.fromHeaders++;
  };

  for (const h of sources.headers) {
    const filter = HEADER_SYMBOL_FILTERS[h.name.toLowerCase()];
    for (const d of parseHeaderDefines(h.text)) {
      if (!isCodeSymbol(d.symbol)) continue;
      if (filter !== undefined && !filter.test(d.symbol)) continue;
      addDefined(d.symbol, d.value, classifyKind(d.symbol, d.value, d.hresult || HRESULT_SYMBOLS.has(d.symbol)), h.name);
    }
  }
  for (const e of sources.enums) {
    for (const m of parseEnumMembers(e.text, e.enumName)) addDefined(m.symbol, m.value, e.kind, e.name);
  }
  // Documented codes that no header defines.
  for (const [symbol, doc] of docBySymbol) {
    if (drafts.has(symbol)) continue;
    if (doc.value === null) {
      warnings.push({ symbol, note: 'documented without a readable value and defined by no header; left out' });
      continue;
    }
    drafts.set(symbol, { value: doc.value, symbol, message: doc.message, kind: classifyKind(symbol, doc.value, doc.hresult), order: order++, docRank: primaryRank(symbol, doc.rank) });
    stats.fromDocsOnly++;
  }

  const kindIndex = (k: CatalogKind): number => CATALOG_KINDS.indexOf(k);
  const all = [...drafts.values()].sort((a, b) => kindIndex(a.kind) - kindIndex(b.kind) || a.value - b.value || byPrimary(a, b));
  stats.messagesFromDocs = all.filter((d) => d.message !== null).length;
  // Aliases without a message (NO_ERROR, DNS_ERROR_NO_MEMORY): the message of their value's primary
  // symbol, which is the same code. Then HRESULT_FROM_WIN32 codes without a message: their Win32
  // code's message, as FormatMessage gives it.
  const firstMessage = new Map<string, string>();
  for (const d of all) {
    const key = `${d.kind} ${d.value}`;
    if (d.message !== null) {
      if (!firstMessage.has(key)) firstMessage.set(key, d.message);
    } else {
      const m = firstMessage.get(key);
      if (m !== undefined) {
        d.message = m;
        stats.messagesFromSameValue++;
      }
    }
  }
  for (const d of all) {
    if (d.message !== null || d.kind === 'win32' || d.value >>> 16 !== 0x8007) continue;
    const m = firstMessage.get(`win32 ${d.value & 0xffff}`);
    if (m !== undefined) {
      d.message = m;
      stats.messagesFromWin32++;
    }
  }

  const records = all.map((d): CatalogRecord => ({ value: d.value, symbol: d.symbol, message: d.message, kind: d.kind }));
  return { records, warnings, stats };
}

/** Counts of where the entries and their messages came from, for the generator's report. */
export interface CatalogStats {
  /** Entries defined by a header (with or without a docs entry). */
  readonly fromHeaders: number;
  /** Entries only a docs page lists. */
  readonly fromDocsOnly: number;
  /** Entries whose message is the docs' text for their own symbol. */
  readonly messagesFromDocs: number;
  /** Entries without a docs message that took the message of another symbol of the same value. */
  readonly messagesFromSameValue: number;
  /** HRESULT_FROM_WIN32 entries that took their Win32 code's message. */
  readonly messagesFromWin32: number;
}

function primaryRank(symbol: string, docRank: number | undefined): number {
  if (PREFERRED_PRIMARY.has(symbol)) return -1;
  return docRank ?? Number.POSITIVE_INFINITY;
}

/** Within one value: the symbol listed first in the docs, then the others in source order. */
function byPrimary(a: { docRank: number; order: number }, b: { docRank: number; order: number }): number {
  if (a.docRank !== b.docRank) return a.docRank < b.docRank ? -1 : 1;
  return a.order - b.order;
}

function hex(v: number): string {
  return (v >>> 0).toString(16).toUpperCase();
}

// ---------------------------------------------------------------------------------------------
// Output: the generated module, and reading its rows back

/** Kinds whose values the rows write in decimal (Win32-style code numbers); the others in 0x hex. */
const DECIMAL_KINDS: ReadonlySet<CatalogKind> = new Set<CatalogKind>(['win32', 'winhttp', 'wininet']);

/**
 * One row of the generated data: `value|SYMBOL|message`, or `value|SYMBOL` without a message. The
 * message may itself contain `|` (the row is split at the first two).
 */
export function formatRow(r: CatalogRecord): string {
  const value = DECIMAL_KINDS.has(r.kind) ? String(r.value) : `0x${hex(r.value).padStart(8, '0')}`;
  return r.message === null ? `${value}|${r.symbol}` : `${value}|${r.symbol}|${r.message}`;
}

/**
 * The generated TypeScript module. The rows sit inside a function, so that loading the language
 * server only pre-parses them; the first lookup calls it.
 */
export function renderCatalogModule(records: readonly CatalogRecord[], header: { readonly sources: readonly string[]; readonly command: string }): string {
  const counts = CATALOG_KINDS.map((k) => `${k} ${records.filter((r) => r.kind === k).length}`).join(', ');
  const lines: string[] = [
    '// GENERATED FILE, DO NOT EDIT: the error-code catalogue, for server/src/core/knowledge/errorCatalog.ts.',
    `// Generated by ${header.command}`,
    '// (parsers: server/src/core/knowledge/catalogSources.ts) from:',
    ...header.sources.map((s) => `//   ${s}`),
    '// Symbols and values: mingw-w64 headers. English messages: Microsoft Win32 documentation',
    '// (https://learn.microsoft.com/windows/win32/, repository MicrosoftDocs/win32), licensed CC BY 4.0.',
    `// ${records.length} entries: ${counts}.`,
    '',
    "import type { CatalogKind } from '../errorCatalog';",
    '',
    '/**',
    ' * The rows by kind, `value|SYMBOL|message` (`value|SYMBOL` when the sources give no message). Values',
    ' * are unsigned: decimal for win32/winhttp/wininet, 0x hex for the others. Sorted by value; the',
    ' * primary symbol of a value (the one the docs use) comes first.',
    ' */',
    'export function catalogRows(): Readonly<Record<CatalogKind, readonly string[]>> {',
    '  return {',
  ];
  for (const kind of CATALOG_KINDS) {
    const rows = records.filter((r) => r.kind === kind);
    if (rows.length === 0) {
      lines.push(`    ${kind}: [],`);
      continue;
    }
    lines.push(`    ${kind}: [`);
    for (const r of rows) lines.push(`${quote(formatRow(r))},`);
    lines.push('    ],');
  }
  lines.push('  };', '}', '');
  return lines.join('\n');
}

/** A single-quoted TS string literal. */
function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)}'`;
}
