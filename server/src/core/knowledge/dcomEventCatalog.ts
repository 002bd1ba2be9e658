/**
 * The DistributedCOM events of the System log an admin meets while chasing DCOM hardening: 10036,
 * 10037, 10038 (the hardening itself) and their neighbours (permission, connectivity and server-start
 * events), with their data fields by position; and the event `Level` values.
 *
 * Sources: the Microsoft-Windows-DistributedCOM message table (the `template` texts, verbatim, in
 * combase.dll); the provider manifest as dumped in jdu2600/Windows10EtwEvents (parameter counts, levels);
 * Microsoft Learn "Issues in Configuration Manager after installing June 2022 security updates for
 * Windows" (which side logs 10036/10037/10038 and what their fields mean); KB5004442; Microsoft Q&A
 * 749374 (a real 10036 with `Data Name="Domain Name"` … `"Client IP Address"`); KB4022522 "Event ID 10016
 * logged in System log" (10016 from Windows components is by design); Microsoft Learn "EventLevel" /
 * winmeta.xml (level values 0-5).
 *
 * Fields are mapped by position: 10036 names them with spaces in real exports, the manifest without;
 * 10037/10038 names were never observed; older events use `param1`…`paramN`.
 */

export const DCOM_PROVIDER = 'Microsoft-Windows-DistributedCOM';
export const DCOM_PROVIDER_GUID = '{1B562E86-B7AA-4131-BADC-B6F3A001407E}';

/** `server`: the machine that receives the activation (hosts the COM server). `client`: the caller. */
export type EventSide = 'server' | 'client';

/** What a field holds, so a hover can explain the value itself (a SID, a CLSID, a level, a code). */
export type EventFieldKind = 'domain' | 'user' | 'sid' | 'ip' | 'address' | 'path' | 'pid' | 'clsid' | 'appid' | 'computer' | 'authLevel' | 'error' | 'text';

export interface EventFieldText {
  readonly label: string;
  readonly meaning: string;
}

export interface EventField {
  /** 1-based position of the `<Data>` element (`%1` of the message). */
  readonly position: number;
  /** Names seen in exports or in the manifest; hints only. */
  readonly names: readonly string[];
  readonly kind: EventFieldKind;
  readonly en: EventFieldText;
  readonly ja: EventFieldText;
}

export interface DcomEventText {
  readonly title: string;
  readonly meaning: string;
  readonly check: readonly string[];
}

export interface DcomEventInfo {
  readonly id: number;
  /** `<EventID Qualifiers="…">`: 0, or 49152 (0xC000) for the classic error IDs such as 10009. */
  readonly qualifiers: number;
  /** Levels the event is written with (10016 moved from Error to Warning on later Windows builds). */
  readonly levels: readonly EventLevel[];
  /** Logged because of DCOM hardening (KB5004442). */
  readonly hardening: boolean;
  readonly side: EventSide;
  /** The English message template, verbatim from the provider's message table. */
  readonly template: string;
  readonly fields: readonly EventField[];
  readonly en: DcomEventText;
  readonly ja: DcomEventText;
}

export type EventLevel = 0 | 1 | 2 | 3 | 4 | 5;

export interface EventLevelInfo {
  readonly level: EventLevel;
  /** winmeta.xml name. */
  readonly name: string;
  readonly en: string;
  readonly ja: string;
}

/** Event Viewer shows LogAlways (0) events as Information. */
export const EVENT_LEVELS: readonly EventLevelInfo[] = [
  { level: 0, name: 'win:LogAlways', en: 'Log Always (shown as Information)', ja: '常に記録 (イベント ビューアーでは「情報」と表示)' },
  { level: 1, name: 'win:Critical', en: 'Critical', ja: '重大' },
  { level: 2, name: 'win:Error', en: 'Error', ja: 'エラー' },
  { level: 3, name: 'win:Warning', en: 'Warning', ja: '警告' },
  { level: 4, name: 'win:Informational', en: 'Information', ja: '情報' },
  { level: 5, name: 'win:Verbose', en: 'Verbose', ja: '詳細' },
];

