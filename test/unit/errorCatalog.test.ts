import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildCatalog,
  classifyKind,
  formatRow,
  isCodeSymbol,
  markdownToText,
  parseDocEntries,
  parseEnumMembers,
  parseHeaderDefines,
  renderCatalogModule,
} from '../../server/src/core/knowledge/catalogSources';
import {
  CATALOG_KINDS,
  allSymbols,
  catalogSize,
  describeValue,
  entriesForValue,
  entryForSymbol,
  toUnsigned32,
  win32FromHResult,
  type CatalogEntry,
  type CatalogKind,
} from '../../server/src/core/knowledge/errorCatalog';

// ------------------------------------------------------------------------------------------------
// (a) The generator's parsers, on small snippets written like the sources

/** Like mingw-w64 winerror.h. */
const WINERROR_SNIPPET = `/**
 * This file has no copyright assigned and is placed in the Public Domain.
 */
#ifndef _WINERROR_
#define _WINERROR_
#define FACILITY_WIN32 7
#define ERROR_SUCCESS __MSABI_LONG(0)
#define NO_ERROR __MSABI_LONG(0)
#define ERROR_ACCESS_DENIED __MSABI_LONG(5)
#define ERROR_OUTOFMEMORY 14L
#define ERROR_NOT_FOUND __MSABI_LONG(1168)
#define RPC_S_SERVER_UNAVAILABLE 1722
#define DNS_ERROR_NO_MEMORY ERROR_OUTOFMEMORY
#define DNS_ERROR_ZONE_BASE 9600
#define WSABASEERR 10000
#define WSAEINTR (WSABASEERR + 4)
/*#define ERROR_COMMENTED_OUT __MSABI_LONG(13884)*/
#define ERROR_LATER_VALUE __MSABI_LONG(13897) // trailing comment
#define ERROR_FORWARD ERROR_DEFINED_BELOW
#define ERROR_DEFINED_BELOW 0x10
#define ERROR_UNKNOWN_REF SOMETHING_NOT_DEFINED
#define HRESULT_CODE(hr) ((hr) & 0xFFFF)
#define E_ACCESSDENIED _HRESULT_TYPEDEF_(0x80070005L)
#define E_OUTOFMEMORY _HRESULT_TYPEDEF_(0x8007000EUL)
#define E_NOT_SET HRESULT_FROM_WIN32(ERROR_NOT_FOUND)
#define S_OK ((HRESULT)0x00000000L)
#define SEC_E_OK ((HRESULT)0x00000000)
#define OLE_E_FIRST ((HRESULT)0x80040000L)
#define NDIS_STATUS_X _NDIS_ERROR_TYPEDEF_(0xC0230001L)
#define ERROR_CONTINUED \\
  __MSABI_LONG(42)
#define ERROR_ACCESS_DENIED __MSABI_LONG(999)
#define MK_X MAKE_HRESULT(1, FACILITY_WIN32, 2)
#endif
`;

describe('parseHeaderDefines', () => {
  const defs = parseHeaderDefines(WINERROR_SNIPPET);
  const get = (s: string) => defs.find((d) => d.symbol === s);

  it('reads __MSABI_LONG, plain decimal and L suffixes as Win32 numbers', () => {
    assert.deepEqual(get('ERROR_ACCESS_DENIED'), { symbol: 'ERROR_ACCESS_DENIED', value: 5, hresult: false });
    assert.equal(get('ERROR_OUTOFMEMORY')?.value, 14);
    assert.equal(get('RPC_S_SERVER_UNAVAILABLE')?.value, 1722);
    assert.equal(get('ERROR_SUCCESS')?.value, 0);
  });
  it('reads _HRESULT_TYPEDEF_, (HRESULT) casts, _NDIS_ERROR_TYPEDEF_, UL suffixes as unsigned HRESULTs', () => {
    assert.deepEqual(get('E_ACCESSDENIED'), { symbol: 'E_ACCESSDENIED', value: 0x80070005, hresult: true });
    assert.equal(get('E_OUTOFMEMORY')?.value, 0x8007000e);
    assert.deepEqual(get('S_OK'), { symbol: 'S_OK', value: 0, hresult: true });
    assert.equal(get('SEC_E_OK')?.hresult, true);
    assert.deepEqual(get('NDIS_STATUS_X'), { symbol: 'NDIS_STATUS_X', value: 0xc0230001, hresult: true });
  });
  it('evaluates HRESULT_FROM_WIN32, MAKE_HRESULT and arithmetic on other macros', () => {
    assert.deepEqual(get('E_NOT_SET'), { symbol: 'E_NOT_SET', value: 0x80070490, hresult: true });
    assert.equal(get('MK_X')?.value, 0x80070002);
    assert.equal(get('WSAEINTR')?.value, 10004);
  });
  it('resolves aliases, also to macros defined further down', () => {
    assert.deepEqual(get('DNS_ERROR_NO_MEMORY'), { symbol: 'DNS_ERROR_NO_MEMORY', value: 14, hresult: false, aliasOf: 'ERROR_OUTOFMEMORY' });
    assert.equal(get('ERROR_FORWARD')?.value, 0x10);
  });
  it('skips comments, function-like macros, empty and unresolvable bodies', () => {
    assert.equal(get('ERROR_COMMENTED_OUT'), undefined);
    assert.equal(get('ERROR_LATER_VALUE')?.value, 13897);
    assert.equal(get('HRESULT_CODE'), undefined);
    assert.equal(get('_WINERROR_'), undefined);
    assert.equal(get('ERROR_UNKNOWN_REF'), undefined);
  });
  it('joins continued lines; a macro defined twice keeps its first value', () => {
    assert.equal(get('ERROR_CONTINUED')?.value, 42);
    assert.equal(defs.filter((d) => d.symbol === 'ERROR_ACCESS_DENIED').length, 1);
  });
  it('keeps file order', () => {
    const order = defs.map((d) => d.symbol);
    assert.ok(order.indexOf('ERROR_SUCCESS') < order.indexOf('E_ACCESSDENIED'));
  });
});

