/**
 * The fix for each DCOM hardening symptom, in English and Japanese: what the hardening does, what to
 * install on which machine, how to see that it worked, and why the old registry opt-out is not a fix.
 *
 * Sources: Microsoft Learn "Issues in Configuration Manager after installing June 2022 security updates
 * for Windows" (the three symptoms; the fix: the latest Windows cumulative update on both the machine
 * that initiates the connection and the one that receives it, and Configuration Manager 2203 or later;
 * events 10036/10037/10038 need at least the October 2021 cumulative update; the registry value "will be
 * ignored starting from March 14, 2023"); KB5004442 (phases; the November 8, 2022 client auto-raise;
 * 10037/10038 "please contact the application vendor"); Japan ConfigMgr support blog 2023-08-13 (site
 * server and remote distribution point both need the March 2023 or a later cumulative update).
 *
 * Machine names come from logs and events: they reach the Markdown only through `code()`.
 */
import { code } from '../features/markdown';
import type { Locale, Localized } from '../i18n/locale';

/** The situations a fix is written for. */
export type FixSymptom =
  | 'consoleToProvider'
  | 'supportToolToClient'
  | 'siteServerToDistributionPoint'
  | 'remoteConnection'
  | 'thirdPartyApplication'
  | 'serverRejection';

export const FIX_SYMPTOMS: readonly FixSymptom[] = [
  'consoleToProvider',
  'supportToolToClient',
  'siteServerToDistributionPoint',
  'remoteConnection',
  'thirdPartyApplication',
  'serverRejection',
];

export function isFixSymptom(value: unknown): value is FixSymptom {
  return typeof value === 'string' && (FIX_SYMPTOMS as readonly string[]).includes(value);
}