export const EVENT_SIDES: Readonly<Record<EventSide, { readonly en: string; readonly ja: string }>> = {
  server: { en: 'Logged on the machine that receives the activation (the DCOM server).', ja: 'アクティブ化を受ける側 (DCOM サーバー) のコンピューターに記録されます。' },
  client: { en: 'Logged on the machine that makes the activation request (the DCOM client).', ja: 'アクティブ化を要求する側 (DCOM クライアント) のコンピューターに記録されます。' },
};

type FieldSpec = readonly [names: readonly string[], kind: EventFieldKind, en: EventFieldText, ja: EventFieldText];

function fields(...specs: FieldSpec[]): EventField[] {
  return specs.map(([names, kind, en, ja], i) => ({ position: i + 1, names, kind, en, ja }));
}

const CLSID_FIELD = (position: number, names: readonly string[] = [`param${position}`]): FieldSpec => [
  names, 'clsid',
  { label: 'CLSID', meaning: 'The COM class being activated. {8BC3F05E-D86B-11D0-A075-00C04FB68820} is WMI (WbemLevel1Login): ConfigMgr console, site server and support tools reach remote WMI through it.' },
  { label: 'CLSID', meaning: 'アクティブ化される COM クラスです。{8BC3F05E-D86B-11D0-A075-00C04FB68820} は WMI (WbemLevel1Login) で、ConfigMgr コンソール、サイト サーバー、サポート ツールはこれを通じてリモートの WMI に接続します。' },
];

const ACTIVATION_FIELDS = fields(
  [['ApplicationName', 'Application Name'], 'path', { label: 'Application', meaning: 'Full path of the calling program (for example Microsoft.ConfigurationManagement.exe for the console, smsexec.exe on a site server).' }, { label: 'アプリケーション', meaning: '呼び出し元プログラムのフル パスです (例: コンソールなら Microsoft.ConfigurationManagement.exe、サイト サーバーなら smsexec.exe)。' }],
  [['PID', 'Application PID'], 'pid', { label: 'PID', meaning: 'Process ID of the calling program at that time.' }, { label: 'PID', meaning: 'その時点の呼び出し元プロセスの ID です。' }],
  CLSID_FIELD(3, ['CLSID']),
  [['ComputerName', 'Computer Name'], 'computer', { label: 'Computer', meaning: 'The target machine the activation was sent to (the DCOM server): the SMS Provider, distribution point or client.' }, { label: 'コンピューター', meaning: 'アクティブ化の送り先 (DCOM サーバー) です。SMS プロバイダー、配布ポイント、クライアントなどが該当します。' }],
  [['ActivationAuthenticationLevel', 'Authentication Level'], 'authLevel', { label: 'Authentication level', meaning: 'The RPC_C_AUTHN_LEVEL_* value the request used (0-6). Anything below 5 (RPC_C_AUTHN_LEVEL_PKT_INTEGRITY) is rejected by an updated server.' }, { label: '認証レベル', meaning: '要求に使われた RPC_C_AUTHN_LEVEL_* の値 (0 から 6) です。5 (RPC_C_AUTHN_LEVEL_PKT_INTEGRITY) 未満の要求は、更新済みのサーバーに拒否されます。' }],
);

const CHECK_CALLER_EN = [
  'Install the latest Windows cumulative update on this machine and on the target computer named in the event.',
  'If the application is part of Configuration Manager (console, site server components), upgrade Configuration Manager to version 2203 or later.',
  'If it is a third-party application, ask its vendor for a version that activates at RPC_C_AUTHN_LEVEL_PKT_INTEGRITY, as the message says.',
];
const CHECK_CALLER_JA = [
  'このコンピューターと、イベントに記録された接続先コンピューターの両方に、最新の Windows 累積更新プログラムを適用します。',
  'アプリケーションが Configuration Manager の一部 (コンソール、サイト サーバーのコンポーネント) であれば、Configuration Manager をバージョン 2203 以降にアップグレードします。',
  'サードパーティ製アプリケーションの場合は、メッセージのとおり、RPC_C_AUTHN_LEVEL_PKT_INTEGRITY でアクティブ化するバージョンをベンダーに確認します。',
];

