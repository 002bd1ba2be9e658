/**
 * Texts of the cross-machine diagnosis in English and Japanese: why the verdict (reasons), what to do
 * (recommendation titles and details), what each registry setting means today, and how each machine was
 * identified. Japanese follows Microsoft's product terms (累積更新プログラム, 配布ポイント,
 * SMS プロバイダー, サイト サーバー, DCOM の強化).
 *
 * Nothing here tells an admin to set RequireIntegrityActivationAuthenticationLevel: Windows has ignored
 * it since 2023-03-14 (KB5004442; Microsoft Learn, "Issues in Configuration Manager after installing
 * June 2022 security updates for Windows").
 */
import type { OleSettingMeaning, OleSettingName } from '../analysis/oleRegistry';
import type { Locale } from './locale';

// ---------------------------------------------------------------------------------------------------
// Formatting

/** `2024-06-12 01:14:37 UTC`. */
export function formatUtc(millis: number): string {
  return `${new Date(millis).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Minutes east of UTC → `UTC+09:00`, `UTC−07:00`. */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function list(items: readonly string[], locale: Locale): string {
  return items.join(locale === 'ja' ? '、' : ', ');
}

function path(caller: string, receiver: string | null): string {
  return `${caller} → ${receiver ?? '?'}`;
}

// ---------------------------------------------------------------------------------------------------
// How a machine was identified

export type IdentificationNote =
  | { readonly kind: 'folder'; readonly name: string; readonly file: string }
  | { readonly kind: 'eventComputer'; readonly name: string; readonly file: string }
  | { readonly kind: 'sameFolderEvents'; readonly name: string; readonly file: string }
  | { readonly kind: 'statusMessage'; readonly name: string; readonly file: string }
  | { readonly kind: 'namedInLog'; readonly name: string; readonly file: string }
  | { readonly kind: 'eventTarget'; readonly name: string; readonly file: string }
  | { readonly kind: 'computerAccount'; readonly name: string; readonly address: string; readonly file: string }
  | { readonly kind: 'addressInLog'; readonly address: string; readonly file: string }
  | { readonly kind: 'ownAddress'; readonly address: string; readonly file: string }
  | { readonly kind: 'simultaneousEvents'; readonly address: string; readonly server: string }
  | { readonly kind: 'clientAddress'; readonly address: string; readonly file: string };

export function identificationText(note: IdentificationNote, locale: Locale): string {
  const ja = locale === 'ja';
  switch (note.kind) {
    case 'folder':
      return ja ? `フォルダー名 ${note.name} (${note.file})` : `folder name ${note.name} (${note.file})`;
    case 'eventComputer':
      return ja ? `イベントの Computer ${note.name} (${note.file})` : `event Computer ${note.name} (${note.file})`;
    case 'sameFolderEvents':
      return ja
        ? `同じフォルダーにある ${note.name} のイベント エクスポート (${note.file})`
        : `next to the event export of ${note.name} (${note.file})`;
    case 'statusMessage':
      return ja ? `ステータス メッセージの SYS=${note.name} (${note.file})` : `status message SYS=${note.name} (${note.file})`;
    case 'namedInLog':
      return ja ? `ログで接続先として記載: ${note.name} (${note.file})` : `named as the other side in a log: ${note.name} (${note.file})`;
    case 'eventTarget':
      return ja ? `イベント 10037/10038 の接続先コンピューター ${note.name} (${note.file})` : `target computer of 10037/10038: ${note.name} (${note.file})`;
    case 'computerAccount':
      return ja
        ? `アドレス ${note.address}: イベント 10036 のコンピューター アカウント ${note.name} (${note.file})`
        : `address ${note.address}: computer account ${note.name} in event 10036 (${note.file})`;
    case 'addressInLog':
      return ja ? `アドレス ${note.address}: ログに名前とともに記載 (${note.file})` : `address ${note.address}: written with its name in a log (${note.file})`;
    case 'ownAddress':
      return ja ? `アドレス ${note.address}: このコンピューター自身のログに記載 (${note.file})` : `address ${note.address}: stated by this machine's own log (${note.file})`;
    case 'simultaneousEvents':
      return ja
        ? `アドレス ${note.address}: ${note.server} のイベント 10036 と、このコンピューターの ${note.server} 宛てのイベント 10037/10038 が同時刻`
        : `address ${note.address}: 10036 on ${note.server} at the same moment as this machine's 10037/10038 naming ${note.server}`;
    case 'clientAddress':
      return ja
        ? `イベント 10036 のクライアント IP アドレス ${note.address} (名前は不明) (${note.file})`
        : `client IP address ${note.address} of event 10036, name unknown (${note.file})`;
  }
}