/** Like mingw-w64 wbemcli.h. */
const WBEMCLI_SNIPPET = `
typedef enum tag_WBEM_STATUS_TYPE {
    WBEM_STATUS_COMPLETE = 0,
    WBEM_STATUS_REQUIREMENTS = 1
} WBEM_STATUS_TYPE;
typedef enum tag_WBEMSTATUS {
    WBEM_NO_ERROR = 0,
    WBEM_S_NO_ERROR = 0,
    WBEM_S_FALSE = 1,
    WBEM_S_ALREADY_EXISTS = 0x40001,
    WBEM_E_FAILED = 0x80041001,
    WBEM_E_NOT_FOUND,   /* implicit: 0x80041002 */
    WBEM_E_ACCESS_DENIED = 0x80041003L,
    WBEM_E_ALIAS = WBEM_E_FAILED,
    WBEMESS_E_REGISTRATION_TOO_BROAD = 0x80042001,
    WBEMMOF_E_INVALID_DELETECLASS_SYNTAX = 0x80044031
} WBEMSTATUS;
`;

describe('parseEnumMembers', () => {
  it('reads the members of the named enum, by tag or typedef name', () => {
    const byTag = parseEnumMembers(WBEMCLI_SNIPPET, 'tag_WBEMSTATUS');
    assert.deepEqual(parseEnumMembers(WBEMCLI_SNIPPET, 'WBEMSTATUS'), byTag);
    assert.deepEqual(
      byTag.map((m) => [m.symbol, m.value]),
      [
        ['WBEM_NO_ERROR', 0],
        ['WBEM_S_NO_ERROR', 0],
        ['WBEM_S_FALSE', 1],
        ['WBEM_S_ALREADY_EXISTS', 0x40001],
        ['WBEM_E_FAILED', 0x80041001],
        ['WBEM_E_NOT_FOUND', 0x80041002],
        ['WBEM_E_ACCESS_DENIED', 0x80041003],
        ['WBEM_E_ALIAS', 0x80041001],
        ['WBEMESS_E_REGISTRATION_TOO_BROAD', 0x80042001],
        ['WBEMMOF_E_INVALID_DELETECLASS_SYNTAX', 0x80044031],
      ],
    );
  });
  it('returns nothing for an enum that is not there', () => {
    assert.deepEqual(parseEnumMembers(WBEMCLI_SNIPPET, 'tag_NOPE'), []);
  });
});

/** Like system-error-codes--*.md: anchor, bold symbol, `N (0xN)`, message paragraphs. */
const SYSTEM_DOC_SNIPPET = `---
description: Describes error codes 0-499 defined in the WinError.h header file.
title: System Error Codes (0-499) (WinError.h)
---

# System Error Codes (0-499)

The following list describes [system error codes](system-error-codes.md) (errors 0 to 499).

<span id="ERROR_SUCCESS"></span><span id="error_success"></span>**ERROR\\_SUCCESS**
   

0 (0x0)
 



The operation completed successfully.


   

<span id="ERROR_ACCESS_DENIED"></span><span id="error_access_denied"></span>**ERROR\\_ACCESS\\_DENIED**
   

5 (0x5)
 



Access is denied.


   

<span id="ERROR_INCOMPATIBLE_SERVICE_SID_TYPE"></span><span id="error_incompatible_service_sid_type"></span>**ERROR\\_INCOMPATIBLE\\_SERVICE\\_SID\\_TYPE**

1290 (0x50A)

The service start failed since one or more services in the same process have an incompatible service SID type setting.

On Windows\u00a0Server\u00a02003, an unrestricted service cannot coexist [with others](x.md).

<span id="ERROR_INTERNET__"></span><span id="error_internet__"></span>**ERROR\\_INTERNET\\_\\***

12000 - 12175 (0x2EE0)

See [Internet Error Codes](../wininet/wininet-errors.md) and WinInet.h.

<span id="ERROR_META_EXPANSION_TOO_LONG"></span>**ERROR\\_META\\_EXPANSION\\_TOO\\_LONG**

208 (0xD0)

The global filename characters, \\* or ?, are entered incorrectly.

## Requirements

| Requirement | Value |
|-------------------------------------|-------------|
| Header<br/>                   |  WinError.h  |
`;

