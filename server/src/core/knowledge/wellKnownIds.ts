/**
 * Well-known CLSIDs/AppIDs that DCOM events name (%3 of 10037/10038, %4/%5 of 10016) and well-known
 * SIDs that they carry (%3 of 10036, %8 of 10016), with what they mean for ConfigMgr.
 *
 * Sources: [MS-WMI] 3.1.4.1 "IWbemLevel1Login Interface" (CLSID_WbemLevel1Login is what a remote WMI
 * client activates); mingw-w64 `wbemtran.idl`, `wbemcli.idl`, `wuapi.idl`, `bits.idl` (the coclass
 * GUIDs); Microsoft's WMI-RPC-DCOM diagnostic script (gbragante/WMI-Scripts, WMI-Collect.ps1: the WMI
 * AppID and its launch permissions); KB317872 (unsecapp.exe and the console); Microsoft Learn "Well-known
 * SIDs" / "Security identifiers" (SIDs and domain RIDs).
 * Japanese Windows keeps the English names of built-in accounts and groups (Everyone, Administrators,
 * NT AUTHORITY\SYSTEM), so `name` is one string; the explanations are per language.
 */

export interface LocalizedText {
  readonly en: string;
  readonly ja: string;
}

export interface ClsidInfo {
  /** Upper case, no braces: `8BC3F05E-D86B-11D0-A075-00C04FB68820`. */
  readonly guid: string;
  /** The GUID is registered as a CLSID, an AppID, or both. */
  readonly kinds: readonly ('CLSID' | 'AppID')[];
  readonly name: string;
  readonly description: LocalizedText;
  readonly configMgr: LocalizedText;
}

export const WBEM_LEVEL1_LOGIN = '8BC3F05E-D86B-11D0-A075-00C04FB68820';