// ---------------------------------------------------------------------------------------------------
// Registry settings

export function registrySettingMessage(name: OleSettingName, meaning: OleSettingMeaning, value: number | null, locale: Locale): string {
  const shown = value === null ? '' : ` = ${value}`;
  const ja = locale === 'ja';
  switch (meaning) {
    case 'hardeningOptOutIgnored':
      return ja
        ? `${name}${shown}: 2022 年に一時的な回避策として使われた値ですが、2023 年 3 月 14 日以降の更新プログラムでは無視されます。DCOM の強化を無効にすることはなく、解決策にもなりません。この値を削除し、両方のコンピューターに最新の累積更新プログラムをインストールしてください。`
        : `${name}${shown}: the temporary opt-out of 2022, ignored by Windows since the March 14, 2023 updates. It does not turn DCOM hardening off and is never the fix: remove it and install the latest cumulative update on both machines.`;
    case 'notDword':
      return ja
        ? `${name}: DWORD ではないため Windows は読み取りません。いずれにしても 2023 年 3 月 14 日以降は無視される値です。削除してください。`
        : `${name}: not a DWORD, so Windows does not read it; the value has been ignored since March 14, 2023 anyway. Remove it.`;
    case 'hardeningEnabled':
      return ja ? `${name}${shown}: 強化は有効 (既定の動作) です。この値は不要なので削除してかまいません。` : `${name}${shown}: hardening enabled, the default behaviour; the value is not needed and can be removed.`;
    case 'raiseDefaultLevel':
      return ja
        ? `${name}${shown}: このコンピューターからのアクティブ化の既定の認証レベルを RPC_C_AUTHN_LEVEL_PKT_INTEGRITY に引き上げます (クライアント側)。`
        : `${name}${shown}: raises the default activation authentication level of this machine's outgoing requests to RPC_C_AUTHN_LEVEL_PKT_INTEGRITY (client side).`;
    case 'raiseAllActivations':
      return ja
        ? `${name}${shown}: アプリケーションが明示的に指定したものも含め、このコンピューターからの匿名以外のアクティブ化をすべて RPC_C_AUTHN_LEVEL_PKT_INTEGRITY に引き上げます (クライアント側、2022 年 11 月以降の既定)。`
        : `${name}${shown}: raises every non-anonymous activation from this machine, explicit levels included, to RPC_C_AUTHN_LEVEL_PKT_INTEGRITY (client side; the default since November 2022).`;
    case 'raiseUndocumentedValue':
      return ja ? `${name}${shown}: 文書化されていない値です (1 または 2 が有効)。` : `${name}${shown}: not a documented value (1 or 2 are).`;
    case 'hardeningLogOff':
      return ja
        ? `${name}${shown}: DCOM の強化に関するログ (イベント 10036、10037、10038) が無効です。このコンピューターでこれらのイベントがないことは何の証明にもなりません。値を削除してログを元に戻してください。`
        : `${name}${shown}: DCOM hardening logging (events 10036, 10037, 10038) is turned off, so missing events on this machine prove nothing. Remove the value to turn logging back on.`;
    case 'hardeningLogOn':
      return ja ? `${name}${shown}: DCOM の強化に関するログは有効です。` : `${name}${shown}: DCOM hardening logging is on.`;
    case 'legacyAuthenticationAtIntegrity':
      return ja
        ? `${name}${shown}: CoInitializeSecurity を呼ばないアプリケーションの既定の認証レベルがパケットの整合性以上です。`
        : `${name}${shown}: applications that do not call CoInitializeSecurity use packet integrity or higher by default.`;
    case 'legacyAuthenticationBelowIntegrity':
      return ja
        ? `${name}${shown}: CoInitializeSecurity を呼ばないアプリケーションの既定の認証レベルがパケットの整合性 (5) 未満です。アクティブ化の最低レベルとは別の設定です。`
        : `${name}${shown}: applications that do not call CoInitializeSecurity default to a level below packet integrity (5). This is a call-level default, separate from the activation floor.`;
    case 'legacyImpersonationLevel':
      return ja ? `${name}${shown}: 既定の偽装レベルです。DCOM の強化とは関係ありません。` : `${name}${shown}: default impersonation level; unrelated to DCOM hardening.`;
    case 'valueDeleted':
      return ja ? `${name}: このエクスポートは値を削除します (=-)。` : `${name}: this export deletes the value (=-).`;
  }
}