/** Like com-error-codes-1..8.md: one table row per code. */
const COM_TABLE_SNIPPET = `---
title: COM Error Codes (Generic) (Winerror.h)
api_name:
- E_UNEXPECTED
---

# COM Error Codes (Generic)

| Constant/value | Description |
|:---------------|:------------|
| <span id="E_UNEXPECTED"></span><span id="e_unexpected"></span><dl> <dt>**E\\_UNEXPECTED**</dt> <dt>0x8000FFFF</dt> </dl>                                                     | Catastrophic failure<br/>                                  |
| <span id="E_ACCESSDENIED"></span><span id="e_accessdenied"></span><dl> <dt>**E\\_ACCESSDENIED**</dt> <dt>0x80070005</dt> </dl>                                                | General access denied error<br/>                           |
| <span id="TPM_20_E_INSUFFICIENT"></span><span id="tpm_20_e_insufficient"></span><dl> <dt>>**TPM\\_20\\_E\\_INSUFFICIENT**</dt> <dt>0x8028009A</dt> </dl> | TPM 2.0: not enough octets.<br/> |
| <span id="TPM_20_E_PRIVATE"></span><span id="tpm_20_e_private"></span><dl> <dt>**TPM\\_20\\_E\\_PRIVATE**</dt> <dt>0x80280010B</dt> </dl> | TPM 2.0: TPM_RC_PRIVATE error.<br/> |
| <span id="CO_E_WRONGTRUSTEENAMESYNTAX"></span><dl> <dt>**CO\\_E\\_WRONGTRUSTEENAMESYNTAX**</dt> <dt>0x80010148</dt> </dl> | One of the trustee strings did not conform to the &lt;Domain&gt;\\\\&lt;Name&gt; syntax and it was not the "\\*" string<br/> |

Some prose after the table.

## Requirements
`;

/** Like com-error-codes-9/10.md and wmi-error-constants.md: definition lists. */
const DL_SNIPPET = `# WMI Error Constants

<dl> <dt>

<span id="0x80041068_-_0x80041099"></span><span id="0X80041068_-_0X80041099"></span>0x80041068 - 0x80041099
</dt> <dd>
Errors that originate in WMI itself.
</dd> </dl>

<dl> <dt>

<span id="WBEM_E_FAILED"></span><span id="wbem_e_failed"></span>**WBEM\\_E\\_FAILED**
</dt> <dd> <dl> <dt>

2147749889 (0x80041001)
</dt> <dt>



Call failed.


</dt> </dl> </dd> <dt>

<span id="WBEM_E_METHOD_DISABLED"></span><span id="wbem_e_method_disabled"></span>**WBEM\\_E\\_METHOD\\_DISABLED**
</dt> <dd> <dl> <dt>


</dt> <dt>



Attempt was made to execute a method marked with \\[disabled\\].


</dt> </dl> </dd> <dt>

<span id="WBEM_E_PROVIDER_ALREADY_REGISTERED"></span>**WBEM\\_E\\_PROVIDER\\_ALREADY\\_REGISTERED**
</dt> <dd> <dl> <dt>

02147750020 (0x119FD010)
</dt> <dt>

Provider cannot be registered because it is already registered.

</dt> </dl> </dd> <dt>
<span id="UI_E_CREATE_FAILED"></span><span id="ui_e_create_failed"></span>**UI\\_E\\_CREATE\\_FAILED**
</dt> <dd> <dl> <dt>
0x802A0001
</dt> <dt>
The object could not be created.
</dt> </dl> </dd> <dt>

<span id="WBEMMOF_E_INVALID_DELETEINSTANCE_SYNTAX"></span>**WBEMMOF\\_E\\_INVALID\\_DELETEINSTANCE\\_SYNTAX**
</dt> <dd> <dl> <dt>

2147762224 (0x80044030)
</dt> <dt>

The delete instance syntax is not valid. It should be \`#pragma DeleteInstance("instancepath", FAIL|NOFAIL)\`

</dt> </dl> </dd> </dl>

## Requirements

| Requirement | Value |
|-------------|-------|
| Header<br/> | <dl> <dt>WbemCli.h</dt> </dl> |
`;

