/**
 * Diagnostic texts in English and Japanese. Japanese follows Microsoft's product terms
 * (累積更新プログラム, 配布ポイント, SMS プロバイダー, DCOM の強化).
 */
import type { CodeToken } from '../analysis/errorCodes';
import { formatHresult } from '../analysis/errorCodes';
import type { ClientActivationDetails, ServerRejectionDetails } from '../analysis/dcomEvents';
import type { FailureContext, LogFinding } from '../analysis/findings';
import type { Locale, Localized } from './locale';

type CodeName = Localized<string>;

const CODE_NAMES: Readonly<Record<LogFinding['code'], CodeName>> = {
  'access-denied': { en: 'access denied', ja: 'アクセス拒否' },
  'rpc-unavailable': { en: 'RPC server unavailable', ja: 'RPC サーバーを利用できません' },
  'wmi-access-denied': { en: 'WMI access denied', ja: 'WMI アクセス拒否' },
};

const CONTEXT_TEXT: Readonly<Record<FailureContext, Localized<string>>> = {
  consoleToProvider: {
    en: 'The console could not connect to the SMS Provider. This is the DCOM hardening symptom (KB5004442): install the latest Windows cumulative update on both the console machine and the SMS Provider, and use Configuration Manager 2203 or later.',
    ja: 'コンソールが SMS プロバイダーに接続できませんでした。DCOM の強化 (KB5004442) の症状です。コンソールのコンピューターと SMS プロバイダーの両方に最新の Windows 累積更新プログラムをインストールし、Configuration Manager 2203 以降を使用してください。',
  },
  siteServerToDistributionPoint: {
    en: 'The site server failed talking to a distribution point. DCOM hardening (KB5004442) is a likely cause when the site server and the distribution point are not both on current Windows cumulative updates; also check the site server account’s rights on the distribution point.',
    ja: 'サイト サーバーと配布ポイントの間の通信が失敗しました。サイト サーバーと配布ポイントの両方に最新の Windows 累積更新プログラムが適用されていない場合、DCOM の強化 (KB5004442) が原因である可能性が高いです。配布ポイントに対するサイト サーバーのアカウントの権限も確認してください。',
  },
  remoteConnection: {
    en: 'A remote DCOM/WMI connection failed. Check DCOM hardening (KB5004442): both machines need the latest Windows cumulative update; look for events 10036 on the target and 10037/10038 on this machine.',
    ja: 'リモートの DCOM/WMI 接続が失敗しました。DCOM の強化 (KB5004442) を確認してください。両方のコンピューターに最新の Windows 累積更新プログラムが必要です。接続先のイベント 10036 と、このコンピューターのイベント 10037/10038 を確認してください。',
  },
  localResource: {
    en: 'A local file, folder or registry permission on this machine, not DCOM hardening.',
    ja: 'このコンピューター上のファイル、フォルダー、またはレジストリのアクセス許可の問題です。DCOM の強化とは関係ありません。',
  },
  unknown: {
    en: 'DCOM hardening (KB5004442) is a cause only if this was a remote DCOM/WMI connection; check the records around it.',
    ja: 'リモートの DCOM/WMI 接続だった場合に限り、DCOM の強化 (KB5004442) が原因となります。前後のレコードを確認してください。',
  },
};

const RPC_EXTRA: Localized<string> = {
  en: ' RPC server unavailable also means the target is off or unreachable, its name does not resolve, or RPC ports (135 and the dynamic range) are blocked.',
  ja: ' RPC サーバーを利用できない場合、接続先の停止、名前解決の失敗、RPC ポート (135 と動的ポート範囲) のブロックも考えられます。',
};

const WMI_TEXT: Localized<string> = {
  en: 'WMI namespace security (Enable Account / Remote Enable in WMI Control) refused the call. This is not DCOM hardening.',
  ja: 'WMI 名前空間のセキュリティ (WMI コントロールの「アカウントの有効化」/「リモートの有効化」) により拒否されました。DCOM の強化とは関係ありません。',
};

function writtenAs(token: CodeToken, written: string, locale: Locale): string {
  if (token.form === 'hex') return '';
  return locale === 'ja' ? ` (記載: ${written})` : ` (written as ${written})`;
}

export function logFindingMessage(finding: LogFinding, written: string, locale: Locale): string {
  const head = `${formatHresult(finding.token.value)} ${CODE_NAMES[finding.code][locale]}${writtenAs(finding.token, written, locale)}: `;
  if (finding.code === 'wmi-access-denied') return head + WMI_TEXT[locale];
  const extra = finding.code === 'rpc-unavailable' && finding.context !== 'localResource' ? RPC_EXTRA[locale] : '';
  return head + CONTEXT_TEXT[finding.context][locale] + extra;
}

function v(field: { value: string } | null, fallback = '?'): string {
  const value = field?.value.trim();
  return value ? value : fallback;
}

export function serverRejectionMessage(d: ServerRejectionDetails, locale: Locale): string {
  const who = `${v(d.domain)}\\${v(d.user)}`;
  if (locale === 'ja') {
    return `DCOM イベント 10036 (サーバー側): ${v(d.clientAddress)} からのユーザー ${who} (${v(d.sid)}) によるアクティブ化が、パケットの整合性 (RPC_C_AUTHN_LEVEL_PKT_INTEGRITY) 未満の認証レベルのため拒否されました。DCOM の強化 (KB5004442) です。接続元のコンピューターに最新の Windows 累積更新プログラムをインストールしてください。`;
  }
  return `DCOM event 10036 (server side): activation by ${who} (${v(d.sid)}) from ${v(d.clientAddress)} was refused because its authentication level is below packet integrity (RPC_C_AUTHN_LEVEL_PKT_INTEGRITY). This is DCOM hardening (KB5004442): install the latest Windows cumulative update on the connecting machine.`;
}

export function clientActivationMessage(d: ClientActivationDetails, locale: Locale): string {
  const explicit = d.eventId === 10037;
  if (locale === 'ja') {
    const how = explicit ? '明示的に設定された' : '既定の';
    return `DCOM イベント ${d.eventId} (クライアント側): ${v(d.application)} (PID ${v(d.processId)}) が、コンピューター ${v(d.computer)} 上の CLSID ${v(d.clsid)} を${how}認証レベル ${v(d.authenticationLevel)} でアクティブ化しようとしました。DCOM の強化 (KB5004442) により、5 (RPC_C_AUTHN_LEVEL_PKT_INTEGRITY) 以上が必要です。`;
  }
  const how = explicit ? 'an explicitly set' : 'the default';
  return `DCOM event ${d.eventId} (client side): ${v(d.application)} (PID ${v(d.processId)}) asked to activate CLSID ${v(d.clsid)} on computer ${v(d.computer)} with ${how} authentication level ${v(d.authenticationLevel)}. DCOM hardening (KB5004442) requires at least 5 (RPC_C_AUTHN_LEVEL_PKT_INTEGRITY).`;
}

export const HARDENING_ARTICLE: Localized<string> = {
  en: 'https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/console-management/dcom-hardening-change-effect',
  ja: 'https://learn.microsoft.com/ja-jp/troubleshoot/mem/configmgr/console-management/dcom-hardening-change-effect',
};

export const WMI_ERRORS_ARTICLE: Localized<string> = {
  en: 'https://learn.microsoft.com/en-us/windows/win32/wmisdk/wmi-error-constants',
  ja: 'https://learn.microsoft.com/ja-jp/windows/win32/wmisdk/wmi-error-constants',
};
