/**
 * The error codes that DCOM hardening failures show in ConfigMgr logs, and every way logs write them.
 *
 * Sources: Microsoft Learn "Issues in Configuration Manager after installing June 2022 security updates
 * for Windows" (0x80070005, 0x800706BA as the symptoms); KB317872 (signed decimal forms in AdminUI.log);
 * Win32 system error code docs and their ja-JP pages (the message texts); mingw-w64 winerror.h and
 * wbemcli.h (symbols and values).
 */

export const E_ACCESSDENIED = 0x80070005;
export const RPC_SERVER_UNAVAILABLE = 0x800706ba;
export const WBEM_E_ACCESS_DENIED = 0x80041003;

/** Symbols that stand for a code when written alone (`E_ACCESSDENIED`). */
export const CODE_SYMBOLS: ReadonlyMap<string, number> = new Map([
  ['E_ACCESSDENIED', E_ACCESSDENIED],
  ['ERROR_ACCESS_DENIED', E_ACCESSDENIED],
  ['RPC_S_SERVER_UNAVAILABLE', RPC_SERVER_UNAVAILABLE],
  ['WBEM_E_ACCESS_DENIED', WBEM_E_ACCESS_DENIED],
]);

/**
 * System message texts, English and Japanese, as FormatMessage and .NET render them. The Japanese
 * text of 1722 is `RPC サーバーを利用できません` from the OS, `RPC サーバーが利用できません` in
 * translated documentation: both occur in what admins paste.
 */
export const CODE_MESSAGES: readonly { readonly pattern: string; readonly value: number }[] = [
  { pattern: 'Access is denied', value: E_ACCESSDENIED },
  { pattern: 'アクセスが拒否されました', value: E_ACCESSDENIED },
  { pattern: 'The RPC server is unavailable', value: RPC_SERVER_UNAVAILABLE },
  { pattern: 'RPC[ \u3000]?サーバー[をが]利用できません', value: RPC_SERVER_UNAVAILABLE },
];