describe('parseDocEntries', () => {
  it('reads the system error code lists: symbol, code number, message', () => {
    const entries = parseDocEntries(SYSTEM_DOC_SNIPPET);
    assert.deepEqual(entries.slice(0, 2), [
      { symbol: 'ERROR_SUCCESS', value: 0, message: 'The operation completed successfully.' },
      { symbol: 'ERROR_ACCESS_DENIED', value: 5, message: 'Access is denied.' },
    ]);
  });
  it('joins the paragraphs of a message, removes links, turns no-break spaces into spaces', () => {
    const e = parseDocEntries(SYSTEM_DOC_SNIPPET).find((x) => x.symbol === 'ERROR_INCOMPATIBLE_SERVICE_SID_TYPE');
    assert.deepEqual(e, {
      symbol: 'ERROR_INCOMPATIBLE_SERVICE_SID_TYPE',
      value: 1290,
      message:
        'The service start failed since one or more services in the same process have an incompatible service SID type setting. On Windows Server 2003, an unrestricted service cannot coexist with others.',
    });
  });
  it('skips ranges (ERROR_INTERNET_*), stops the last message at the next heading', () => {
    const entries = parseDocEntries(SYSTEM_DOC_SNIPPET);
    assert.deepEqual(
      entries.map((e) => e.symbol),
      ['ERROR_SUCCESS', 'ERROR_ACCESS_DENIED', 'ERROR_INCOMPATIBLE_SERVICE_SID_TYPE', 'ERROR_META_EXPANSION_TOO_LONG'],
    );
    assert.equal(entries[3]?.message, 'The global filename characters, * or ?, are entered incorrectly.');
  });
  it('reads the COM tables: one row per code, hex value, message cell', () => {
    const entries = parseDocEntries(COM_TABLE_SNIPPET);
    assert.deepEqual(entries[0], { symbol: 'E_UNEXPECTED', value: 0x8000ffff, message: 'Catastrophic failure' });
    assert.deepEqual(entries[1], { symbol: 'E_ACCESSDENIED', value: 0x80070005, message: 'General access denied error' });
    assert.deepEqual(entries[2], { symbol: 'TPM_20_E_INSUFFICIENT', value: 0x8028009a, message: 'TPM 2.0: not enough octets.' });
    assert.equal(entries.length, 5, 'prose after the table is no entry and joins no message');
  });
  it('keeps a documented value that is not a 32-bit number as null, with the message', () => {
    const e = parseDocEntries(COM_TABLE_SNIPPET).find((x) => x.symbol === 'TPM_20_E_PRIVATE');
    assert.deepEqual(e, { symbol: 'TPM_20_E_PRIVATE', value: null, message: 'TPM 2.0: TPM_RC_PRIVATE error.' });
  });
  it('decodes entities and escapes in messages', () => {
    const e = parseDocEntries(COM_TABLE_SNIPPET).find((x) => x.symbol === 'CO_E_WRONGTRUSTEENAMESYNTAX');
    assert.equal(e?.message, 'One of the trustee strings did not conform to the <Domain>\\<Name> syntax and it was not the "*" string');
  });
  it('reads the definition lists of the COM and WMI pages (decimal with hex, or hex)', () => {
    const entries = parseDocEntries(DL_SNIPPET);
    assert.deepEqual(entries[0], { symbol: 'WBEM_E_FAILED', value: 0x80041001, message: 'Call failed.' });
    assert.deepEqual(
      entries.find((e) => e.symbol === 'UI_E_CREATE_FAILED'),
      { symbol: 'UI_E_CREATE_FAILED', value: 0x802a0001, message: 'The object could not be created.' },
    );
  });
  it('keeps entries whose value is missing or contradictory as null, with their message', () => {
    const entries = parseDocEntries(DL_SNIPPET);
    assert.deepEqual(
      entries.find((e) => e.symbol === 'WBEM_E_METHOD_DISABLED'),
      { symbol: 'WBEM_E_METHOD_DISABLED', value: null, message: 'Attempt was made to execute a method marked with [disabled].' },
    );
    assert.equal(entries.find((e) => e.symbol === 'WBEM_E_PROVIDER_ALREADY_REGISTERED')?.value, null);
  });
  it('strips code spans and keeps | inside a message', () => {
    const e = parseDocEntries(DL_SNIPPET).find((x) => x.symbol === 'WBEMMOF_E_INVALID_DELETEINSTANCE_SYNTAX');
    assert.equal(e?.message, 'The delete instance syntax is not valid. It should be #pragma DeleteInstance("instancepath", FAIL|NOFAIL)');
    assert.equal(e?.value, 0x80044030);
  });
  it('ignores range anchors without a bold symbol', () => {
    assert.ok(parseDocEntries(DL_SNIPPET).every((e) => /^[A-Z]/.test(e.symbol)));
  });
});

describe('markdownToText', () => {
  it('removes links, bold, escapes, tags; decodes entities', () => {
    assert.equal(markdownToText('See [**GetLastError**](/x/y.md) for ERROR\\_X &amp; <b>more</b>.'), 'See GetLastError for ERROR_X & more.');
  });
  it('returns one paragraph per line', () => {
    assert.equal(markdownToText('one\n  two\n\n\nthree<br/>four'), 'one\ntwo\nthree\nfour');
  });
});

