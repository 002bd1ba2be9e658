/**
 * The error-code catalogue: every Win32 system error code, HRESULT and WMI status code the sources
 * define, with its symbol and English message, for hovers and the error-code scanner.
 *
 * Data: `generated/errorCatalogData.ts`, written by `scripts/generate-error-catalog.mjs` from mingw-w64
 * `winerror.h`/`wbemcli.h` (symbols, values; public domain) and the Microsoft Win32 documentation
 * (messages; MicrosoftDocs/win32, CC BY 4.0). Its rows are read into maps on the first lookup, so
 * loading this module costs nothing until then. Pure: no I/O.
 *
 * Values are unsigned 32-bit numbers: HRESULTs and WMI codes as `0x80070005`, Win32 codes as the code
 * number (`5`). Signed forms (`-2147024891`, as .NET and some logs print them) are accepted too.
 */

import { catalogRows } from './generated/errorCatalogData';

export type CatalogKind = 'win32' | 'hresult' | 'wmi' | 'configmgr' | 'bits' | 'winhttp' | 'wininet' | 'windowsUpdate';

export interface CatalogEntry {
  /** Unsigned 32-bit value; for Win32 (and WinHTTP/WinINet) codes, the code number. */
  readonly value: number;
  readonly symbol: string;
  /** English message as the Win32 docs write it; null when the sources give none. */
  readonly message: string | null;
  readonly kind: CatalogKind;
}

/** Every kind, in catalogue order. */
export const CATALOG_KINDS: readonly CatalogKind[] = ['win32', 'hresult', 'wmi', 'configmgr', 'bits', 'winhttp', 'wininet', 'windowsUpdate'];

interface Index {
  readonly entries: readonly CatalogEntry[];
  /** value → entries, primary first, kinds in CATALOG_KINDS order */
  readonly byValue: ReadonlyMap<number, readonly CatalogEntry[]>;
  /** upper-cased symbol → entry */
  readonly bySymbol: ReadonlyMap<string, CatalogEntry>;
  readonly symbols: readonly string[];
}

let index: Index | undefined;

function load(): Index {
  if (index !== undefined) return index;
  const rows = catalogRows();
  const entries: CatalogEntry[] = [];
  const byValue = new Map<number, CatalogEntry[]>();
  const bySymbol = new Map<string, CatalogEntry>();
  const symbols: string[] = [];
  for (const kind of CATALOG_KINDS) {
    for (const row of rows[kind]) {
      const entry = parseRow(row, kind);
      if (entry === undefined) continue;
      entries.push(entry);
      const list = byValue.get(entry.value);
      if (list === undefined) byValue.set(entry.value, [entry]);
      else list.push(entry);
      const key = entry.symbol.toUpperCase();
      if (!bySymbol.has(key)) {
        bySymbol.set(key, entry);
        symbols.push(entry.symbol);
      }
    }
  }
  index = { entries, byValue, bySymbol, symbols };
  return index;
}

/** A row of the generated data, `value|SYMBOL|message` or `value|SYMBOL` (the message may hold `|`). */
function parseRow(row: string, kind: CatalogKind): CatalogEntry | undefined {
  const a = row.indexOf('|');
  if (a <= 0) return undefined;
  const b = row.indexOf('|', a + 1);
  const value = Number(row.slice(0, a));
  const symbol = b < 0 ? row.slice(a + 1) : row.slice(a + 1, b);
  if (!Number.isInteger(value) || symbol === '') return undefined;
  return Object.freeze({ value, symbol, message: b < 0 ? null : row.slice(b + 1), kind });
}

/** The unsigned form of a 32-bit code given signed (`-2147024891`) or unsigned; undefined when it is neither. */
export function toUnsigned32(value: number): number | undefined {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0xffffffff) return undefined;
  return value >>> 0;
}

/**
 * The entries with this value: HRESULTs and WMI codes by their unsigned (or signed) 32-bit value,
 * Win32 codes by their code number. Without `kind`, all kinds (value 5 is both ERROR_ACCESS_DENIED
 * and no HRESULT; value 0 is ERROR_SUCCESS, S_OK and WBEM_S_NO_ERROR). Within a kind the primary
 * symbol, the one the docs use, comes first. Does not unwrap 0x8007xxxx: see `describeValue`.
 */
export function entriesForValue(value: number, kind?: CatalogKind): readonly CatalogEntry[] {
  const v = toUnsigned32(value);
  if (v === undefined) return [];
  const list = load().byValue.get(v) ?? [];
  return kind === undefined ? list : list.filter((e) => e.kind === kind);
}

/** The entry of a symbol (`E_ACCESSDENIED`, `rpc_s_server_unavailable`), case-insensitive. */
export function entryForSymbol(symbol: string): CatalogEntry | undefined {
  return load().bySymbol.get(symbol.trim().toUpperCase());
}

/** The number of entries. */
export function catalogSize(): number {
  return load().entries.length;
}

/** Every symbol of the catalogue, in catalogue order (by kind, then value). */
export function allSymbols(): readonly string[] {
  return load().symbols;
}

/** The Win32 code that an HRESULT_FROM_WIN32 value (0x8007xxxx, signed or unsigned) wraps, else undefined. */
export function win32FromHResult(value: number): number | undefined {
  const v = toUnsigned32(value);
  if (v === undefined || v >>> 16 !== 0x8007) return undefined;
  return v & 0xffff;
}

/** Kinds whose values are Win32-style code numbers, which HRESULT_FROM_WIN32 wraps. */
const CODE_NUMBER_KINDS: ReadonlySet<CatalogKind> = new Set<CatalogKind>(['win32', 'winhttp', 'wininet']);

/**
 * What a code seen in a log means: the entries of the value itself (`entriesForValue`), then, for an
 * HRESULT_FROM_WIN32 value, the code it wraps (Win32, WinHTTP, WinINet): 0x80070005 → E_ACCESSDENIED,
 * then ERROR_ACCESS_DENIED (5, "Access is denied."); 0x800706BA → RPC_S_SERVER_UNAVAILABLE (1722),
 * which no HRESULT symbol names.
 */
export function describeValue(value: number): readonly CatalogEntry[] {
  const v = toUnsigned32(value);
  if (v === undefined) return [];
  const direct = entriesForValue(v);
  const wrapped = win32FromHResult(v);
  if (wrapped === undefined) return direct;
  return [...direct, ...entriesForValue(wrapped).filter((e) => CODE_NUMBER_KINDS.has(e.kind))];
}