// ---------------------------------------------------------------------------------------------------
// Reasons

export type TimeOffsetSourceUsed = 'machineOffset' | 'defaultOffset' | 'eventAlignment';

export type DiagnosisReason =
  | {
      readonly kind: 'correlatedPath';
      readonly caller: string;
      readonly receiver: string | null;
      readonly failures: number;
      readonly firstMillis: number;
      readonly rejections: number;
      readonly activations: number;
      readonly windowSeconds: number;
    }
  | { readonly kind: 'weakMatches'; readonly count: number }
  | { readonly kind: 'eventsNamingConfigMgr'; readonly count: number; readonly summary: readonly string[] }
  | { readonly kind: 'remoteFailuresWithoutEvents'; readonly count: number; readonly paths: readonly string[] }
  | { readonly kind: 'eventsWithoutFailures'; readonly count: number; readonly summary: readonly string[] }
  | { readonly kind: 'hardeningLogOff'; readonly machines: readonly string[] }
  | { readonly kind: 'uncorrelatedRpc'; readonly count: number; readonly peers: readonly string[]; readonly windowSeconds: number }
  | { readonly kind: 'localOnly'; readonly count: number }
  | { readonly kind: 'wmiNamespace'; readonly count: number; readonly machines: readonly string[] }
  | { readonly kind: 'nothingFound'; readonly files: number }
  | {
      readonly kind: 'timeOffset';
      readonly file: string;
      readonly machine: string | null;
      readonly source: TimeOffsetSourceUsed;
      readonly offsetMinutes: number;
      readonly findings: number;
      /** For `eventAlignment`: how many failures the offset puts next to the machine's own events. */
      readonly aligned: number;
    }
  | { readonly kind: 'timeUnknown'; readonly files: readonly string[]; readonly findings: number }
  | { readonly kind: 'registryIgnored'; readonly machines: readonly string[] }
  | { readonly kind: 'unreadable'; readonly files: readonly string[] };

function machineOrUnknown(machine: string | null, locale: Locale): string {
  return machine ?? (locale === 'ja' ? '(不明なコンピューター)' : '(unknown machine)');
}