describe('isCodeSymbol and classifyKind', () => {
  it('leaves out facilities, severities, range markers and guards', () => {
    for (const s of ['FACILITY_WIN32', 'SEVERITY_ERROR', 'OLE_E_FIRST', 'CO_S_LAST', 'DNS_ERROR_ZONE_BASE', 'WSABASEERR', 'DNS_ERROR_MASK', '_WINERROR_']) {
      assert.equal(isCodeSymbol(s), false, s);
    }
    for (const s of ['ERROR_ACCESS_DENIED', 'ERROR_IMAGE_NOT_AT_BASE', 'ERROR_LAST_ADMIN', 'ERROR_IPSEC_IKE_NEG_STATUS_END', 'TPM_E_ERROR_MASK', 'E_FAIL']) {
      assert.equal(isCodeSymbol(s), true, s);
    }
  });
  it('classifies by family, then by typing and size', () => {
    assert.equal(classifyKind('ERROR_ACCESS_DENIED', 5, false), 'win32');
    assert.equal(classifyKind('RPC_S_SERVER_UNAVAILABLE', 1722, false), 'win32');
    assert.equal(classifyKind('S_FALSE', 1, true), 'hresult');
    assert.equal(classifyKind('E_ACCESSDENIED', 0x80070005, true), 'hresult');
    assert.equal(classifyKind('ERROR_GRAPHICS_X', 0xc0262000, false), 'hresult');
    assert.equal(classifyKind('WBEM_E_FAILED', 0x80041001, true), 'wmi');
    assert.equal(classifyKind('ERROR_INTERNET_TIMEOUT', 12002, false), 'wininet');
    assert.equal(classifyKind('ERROR_WINHTTP_TIMEOUT', 12002, false), 'winhttp');
    assert.equal(classifyKind('BG_E_NOT_FOUND', 0x80200001, true), 'bits');
    assert.equal(classifyKind('WU_E_NO_SERVICE', 0x80240001, true), 'windowsUpdate');
    assert.equal(classifyKind('X', 0x87d00215, true), 'configmgr');
  });
});