export const WELL_KNOWN_CLSIDS: readonly ClsidInfo[] = [
  {
    guid: WBEM_LEVEL1_LOGIN, kinds: ['CLSID', 'AppID'], name: 'WbemLevel1Login (Windows Management Instrumentation)',
    description: {
      en: 'The class a remote WMI client activates first (it implements IWbemLevel1Login). The same GUID is the AppID of WMI, whose launch and activation permissions decide who may connect remotely.',
      ja: 'リモートの WMI クライアントが最初にアクティブ化するクラスです (IWbemLevel1Login を実装)。同じ GUID は WMI の AppID でもあり、その起動とアクティブ化のアクセス許可がリモート接続できるユーザーを決めます。',
    },
    configMgr: {
      en: 'Every ConfigMgr path that DCOM hardening breaks goes through it: console to SMS Provider (root\\SMS), site server to distribution point (root\\SCCMDP), Support Center and Policy Spy to clients, and remote Get-WmiObject.',
      ja: 'DCOM の強化で失敗する ConfigMgr の経路はすべてこれを通ります。コンソールから SMS プロバイダー (root\\SMS)、サイト サーバーから配布ポイント (root\\SCCMDP)、Support Center や Policy Spy からクライアント、リモートの Get-WmiObject です。',
    },
  },
  {
    guid: '4590F811-1D3A-11D0-891F-00AA004B2E24', kinds: ['CLSID'], name: 'WbemLocator',
    description: { en: 'In-process WMI locator (IWbemLocator::ConnectServer). It is loaded in the caller\'s process and is not activated remotely itself.', ja: 'インプロセスの WMI ロケーター (IWbemLocator::ConnectServer) です。呼び出し元のプロセスに読み込まれ、それ自体はリモートでアクティブ化されません。' },
    configMgr: { en: 'Appears in client code; the remote activation it triggers is WbemLevel1Login.', ja: 'クライアント側のコードに現れます。これが引き起こすリモートのアクティブ化は WbemLevel1Login です。' },
  },
  {
    guid: '49BD2028-1523-11D1-AD79-00C04FD8FDFF', kinds: ['CLSID'], name: 'UnsecuredApartment (unsecapp.exe)',
    description: { en: 'Hosts the sinks of asynchronous WMI calls: the server calls back into the client through unsecapp.exe.', ja: '非同期 WMI 呼び出しのシンクをホストします。サーバーは unsecapp.exe を通じてクライアントにコールバックします。' },
    configMgr: { en: 'The console receives asynchronous results this way; a firewall on the console PC that blocks unsecapp.exe breaks the callbacks (KB317872).', ja: 'コンソールは非同期の結果をこの方法で受け取ります。コンソール PC のファイアウォールが unsecapp.exe をブロックするとコールバックが失敗します (KB317872)。' },
  },
  {
    guid: 'C49E32C6-BC8B-11D2-85D4-00105A1F8304', kinds: ['CLSID'], name: 'WbemBackupRestore',
    description: { en: 'WMI repository backup and restore.', ja: 'WMI リポジトリのバックアップと復元です。' },
    configMgr: { en: 'Rarely seen in ConfigMgr troubleshooting.', ja: 'ConfigMgr のトラブルシューティングではまれです。' },
  },
  {
    guid: 'F7CE2E13-8C90-11D1-9E7B-00C04FC324A8', kinds: ['CLSID'], name: 'WbemDCOMTransport',
    description: { en: 'WMI\'s DCOM transport.', ja: 'WMI の DCOM トランスポートです。' },
    configMgr: { en: 'Rarely seen in ConfigMgr troubleshooting.', ja: 'ConfigMgr のトラブルシューティングではまれです。' },
  },
  {
    guid: 'A1044801-8F7E-11D1-9E7C-00C04FC324A8', kinds: ['CLSID'], name: 'WbemLocalAddrRes',
    description: { en: 'WMI local address resolution.', ja: 'WMI のローカル アドレス解決です。' },
    configMgr: { en: 'Rarely seen in ConfigMgr troubleshooting.', ja: 'ConfigMgr のトラブルシューティングではまれです。' },
  },
  {
    guid: '4CB43D7F-7EEE-4906-8698-60DA1C38F2FE', kinds: ['CLSID'], name: 'Microsoft.Update.Session (Windows Update Agent)',
    description: { en: 'Windows Update Agent session object.', ja: 'Windows Update エージェントのセッション オブジェクトです。' },
    configMgr: { en: 'Activated remotely by third-party patch tools that script Windows Update on other machines, not by ConfigMgr itself.', ja: '他のコンピューターの Windows Update をスクリプトで操作するサードパーティ製の修正プログラム管理ツールがリモートでアクティブ化します。ConfigMgr 自身ではありません。' },
  },
  {
    guid: 'BFE18E9C-6D87-4450-B37C-E02F0B373803', kinds: ['CLSID'], name: 'Microsoft.Update.AutoUpdate (Windows Update Agent)',
    description: { en: 'Windows Update Agent automatic updates object.', ja: 'Windows Update エージェントの自動更新オブジェクトです。' },
    configMgr: { en: 'Activated remotely by third-party patch tools, not by ConfigMgr itself.', ja: 'サードパーティ製の修正プログラム管理ツールがリモートでアクティブ化します。ConfigMgr 自身ではありません。' },
  },
  {
    guid: '4991D34B-80A1-4291-83B6-3328366B9097', kinds: ['CLSID'], name: 'BackgroundCopyManager (BITS)',
    description: { en: 'Background Intelligent Transfer Service manager.', ja: 'バックグラウンド インテリジェント転送サービス (BITS) のマネージャーです。' },
    configMgr: { en: 'Clients and pull distribution points use BITS locally; remote activation of it is rare.', ja: 'クライアントやプル配布ポイントは BITS をローカルで使います。リモートでのアクティブ化はまれです。' },
  },
];

const CLSID_BY_GUID = new Map(WELL_KNOWN_CLSIDS.map((c) => [c.guid, c] as const));
const GUID = /^\{?([0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12})\}?$/i;

/** `{8bc3f05e-…}` → `8BC3F05E-…`; undefined when the text is not a GUID. */
export function normalizeGuid(text: string): string | undefined {
  const m = GUID.exec(text.trim());
  return m ? (m[1] ?? '').toUpperCase() : undefined;
}