export function reasonText(r: DiagnosisReason, locale: Locale): string {
  const ja = locale === 'ja';
  switch (r.kind) {
    case 'correlatedPath': {
      const events: string[] = [];
      if (r.rejections > 0) events.push(ja ? `${r.receiver ?? '接続先'} のイベント 10036 (${r.rejections} 件)` : `${r.rejections} event(s) 10036 on ${r.receiver ?? 'the receiver'}`);
      if (r.activations > 0) events.push(ja ? `${r.caller} のイベント 10037/10038 (${r.activations} 件)` : `${r.activations} event(s) 10037/10038 on ${r.caller}`);
      return ja
        ? `${path(r.caller, r.receiver)}: ログの失敗 ${r.failures} 件 (最初は ${formatUtc(r.firstMillis)}) が、${r.windowSeconds} 秒以内に記録された ${events.join(' および ')} と一致します。`
        : `${path(r.caller, r.receiver)}: ${r.failures} log failure(s) (first at ${formatUtc(r.firstMillis)}) match ${events.join(' and ')} within ${r.windowSeconds} seconds.`;
    }
    case 'weakMatches':
      return ja
        ? `このうち ${r.count} 件の対応付けは片側のコンピューターだけで行われています (相手が記載されていないか、アドレスの持ち主が不明)。慎重に判断してください。`
        : `${r.count} of these matches rest on one machine only (the other side is not named, or whose address it is is unknown); weigh them with care.`;
    case 'eventsNamingConfigMgr':
      return ja
        ? `ConfigMgr (WMI の CLSID、ConfigMgr のプロセス、またはこの証拠に含まれるコンピューター) を示す DCOM の強化イベントが、対応するログの失敗なしに ${r.count} 件あります: ${list(r.summary, locale)}。`
        : `${r.count} DCOM hardening event(s) name ConfigMgr (its WMI CLSID, its processes or machines of this evidence) without a matching log failure: ${list(r.summary, locale)}.`;
    case 'remoteFailuresWithoutEvents':
      return ja
        ? `リモート接続でのアクセス拒否 ${r.count} 件 (${list(r.paths, locale)}) を裏付ける DCOM の強化イベントがありません。`
        : `${r.count} access-denied failure(s) in remote connections (${list(r.paths, locale)}) have no DCOM hardening event to confirm them.`;
    case 'eventsWithoutFailures':
      return ja
        ? `DCOM の強化イベントが ${r.count} 件ありますが、ログの失敗とも ConfigMgr とも結び付きません: ${list(r.summary, locale)}。`
        : `${r.count} DCOM hardening event(s) match no log failure and do not name ConfigMgr: ${list(r.summary, locale)}.`;
    case 'hardeningLogOff':
      return ja
        ? `${list(r.machines, locale)} で DisableAuthenticationLevelHardeningLog が設定されています。イベント 10036/10037/10038 が記録されないため、イベントがないことは DCOM の強化が原因でない証拠になりません。`
        : `DisableAuthenticationLevelHardeningLog is set on ${list(r.machines, locale)}: events 10036/10037/10038 are not written there, so their absence does not rule DCOM hardening out.`;
    case 'uncorrelatedRpc':
      return ja
        ? `RPC サーバーを利用できない失敗 ${r.count} 件 (接続先: ${list(r.peers, locale)}) には、${r.windowSeconds} 秒以内の DCOM の強化イベントがありません。DCOM の強化よりも、接続先の停止・再起動・撤去、名前解決、ファイアウォールが原因である可能性が高いです。`
        : `${r.count} RPC-server-unavailable failure(s) (to ${list(r.peers, locale)}) have no DCOM hardening event within ${r.windowSeconds} seconds: a stopped, restarting or removed server, name resolution or a firewall is more likely for them than DCOM hardening.`;
    case 'localOnly':
      return ja
        ? `見つかったアクセス拒否または RPC の失敗 ${r.count} 件は、ローカルのファイル、フォルダー、レジストリに対するもの、またはリモート接続の兆候がないものだけです。`
        : `The ${r.count} access-denied or RPC failure(s) found are local (files, folders, registry) or show no sign of a remote connection.`;
    case 'wmiNamespace':
      return ja
        ? `0x80041003 (WMI のアクセス拒否) ${r.count} 件 (${list(r.machines, locale)}) は、WMI 名前空間または ConfigMgr のアクセス許可の問題で、DCOM の強化ではありません。`
        : `${r.count} 0x80041003 (WMI access denied) failure(s) on ${list(r.machines, locale)} are WMI namespace or ConfigMgr permission problems, not DCOM hardening.`;
    case 'nothingFound':
      return ja
        ? `${r.files} 個のファイルに、アクセス拒否、RPC サーバーを利用できない失敗、DCOM の強化イベントのいずれも見つかりませんでした。`
        : `No access-denied failure, RPC-server-unavailable failure or DCOM hardening event in ${r.files} file(s).`;
    case 'timeOffset': {
      const who = machineOrUnknown(r.machine, locale);
      const offset = formatUtcOffset(r.offsetMinutes);
      if (r.source === 'machineOffset') {
        return ja
          ? `${r.file} にはタイム ゾーンが記録されていないため、${r.findings} 件の時刻に ${who} の他のログのオフセット ${offset} を使用しました。`
          : `${r.file} writes no time zone: ${r.findings} time(s) use the offset ${offset} of ${who}'s other logs.`;
      }
      if (r.source === 'defaultOffset') {
        return ja
          ? `${r.file} にはタイム ゾーンが記録されておらず、${who} の他のログからも分からないため、${r.findings} 件の時刻に既定のオフセット ${offset} を使用しました。`
          : `${r.file} writes no time zone and ${who}'s other logs do not tell: ${r.findings} time(s) use the default offset ${offset}.`;
      }
      return ja
        ? `${r.file} にはタイム ゾーンが記録されておらず、既定のオフセットも指定されていないため、${who} の DCOM イベント (自身の 10037/10038、または接続先が記録した 10036) との時刻の一致からオフセット ${offset} を推定しました (${r.aligned} 件の失敗が数秒以内に一致)。${r.findings} 件の時刻がこの推定に基づきます。`
        : `${r.file} writes no time zone and no default offset was given: the offset ${offset} was inferred because it puts ${r.aligned} of its failures within seconds of DCOM events (${who}'s own 10037/10038, or the 10036 its peers logged); ${r.findings} time(s) rest on it.`;
    }
    case 'timeUnknown':
      return ja
        ? `${list(r.files, locale)} の ${r.findings} 件の時刻は不明です (タイム ゾーンの記録も、同じコンピューターのオフセットも、既定のオフセットもありません)。これらはイベントと突き合わせていません。`
        : `${r.findings} time(s) in ${list(r.files, locale)} are unknown (no time zone written, no offset from the same machine, no default offset): they were not matched with events.`;
    case 'registryIgnored':
      return ja
        ? `${list(r.machines, locale)} の RequireIntegrityActivationAuthenticationLevel は 2023 年 3 月 14 日以降無視されているため、これらの失敗を防ぐことも直すこともできません。`
        : `RequireIntegrityActivationAuthenticationLevel on ${list(r.machines, locale)} has been ignored since March 14, 2023: it neither prevents nor fixes these failures.`;
    case 'unreadable':
      return ja ? `読み取れなかったファイルがあります: ${list(r.files, locale)}。` : `Some files could not be read: ${list(r.files, locale)}.`;
  }
}