describe('buildCatalog', () => {
  const { records, warnings, stats } = buildCatalog({
    headers: [{ name: 'winerror.h', text: WINERROR_SNIPPET }],
    enums: [{ name: 'wbemcli.h', text: WBEMCLI_SNIPPET, enumName: 'tag_WBEMSTATUS', kind: 'wmi' }],
    docs: [
      { name: 'system.md', text: SYSTEM_DOC_SNIPPET, hresults: false },
      { name: 'com.md', text: COM_TABLE_SNIPPET, hresults: true },
      { name: 'wmi.md', text: DL_SNIPPET, hresults: true },
    ],
  });
  const find = (s: string) => records.find((r) => r.symbol === s);

  it('takes symbols and values from the headers, messages from the docs', () => {
    assert.deepEqual(find('ERROR_ACCESS_DENIED'), { value: 5, symbol: 'ERROR_ACCESS_DENIED', message: 'Access is denied.', kind: 'win32' });
    assert.deepEqual(find('E_ACCESSDENIED'), { value: 0x80070005, symbol: 'E_ACCESSDENIED', message: 'General access denied error', kind: 'hresult' });
    assert.deepEqual(find('WBEM_E_FAILED'), { value: 0x80041001, symbol: 'WBEM_E_FAILED', message: 'Call failed.', kind: 'wmi' });
    assert.deepEqual(find('RPC_S_SERVER_UNAVAILABLE'), { value: 1722, symbol: 'RPC_S_SERVER_UNAVAILABLE', message: null, kind: 'win32' });
  });
  it('adds the documented codes no header defines; drops those without a readable value', () => {
    assert.deepEqual(find('E_UNEXPECTED'), { value: 0x8000ffff, symbol: 'E_UNEXPECTED', message: 'Catastrophic failure', kind: 'hresult' });
    assert.deepEqual(find('UI_E_CREATE_FAILED')?.kind, 'hresult');
    assert.equal(find('TPM_20_E_PRIVATE'), undefined);
    assert.ok(warnings.some((w) => w.symbol === 'TPM_20_E_PRIVATE'));
    assert.ok(stats.fromDocsOnly >= 4);
  });
  it('keeps the header value where the docs value is unreadable, with the docs message', () => {
    assert.deepEqual(find('WBEM_E_PROVIDER_ALREADY_REGISTERED'), undefined, 'not in the enum snippet: docs-only with a null value');
    const { records: r2, warnings: w2 } = buildCatalog({
      headers: [{ name: 'h', text: '#define E_ACCESSDENIED _HRESULT_TYPEDEF_(0x80070005L)\n#define X_E_TYPO _HRESULT_TYPEDEF_(0x00090366L)' }],
      enums: [],
      docs: [{ name: 'd', text: '| <span id="X_E_TYPO"></span><dl> <dt>**X\\_E\\_TYPO**</dt> <dt>0x80090366</dt> </dl> | Typo value.<br/> |', hresults: true }],
    });
    assert.deepEqual(r2.find((r) => r.symbol === 'X_E_TYPO'), { value: 0x00090366, symbol: 'X_E_TYPO', message: 'Typo value.', kind: 'hresult' });
    assert.ok(w2.some((w) => w.symbol === 'X_E_TYPO'));
  });
  it('puts the primary symbol first, aliases take its message', () => {
    const zero = records.filter((r) => r.kind === 'win32' && r.value === 0).map((r) => r.symbol);
    assert.deepEqual(zero, ['ERROR_SUCCESS', 'NO_ERROR']);
    assert.equal(find('NO_ERROR')?.message, 'The operation completed successfully.');
    const hzero = records.filter((r) => r.kind === 'hresult' && r.value === 0).map((r) => r.symbol);
    assert.equal(hzero[0], 'S_OK');
    const wzero = records.filter((r) => r.kind === 'wmi' && r.value === 0).map((r) => r.symbol);
    assert.equal(wzero[0], 'WBEM_S_NO_ERROR');
  });
  it('gives HRESULT_FROM_WIN32 codes without a message their Win32 message', () => {
    const { records: r2 } = buildCatalog({
      headers: [{ name: 'h', text: '#define ERROR_NOT_FOUND 1168L\n#define E_NOT_SET HRESULT_FROM_WIN32(ERROR_NOT_FOUND)' }],
      enums: [],
      docs: [{ name: 'd', text: '<span id="ERROR_NOT_FOUND"></span>**ERROR\\_NOT\\_FOUND**\n\n1168 (0x490)\n\nElement not found.\n', hresults: false }],
    });
    assert.deepEqual(r2.find((r) => r.symbol === 'E_NOT_SET'), { value: 0x80070490, symbol: 'E_NOT_SET', message: 'Element not found.', kind: 'hresult' });
  });
  it('has one record per symbol, no range markers, sorted by kind then value', () => {
    const symbols = records.map((r) => r.symbol);
    assert.equal(new Set(symbols).size, symbols.length);
    assert.ok(!symbols.includes('OLE_E_FIRST') && !symbols.includes('WSABASEERR') && !symbols.includes('FACILITY_WIN32'));
    for (let i = 1; i < records.length; i++) {
      const a = records[i - 1] as (typeof records)[number];
      const b = records[i] as (typeof records)[number];
      const ka = CATALOG_KINDS.indexOf(a.kind);
      const kb = CATALOG_KINDS.indexOf(b.kind);
      assert.ok(ka < kb || (ka === kb && a.value <= b.value), `${a.symbol} before ${b.symbol}`);
    }
  });
});

describe('buildCatalog: optional headers (wininet.h, winhttp.h, bitsmsg.h)', () => {
  const { records } = buildCatalog({
    headers: [
      { name: 'winerror.h', text: '#define ERROR_ACCESS_DENIED 5L' },
      {
        name: 'wininet.h',
        text: '#define INTERNET_FLAG_RELOAD 0x80000000\n#define INTERNET_ERROR_BASE 12000\n#define ERROR_INTERNET_TIMEOUT (INTERNET_ERROR_BASE + 2)\n#define ERROR_HTTP_HEADER_NOT_FOUND (INTERNET_ERROR_BASE + 150)\n#define INTERNET_ERROR_LAST ERROR_HTTP_HEADER_NOT_FOUND',
      },
      { name: 'winhttp.h', text: '#define WINHTTP_FLAG_SECURE 0x00800000\n#define WINHTTP_ERROR_BASE 12000\n#define ERROR_WINHTTP_TIMEOUT (WINHTTP_ERROR_BASE + 2)' },
      { name: 'bitsmsg.h', text: '#define BG_E_NOT_FOUND 0x80200001L\n#define BG_E_HTTP_ERROR_404 0x80190194L\n#define BITS_MC_JOB_CANCELLED 0x80194000L' },
    ],
    enums: [],
    docs: [],
  });
  it('takes only the error codes of those headers, with their own kinds', () => {
    assert.deepEqual(
      records.map((r) => [r.kind, r.value, r.symbol]),
      [
        ['win32', 5, 'ERROR_ACCESS_DENIED'],
        ['bits', 0x80190194, 'BG_E_HTTP_ERROR_404'],
        ['bits', 0x80194000, 'BITS_MC_JOB_CANCELLED'],
        ['bits', 0x80200001, 'BG_E_NOT_FOUND'],
        ['winhttp', 12002, 'ERROR_WINHTTP_TIMEOUT'],
        ['wininet', 12002, 'ERROR_INTERNET_TIMEOUT'],
        ['wininet', 12150, 'ERROR_HTTP_HEADER_NOT_FOUND'],
      ],
    );
  });
});