/** The well-known CLSID or AppID, case-insensitive, braces optional. */
export function describeClsid(guid: string): ClsidInfo | undefined {
  const key = normalizeGuid(guid);
  return key === undefined ? undefined : CLSID_BY_GUID.get(key);
}

export type SidKind = 'wellKnown' | 'builtin' | 'domainRid' | 'account' | 'service' | 'appContainer';

export interface SidDescription {
  /** As given, upper-cased `S`. */
  readonly sid: string;
  readonly kind: SidKind;
  readonly name: string;
  readonly description: LocalizedText;
  /** The last sub-authority, for SIDs under S-1-5-21 (domain or machine accounts). */
  readonly rid: number | null;
}

type SidEntry = readonly [name: string, en: string, ja: string];

const WELL_KNOWN_SIDS: Readonly<Record<string, SidEntry>> = {
  'S-1-0-0': ['NULL SID', 'No security principal.', 'セキュリティ プリンシパルなし。'],
  'S-1-1-0': ['Everyone', 'All users, including Guest (and Anonymous Logon only if a policy adds it).', 'Guest を含むすべてのユーザー (Anonymous Logon はポリシーで追加した場合のみ)。'],
  'S-1-2-0': ['LOCAL', 'Users logged on locally (at the console).', 'ローカル (コンソール) でログオンしたユーザー。'],
  'S-1-3-0': ['CREATOR OWNER', 'Placeholder replaced by the creator of an object in inherited ACEs.', '継承される ACE で、オブジェクトの作成者に置き換えられるプレースホルダー。'],
  'S-1-5-2': ['NT AUTHORITY\\NETWORK', 'Any account logged on over the network: remote DCOM callers carry it.', 'ネットワーク経由でログオンしたアカウント。リモートの DCOM 呼び出し元はこれを持ちます。'],
  'S-1-5-4': ['NT AUTHORITY\\INTERACTIVE', 'Users logged on interactively.', '対話型でログオンしたユーザー。'],
  'S-1-5-6': ['NT AUTHORITY\\SERVICE', 'Any process running as a service.', 'サービスとして実行されているすべてのプロセス。'],
  'S-1-5-7': ['NT AUTHORITY\\ANONYMOUS LOGON', 'An unauthenticated caller (authentication level NONE).', '認証されていない呼び出し元 (認証レベル NONE)。'],
  'S-1-5-9': ['Enterprise Domain Controllers', 'All domain controllers of the forest.', 'フォレスト内のすべてのドメイン コントローラー。'],
  'S-1-5-10': ['NT AUTHORITY\\SELF', 'Placeholder for the object itself in Active Directory ACEs.', 'Active Directory の ACE で、オブジェクト自身を表すプレースホルダー。'],
  'S-1-5-11': ['NT AUTHORITY\\Authenticated Users', 'Every authenticated account, users and computers. The WMI AppID grants it local launch and local and remote activation by default (remote launch only to Administrators); WMI namespace security then decides what it may do.', '認証されたすべてのアカウント (ユーザーとコンピューター)。WMI の AppID は既定でローカルの起動とローカル/リモートのアクティブ化を許可し (リモートの起動は Administrators のみ)、その先の操作は WMI の名前空間のセキュリティで決まります。'],
  'S-1-5-18': ['NT AUTHORITY\\SYSTEM', 'Local System. A service running as Local System (SMS_EXECUTIVE on a site server, CcmExec on a client) uses the computer account (DOMAIN\\NAME$) on the network, so a remote 10036 shows the computer account, not SYSTEM.', 'ローカル システム。Local System で動くサービス (サイト サーバーの SMS_EXECUTIVE、クライアントの CcmExec) はネットワーク上ではコンピューター アカウント (DOMAIN\\NAME$) を使うため、リモートの 10036 には SYSTEM ではなくコンピューター アカウントが記録されます。'],
  'S-1-5-19': ['NT AUTHORITY\\LOCAL SERVICE', 'Local Service: a low-privilege service account that uses anonymous credentials on the network.', 'ローカル サービス。ネットワーク上では匿名の資格情報を使う、権限の低いサービス アカウント。'],
  'S-1-5-20': ['NT AUTHORITY\\NETWORK SERVICE', 'Network Service: a service account that uses the computer account on the network.', 'ネットワーク サービス。ネットワーク上ではコンピューター アカウントを使うサービス アカウント。'],
  'S-1-5-32-544': ['BUILTIN\\Administrators', 'Local administrators. The site server computer account must be a member on distribution points and other site systems, unless a site system installation account is used.', 'ローカルの管理者。サイト システムのインストール アカウントを使わない場合、サイト サーバーのコンピューター アカウントは配布ポイントなどのサイト システムでこのグループのメンバーである必要があります。'],
  'S-1-5-32-545': ['BUILTIN\\Users', 'Local users.', 'ローカルのユーザー。'],
  'S-1-5-32-546': ['BUILTIN\\Guests', 'Local guests.', 'ローカルのゲスト。'],
  'S-1-5-32-547': ['BUILTIN\\Power Users', 'Legacy power users group.', '旧来の Power Users グループ。'],
  'S-1-5-32-551': ['BUILTIN\\Backup Operators', 'Backup operators.', 'バックアップ オペレーター。'],
  'S-1-5-32-555': ['BUILTIN\\Remote Desktop Users', 'Users allowed to log on through Remote Desktop.', 'リモート デスクトップでログオンできるユーザー。'],
  'S-1-5-32-562': ['BUILTIN\\Distributed COM Users', 'Members may launch, activate and use DCOM objects on this machine remotely.', 'このコンピューターの DCOM オブジェクトをリモートで起動、アクティブ化、使用できるメンバー。'],
  'S-1-5-32-573': ['BUILTIN\\Event Log Readers', 'Members may read the event logs of this machine.', 'このコンピューターのイベント ログを読み取れるメンバー。'],
  'S-1-5-32-580': ['BUILTIN\\Remote Management Users', 'Members may access WMI resources over management protocols (WS-Management).', '管理プロトコル (WS-Management) で WMI リソースにアクセスできるメンバー。'],
  'S-1-5-113': ['NT AUTHORITY\\Local account', 'Any local (non-domain) account.', 'ローカル (ドメインでない) アカウント全般。'],
  'S-1-5-114': ['NT AUTHORITY\\Local account and member of Administrators group', 'Local accounts that are administrators; often denied network logon by policy.', '管理者であるローカル アカウント。ポリシーでネットワーク ログオンを拒否されることが多い。'],
};