/** `from`: the machine that connects (activates). `to`: the machine that receives the activation. */
export interface FixMachines {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export const REGISTRY_OPT_OUT_VALUE = 'RequireIntegrityActivationAuthenticationLevel';

/** Longest machine name shown (a DNS name is at most 253 characters). */
const MAX_MACHINE_NAME = 253;

interface FixText {
  readonly title: string;
  /** A short name of the symptom, for code action titles. */
  readonly label: string;
  /** What goes wrong in this situation, after the common explanation of the hardening. */
  readonly why: string;
  /** Trusted Markdown; `{from}` and `{to}` become the machines (named when known). */
  readonly steps: readonly string[];
  readonly verify: readonly string[];
}

interface FixEntry {
  /** What the two machines are in this situation, used when their names are unknown and before them. */
  readonly roles: Localized<{ readonly from: string; readonly to: string }>;
  readonly text: Localized<FixText>;
}

const HARDENING_WHY: Localized<string> = {
  en: 'DCOM hardening (KB5004442, CVE-2021-26414) makes the machine that receives a remote DCOM activation reject it when the authentication level is below `RPC_C_AUTHN_LEVEL_PKT_INTEGRITY` (packet integrity). It has been on by default since the Windows updates of June 14, 2022, and it cannot be turned off since the updates of March 14, 2023. When the receiving machine has these updates and the connecting machine (or the application on it) still activates at a lower level, the receiver logs event 10036 and the caller fails with access denied (`0x80070005`) or RPC server unavailable (`0x800706BA`). Since the November 8, 2022 updates, Windows raises the level of a caller automatically, so the cure is to bring both machines to current updates.',
  ja: 'DCOM の強化 (KB5004442、CVE-2021-26414) により、リモートの DCOM アクティブ化を受ける側のコンピューターは、認証レベルが `RPC_C_AUTHN_LEVEL_PKT_INTEGRITY` (パケットの整合性) 未満の要求を拒否します。2022 年 6 月 14 日の Windows 更新プログラムから既定で有効になり、2023 年 3 月 14 日の更新プログラム以降は無効にできません。接続を受ける側にこれらの更新プログラムが適用され、接続する側のコンピューター (またはそのアプリケーション) が低い認証レベルでアクティブ化すると、受ける側にイベント 10036 が記録され、接続する側はアクセス拒否 (`0x80070005`) または RPC サーバーを利用できない (`0x800706BA`) エラーで失敗します。2022 年 11 月 8 日以降の更新プログラムでは Windows が接続する側の認証レベルを自動的に引き上げるため、両方のコンピューターを最新の更新プログラムにそろえることが対処になります。',
};

const UPDATE_BOTH: Localized<string> = {
  en: 'Install the latest Windows cumulative update on **both** machines — {from} (the one that connects) and {to} (the one that receives) — and restart them. Updating only one side is not enough: the receiver enforces packet integrity, and the caller needs the update to raise its activation authentication level to meet it. Both sides then also log the same DCOM events.',
  ja: '接続する側の {from} と、接続を受ける側の {to} の**両方**に、最新の Windows 累積更新プログラムをインストールし、再起動します。片方だけでは解決しません。受ける側はパケットの整合性を要求し、接続する側はそれに合わせて認証レベルを引き上げるために更新プログラムが必要です。両方を更新すると、同じ DCOM イベントが両側で記録されるようにもなります。',
};

const CONFIGMGR_2203: Localized<string> = {
  en: 'Upgrade Configuration Manager to version 2203 or later, and update the console on {from} to the same version (the console offers the update when it connects to the upgraded site).',
  ja: 'Configuration Manager をバージョン 2203 以降にアップグレードし、{from} の Configuration Manager コンソールも同じバージョンに更新します (アップグレード済みのサイトに接続すると、コンソールの更新が提示されます)。',
};

const VERIFY_EVENTS: Localized<string> = {
  en: 'After the update and the restart, the System log of {to} no longer records DistributedCOM event 10036 for this caller, and the System log of {from} no longer records 10037 or 10038. (These events are written only with the October 2021 cumulative update or later, so their absence on an older build proves nothing.)',
  ja: '更新プログラムの適用と再起動の後、{to} のシステム ログにこの接続元からの DistributedCOM イベント 10036 が記録されなくなり、{from} のシステム ログに 10037 や 10038 が記録されなくなります (これらのイベントは 2021 年 10 月以降の累積更新プログラムでのみ記録されるため、それより古いビルドでイベントがないことは根拠になりません)。',
};

const VERIFY_EVIDENCE: Localized<string> = {
  en: 'Run the evidence script ("Copy the PowerShell that collects the evidence") on both machines, put the output folders next to the logs, and run **ConfigMgr: Diagnose DCOM hardening** on the folder: it shows each machine\'s build and whether its events stopped.',
  ja: '両方のコンピューターで証拠収集スクリプト (「証拠を収集する PowerShell をコピー」) を実行し、出力フォルダーをログと同じ場所に置いて、そのフォルダーで **ConfigMgr: DCOM の強化を診断** を実行します。各コンピューターのビルドと、イベントが止まったかどうかを確認できます。',
};

const VENDOR_STEP: Localized<string> = {
  en: 'If events 10037 or 10038 on {from} still name an application after the update, only its vendor can fix it: the application must raise its activation authentication level to `RPC_C_AUTHN_LEVEL_PKT_INTEGRITY` (5) or higher (10037: the level the application sets explicitly; 10038: the default level it uses). Ask the vendor for a version that supports DCOM hardening (KB5004442).',
  ja: '更新後も、{from} のイベント 10037 または 10038 にアプリケーションが記録される場合、修正できるのはベンダーだけです。アプリケーションがアクティブ化の認証レベルを `RPC_C_AUTHN_LEVEL_PKT_INTEGRITY` (5) 以上に引き上げる必要があります (10037 はアプリケーションが明示的に設定したレベル、10038 は既定のレベル)。DCOM の強化 (KB5004442) に対応したバージョンをベンダーに問い合わせてください。',
};

const HISTORY: Localized<{ readonly heading: string; readonly body: string }> = {
  en: {
    heading: 'History: the registry opt-out (not a fix)',
    body: `The value ${'`'}${REGISTRY_OPT_OUT_VALUE}${'`'} under ${'`'}HKLM\\SOFTWARE\\Microsoft\\Ole\\AppCompat${'`'} was a temporary opt-out during phase 1 (from June 8, 2021) and phase 2 (from June 14, 2022) of the hardening. Windows has ignored it since the updates of March 14, 2023 (phase 3): it neither causes nor cures these failures, and it is not part of the fix. If you find it on a machine, it is a leftover with no effect on current builds.`,
  },
  ja: {
    heading: '経緯: レジストリによる回避策 (対処ではありません)',
    body: `${'`'}HKLM\\SOFTWARE\\Microsoft\\Ole\\AppCompat${'`'} の値 ${'`'}${REGISTRY_OPT_OUT_VALUE}${'`'} は、強化のフェーズ 1 (2021 年 6 月 8 日から) とフェーズ 2 (2022 年 6 月 14 日から) の間だけ使えた一時的な回避策です。2023 年 3 月 14 日の更新プログラム (フェーズ 3) 以降、Windows はこの値を無視します。この値は失敗の原因にも解決策にもならず、対処の手順には含まれません。コンピューターにこの値が残っていても、現在のビルドでは効果はありません。`,
  },
};

const SECTION: Localized<{ readonly machines: string; readonly connects: string; readonly receives: string; readonly why: string; readonly steps: string; readonly verify: string; readonly sources: string }> = {
  en: { machines: 'Machines', connects: 'connects', receives: 'receives', why: 'Why', steps: 'Steps', verify: 'How to verify', sources: 'Sources' },
  ja: { machines: 'コンピューター', connects: '接続する側', receives: '接続を受ける側', why: '原因', steps: '手順', verify: '確認方法', sources: '出典' },
};

const SOURCES: Localized<readonly string[]> = {
  en: [
    '[Issues in Configuration Manager after installing June 2022 security updates for Windows](https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/console-management/dcom-hardening-change-effect)',
    '[KB5004442: Manage changes for Windows DCOM Server Security Feature Bypass (CVE-2021-26414)](https://support.microsoft.com/en-us/topic/kb5004442-manage-changes-for-windows-dcom-server-security-feature-bypass-cve-2021-26414-f1400b52-c141-43d2-941e-37ed901c769c)',
  ],
  ja: [
    '[Windows 用の 2022 年 6 月のセキュリティ更新プログラムをインストールした後の Configuration Manager の問題](https://learn.microsoft.com/ja-jp/troubleshoot/mem/configmgr/console-management/dcom-hardening-change-effect)',
    '[KB5004442: Windows DCOM Server のセキュリティ機能のバイパス (CVE-2021-26414) の変更の管理](https://support.microsoft.com/ja-jp/topic/kb5004442-cve-2021-26414-f1400b52-c141-43d2-941e-37ed901c769c)',
  ],
};

const FIXES: Readonly<Record<FixSymptom, FixEntry>> = {
  consoleToProvider: {
    roles: {
      en: { from: 'the console computer', to: 'the SMS Provider' },
      ja: { from: 'コンソール PC', to: 'SMS プロバイダー' },
    },
    text: {
      en: {
        title: 'DCOM hardening fix: the console cannot connect to the SMS Provider',
        label: 'console → SMS Provider',
        why: 'The Configuration Manager console reaches the SMS Provider through WMI over DCOM (`root\\SMS`). After the hardening, the remote connection fails under any account (SmsAdminUI.log: "Insufficient privilege to connect", `0x80070005`, or `0x800706BA`), while a console on the SMS Provider itself, with the same account, still connects.',
        steps: [UPDATE_BOTH.en, CONFIGMGR_2203.en, 'Open the console on {from} again and connect to the site.'],
        verify: ['The console connects, and SmsAdminUI.log on {from} no longer shows "Insufficient privilege to connect".', VERIFY_EVENTS.en, VERIFY_EVIDENCE.en],
      },
      ja: {
        title: 'DCOM の強化の修正方法: コンソールが SMS プロバイダーに接続できない',
        label: 'コンソール → SMS プロバイダー',
        why: 'Configuration Manager コンソールは、DCOM 経由の WMI (`root\\SMS`) で SMS プロバイダーに接続します。強化の後は、どのアカウントでもリモート接続が失敗します (SmsAdminUI.log に "Insufficient privilege to connect"、`0x80070005`、`0x800706BA`)。一方、SMS プロバイダー上のコンソールからは同じアカウントでも接続できます。',
        steps: [UPDATE_BOTH.ja, CONFIGMGR_2203.ja, '{from} でコンソールを開き直し、サイトに接続します。'],
        verify: ['コンソールが接続でき、{from} の SmsAdminUI.log に "Insufficient privilege to connect" が記録されなくなります。', VERIFY_EVENTS.ja, VERIFY_EVIDENCE.ja],
      },
    },
  },
  supportToolToClient: {
    roles: {
      en: { from: 'the computer that runs Support Center or Policy Spy', to: 'the client' },
      ja: { from: 'Support Center または Policy Spy を実行するコンピューター', to: 'クライアント' },
    },
    text: {
      en: {
        title: 'DCOM hardening fix: Support Center or Policy Spy cannot connect to a client',
        label: 'Support Center / Policy Spy → client',
        why: 'Support Center and Policy Spy read a remote client through WMI over DCOM (`root\\ccm`). After the hardening, the remote connection fails under any account while the same tool, run on the client itself, works.',
        steps: [
          UPDATE_BOTH.en,
          'Upgrade Configuration Manager to version 2203 or later, and use the Support Center and Policy Spy of that version (installers in `CD.Latest\\SMSSETUP\\Tools` on the site server) on {from}.',
          'Connect to {to} again with the tool.',
        ],
        verify: ['The tool connects to {to} remotely.', VERIFY_EVENTS.en, VERIFY_EVIDENCE.en],
      },
      ja: {
        title: 'DCOM の強化の修正方法: Support Center や Policy Spy がクライアントに接続できない',
        label: 'Support Center / Policy Spy → クライアント',
        why: 'Support Center と Policy Spy は、DCOM 経由の WMI (`root\\ccm`) でリモートのクライアントを参照します。強化の後は、どのアカウントでもリモート接続が失敗します。一方、同じツールをクライアント上で実行すると動作します。',
        steps: [
          UPDATE_BOTH.ja,
          'Configuration Manager をバージョン 2203 以降にアップグレードし、{from} ではそのバージョンの Support Center と Policy Spy (インストーラーはサイト サーバーの `CD.Latest\\SMSSETUP\\Tools`) を使います。',
          'ツールから {to} に接続し直します。',
        ],
        verify: ['ツールが {to} にリモートで接続できます。', VERIFY_EVENTS.ja, VERIFY_EVIDENCE.ja],
      },
    },
  },
  siteServerToDistributionPoint: {
    roles: {
      en: { from: 'the site server', to: 'the distribution point' },
      ja: { from: 'サイト サーバー', to: '配布ポイント' },
    },
    text: {
      en: {
        title: 'DCOM hardening fix: content does not reach a remote distribution point',
        label: 'site server → distribution point',
        why: 'The site server (Distribution Manager, Package Transfer Manager) drives a remote distribution point through its WMI provider over DCOM (`root\\SCCMDP`), as the site server computer account. After the hardening, distmgr.log or PkgXferMgr.log show `0x80070005` or `0x800706BA` against that distribution point and content stays "In progress" or fails.',
        steps: [
          UPDATE_BOTH.en + ' Microsoft\'s ConfigMgr support team asks for the March 2023 cumulative update or later on both the site server and the remote distribution point.',
          'Upgrade Configuration Manager to version 2203 or later.',
          'Redistribute the failed content to {to} (or wait for the next retry of Distribution Manager).',
        ],
        verify: ['distmgr.log and PkgXferMgr.log on {from} show the content sent to {to}, and its distribution status turns to success in the console.', VERIFY_EVENTS.en, VERIFY_EVIDENCE.en],
      },
      ja: {
        title: 'DCOM の強化の修正方法: リモートの配布ポイントにコンテンツを配布できない',
        label: 'サイト サーバー → 配布ポイント',
        why: 'サイト サーバー (Distribution Manager、Package Transfer Manager) は、サイト サーバーのコンピューター アカウントで、DCOM 経由でリモートの配布ポイントの WMI プロバイダー (`root\\SCCMDP`) を操作します。強化の後は、distmgr.log や PkgXferMgr.log にその配布ポイントに対する `0x80070005` や `0x800706BA` が記録され、コンテンツが「進行中」のまま残るか失敗します。',
        steps: [
          UPDATE_BOTH.ja + 'Microsoft の ConfigMgr サポート チームは、サイト サーバーとリモートの配布ポイントの両方に 2023 年 3 月以降の累積更新プログラムを適用するよう案内しています。',
          'Configuration Manager をバージョン 2203 以降にアップグレードします。',
          '失敗したコンテンツを {to} に再配布します (または Distribution Manager の次の再試行を待ちます)。',
        ],
        verify: ['{from} の distmgr.log と PkgXferMgr.log に {to} へのコンテンツ送信が記録され、コンソールで配布の状態が成功になります。', VERIFY_EVENTS.ja, VERIFY_EVIDENCE.ja],
      },
    },
  },
  remoteConnection: {
    roles: {
      en: { from: 'the machine that connects', to: 'the machine that receives' },
      ja: { from: '接続する側のコンピューター', to: '接続を受ける側のコンピューター' },
    },
    text: {
      en: {
        title: 'DCOM hardening fix: a remote DCOM/WMI connection fails',
        label: 'remote DCOM/WMI connection',
        why: 'A remote WMI or DCOM call was refused or could not be completed. DCOM hardening is the cause when the receiving machine logs event 10036 for this caller at the same time; without it, check name resolution, firewalls (TCP 135 and the dynamic RPC ports) and the rights of the calling account first.',
        steps: [
          UPDATE_BOTH.en,
          'If the caller is a Configuration Manager component (console, site server, tool), upgrade Configuration Manager to version 2203 or later.',
          VENDOR_STEP.en,
        ],
        verify: ['The operation that failed now succeeds from {from}.', VERIFY_EVENTS.en, VERIFY_EVIDENCE.en],
      },
      ja: {
        title: 'DCOM の強化の修正方法: リモートの DCOM/WMI 接続が失敗する',
        label: 'リモートの DCOM/WMI 接続',
        why: 'リモートの WMI または DCOM の呼び出しが拒否されたか、完了できませんでした。同じ時刻に接続を受ける側のコンピューターにこの接続元のイベント 10036 が記録されていれば、DCOM の強化が原因です。記録がない場合は、先に名前解決、ファイアウォール (TCP 135 と動的 RPC ポート)、呼び出し元アカウントの権限を確認します。',
        steps: [
          UPDATE_BOTH.ja,
          '接続する側が Configuration Manager のコンポーネント (コンソール、サイト サーバー、ツール) の場合は、Configuration Manager をバージョン 2203 以降にアップグレードします。',
          VENDOR_STEP.ja,
        ],
        verify: ['失敗していた操作が {from} から成功します。', VERIFY_EVENTS.ja, VERIFY_EVIDENCE.ja],
      },
    },
  },
  thirdPartyApplication: {
    roles: {
      en: { from: 'the machine that runs the application', to: 'the machine it connects to' },
      ja: { from: 'アプリケーションを実行するコンピューター', to: '接続先のコンピューター' },
    },
    text: {
      en: {
        title: 'DCOM hardening fix: an application activates DCOM below packet integrity',
        label: 'application below packet integrity',
        why: 'Events 10037 and 10038 are written on the calling machine when an application asks for a remote activation at an authentication level below `RPC_C_AUTHN_LEVEL_PKT_INTEGRITY`; an updated receiver rejects such requests. This application is not part of Configuration Manager, so the fix is on its side and on Windows.',
        steps: [
          UPDATE_BOTH.en,
          VENDOR_STEP.en,
          'Until the vendor ships that version, the application cannot use DCOM against updated machines: since March 14, 2023 the receiving side cannot be made to accept lower levels.',
        ],
        verify: [VERIFY_EVENTS.en, VERIFY_EVIDENCE.en],
      },
      ja: {
        title: 'DCOM の強化の修正方法: アプリケーションがパケットの整合性未満で DCOM をアクティブ化している',
        label: 'パケットの整合性未満のアプリケーション',
        why: 'イベント 10037 と 10038 は、アプリケーションが `RPC_C_AUTHN_LEVEL_PKT_INTEGRITY` 未満の認証レベルでリモートのアクティブ化を要求したときに、呼び出し元のコンピューターに記録されます。更新済みの受ける側はこの要求を拒否します。このアプリケーションは Configuration Manager の一部ではないため、対処はアプリケーション側と Windows 側で行います。',
        steps: [
          UPDATE_BOTH.ja,
          VENDOR_STEP.ja,
          'ベンダーが対応版を提供するまで、このアプリケーションは更新済みのコンピューターに DCOM で接続できません。2023 年 3 月 14 日以降、受ける側で低い認証レベルを受け入れるようにはできません。',
        ],
        verify: [VERIFY_EVENTS.ja, VERIFY_EVIDENCE.ja],
      },
    },
  },
  serverRejection: {
    roles: {
      en: { from: 'the caller', to: 'the server that logged event 10036' },
      ja: { from: '接続元', to: 'イベント 10036 を記録したサーバー' },
    },
    text: {
      en: {
        title: 'DCOM hardening fix: this server rejects activations below packet integrity (event 10036)',
        label: 'server rejected the activation',
        why: 'Event 10036 is written by the machine that received the activation: it names the user and the address of the caller whose authentication level was too low. The problem is on the caller\'s side; the server is doing what the hardening requires.',
        steps: [
          'Find {from} (the client address in event 10036) and look in its System log for events 10037 or 10038 at the same time: they name the application that connected (a Configuration Manager console, a site server component, a tool or another application).',
          UPDATE_BOTH.en,
          'If the caller is a Configuration Manager console, site server or tool, upgrade Configuration Manager to version 2203 or later and update the console to the same version.',
          VENDOR_STEP.en,
        ],
        verify: [VERIFY_EVENTS.en, VERIFY_EVIDENCE.en],
      },
      ja: {
        title: 'DCOM の強化の修正方法: このサーバーがパケットの整合性未満のアクティブ化を拒否している (イベント 10036)',
        label: 'サーバーがアクティブ化を拒否',
        why: 'イベント 10036 は、アクティブ化を受けたコンピューターが記録します。認証レベルが低すぎた接続元のユーザーとアドレスが記録されています。問題は接続元の側にあり、サーバーは強化の要件どおりに動作しています。',
        steps: [
          '{from} (イベント 10036 に記録されたクライアント アドレス) のシステム ログで、同じ時刻のイベント 10037 または 10038 を確認します。接続したアプリケーション (Configuration Manager コンソール、サイト サーバーのコンポーネント、ツール、その他のアプリケーション) がわかります。',
          UPDATE_BOTH.ja,
          '接続元が Configuration Manager のコンソール、サイト サーバー、ツールの場合は、Configuration Manager をバージョン 2203 以降にアップグレードし、コンソールも同じバージョンに更新します。',
          VENDOR_STEP.ja,
        ],
        verify: [VERIFY_EVENTS.ja, VERIFY_EVIDENCE.ja],
      },
    },
  },
};

/** A short name of the symptom (`console → SMS Provider`), for titles. */
export function fixLabel(symptom: FixSymptom, locale: Locale): string {
  return FIXES[symptom].text[locale].label;
}

/** A machine name as given, trimmed and bounded, or undefined when there is none. */
function machineName(name: string | undefined): string | undefined {
  if (typeof name !== 'string') return undefined;
  const trimmed = name.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (!trimmed) return undefined;
  return trimmed.length > MAX_MACHINE_NAME ? trimmed.slice(0, MAX_MACHINE_NAME) : trimmed;
}

/**
 * Replaces `{from}` and `{to}` in trusted text with the role of each machine and, when known, its name
 * as inline code. One pass: a name that itself contains `{to}` is never expanded again.
 */
export function fillMachines(template: string, symptom: FixSymptom, machines: FixMachines, locale: Locale): string {
  const roles = FIXES[symptom].roles[locale];
  // \u0001 and \u0002 mark where a filled value starts and ends (names cannot hold control characters).
  const filled = template.replace(/\{(from|to)\}/g, (_match, which: 'from' | 'to') => {
    const name = machineName(machines[which]);
    return `\u0001${name ? `${roles[which]} ${code(name, MAX_MACHINE_NAME)}` : roles[which]}\u0002`;
  });
  // Japanese puts no space between two Japanese words: "側の 接続元" becomes "側の接続元", "側の SMS" stays.
  const joined = locale === 'ja' ? filled.replace(GAP_BEFORE_VALUE, '$1$2').replace(GAP_AFTER_VALUE, '$1$2') : filled;
  return joined.replace(/[\u0001\u0002]/g, '');
}

const JAPANESE = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー]';
const GAP_BEFORE_VALUE = new RegExp(`(${JAPANESE}) (\u0001${JAPANESE})`, 'gu');
const GAP_AFTER_VALUE = new RegExp(`(${JAPANESE}\u0002) (${JAPANESE})`, 'gu');