export const DCOM_EVENTS: readonly DcomEventInfo[] = [
  {
    id: 10036, qualifiers: 0, levels: [2], hardening: true, side: 'server',
    template: 'The server-side authentication level policy does not allow the user %1\\%2 SID (%3) from address %4 to activate DCOM server. Please raise the activation authentication level at least to RPC_C_AUTHN_LEVEL_PKT_INTEGRITY in client application.',
    fields: fields(
      [['Domain Name', 'DomainName'], 'domain', { label: 'Domain Name', meaning: 'Domain (or computer, for a local account) of the account that tried to activate.' }, { label: 'ドメイン名', meaning: 'アクティブ化を試みたアカウントのドメイン (ローカル アカウントならコンピューター名) です。' }],
      [['User Name', 'UserName'], 'user', { label: 'User Name', meaning: 'The calling account. A name ending in $ is a computer account: a service running as Local System on that computer, such as SMS_EXECUTIVE on a site server distributing content.' }, { label: 'ユーザー名', meaning: '呼び出し元のアカウントです。末尾が $ の名前はコンピューター アカウントで、そのコンピューターで Local System として動くサービス (例: コンテンツを配布するサイト サーバーの SMS_EXECUTIVE) を表します。' }],
      [['SID'], 'sid', { label: 'SID', meaning: 'Security identifier of the calling account.' }, { label: 'SID', meaning: '呼び出し元アカウントのセキュリティ識別子です。' }],
      [['Client IP Address', 'ClientIPAddress'], 'ip', { label: 'Client IP Address', meaning: 'Address of the calling machine: the console PC or site server that needs the Windows update.' }, { label: 'クライアント IP アドレス', meaning: '呼び出し元コンピューターのアドレスです。更新プログラムが必要なコンソール PC やサイト サーバーを示します。' }],
    ),
    en: {
      title: 'DCOM hardening rejected an incoming activation',
      meaning: 'This machine (SMS Provider, distribution point, or a client reached by Support Center or Policy Spy) refused a DCOM activation because its authentication level was below RPC_C_AUTHN_LEVEL_PKT_INTEGRITY. The caller sees 0x80070005 (access denied) or 0x800706BA. The caller is the machine at the client IP address: it lacks the Windows update that raises its level, or its application sets a low level.',
      check: [
        'Identify the caller from Client IP Address and the account (DOMAIN\\NAME$ = a site server service; a user = the console or a tool).',
        'Install the latest Windows cumulative update on the caller and on this machine.',
        'Upgrade Configuration Manager to version 2203 or later.',
        'On the caller, look for events 10037/10038 at the same time: they name the application.',
      ],
    },
    ja: {
      title: 'DCOM の強化により受信したアクティブ化が拒否された',
      meaning: 'このコンピューター (SMS プロバイダー、配布ポイント、または Support Center や Policy Spy の接続先クライアント) は、認証レベルが RPC_C_AUTHN_LEVEL_PKT_INTEGRITY 未満だったため DCOM のアクティブ化を拒否しました。呼び出し元では 0x80070005 (アクセス拒否) または 0x800706BA が発生します。呼び出し元はクライアント IP アドレスのコンピューターで、認証レベルを引き上げる Windows 更新プログラムが適用されていないか、アプリケーションが低いレベルを指定しています。',
      check: [
        'クライアント IP アドレスとアカウントから呼び出し元を特定します (DOMAIN\\NAME$ はサイト サーバーのサービス、ユーザー名はコンソールやツール)。',
        '呼び出し元とこのコンピューターの両方に、最新の Windows 累積更新プログラムを適用します。',
        'Configuration Manager をバージョン 2203 以降にアップグレードします。',
        '呼び出し元で同じ時刻のイベント 10037/10038 を確認すると、アプリケーションがわかります。',
      ],
    },
  },
  {
    id: 10037, qualifiers: 0, levels: [2], hardening: true, side: 'client',
    template: 'Application %1 with PID %2 is requesting to activate CLSID %3 on computer %4 with explicitly set authentication level at %5. The lowest activation authentication level required by DCOM is 5(RPC_C_AUTHN_LEVEL_PKT_INTEGRITY). To raise the activation authentication level, please contact the application vendor.',
    fields: ACTIVATION_FIELDS,
    en: {
      title: 'An application activates remotely at an explicitly set low level',
      meaning: 'The named application set the authentication level itself (for example in CoCreateInstanceEx or CoInitializeSecurity) below RPC_C_AUTHN_LEVEL_PKT_INTEGRITY when activating a COM class on another computer. An updated target rejects such a request and logs 10036.',
      check: CHECK_CALLER_EN,
    },
    ja: {
      title: 'アプリケーションが明示的に低い認証レベルでリモートのアクティブ化を要求した',
      meaning: '記録されたアプリケーションが、別のコンピューターの COM クラスをアクティブ化する際に、認証レベルを自ら (CoCreateInstanceEx や CoInitializeSecurity などで) RPC_C_AUTHN_LEVEL_PKT_INTEGRITY 未満に指定しました。更新済みの接続先はこの要求を拒否し、イベント 10036 を記録します。',
      check: CHECK_CALLER_JA,
    },
  },
  {
    id: 10038, qualifiers: 0, levels: [2], hardening: true, side: 'client',
    template: 'Application %1 with PID %2 is requesting to activate CLSID %3 on computer %4 with default activation authentication level at %5. The lowest activation authentication level required by DCOM is 5(RPC_C_AUTHN_LEVEL_PKT_INTEGRITY). To raise the activation authentication level, please contact the application vendor.',
    fields: ACTIVATION_FIELDS,
    en: {
      title: 'An application activates remotely at a low default level',
      meaning: 'The named application did not choose a level; the default that applied was below RPC_C_AUTHN_LEVEL_PKT_INTEGRITY. Current Windows updates raise default activation levels on the caller, so this usually means the calling machine lacks them.',
      check: CHECK_CALLER_EN,
    },
    ja: {
      title: 'アプリケーションが低い既定の認証レベルでリモートのアクティブ化を要求した',
      meaning: '記録されたアプリケーションは認証レベルを指定しておらず、適用された既定のレベルが RPC_C_AUTHN_LEVEL_PKT_INTEGRITY 未満でした。現在の Windows 更新プログラムは呼び出し元の既定のアクティブ化レベルを引き上げるため、通常は呼び出し元のコンピューターに更新プログラムが適用されていないことを意味します。',
      check: CHECK_CALLER_JA,
    },
  },
  {
    id: 10016, qualifiers: 0, levels: [2, 3], hardening: false, side: 'server',
    template: 'The %1 permission settings do not grant %2 %3 permission for the COM Server application with CLSID \n%4\n and APPID \n%5\n to the user %6\\%7 SID (%8) from address %9 running in the application container %10 SID (%11). This security permission can be modified using the Component Services administrative tool.',
    fields: fields(
      [['param1'], 'text', { label: 'Settings', meaning: '"application-specific" (the AppID\'s own launch permissions) or "machine-default".' }, { label: '設定', meaning: 'application-specific (AppID 固有の起動アクセス許可) または machine-default (コンピューターの既定値) です。' }],
      [['param2'], 'text', { label: 'Local or Remote', meaning: '"Local" for a caller on the same machine, "Remote" for a caller from the network.' }, { label: 'ローカル/リモート', meaning: '同じコンピューターからの呼び出しなら Local、ネットワーク経由なら Remote です。' }],
      [['param3'], 'text', { label: 'Permission', meaning: '"Launch" or "Activation".' }, { label: 'アクセス許可', meaning: 'Launch (起動) または Activation (アクティブ化) です。' }],
      CLSID_FIELD(4),
      [['param5'], 'appid', { label: 'APPID', meaning: 'The AppID whose permissions were checked (Component Services, DCOM Config).' }, { label: 'APPID', meaning: 'アクセス許可が確認された AppID です (コンポーネント サービスの DCOM の構成)。' }],
      [['param6'], 'domain', { label: 'Domain', meaning: 'Domain of the account.' }, { label: 'ドメイン', meaning: 'アカウントのドメインです。' }],
      [['param7'], 'user', { label: 'User', meaning: 'The account that was denied.' }, { label: 'ユーザー', meaning: '拒否されたアカウントです。' }],
      [['param8'], 'sid', { label: 'SID', meaning: 'Security identifier of the account.' }, { label: 'SID', meaning: 'アカウントのセキュリティ識別子です。' }],
      [['param9'], 'address', { label: 'Address', meaning: '"LocalHost (Using LRPC)" for a local caller, otherwise the caller\'s IP address.' }, { label: 'アドレス', meaning: 'ローカルの呼び出しなら LocalHost (Using LRPC)、それ以外は呼び出し元の IP アドレスです。' }],
      [['param10'], 'text', { label: 'Application container', meaning: 'AppContainer of the caller, or "Unavailable".' }, { label: 'アプリケーション コンテナー', meaning: '呼び出し元の AppContainer、または Unavailable です。' }],
      [['param11'], 'sid', { label: 'Container SID', meaning: 'SID of that AppContainer, or "Unavailable".' }, { label: 'コンテナー SID', meaning: 'その AppContainer の SID、または Unavailable です。' }],
    ),
    en: {
      title: 'DCOM launch/activation permission denied (not hardening)',
      meaning: 'An account lacked Launch or Activation permission for a COM server on this machine. This is a permission check, not DCOM hardening. Local instances (LocalHost (Using LRPC)) from Windows components are by design and harmless. It matters for ConfigMgr when the permission is Remote Activation for the WMI CLSID and the address is a console PC or site server.',
      check: [
        'Ignore local instances for built-in Windows components.',
        'For remote WMI activation denied on an SMS Provider: add the console user as a Configuration Manager administrative user (ConfigMgr puts administrative users into the SMS Admins group of each SMS Provider), and check that group\'s membership.',
        'Otherwise grant the permission for the AppID in Component Services (dcomcnfg), DCOM Config, Launch and Activation Permissions.',
      ],
    },
    ja: {
      title: 'DCOM の起動/アクティブ化のアクセス許可がない (強化とは無関係)',
      meaning: 'このコンピューター上の COM サーバーについて、アカウントに起動またはアクティブ化のアクセス許可がありませんでした。アクセス許可の確認によるもので、DCOM の強化ではありません。Windows コンポーネントによるローカル (LocalHost (Using LRPC)) のものは仕様どおりで無害です。ConfigMgr で問題になるのは、WMI の CLSID に対するリモートのアクティブ化が拒否され、アドレスがコンソール PC やサイト サーバーの場合です。',
      check: [
        'Windows 標準コンポーネントによるローカルのイベントは無視してかまいません。',
        'SMS プロバイダーでリモートの WMI アクティブ化が拒否された場合は、コンソール ユーザーを Configuration Manager の管理ユーザーとして追加し (ConfigMgr は管理ユーザーを各 SMS プロバイダーの SMS Admins グループに追加します)、そのグループのメンバーシップを確認します。',
        'それ以外は、コンポーネント サービス (dcomcnfg) の DCOM の構成で、その AppID の [起動とアクティブ化のアクセス許可] を付与します。',
      ],
    },
  },
  {
    id: 10028, qualifiers: 0, levels: [2], hardening: false, side: 'client',
    template: 'DCOM was unable to communicate with the computer %1 using any of the configured protocols; requested by PID %2 (%3), while activating CLSID %4.',
    fields: fields(
      [['param1'], 'computer', { label: 'Computer', meaning: 'The target that could not be reached.' }, { label: 'コンピューター', meaning: '到達できなかった接続先です。' }],
      [['param2'], 'pid', { label: 'PID', meaning: 'Process ID of the caller (some builds print it in hex, padded with spaces: `     f0c`).' }, { label: 'PID', meaning: '呼び出し元のプロセス ID です (ビルドによっては空白で桁をそろえた 16 進数で出力されます: `     f0c`)。' }],
      [['param3'], 'path', { label: 'Process', meaning: 'Path of the calling program.' }, { label: 'プロセス', meaning: '呼び出し元プログラムのパスです。' }],
      CLSID_FIELD(4),
    ),
    en: {
      title: 'DCOM could not reach the target computer (network, not hardening)',
      meaning: 'No RPC connection to the target succeeded: it is off, its name resolves to a wrong or stale address, or a firewall blocks TCP 135 or the dynamic RPC ports. Callers see 0x800706BA. Not DCOM hardening: hardening needs a connection before it can reject one.',
      check: [
        'Resolve the name and confirm the address belongs to the intended machine (stale DNS records are common).',
        'Test TCP 135 and the dynamic RPC range (49152-65535 by default) through every firewall in between.',
        'Confirm the target is running and its Windows Management Instrumentation (DCOM-In) firewall rule is enabled.',
      ],
    },
    ja: {
      title: 'DCOM が接続先に到達できなかった (ネットワークの問題で、強化とは無関係)',
      meaning: '接続先への RPC 接続がどれも成功しませんでした。電源が切れている、名前解決で誤った (古い) アドレスが返る、ファイアウォールが TCP 135 や動的 RPC ポートをブロックしている、などが原因です。呼び出し元では 0x800706BA になります。DCOM の強化は接続が確立してから拒否するものなので、これは強化ではありません。',
      check: [
        '名前解決を行い、アドレスが目的のコンピューターのものか確認します (DNS の古いレコードがよくある原因です)。',
        '途中のすべてのファイアウォールで、TCP 135 と動的 RPC ポート範囲 (既定は 49152-65535) を確認します。',
        '接続先が起動していること、Windows ファイアウォールの受信規則 Windows Management Instrumentation (DCOM-In) が有効であることを確認します。',
      ],
    },
  },
  {
    id: 10009, qualifiers: 49152, levels: [2], hardening: false, side: 'client',
    template: 'DCOM was unable to communicate with the computer %1 using any of the configured protocols.',
    fields: fields([['param1'], 'computer', { label: 'Computer', meaning: 'The target that could not be reached.' }, { label: 'コンピューター', meaning: '到達できなかった接続先です。' }]),
    en: {
      title: 'DCOM could not reach the target computer (older form of 10028)',
      meaning: 'Same condition as 10028, as older Windows versions log it: no RPC connection to the target succeeded. Network, name resolution or firewall; not DCOM hardening.',
      check: ['Check name resolution, TCP 135 and the dynamic RPC ports to the target, as for event 10028.'],
    },
    ja: {
      title: 'DCOM が接続先に到達できなかった (10028 の旧形式)',
      meaning: '古いバージョンの Windows が記録する、10028 と同じ状態です。接続先への RPC 接続が成功しませんでした。ネットワーク、名前解決、ファイアウォールの問題で、DCOM の強化ではありません。',
      check: ['イベント 10028 と同様に、名前解決、接続先への TCP 135 と動的 RPC ポートを確認します。'],
    },
  },
  {
    id: 10006, qualifiers: 0, levels: [2], hardening: false, side: 'client',
    template: 'DCOM got error "%1" from the computer %2 when attempting to activate the server:\n%3',
    fields: fields(
      [['param1'], 'error', { label: 'Error', meaning: 'What the target returned, as text or as a number (2147942405 is 0x80070005).' }, { label: 'エラー', meaning: '接続先が返したエラーで、テキストまたは数値です (2147942405 は 0x80070005)。' }],
      [['param2'], 'computer', { label: 'Computer', meaning: 'The target that returned the error.' }, { label: 'コンピューター', meaning: 'エラーを返した接続先です。' }],
      CLSID_FIELD(3),
    ),
    en: {
      title: 'The target computer returned an error to a DCOM activation',
      meaning: 'The connection worked but the target refused or failed the activation. The error says why; the target\'s own System log says more.',
      check: [
        'Decode the error. For access denied, look on the target at the same time: 10036 means DCOM hardening, 10016 means launch/activation permissions.',
        'For server execution failures (0x80080005), look on the target for 10010, 10005 or 10001.',
      ],
    },
    ja: {
      title: '接続先コンピューターが DCOM のアクティブ化にエラーを返した',
      meaning: '接続はできましたが、接続先がアクティブ化を拒否したか失敗しました。理由はエラーに示され、接続先のシステム ログに詳細があります。',
      check: [
        'エラーを解読します。アクセス拒否なら、同じ時刻の接続先のイベントを確認します。10036 なら DCOM の強化、10016 なら起動/アクティブ化のアクセス許可です。',
        'サーバーの実行失敗 (0x80080005) なら、接続先で 10010、10005、10001 を確認します。',
      ],
    },
  },
  {
    id: 10010, qualifiers: 0, levels: [2], hardening: false, side: 'server',
    template: 'The server %1 did not register with DCOM within the required timeout.',
    fields: fields([['param1'], 'clsid', { label: 'Server', meaning: 'CLSID or packaged-app ID of the COM server that started too slowly.' }, { label: 'サーバー', meaning: '起動が間に合わなかった COM サーバーの CLSID またはパッケージ アプリの ID です。' }]),
    en: {
      title: 'A COM server did not start in time',
      meaning: 'DCOM started the server process but it did not register its class in time; the caller gets 0x80080005. Frequent and harmless for packaged Windows apps. It matters when the server is WMI on an SMS Provider or distribution point: remote WMI calls fail while it is hung.',
      check: [
        'Check that the Windows Management Instrumentation service responds on the target (a local wbemtest or Get-CimInstance).',
        'Look in the Application log for WMI provider host (WmiPrvSE) crashes or quota errors.',
      ],
    },
    ja: {
      title: 'COM サーバーが時間内に起動しなかった',
      meaning: 'DCOM はサーバー プロセスを起動しましたが、時間内にクラスが登録されず、呼び出し元は 0x80080005 になります。パッケージ化された Windows アプリでは頻繁に出る無害なイベントです。SMS プロバイダーや配布ポイントの WMI で起きている場合は、応答しない間のリモート WMI 呼び出しが失敗します。',
      check: [
        '接続先で Windows Management Instrumentation サービスが応答するか確認します (ローカルでの wbemtest や Get-CimInstance)。',
        'アプリケーション ログで WMI プロバイダー ホスト (WmiPrvSE) のクラッシュやクォータのエラーを確認します。',
      ],
    },
  },
  {
    id: 10005, qualifiers: 0, levels: [2], hardening: false, side: 'server',
    template: 'DCOM got error "%1" attempting to start the service %2 with arguments "%3" in order to run the server:\n%4',
    fields: fields(
      [['param1'], 'error', { label: 'Error', meaning: 'Why the service did not start, often a Win32 code (1058: the service is disabled).' }, { label: 'エラー', meaning: 'サービスが開始しなかった理由で、多くは Win32 コードです (1058: サービスが無効)。' }],
      [['param2'], 'text', { label: 'Service', meaning: 'The service that hosts the COM server.' }, { label: 'サービス', meaning: 'COM サーバーをホストするサービスです。' }],
      [['param3'], 'text', { label: 'Arguments', meaning: 'Start arguments, usually empty.' }, { label: '引数', meaning: '開始時の引数で、通常は空です。' }],
      CLSID_FIELD(4),
    ),
    en: {
      title: 'DCOM could not start the service that hosts a COM server',
      meaning: 'An activation needed a service (for WMI: Winmgmt) that could not be started: disabled, failing, or with a bad logon. Not DCOM hardening.',
      check: ['Check the service\'s startup type and state, and the Service Control Manager events of the System log at the same time.'],
    },
    ja: {
      title: 'DCOM が COM サーバーをホストするサービスを開始できなかった',
      meaning: 'アクティブ化に必要なサービス (WMI なら Winmgmt) を開始できませんでした。無効化されている、起動に失敗する、ログオン情報が誤っている、などが原因です。DCOM の強化ではありません。',
      check: ['サービスのスタートアップの種類と状態、および同じ時刻のシステム ログにあるサービス コントロール マネージャーのイベントを確認します。'],
    },
  },
  {
    id: 10001, qualifiers: 0, levels: [2], hardening: false, side: 'server',
    template: 'Unable to start a DCOM Server: %3 as %4/%5. The error:\n"%2"\nHappened while starting this command:\n%1',
    fields: fields(
      [['param1'], 'path', { label: 'Command', meaning: 'The command line DCOM tried to run.' }, { label: 'コマンド', meaning: 'DCOM が実行しようとしたコマンド ラインです。' }],
      [['param2'], 'error', { label: 'Error', meaning: 'Why it failed, often an unsigned decimal HRESULT (2147942402 is 0x80070002, file not found).' }, { label: 'エラー', meaning: '失敗の理由で、多くは符号なし 10 進数の HRESULT です (2147942402 は 0x80070002、ファイルが見つからない)。' }],
      [['param3'], 'clsid', { label: 'Server', meaning: 'CLSID, AppID or packaged-app ID of the server.' }, { label: 'サーバー', meaning: 'サーバーの CLSID、AppID、またはパッケージ アプリの ID です。' }],
      [['param4'], 'domain', { label: 'Domain', meaning: 'Domain of the identity it runs as ("Unavailable" for packaged apps).' }, { label: 'ドメイン', meaning: '実行 ID のドメインです (パッケージ アプリでは Unavailable)。' }],
      [['param5'], 'user', { label: 'User', meaning: 'The identity it runs as.' }, { label: 'ユーザー', meaning: '実行 ID のアカウントです。' }],
    ),
    en: {
      title: 'DCOM could not start a COM server process',
      meaning: 'The server\'s executable could not be started as its configured identity. Callers get 0x80080005 or 0x8000401A. Not DCOM hardening.',
      check: ['Decode the error; check that the file exists and the configured identity (Component Services, Identity tab) has a valid password.'],
    },
    ja: {
      title: 'DCOM が COM サーバーのプロセスを開始できなかった',
      meaning: '構成された ID でサーバーの実行可能ファイルを開始できませんでした。呼び出し元は 0x80080005 または 0x8000401A になります。DCOM の強化ではありません。',
      check: ['エラーを解読し、ファイルが存在するか、構成された ID (コンポーネント サービスの [ID] タブ) のパスワードが有効かを確認します。'],
    },
  },
];

const BY_ID = new Map(DCOM_EVENTS.map((e) => [e.id, e] as const));

/** The catalogue entry of a DistributedCOM event ID (the low 16 bits, whatever the qualifiers). */
export function dcomEvent(id: number): DcomEventInfo | undefined {
  return BY_ID.get(id & 0xffff);
}

/** The field at a 1-based position of that event, or undefined. */
export function dcomEventField(id: number, position: number): EventField | undefined {
  return dcomEvent(id)?.fields[position - 1];
}

export function isHardeningEvent(id: number): boolean {
  return dcomEvent(id)?.hardening === true;
}

export function eventLevel(level: number): EventLevelInfo | undefined {
  return EVENT_LEVELS.find((l) => l.level === level);
}