/** Relative IDs of accounts and groups that every domain (or, for 500/501/503/504, every machine) has. */
const DOMAIN_RIDS: Readonly<Record<number, SidEntry>> = {
  500: ['Administrator', 'The built-in Administrator of the domain, or of the machine for a local SID.', 'ドメイン (ローカル SID ならコンピューター) の組み込み Administrator。'],
  501: ['Guest', 'The built-in Guest account.', '組み込みの Guest アカウント。'],
  502: ['krbtgt', 'The Kerberos service account of the domain.', 'ドメインの Kerberos サービス アカウント。'],
  503: ['DefaultAccount', 'Built-in local account managed by the system.', 'システムが管理する組み込みのローカル アカウント。'],
  504: ['WDAGUtilityAccount', 'Built-in local account used by Windows Defender Application Guard.', 'Windows Defender Application Guard が使う組み込みのローカル アカウント。'],
  512: ['Domain Admins', 'Administrators of the domain.', 'ドメインの管理者。'],
  513: ['Domain Users', 'All user accounts of the domain (on a machine SID: the local group "None").', 'ドメインのすべてのユーザー アカウント (コンピューターの SID では None グループ)。'],
  514: ['Domain Guests', 'Guest accounts of the domain.', 'ドメインのゲスト アカウント。'],
  515: ['Domain Computers', 'All computer accounts of the domain except domain controllers.', 'ドメイン コントローラーを除く、ドメインのすべてのコンピューター アカウント。'],
  516: ['Domain Controllers', 'Domain controllers of the domain.', 'ドメインのドメイン コントローラー。'],
  517: ['Cert Publishers', 'Certificate services allowed to publish certificates.', '証明書を発行できる証明書サービス。'],
  518: ['Schema Admins', 'Administrators of the forest schema.', 'フォレストのスキーマの管理者。'],
  519: ['Enterprise Admins', 'Administrators of the whole forest.', 'フォレスト全体の管理者。'],
  520: ['Group Policy Creator Owners', 'Members may create Group Policy objects.', 'グループ ポリシー オブジェクトを作成できるメンバー。'],
  521: ['Read-only Domain Controllers', 'Read-only domain controllers of the domain.', 'ドメインの読み取り専用ドメイン コントローラー。'],
  522: ['Cloneable Domain Controllers', 'Domain controllers that may be cloned.', '複製 (クローン) できるドメイン コントローラー。'],
  525: ['Protected Users', 'Accounts with extra credential protections (no NTLM, no delegation).', '追加の資格情報保護 (NTLM 不可、委任不可) を受けるアカウント。'],
  526: ['Key Admins', 'Administrators of key objects of the domain.', 'ドメインのキー オブジェクトの管理者。'],
  527: ['Enterprise Key Admins', 'Administrators of key objects of the forest.', 'フォレストのキー オブジェクトの管理者。'],
  553: ['RAS and IAS Servers', 'Remote access servers allowed to read account properties.', 'アカウントのプロパティを読み取れるリモート アクセス サーバー。'],
};