/** The fix for a symptom as Markdown, naming the machines when they are known. */
export function renderFix(symptom: FixSymptom, machines: FixMachines, requestedLocale: Locale): string {
  const locale: Locale = requestedLocale === 'ja' ? 'ja' : 'en';
  // Callers pass values that came back from the client: an unknown symptom gets the general fix.
  const kind: FixSymptom = isFixSymptom(symptom) ? symptom : 'remoteConnection';
  const text = FIXES[kind].text[locale];
  const s = SECTION[locale];
  const fill = (t: string): string => fillMachines(t, kind, machines, locale);
  const blocks: string[] = [
    `# ${text.title}`,
    `**${s.machines}:** ${s.connects}: ${fill('{from}')} → ${s.receives}: ${fill('{to}')}`,
    `## ${s.why}`,
    HARDENING_WHY[locale],
    text.why,
    `## ${s.steps}`,
    text.steps.map((step, i) => `${i + 1}. ${fill(step)}`).join('\n'),
    `## ${s.verify}`,
    text.verify.map((v) => `- ${fill(v)}`).join('\n'),
    `## ${HISTORY[locale].heading}`,
    HISTORY[locale].body,
    `## ${s.sources}`,
    SOURCES[locale].map((src) => `- ${src}`).join('\n'),
  ];
  return blocks.join('\n\n') + '\n';
}