// ---------------------------------------------------------------------------------------------------
// Recommendations

export type RecommendationText =
  | { readonly id: 'install-latest-cu-both-sides'; readonly paths: readonly string[]; readonly callers: readonly string[]; readonly receivers: readonly string[] }
  | { readonly id: 'upgrade-configmgr-2203'; readonly versions: readonly string[] }
  | { readonly id: 'registry-workaround-ignored'; readonly places: readonly string[] }
  | { readonly id: 'contact-application-vendor'; readonly applications: readonly string[] }
  | { readonly id: 'turn-hardening-log-back-on'; readonly machines: readonly string[] }
  | { readonly id: 'check-firewall-and-rpc'; readonly count: number; readonly paths: readonly string[] }
  | { readonly id: 'check-wmi-namespace-security'; readonly count: number; readonly places: readonly string[] }
  | { readonly id: 'collect-dcom-events'; readonly machines: readonly string[] };

export function recommendationText(r: RecommendationText, locale: Locale): { title: string; detail: string } {
  const ja = locale === 'ja';
  switch (r.id) {
    case 'install-latest-cu-both-sides': {
      const paths = r.paths.length > 0 ? list(r.paths, locale) : ja ? '(経路不明)' : '(paths unknown)';
      return ja
        ? {
            title: '接続する側と受ける側の両方に最新の Windows 累積更新プログラムをインストールする',
            detail: `経路: ${paths}。接続する側 (${list(r.callers, locale)}) と接続を受ける側 (${list(r.receivers, locale)}) のすべてに最新の Windows 累積更新プログラムをインストールし、再起動してください。2023 年 3 月 14 日以降、DCOM の強化は無効にできません。両側を更新すると、同じレベルの DCOM の強化とログ記録がそろいます。`,
          }
        : {
            title: 'Install the latest Windows cumulative update on both sides',
            detail: `Paths: ${paths}. Install the latest Windows cumulative update on every machine that connects (${list(r.callers, locale)}) and every machine that receives (${list(r.receivers, locale)}), and restart them. Since March 14, 2023 DCOM hardening cannot be turned off; updating both sides gives them the same level of DCOM hardening and logging.`,
          };
    }
    case 'upgrade-configmgr-2203': {
      const seen = r.versions.length > 0
        ? ja ? `検出したバージョン: ${list(r.versions, locale)}。` : `Versions seen: ${list(r.versions, locale)}. `
        : ja ? 'この証拠からはバージョンを判別できませんでした。' : 'The evidence does not show the version. ';
      return ja
        ? {
            title: 'Configuration Manager をバージョン 2203 以降にアップグレードする',
            detail: `${seen}Configuration Manager の最新バージョンには DCOM の強化に対応するセキュリティの変更が含まれています。サイトを 2203 以降にアップグレードし、コンソールも同じインストールから更新してください。`,
          }
        : {
            title: 'Upgrade Configuration Manager to version 2203 or later',
            detail: `${seen}The latest versions of Configuration Manager carry the security changes for DCOM hardening: upgrade the site to 2203 or later, and update the consoles from the same installation.`,
          };
    }
    case 'registry-workaround-ignored':
      return ja
        ? {
            title: '無視されているレジストリ値 RequireIntegrityActivationAuthenticationLevel を削除する',
            detail: `検出場所: ${list(r.places, locale)}。この値は 2022 年の一時的な回避策で、2023 年 3 月 14 日以降の更新プログラムでは無視されます。何も解決せず、本当の原因を見えにくくします。HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole\\AppCompat から値を削除し、代わりに両側に累積更新プログラムをインストールしてください。`,
          }
        : {
            title: 'Remove RequireIntegrityActivationAuthenticationLevel: Windows ignores it',
            detail: `Found in: ${list(r.places, locale)}. It was a temporary opt-out in 2022 and has been ignored since the March 14, 2023 updates: it fixes nothing and hides the real cause. Delete the value from HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole\\AppCompat and install the cumulative updates on both sides instead.`,
          };
    case 'contact-application-vendor':
      return ja
        ? {
            title: 'アプリケーションのベンダーに更新を依頼する',
            detail: `ConfigMgr 以外のアプリケーションが、パケットの整合性未満の認証レベルでアクティブ化を要求しています (イベント 10037/10038): ${list(r.applications, locale)}。認証レベルを RPC_C_AUTHN_LEVEL_PKT_INTEGRITY 以上に引き上げられるのはアプリケーションのベンダーだけです。それまでの間も、両方のコンピューターに最新の累積更新プログラムを適用してください。`,
          }
        : {
            title: 'Ask the application vendor for an update',
            detail: `Applications other than ConfigMgr request activation below packet integrity (events 10037/10038): ${list(r.applications, locale)}. Only their vendor can raise the level to RPC_C_AUTHN_LEVEL_PKT_INTEGRITY; keep both machines on the latest cumulative update meanwhile.`,
          };
    case 'turn-hardening-log-back-on':
      return ja
        ? {
            title: 'DCOM の強化のログ記録を元に戻す',
            detail: `${list(r.machines, locale)} で DisableAuthenticationLevelHardeningLog が設定されています。HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole\\AppCompat からこの値を削除してイベント 10036/10037/10038 が記録されるようにし、現象を再現してからシステム ログをエクスポートしてください。`,
          }
        : {
            title: 'Turn DCOM hardening logging back on',
            detail: `DisableAuthenticationLevelHardeningLog is set on ${list(r.machines, locale)}. Delete it from HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole\\AppCompat so that events 10036/10037/10038 are written again, reproduce the failure, and export the System log.`,
          };
    case 'check-firewall-and-rpc':
      return ja
        ? {
            title: 'RPC の失敗について、接続先の稼働、名前解決、ファイアウォールを確認する',
            detail: `DCOM の強化イベントを伴わない 0x800706BA (RPC サーバーを利用できません) が ${r.count} 件あります (${list(r.paths, locale)})。接続先が稼働していて名前解決できること、TCP 135 と動的 RPC ポート (49152-65535) がコンピューター間で開いていることを確認してください。接続元のイベント 10028 は、DCOM が接続先にまったく到達できなかったことを示します。`,
          }
        : {
            title: 'Check the target, name resolution and firewall for the RPC failures',
            detail: `${r.count} 0x800706BA (RPC server unavailable) failure(s) come with no DCOM hardening event (${list(r.paths, locale)}). Check that the target is running and its name resolves, and that TCP 135 and the dynamic RPC ports (49152-65535) are open between the machines. Event 10028 on the caller means DCOM could not reach the target at all.`,
          };
    case 'check-wmi-namespace-security':
      return ja
        ? {
            title: '0x80041003 について WMI 名前空間と ConfigMgr のアクセス許可を確認する',
            detail: `${r.count} 件 (${list(r.places, locale)})。アカウントは WMI に接続できていますが、名前空間の権限 (WMI コントロールの [セキュリティ]: 「アカウントの有効化」「リモートの有効化」) がないか、SMSProv.log の場合は ConfigMgr のセキュリティ ロールまたはセキュリティ スコープが不足しています。DCOM の強化ではありません。`,
          }
        : {
            title: 'Check WMI namespace and ConfigMgr permissions for 0x80041003',
            detail: `${r.count} failure(s) (${list(r.places, locale)}). The account reached WMI but lacks rights on the namespace (WMI Control → Security: Enable Account, Remote Enable) or, in SMSProv.log, a ConfigMgr security role or scope. This is not DCOM hardening.`,
          };
    case 'collect-dcom-events':
      return ja
        ? {
            title: `${list(r.machines, locale)} のシステム ログをエクスポートする`,
            detail: `これらのコンピューターが関係する失敗は、接続を受ける側のイベント 10036 と接続する側のイベント 10037/10038 がないと確認できません。両側のシステム ログをエクスポートし (イベント ビューアーの [すべてのイベントを名前を付けて保存] で XML、または wevtutil qe System /q:"*[System[(EventID=10036 or EventID=10037 or EventID=10038)]]" /f:xml)、このフォルダーに追加してください。`,
          }
        : {
            title: `Export the System log of ${list(r.machines, locale)}`,
            detail: `Failures involving these machines cannot be confirmed without event 10036 on the machine that receives and 10037/10038 on the machine that connects. Export the System log of both sides (Event Viewer → Save All Events As… as XML, or wevtutil qe System /q:"*[System[(EventID=10036 or EventID=10037 or EventID=10038)]]" /f:xml) and add it to this folder.`,
          };
  }
}