describe('renderCatalogModule', () => {
  const records = [
    { value: 5, symbol: 'ERROR_ACCESS_DENIED', message: 'Access is denied.', kind: 'win32' as const },
    { value: 7053, symbol: 'ERROR_NO_MESSAGE', message: null, kind: 'win32' as const },
    { value: 0x80070005, symbol: 'E_ACCESSDENIED', message: "It's a back\\slash | pipe", kind: 'hresult' as const },
  ];
  const out = renderCatalogModule(records, { sources: ['winerror.h (sha256 0123)'], command: 'node scripts/generate-error-catalog.mjs <sources>' });
  it('writes the header: generated, do not edit, the command and sources', () => {
    assert.match(out, /^\/\/ GENERATED FILE, DO NOT EDIT/);
    assert.match(out, /node scripts\/generate-error-catalog\.mjs <sources>/);
    assert.match(out, /winerror\.h \(sha256 0123\)/);
    assert.match(out, /3 entries: win32 2, hresult 1, wmi 0/);
  });
  it('writes one escaped row per entry under its kind, every kind present', () => {
    assert.ok(out.includes("'5|ERROR_ACCESS_DENIED|Access is denied.',"));
    assert.ok(out.includes("'7053|ERROR_NO_MESSAGE',"));
    assert.ok(out.includes("'0x80070005|E_ACCESSDENIED|It\\'s a back\\\\slash | pipe',"));
    for (const k of CATALOG_KINDS) assert.match(out, new RegExp(`^    ${k}: \\[`, 'm'));
  });
  it('formats rows: decimal for Win32, padded hex for HRESULTs', () => {
    assert.equal(formatRow({ value: 1722, symbol: 'RPC_S_SERVER_UNAVAILABLE', message: 'The RPC server is unavailable.', kind: 'win32' }), '1722|RPC_S_SERVER_UNAVAILABLE|The RPC server is unavailable.');
    assert.equal(formatRow({ value: 1, symbol: 'S_FALSE', message: null, kind: 'hresult' }), '0x00000001|S_FALSE');
  });
});

// ------------------------------------------------------------------------------------------------
// (b) The generated catalogue

const countOf = (kind: CatalogKind): number => allSymbols().filter((s) => entryForSymbol(s)?.kind === kind).length;
const only = (entries: readonly CatalogEntry[]): CatalogEntry => {
  assert.ok(entries.length >= 1, 'expected an entry');
  return entries[0] as CatalogEntry;
};

describe('generated catalogue: size and shape', () => {
  it('holds thousands of entries', () => {
    assert.ok(catalogSize() > 5500, `size ${catalogSize()}`);
    assert.ok(countOf('win32') > 3000, `win32 ${countOf('win32')}`);
    assert.ok(countOf('hresult') > 2500, `hresult ${countOf('hresult')}`);
    assert.ok(countOf('wmi') > 180, `wmi ${countOf('wmi')}`);
  });
  it('has one entry per symbol, every symbol an identifier', () => {
    const symbols = allSymbols();
    assert.equal(symbols.length, catalogSize());
    assert.equal(new Set(symbols.map((s) => s.toUpperCase())).size, symbols.length);
    for (const s of symbols) assert.match(s, /^[A-Za-z][A-Za-z0-9_]*$/);
  });
  it('keeps Win32 codes 16-bit and every message non-empty', () => {
    for (const s of allSymbols()) {
      const e = entryForSymbol(s) as CatalogEntry;
      assert.ok(e.value >= 0 && e.value <= 0xffffffff);
      if (e.kind === 'win32') assert.ok(e.value <= 0xffff, s);
      if (e.message !== null) assert.ok(e.message.trim() === e.message && e.message !== '' && !e.message.includes('**'), s);
    }
  });
  it('has messages for most entries', () => {
    const withMessage = allSymbols().filter((s) => entryForSymbol(s)?.message !== null).length;
    assert.ok(withMessage > 4000, `with message ${withMessage}`);
  });
});