const SID = /^S-1-\d+(?:-\d+)+$/i;

/**
 * What a SID is: a well-known SID, a BUILTIN group, a well-known RID of a domain or machine
 * (`S-1-5-21-…-500`), an ordinary account (`S-1-5-21-…-1105`), a service or an AppContainer SID.
 * Undefined when the text is not a SID or not one of these.
 */
export function describeSid(text: string): SidDescription | undefined {
  const sid = text.trim().replace(/^s/, 'S');
  if (!SID.test(sid)) return undefined;
  const known = WELL_KNOWN_SIDS[sid];
  if (known) return describe(sid, sid.startsWith('S-1-5-32-') ? 'builtin' : 'wellKnown', known, null);
  const parts = sid.split('-');
  if (sid.startsWith('S-1-5-21-') && parts.length >= 5) {
    const rid = Number(parts[parts.length - 1]);
    const wellKnownRid = DOMAIN_RIDS[rid];
    if (wellKnownRid) return describe(sid, 'domainRid', wellKnownRid, rid);
    if (rid >= 1000) {
      return describe(sid, 'account', ['Account', 'An account or group created in a domain or on a machine (user, computer or group). A computer account here is a service on that computer running as Local System or Network Service.', 'ドメインまたはコンピューターで作成されたアカウントまたはグループ (ユーザー、コンピューター、グループ)。コンピューター アカウントの場合は、そのコンピューターで Local System または Network Service として動くサービスを表します。'], rid);
    }
    return undefined;
  }
  if (sid.startsWith('S-1-5-32-')) return describe(sid, 'builtin', ['BUILTIN group', 'A built-in local group of the machine.', 'コンピューターの組み込みローカル グループ。'], null);
  if (sid.startsWith('S-1-5-80-')) return describe(sid, 'service', ['NT SERVICE\\…', 'The per-service SID of a Windows service (NT SERVICE\\<service name>).', 'Windows サービスごとの SID (NT SERVICE\\<サービス名>)。'], null);
  if (sid.startsWith('S-1-15-2-')) return describe(sid, 'appContainer', ['AppContainer', 'The SID of a packaged app\'s AppContainer (seen in event 10016).', 'パッケージ アプリの AppContainer の SID (イベント 10016 に現れます)。'], null);
  return undefined;
}

function describe(sid: string, kind: SidKind, [name, en, ja]: SidEntry, rid: number | null): SidDescription {
  return { sid, kind, name, description: { en, ja }, rid };
}