// ---------------------------------------------------------------------------------------------------
// Small pieces used inside reasons and recommendations

export interface EventGroup {
  readonly eventId: number;
  readonly machine: string | null;
  readonly peer: string | null;
  readonly count: number;
  readonly application: string | null;
}

/** `10037 ×7 on CM01 → DP01 (smsexec.exe)`, `10036 ×2 on CM01 from CONSOLE01`. */
export function eventGroupText(g: EventGroup, locale: Locale): string {
  const on = machineOrUnknown(g.machine, locale);
  const peer = g.peer ?? '?';
  if (locale === 'ja') {
    const detail = g.eventId === 10036 ? `${peer} から` : `${peer} 宛て${g.application ? `、${g.application}` : ''}`;
    return `${on} の ${g.eventId} ×${g.count} (${detail})`;
  }
  return g.eventId === 10036
    ? `${g.eventId} ×${g.count} on ${on} from ${peer}`
    : `${g.eventId} ×${g.count} on ${on} → ${peer}${g.application ? ` (${g.application})` : ''}`;
}

/** `CM01 → DP01 (first at 2024-06-12 00:21:50 UTC)`; the time is left out when unknown. */
export function failurePathText(caller: string | null, receiver: string | null, firstMillis: number | null, locale: Locale): string {
  const p = path(machineOrUnknown(caller, locale), receiver);
  if (firstMillis === null) return p;
  return locale === 'ja' ? `${p} (最初は ${formatUtc(firstMillis)})` : `${p} (first at ${formatUtc(firstMillis)})`;
}