describe('generated catalogue: spot values', () => {
  it('Win32 5 and E_ACCESSDENIED 0x80070005 (via describeValue: both)', () => {
    assert.deepEqual(only(entriesForValue(5, 'win32')), { value: 5, symbol: 'ERROR_ACCESS_DENIED', message: 'Access is denied.', kind: 'win32' });
    assert.deepEqual(only(entriesForValue(0x80070005)), { value: 0x80070005, symbol: 'E_ACCESSDENIED', message: 'General access denied error', kind: 'hresult' });
    assert.deepEqual(
      describeValue(0x80070005).map((e) => e.symbol),
      ['E_ACCESSDENIED', 'ERROR_ACCESS_DENIED'],
    );
    assert.deepEqual(describeValue(-2147024891), describeValue(0x80070005));
  });
  it('1722 RPC_S_SERVER_UNAVAILABLE, also for 0x800706BA', () => {
    assert.deepEqual(only(entriesForValue(1722)), { value: 1722, symbol: 'RPC_S_SERVER_UNAVAILABLE', message: 'The RPC server is unavailable.', kind: 'win32' });
    assert.deepEqual(entriesForValue(0x800706ba), []);
    assert.equal(only(describeValue(0x800706ba)).symbol, 'RPC_S_SERVER_UNAVAILABLE');
  });
  it('0x8007052E is Win32 1326 ERROR_LOGON_FAILURE', () => {
    assert.equal(win32FromHResult(0x8007052e), 1326);
    assert.deepEqual(only(describeValue(0x8007052e)), { value: 1326, symbol: 'ERROR_LOGON_FAILURE', message: 'The user name or password is incorrect.', kind: 'win32' });
  });
  it('WMI 0x80041003, 0x8004100E, 0x80041013', () => {
    assert.deepEqual(only(entriesForValue(0x80041003)), {
      value: 0x80041003,
      symbol: 'WBEM_E_ACCESS_DENIED',
      message: 'Current user does not have permission to perform the action.',
      kind: 'wmi',
    });
    assert.equal(only(entriesForValue(0x8004100e, 'wmi')).message, 'Namespace specified cannot be found.');
    assert.match(entryForSymbol('WBEM_E_PROVIDER_LOAD_FAILURE')?.message ?? '', /^COM cannot locate a provider referenced in the schema\./);
  });
  it('COM RPC_E_* codes', () => {
    assert.deepEqual(only(entriesForValue(0x80010111)), {
      value: 0x80010111,
      symbol: 'RPC_E_INVALID_HEADER',
      message: 'OLE received a packet with an invalid header.',
      kind: 'hresult',
    });
    assert.equal(entryForSymbol('RPC_E_ACCESS_DENIED')?.value, 0x8001011b);
    assert.equal(entryForSymbol('RPC_E_ACCESS_DENIED')?.message, 'Access is denied.');
    assert.equal(entryForSymbol('CO_E_SERVER_EXEC_FAILURE')?.value, 0x80080005);
    assert.equal(entryForSymbol('REGDB_E_CLASSNOTREG')?.message, 'Class not registered');
    assert.equal(entryForSymbol('E_FAIL')?.message, 'Unspecified error');
  });
  it('other DCOM-hardening neighbours', () => {
    assert.equal(entryForSymbol('EPT_S_NOT_REGISTERED')?.value, 1753);
    assert.equal(entryForSymbol('OR_INVALID_OXID')?.message, 'The object exporter specified was not found.');
    assert.equal(entryForSymbol('RPC_S_SEC_PKG_ERROR')?.value, 1825);
    assert.equal(entryForSymbol('ERROR_BAD_NETPATH')?.message, 'The network path was not found.');
    assert.equal(entryForSymbol('WSAETIMEDOUT')?.value, 10060);
  });
  it('value 0 is ERROR_SUCCESS, S_OK and WBEM_S_NO_ERROR, primary first in each kind', () => {
    assert.equal(only(entriesForValue(0, 'win32')).symbol, 'ERROR_SUCCESS');
    assert.equal(only(entriesForValue(0, 'hresult')).symbol, 'S_OK');
    assert.equal(only(entriesForValue(0, 'wmi')).symbol, 'WBEM_S_NO_ERROR');
    assert.ok(entriesForValue(0).length >= 5);
  });
  it('symbols are case-insensitive; a message may contain |', () => {
    assert.equal(entryForSymbol('e_accessdenied')?.value, 0x80070005);
    assert.equal(entryForSymbol(' Rpc_S_Server_Unavailable ')?.value, 1722);
    assert.match(entryForSymbol('WBEMMOF_E_INVALID_DELETEINSTANCE_SYNTAX')?.message ?? '', /FAIL\|NOFAIL/);
    assert.equal(entryForSymbol('NOT_A_SYMBOL'), undefined);
  });
  it('12002 and 0x80072EE2: no WinINet/WinHTTP source, so nothing (not invented)', () => {
    assert.deepEqual(entriesForValue(12002), []);
    assert.deepEqual(describeValue(0x80072ee2), []);
  });
  it('no ConfigMgr, BITS, WinHTTP, WinINet or Windows Update entries without a source', () => {
    for (const k of ['configmgr', 'bits', 'winhttp', 'wininet', 'windowsUpdate'] as const) assert.equal(countOf(k), 0, k);
    assert.deepEqual(entriesForValue(0x87d00215), []);
  });
  it('converts signed values and rejects non-32-bit ones', () => {
    assert.equal(toUnsigned32(-2147023174), 0x800706ba);
    assert.equal(toUnsigned32(0x100000000), undefined);
    assert.equal(toUnsigned32(1.5), undefined);
    assert.deepEqual(entriesForValue(Number.NaN), []);
  });
});