/** `5.2107.1059.1000 (2107) in SmsAdminUI.log on CONSOLE01`. */
export function versionSeenText(version: string, release: number | null, file: string, machine: string | null, locale: Locale): string {
  const r = release === null ? '' : ` (${release})`;
  const where = machine === null ? file : locale === 'ja' ? `${machine} の ${file}` : `${file} on ${machine}`;
  return locale === 'ja' ? `${version}${r}: ${where}` : `${version}${r} in ${where}`;
}

/** `CM01 (samples/CM01/Ole-AppCompat.reg:4)`. */
export function placeText(machine: string | null, file: string, line: number, locale: Locale): string {
  return `${machineOrUnknown(machine, locale)} (${file}:${line})`;
}

/** `vendor.exe (PID 4242) on APP01 → SRV02, CLSID {…}, level 2`. */
export function applicationText(
  application: string,
  machine: string | null,
  peer: string | null,
  clsid: string | null,
  level: string | null,
  locale: Locale,
): string {
  const on = machineOrUnknown(machine, locale);
  if (locale === 'ja') {
    return `${application} (${on} から ${peer ?? '?'}${clsid ? `、CLSID ${clsid}` : ''}${level ? `、認証レベル ${level}` : ''})`;
  }
  return `${application} (${on} → ${peer ?? '?'}${clsid ? `, CLSID ${clsid}` : ''}${level ? `, level ${level}` : ''})`;
}
