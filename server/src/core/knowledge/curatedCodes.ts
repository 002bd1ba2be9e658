/**
 * Our explanations of the error codes that ConfigMgr admins meet around DCOM hardening: what each
 * means in Configuration Manager (which symptom, which log, which side) and what it points at.
 *
 * Sources: Microsoft Learn "Issues in Configuration Manager after installing June 2022 security updates
 * for Windows" (0x80070005 and 0x800706BA as symptoms; the fix: latest Windows cumulative update on both
 * machines, ConfigMgr 2203 or later); KB5004442; Microsoft Learn "Troubleshoot content distribution" and
 * "Package distribution to remote DP fails" (PkgXferMgr.log lines with 0x80041001, 0x80004005,
 * 0x8007052E; 0x800706D9 and blocked RPC ports; DistMgr waiting on WMI); KB317872 (console connection
 * errors 0x800706BA, 0x80080005, 0x80041013, WMI "Remote Enable"); symbols and messages from mingw-w64
 * `winerror.h`/`wbemcli.h` and the Win32 error documentation (MicrosoftDocs/win32). The Microsoft message
 * of each code is in `errorCatalog`; these texts are ours, in English and Japanese.
 */

export type CodeRelation = 'dcomHardening' | 'firewallOrRpc' | 'wmiSecurity' | 'account' | 'comServer' | 'network' | 'generic';

export interface CuratedText {
  readonly title: string;
  readonly meaning: string;
  readonly nextSteps: readonly string[];
}

export interface CuratedCode {
  /** Unsigned 32-bit HRESULT. */
  readonly value: number;
  readonly symbol: string;
  readonly relation: CodeRelation;
  /** Listed by Microsoft as a symptom of DCOM hardening in ConfigMgr (0x80070005, 0x800706BA). */
  readonly hardeningSymptom: boolean;
  readonly en: CuratedText;
  readonly ja: CuratedText;
}

export const RELATIONS: Readonly<Record<CodeRelation, { readonly en: string; readonly ja: string }>> = {
  dcomHardening: { en: 'DCOM hardening (KB5004442)', ja: 'DCOM の強化 (KB5004442)' },
  firewallOrRpc: { en: 'Firewall or RPC connectivity', ja: 'ファイアウォールまたは RPC 接続' },
  wmiSecurity: { en: 'WMI namespace security', ja: 'WMI 名前空間のセキュリティ' },
  account: { en: 'Account or authentication', ja: 'アカウントまたは認証' },
  comServer: { en: 'COM server or WMI provider on the target', ja: '接続先の COM サーバーまたは WMI プロバイダー' },
  network: { en: 'Network or name resolution', ja: 'ネットワークまたは名前解決' },
  generic: { en: 'Generic failure: look for a more specific code', ja: '一般的なエラー (より具体的なコードを確認)' },
};

const EN_CHECK_10036 = 'Look in the System log of the receiving machine for DistributedCOM event 10036 at the same time (and for 10037/10038 on the connecting machine). If it is there, this is DCOM hardening.';
const JA_CHECK_10036 = '接続を受ける側のシステム ログで同じ時刻の DistributedCOM イベント 10036 を (接続する側では 10037/10038 を) 確認します。記録されていれば DCOM の強化が原因です。';
const EN_UPDATE_BOTH = 'Install the latest Windows cumulative update on both machines: the one that connects (console PC, site server) and the one that receives (SMS Provider, distribution point, client).';
const JA_UPDATE_BOTH = '接続する側 (コンソール PC、サイト サーバー) と接続を受ける側 (SMS プロバイダー、配布ポイント、クライアント) の両方に、最新の Windows 累積更新プログラムを適用します。';
const EN_CM_2203 = 'Upgrade Configuration Manager to version 2203 or later.';
const JA_CM_2203 = 'Configuration Manager をバージョン 2203 以降にアップグレードします。';
const EN_RPC_PORTS = 'Test TCP 135 and the dynamic RPC range (49152-65535 by default) from the caller to the target, through every firewall in between (for example Test-NetConnection <target> -Port 135).';
const JA_RPC_PORTS = '呼び出し元から接続先への TCP 135 と動的 RPC ポート範囲 (既定は 49152-65535) を、途中のすべてのファイアウォールを含めて確認します (例: Test-NetConnection <接続先> -Port 135)。';

export const CURATED_CODES: readonly CuratedCode[] = [
  {
    value: 0x80070005, symbol: 'E_ACCESSDENIED', relation: 'dcomHardening', hardeningSymptom: true,
    en: {
      title: 'Access denied',
      meaning: 'The receiving side refused the request. In ConfigMgr this is the main symptom of DCOM hardening (KB5004442): the console cannot connect to a remote SMS Provider (SmsAdminUI.log: "Insufficient privilege to connect" in WqlConnectionManager.Connect) while a local connection with the same account works; Support Center or Policy Spy cannot reach a client; distmgr.log or PkgXferMgr.log on the site server fail against a remote distribution point. The same code also means plain missing rights: DCOM launch and activation permissions, WMI namespace security, SMS Admins membership, or the site server computer account missing from the local Administrators group of the distribution point.',
      nextSteps: [EN_CHECK_10036, EN_UPDATE_BOTH, EN_CM_2203, 'Without 10036, check the rights of the calling account: for the console, a Configuration Manager administrative user (member of SMS Admins on the SMS Provider); for a distribution point, the site server computer account in its local Administrators group.'],
    },
    ja: {
      title: 'アクセスが拒否された',
      meaning: '接続を受ける側が要求を拒否しました。ConfigMgr では DCOM の強化 (KB5004442) の代表的な症状です。コンソールがリモートの SMS プロバイダーに接続できない (SmsAdminUI.log の WqlConnectionManager.Connect で "Insufficient privilege to connect") のに同じアカウントでローカル接続はできる、Support Center や Policy Spy がクライアントに接続できない、サイト サーバーの distmgr.log や PkgXferMgr.log がリモートの配布ポイントに対して失敗する、といった形で現れます。同じコードは単なる権限不足でも発生します (DCOM の起動とアクティブ化のアクセス許可、WMI 名前空間のセキュリティ、SMS Admins のメンバーシップ、配布ポイントのローカル Administrators にサイト サーバーのコンピューター アカウントがない、など)。',
      nextSteps: [JA_CHECK_10036, JA_UPDATE_BOTH, JA_CM_2203, '10036 がない場合は呼び出し元アカウントの権限を確認します。コンソールなら Configuration Manager の管理ユーザー (SMS プロバイダーの SMS Admins のメンバー) であること、配布ポイントならサイト サーバーのコンピューター アカウントがそのローカル Administrators に含まれていることを確認します。'],
    },
  },
  {
    value: 0x800706ba, symbol: 'RPC_S_SERVER_UNAVAILABLE', relation: 'firewallOrRpc', hardeningSymptom: true,
    en: {
      title: 'The RPC server is unavailable (Win32 1722)',
      meaning: 'The caller could not complete an RPC connection to the target. Microsoft lists it, with 0x80070005, as a symptom of DCOM hardening after the June 2022 updates (console to SMS Provider, site server to distribution point). When the target logs no 10036, the classic causes come first: the name resolves to a wrong or stale address, the machine is off, a firewall blocks TCP 135 or the dynamic RPC ports, or the RPC or WMI service is not running.',
      nextSteps: [EN_CHECK_10036 + ' Then install the latest Windows cumulative update on both machines and use Configuration Manager 2203 or later.', 'Resolve the target name from the caller and confirm the address belongs to the intended machine.', EN_RPC_PORTS, 'On the target, check that the Windows Management Instrumentation service runs and the Windows Management Instrumentation (DCOM-In) firewall rule is enabled.'],
    },
    ja: {
      title: 'RPC サーバーを利用できない (Win32 1722)',
      meaning: '呼び出し元が接続先との RPC 接続を確立できませんでした。Microsoft は 2022 年 6 月の更新プログラム以降の DCOM の強化の症状として、0x80070005 とともにこのコードを挙げています (コンソールから SMS プロバイダー、サイト サーバーから配布ポイント)。接続先に 10036 が記録されていない場合は、まず従来の原因を疑います。名前解決で誤った (古い) アドレスが返る、コンピューターが停止している、ファイアウォールが TCP 135 や動的 RPC ポートをブロックしている、RPC や WMI のサービスが動いていない、などです。',
      nextSteps: [JA_CHECK_10036 + ' その場合は両方のコンピューターに最新の Windows 累積更新プログラムを適用し、Configuration Manager 2203 以降を使います。', '呼び出し元で接続先の名前を解決し、アドレスが目的のコンピューターのものか確認します。', JA_RPC_PORTS, '接続先で Windows Management Instrumentation サービスが動いていること、Windows ファイアウォールの受信規則 Windows Management Instrumentation (DCOM-In) が有効であることを確認します。'],
    },
  },
  {
    value: 0x800706be, symbol: 'RPC_S_CALL_FAILED', relation: 'firewallOrRpc', hardeningSymptom: false,
    en: {
      title: 'The remote procedure call failed (Win32 1726)',
      meaning: 'The connection was made but the call broke while it ran: the server process ended or crashed (for WMI, a provider host WmiPrvSE.exe), the connection was reset, or a network device dropped a long-running session. Not the DCOM hardening rejection, which happens at activation.',
      nextSteps: ['Check the target\'s Application and System logs at the same time for crashed WMI provider hosts or restarted services.', 'Check firewalls, load balancers or VPNs between the machines that cut idle or long connections.', 'If it recurs on long operations (large content, slow queries), look at the load on the target.'],
    },
    ja: {
      title: 'リモート プロシージャ コールが失敗した (Win32 1726)',
      meaning: '接続は確立しましたが、実行中に呼び出しが中断しました。サーバー プロセスの終了やクラッシュ (WMI ではプロバイダー ホスト WmiPrvSE.exe)、接続のリセット、ネットワーク機器による長時間セッションの切断などが原因です。DCOM の強化による拒否はアクティブ化の時点で起きるため、これとは異なります。',
      nextSteps: ['接続先のアプリケーション ログとシステム ログで、同じ時刻の WMI プロバイダー ホストのクラッシュやサービスの再起動を確認します。', 'コンピューター間のファイアウォール、ロード バランサー、VPN がアイドル接続や長時間の接続を切断していないか確認します。', '大きなコンテンツや時間のかかるクエリなど長い処理で繰り返す場合は、接続先の負荷を確認します。'],
    },
  },
  {
    value: 0x800706bf, symbol: 'RPC_S_CALL_FAILED_DNE', relation: 'firewallOrRpc', hardeningSymptom: false,
    en: {
      title: 'The remote procedure call failed and did not execute (Win32 1727)',
      meaning: 'The RPC call failed before the server ran it: the connection was cut or packets were filtered in between (a firewall, IPS or NAT device inspecting RPC), or the server could not accept the call. Nothing was executed on the target.',
      nextSteps: ['Check network devices that inspect or filter RPC traffic between the machines.', EN_RPC_PORTS, 'Check the load and the RPC service on the target.'],
    },
    ja: {
      title: 'リモート プロシージャ コールが失敗し、実行されなかった (Win32 1727)',
      meaning: 'サーバーが実行する前に RPC 呼び出しが失敗しました。途中で接続が切れたかパケットがフィルターされた (RPC を検査するファイアウォール、IPS、NAT 機器)、またはサーバーが呼び出しを受け付けられなかったことを示します。接続先では何も実行されていません。',
      nextSteps: ['コンピューター間で RPC 通信を検査またはフィルターするネットワーク機器を確認します。', JA_RPC_PORTS, '接続先の負荷と RPC サービスを確認します。'],
    },
  },
  {
    value: 0x800706d9, symbol: 'EPT_S_NOT_REGISTERED', relation: 'firewallOrRpc', hardeningSymptom: false,
    en: {
      title: 'No more endpoints available from the endpoint mapper (Win32 1753)',
      meaning: 'The endpoint mapper of the target (TCP 135) answered, but it has no endpoint for the requested RPC interface: the service that provides it is not running on the target, or a firewall in between filters RPC. Microsoft\'s content distribution troubleshooting ties it to blocked RPC ports (for example for pull distribution points). Not DCOM hardening.',
      nextSteps: ['Check that the service behind the call runs on the target (for WMI: Windows Management Instrumentation).', EN_RPC_PORTS, 'List the endpoints registered on the target with portqry -n <target> -e 135.'],
    },
    ja: {
      title: 'エンドポイント マッパーから利用できるエンドポイントがない (Win32 1753)',
      meaning: '接続先のエンドポイント マッパー (TCP 135) は応答しましたが、要求された RPC インターフェイスのエンドポイントが登録されていません。そのインターフェイスを提供するサービスが接続先で動いていないか、途中のファイアウォールが RPC をフィルターしています。Microsoft のコンテンツ配布のトラブルシューティングでは、RPC ポートのブロック (プル配布ポイントなど) と結び付けられています。DCOM の強化ではありません。',
      nextSteps: ['呼び出しの先にあるサービスが接続先で動いているか確認します (WMI なら Windows Management Instrumentation)。', JA_RPC_PORTS, 'portqry -n <接続先> -e 135 で、接続先に登録されているエンドポイントを一覧表示します。'],
    },
  },
  {
    value: 0x80070776, symbol: 'OR_INVALID_OXID', relation: 'network', hardeningSymptom: false,
    en: {
      title: 'The object exporter specified was not found (Win32 1910)',
      meaning: 'DCOM holds an object reference but cannot resolve where the object lives. The server process that exported it has gone (WMI provider host recycled, service restarted), the addresses do not match (multi-homed machines, NAT), or callbacks to the caller are blocked: the console receives asynchronous WMI results through callbacks to unsecapp.exe on the console PC.',
      nextSteps: ['Retry: a restarted or recycled server process causes it once.', 'On the console PC, allow unsecapp.exe through the firewall so WMI callbacks can reach it.', 'Check multi-homed machines and NAT between caller and target: the addresses DCOM advertises must be reachable.'],
    },
    ja: {
      title: '指定されたオブジェクト エクスポーターが見つからない (Win32 1910)',
      meaning: 'DCOM はオブジェクトへの参照を持っていますが、そのオブジェクトの所在を解決できません。オブジェクトをエクスポートしたサーバー プロセスがなくなった (WMI プロバイダー ホストのリサイクル、サービスの再起動)、アドレスが一致しない (複数の NIC を持つコンピューター、NAT)、呼び出し元へのコールバックがブロックされている、のいずれかです。コンソールは非同期の WMI の結果を、コンソール PC 上の unsecapp.exe へのコールバックで受け取ります。',
      nextSteps: ['再試行します。サーバー プロセスの再起動やリサイクルの直後に一度だけ起きることがあります。', 'コンソール PC のファイアウォールで unsecapp.exe を許可し、WMI のコールバックが届くようにします。', '複数の NIC を持つコンピューターや NAT を確認します。DCOM が通知するアドレスに到達できる必要があります。'],
    },
  },
  {
    value: 0x800706d3, symbol: 'RPC_S_UNKNOWN_AUTHN_SERVICE', relation: 'account', hardeningSymptom: false,
    en: {
      title: 'The authentication service is unknown (Win32 1747)',
      meaning: 'The authentication service requested for the RPC binding is not available: client and server share no usable security package, for example NTLM restricted by policy while Kerberos cannot be used (a connection by IP address, or by an alias without an SPN).',
      nextSteps: ['Connect by the target\'s FQDN so that Kerberos can be used.', 'Check the NTLM restriction policies (Network security: Restrict NTLM) on both machines.', 'Look in the System log for Kerberos errors at the same time.'],
    },
    ja: {
      title: '認証サービスが不明 (Win32 1747)',
      meaning: 'RPC のバインドで要求された認証サービスを利用できません。クライアントとサーバーに共通して使えるセキュリティ パッケージがありません。たとえば、ポリシーで NTLM が制限されているのに Kerberos を使えない (IP アドレスや SPN のない別名で接続している) 場合です。',
      nextSteps: ['Kerberos を使えるように、接続先の FQDN で接続します。', '両方のコンピューターで NTLM の制限ポリシー (ネットワーク セキュリティ: NTLM を制限する) を確認します。', '同じ時刻のシステム ログで Kerberos のエラーを確認します。'],
    },
  },
  {
    value: 0x80070721, symbol: 'RPC_S_SEC_PKG_ERROR', relation: 'account', hardeningSymptom: false,
    en: {
      title: 'A security package specific error occurred (Win32 1825)',
      meaning: 'Kerberos or NTLM authentication failed between the machines. Typical causes: clock skew above 5 minutes, duplicate or missing SPNs, a broken secure channel of a computer account, or NTLM blocked by policy.',
      nextSteps: ['Compare the time on both machines and on the domain controller.', 'Check the target\'s SPNs (setspn -X lists duplicates) and the secure channel (Test-ComputerSecureChannel).', 'Look in the System log for Kerberos errors at the same time.'],
    },
    ja: {
      title: 'セキュリティ パッケージ固有のエラー (Win32 1825)',
      meaning: 'コンピューター間の Kerberos または NTLM 認証が失敗しました。よくある原因は、5 分を超える時刻のずれ、SPN の重複や欠落、コンピューター アカウントのセキュア チャネルの破損、ポリシーによる NTLM のブロックです。',
      nextSteps: ['両方のコンピューターとドメイン コントローラーの時刻を比べます。', '接続先の SPN (setspn -X で重複を一覧表示) とセキュア チャネル (Test-ComputerSecureChannel) を確認します。', '同じ時刻のシステム ログで Kerberos のエラーを確認します。'],
    },
  },
  {
    value: 0x8007052e, symbol: 'ERROR_LOGON_FAILURE', relation: 'account', hardeningSymptom: false,
    en: {
      title: 'The user name or password is incorrect (Win32 1326)',
      meaning: 'An account problem, not DCOM hardening: an account ConfigMgr uses (package access, network access account, client push installation account, site system installation account) has a wrong or changed password, or is locked out or expired. PkgXferMgr.log shows it as "CSendFileAction::SendContent failed; 0x8007052e".',
      nextSteps: ['Find which account the component used: the lines before name the path or the account.', 'Re-enter the password in the console (Administration, Security, Accounts) and check that the account is neither locked out nor expired.'],
    },
    ja: {
      title: 'ユーザー名またはパスワードが正しくない (Win32 1326)',
      meaning: 'DCOM の強化ではなくアカウントの問題です。ConfigMgr が使うアカウント (パッケージ アクセス、ネットワーク アクセス アカウント、クライアント プッシュ インストール アカウント、サイト システムのインストール アカウント) のパスワードが誤っているか変更された、またはロックアウトや有効期限切れになっています。PkgXferMgr.log では "CSendFileAction::SendContent failed; 0x8007052e" のように記録されます。',
      nextSteps: ['コンポーネントが使ったアカウントを特定します。直前の行にパスやアカウントが記録されています。', 'コンソール (管理、セキュリティ、アカウント) でパスワードを入力し直し、アカウントがロックアウトや有効期限切れになっていないか確認します。'],
    },
  },
  {
    value: 0x80070035, symbol: 'ERROR_BAD_NETPATH', relation: 'network', hardeningSymptom: false,
    en: {
      title: 'The network path was not found (Win32 53)',
      meaning: 'An SMB path (\\\\server\\share) could not be reached: a package source path, ADMIN$ or a content share of a distribution point, or ADMIN$ of a client-push target. Name resolution, TCP 445 blocked, the Server service stopped, or administrative shares disabled. SMB, not DCOM.',
      nextSteps: ['From the machine that logged it, open the path in the log (for example \\\\target\\ADMIN$) as the account the component uses.', 'Check name resolution and TCP 445 to the target.', 'Check that the Server (LanmanServer) service runs on the target and its administrative shares exist.'],
    },
    ja: {
      title: 'ネットワーク パスが見つからない (Win32 53)',
      meaning: 'SMB のパス (\\\\server\\share) に到達できませんでした。パッケージ ソースのパス、配布ポイントの ADMIN$ やコンテンツ共有、クライアント プッシュ先の ADMIN$ などです。名前解決、TCP 445 のブロック、Server サービスの停止、管理共有の無効化が原因になります。SMB の問題で、DCOM ではありません。',
      nextSteps: ['記録したコンピューターから、コンポーネントと同じアカウントでログ内のパス (例: \\\\接続先\\ADMIN$) を開きます。', '接続先の名前解決と TCP 445 を確認します。', '接続先で Server (LanmanServer) サービスが動いていて、管理共有があることを確認します。'],
    },
  },
  {
    value: 0x80072ee2, symbol: 'ERROR_INTERNET_TIMEOUT', relation: 'network', hardeningSymptom: false,
    en: {
      title: 'The HTTP request timed out (WinINet/WinHTTP 12002)',
      meaning: 'An HTTP(S) request got no answer in time: a client talking to a management point, distribution point or software update point, or a site system downloading through a proxy. HTTP is not DCOM, so this code rules DCOM hardening out for that connection.',
      nextSteps: ['Check that the URL in the log answers from the machine that logged it (Invoke-WebRequest).', 'Check the proxy settings of the account that made the request (the system proxy for services running as SYSTEM).', 'Check IIS on the target: application pool state and load.'],
    },
    ja: {
      title: 'HTTP 要求がタイムアウトした (WinINet/WinHTTP 12002)',
      meaning: 'HTTP(S) の要求に時間内に応答がありませんでした。クライアントから管理ポイント、配布ポイント、ソフトウェアの更新ポイントへの通信や、プロキシ経由でダウンロードするサイト システムで発生します。HTTP は DCOM ではないため、この接続については DCOM の強化を原因から除外できます。',
      nextSteps: ['記録したコンピューターから、ログの URL が応答するか確認します (Invoke-WebRequest)。', '要求したアカウントのプロキシ設定を確認します (SYSTEM で動くサービスならシステムのプロキシ)。', '接続先の IIS (アプリケーション プールの状態と負荷) を確認します。'],
    },
  },
  {
    value: 0x80004005, symbol: 'E_FAIL', relation: 'generic', hardeningSymptom: false,
    en: {
      title: 'Unspecified error',
      meaning: 'A component reports failure without a specific reason. In ConfigMgr logs it usually closes a chain of failures (PkgXferMgr.log: "CSendFileAction::SendFiles failed; 0x80004005"); the cause is in the lines before it or in the log of the other side (SMSDPProv.log on the distribution point).',
      nextSteps: ['Read the preceding lines of the same thread for the first, more specific code.', 'Read the log of the other side at the same time.'],
    },
    ja: {
      title: '詳細不明のエラー',
      meaning: 'コンポーネントが具体的な理由なしに失敗を報告しています。ConfigMgr のログでは、一連の失敗の最後に現れることがほとんどです (PkgXferMgr.log の "CSendFileAction::SendFiles failed; 0x80004005" など)。原因はその前の行か、相手側のログ (配布ポイントの SMSDPProv.log) にあります。',
      nextSteps: ['同じスレッドの前の行から、最初に出た具体的なコードを探します。', '同じ時刻の相手側のログを確認します。'],
    },
  },
  {
    value: 0x80080005, symbol: 'CO_E_SERVER_EXEC_FAILURE', relation: 'comServer', hardeningSymptom: false,
    en: {
      title: 'Server execution failed',
      meaning: 'COM could not start the requested server, or the server did not register in time. For remote WMI it points at WMI on the target: the Windows Management Instrumentation service hung or still starting, or a damaged repository. Older consoles logged it as a connection error (KB317872).',
      nextSteps: ['On the target, look for DistributedCOM events 10010, 10005 or 10001 at the same time.', 'Check the Windows Management Instrumentation service and run winmgmt /verifyrepository on the target.', 'Connect to WMI locally on the target (wbemtest) to tell a WMI problem from a network one.'],
    },
    ja: {
      title: 'サーバーの実行に失敗した',
      meaning: 'COM が要求されたサーバーを開始できなかったか、サーバーが時間内に登録されませんでした。リモートの WMI では接続先の WMI の問題を示します (Windows Management Instrumentation サービスの応答停止や起動途中、リポジトリの破損)。古いコンソールは接続エラーとして記録していました (KB317872)。',
      nextSteps: ['接続先で、同じ時刻の DistributedCOM イベント 10010、10005、10001 を確認します。', '接続先で Windows Management Instrumentation サービスを確認し、winmgmt /verifyrepository を実行します。', '接続先でローカルに WMI へ接続し (wbemtest)、WMI の問題かネットワークの問題かを切り分けます。'],
    },
  },
  {
    value: 0x80040154, symbol: 'REGDB_E_CLASSNOTREG', relation: 'comServer', hardeningSymptom: false,
    en: {
      title: 'Class not registered',
      meaning: 'The requested CLSID is not registered where the activation happens (on the target, for a remote activation): a component is missing or its registration is broken, or it is registered for the other architecture only (32-bit versus 64-bit).',
      nextSteps: ['Find the CLSID in the log or in DistributedCOM events and look it up under HKCR\\CLSID on that machine.', 'Repair or reinstall the component that provides it (for example the Configuration Manager console).'],
    },
    ja: {
      title: 'クラスが登録されていない',
      meaning: '要求された CLSID が、アクティブ化を行うコンピューター (リモートのアクティブ化なら接続先) に登録されていません。コンポーネントがない、登録が壊れている、または別のアーキテクチャ (32 ビットと 64 ビット) にしか登録されていない、のいずれかです。',
      nextSteps: ['ログまたは DistributedCOM イベントから CLSID を特定し、そのコンピューターの HKCR\\CLSID で確認します。', 'それを提供するコンポーネント (例: Configuration Manager コンソール) を修復または再インストールします。'],
    },
  },
  {
    value: 0x80004014, symbol: 'CO_E_BAD_SERVER_NAME', relation: 'network', hardeningSymptom: false,
    en: {
      title: 'Invalid server name for a remote activation',
      meaning: 'A remote activation was needed but the name given for the target cannot be used (empty or malformed). In ConfigMgr, check the site server name entered for the console connection and the names stored for site systems.',
      nextSteps: ['Check the server name in the log line: a plain NetBIOS name or FQDN.', 'Make sure it resolves from the caller.'],
    },
    ja: {
      title: 'リモートのアクティブ化に指定したサーバー名が無効',
      meaning: 'リモートのアクティブ化が必要でしたが、接続先として指定された名前を使えません (空、または形式が不正)。ConfigMgr では、コンソールの接続先に入力したサイト サーバー名や、サイト システムとして登録された名前を確認します。',
      nextSteps: ['ログ行のサーバー名が、NetBIOS 名または FQDN だけになっているか確認します。', '呼び出し元でその名前を解決できることを確認します。'],
    },
  },
  {
    value: 0x8000401a, symbol: 'CO_E_RUNAS_LOGON_FAILURE', relation: 'comServer', hardeningSymptom: false,
    en: {
      title: 'The COM server\'s configured identity cannot log on',
      meaning: 'A COM server configured to run as a specific account (Component Services, Identity tab) could not be started because that account could not log on, usually after its password changed. The failure is on the machine that hosts the server.',
      nextSteps: ['On that machine, open Component Services (dcomcnfg), find the application by its AppID and re-enter the password on the Identity tab.', 'Look in its System log for DistributedCOM events 10004 or 10001 at the same time.'],
    },
    ja: {
      title: 'COM サーバーに構成された ID でログオンできない',
      meaning: '特定のアカウントで実行するよう構成された COM サーバー (コンポーネント サービスの [ID] タブ) を、そのアカウントでログオンできなかったため開始できませんでした。多くはパスワード変更後に起きます。失敗はサーバーをホストするコンピューター上で起きています。',
      nextSteps: ['そのコンピューターでコンポーネント サービス (dcomcnfg) を開き、AppID でアプリケーションを探して [ID] タブでパスワードを入力し直します。', 'そのコンピューターのシステム ログで、同じ時刻の DistributedCOM イベント 10004 または 10001 を確認します。'],
    },
  },
  {
    value: 0x80010111, symbol: 'RPC_E_INVALID_HEADER', relation: 'network', hardeningSymptom: false,
    en: {
      title: 'COM received a packet with an invalid header',
      meaning: 'DCOM data arrived malformed. Rare; it points at something between the machines that alters the traffic (a proxy, IPS or WAN optimizer).',
      nextSteps: ['Check network devices that inspect or rewrite RPC traffic between the machines.', 'Capture the traffic on both ends if it recurs.'],
    },
    ja: {
      title: 'COM が無効なヘッダーのパケットを受信した',
      meaning: 'DCOM のデータが不正な形で届きました。まれなエラーで、コンピューター間で通信を改変するもの (プロキシ、IPS、WAN 最適化装置) を示唆します。',
      nextSteps: ['コンピューター間で RPC 通信を検査または書き換えるネットワーク機器を確認します。', '繰り返す場合は両端でパケットをキャプチャします。'],
    },
  },
  {
    value: 0x8001011b, symbol: 'RPC_E_ACCESS_DENIED', relation: 'dcomHardening', hardeningSymptom: false,
    en: {
      title: 'Access denied at the COM layer',
      meaning: 'The server refused the call at the COM (RPC) layer. Community reports list it among the DCOM hardening symptoms; it also results from DCOM access permissions (Access Permissions and machine-wide limits) that do not include the caller.',
      nextSteps: [EN_CHECK_10036, EN_UPDATE_BOTH, 'Without 10036, check the target\'s DCOM access permissions for the calling account (Component Services, My Computer properties, COM Security).'],
    },
    ja: {
      title: 'COM のレイヤーでアクセスが拒否された',
      meaning: 'サーバーが COM (RPC) のレイヤーで呼び出しを拒否しました。コミュニティでは DCOM の強化の症状の一つとして報告されています。呼び出し元を含まない DCOM のアクセス許可 (アクセス許可やコンピューター全体の制限) でも発生します。',
      nextSteps: [JA_CHECK_10036, JA_UPDATE_BOTH, '10036 がない場合は、接続先の DCOM のアクセス許可 (コンポーネント サービス、マイ コンピューターのプロパティ、[COM セキュリティ]) に呼び出し元アカウントが含まれているか確認します。'],
    },
  },
  {
    value: 0x80010119, symbol: 'RPC_E_TOO_LATE', relation: 'generic', hardeningSymptom: false,
    en: {
      title: 'COM security initialized too late',
      meaning: 'The application called CoInitializeSecurity after COM had already set up its security, so the call, and the authentication level it tried to set, was rejected. An application bug; it matters for hardening because an application that raises its own authentication level must do so at startup.',
      nextSteps: ['Report it to the application vendor with the log.', 'Install the latest Windows cumulative update, which raises non-anonymous activation requests to Packet Integrity whatever the application sets.'],
    },
    ja: {
      title: 'COM のセキュリティの初期化が遅すぎた',
      meaning: 'COM のセキュリティが設定された後にアプリケーションが CoInitializeSecurity を呼び出したため、その呼び出しと、設定しようとした認証レベルが拒否されました。アプリケーションの不具合です。認証レベルを自ら引き上げるアプリケーションは起動時にそれを行う必要があるため、DCOM の強化と関係します。',
      nextSteps: ['ログを添えてアプリケーションのベンダーに報告します。', '最新の Windows 累積更新プログラムを適用します。アプリケーションの設定にかかわらず、匿名以外のアクティブ化要求がパケットの整合性まで引き上げられます。'],
    },
  },
  {
    value: 0x8001011a, symbol: 'RPC_E_NO_GOOD_SECURITY_PACKAGES', relation: 'account', hardeningSymptom: false,
    en: {
      title: 'No usable security package',
      meaning: 'Client and server have no security package in common, none is installed, or the calling user is not logged on (has no network credentials). Typically NTLM disabled on one side while Kerberos is unavailable.',
      nextSteps: ['Check that the calling process runs as an account with network credentials (a logged-on user, or a service with a domain identity).', 'Check the NTLM and Kerberos policies on both machines.'],
    },
    ja: {
      title: '使用できるセキュリティ パッケージがない',
      meaning: 'クライアントとサーバーに共通のセキュリティ パッケージがない、パッケージがインストールされていない、または呼び出し元のユーザーがログオンしていない (ネットワーク資格情報がない) 状態です。典型的には、一方で NTLM が無効になっていて Kerberos も使えない場合です。',
      nextSteps: ['呼び出し元のプロセスが、ネットワーク資格情報を持つアカウント (ログオン中のユーザー、またはドメインの ID を持つサービス) で動いているか確認します。', '両方のコンピューターで NTLM と Kerberos のポリシーを確認します。'],
    },
  },
  {
    value: 0x8001011c, symbol: 'RPC_E_REMOTE_DISABLED', relation: 'comServer', hardeningSymptom: false,
    en: {
      title: 'Remote calls are not allowed for this process',
      meaning: 'DCOM is disabled on the machine ("Enable Distributed COM on this computer" cleared, HKLM\\SOFTWARE\\Microsoft\\Ole EnableDCOM = N), or the process accepts local calls only.',
      nextSteps: ['On both machines, check Component Services, My Computer properties, Default Properties: "Enable Distributed COM on this computer".', 'Check that HKLM\\SOFTWARE\\Microsoft\\Ole\\EnableDCOM is Y.'],
    },
    ja: {
      title: 'このプロセスではリモート呼び出しが許可されていない',
      meaning: 'コンピューターで DCOM が無効になっている ([このコンピューター上で分散 COM を有効にする] がオフ、HKLM\\SOFTWARE\\Microsoft\\Ole の EnableDCOM = N)、またはプロセスがローカルの呼び出ししか受け付けません。',
      nextSteps: ['両方のコンピューターで、コンポーネント サービスのマイ コンピューターのプロパティ、[既定のプロパティ] の [このコンピューター上で分散 COM を有効にする] を確認します。', 'HKLM\\SOFTWARE\\Microsoft\\Ole\\EnableDCOM が Y であることを確認します。'],
    },
  },
  {
    value: 0x8001011f, symbol: 'RPC_E_TIMEOUT', relation: 'network', hardeningSymptom: false,
    en: {
      title: 'The COM call timed out',
      meaning: 'The call did not complete within its timeout: the server is busy or hung, or the network is slow. Microsoft\'s content distribution troubleshooting describes DistMgr waiting on a WMI call to a distribution point whose WMI does not respond.',
      nextSteps: ['Check that WMI answers locally on the target (wbemtest).', 'Check CPU, memory and disk on the target and the latency between the machines.'],
    },
    ja: {
      title: 'COM の呼び出しがタイムアウトした',
      meaning: '呼び出しがタイムアウトまでに完了しませんでした。サーバーが高負荷か応答停止している、またはネットワークが遅い状態です。Microsoft のコンテンツ配布のトラブルシューティングでは、WMI が応答しない配布ポイントへの WMI 呼び出しを DistMgr が待ち続ける例が説明されています。',
      nextSteps: ['接続先でローカルに WMI が応答するか確認します (wbemtest)。', '接続先の CPU、メモリ、ディスクと、コンピューター間の遅延を確認します。'],
    },
  },
  {
    value: 0x80010108, symbol: 'RPC_E_DISCONNECTED', relation: 'comServer', hardeningSymptom: false,
    en: {
      title: 'The object has disconnected from its clients',
      meaning: 'The server released the object or its process ended between calls (for WMI, the service restarted or a provider host was recycled). The caller holds a stale reference and must reconnect.',
      nextSteps: ['Reconnect (for the console, reopen the connection to the site).', 'If it is frequent, check the target for WMI service restarts and provider host (WmiPrvSE) quota or crash events.'],
    },
    ja: {
      title: 'オブジェクトがクライアントから切断された',
      meaning: '呼び出しの合間に、サーバーがオブジェクトを解放したかプロセスが終了しました (WMI ではサービスの再起動やプロバイダー ホストのリサイクル)。呼び出し元は無効になった参照を持っており、接続し直す必要があります。',
      nextSteps: ['接続し直します (コンソールならサイトへの接続を開き直します)。', '頻繁に起きる場合は、接続先で WMI サービスの再起動や、プロバイダー ホスト (WmiPrvSE) のクォータやクラッシュのイベントを確認します。'],
    },
  },
  {
    value: 0x80010105, symbol: 'RPC_E_SERVERFAULT', relation: 'comServer', hardeningSymptom: false,
    en: {
      title: 'The server threw an exception',
      meaning: 'A fault inside the server or its WMI provider while handling the call (for ConfigMgr, the SMS Provider, or the distribution point WMI provider). Not an access or network problem.',
      nextSteps: ['Read the server-side log at the same time (SMSProv.log on the SMS Provider, SMSDPProv.log on a distribution point).', 'Check the server\'s Application log for the faulting module.'],
    },
    ja: {
      title: 'サーバーで例外が発生した',
      meaning: '呼び出しの処理中に、サーバーまたはその WMI プロバイダー (ConfigMgr では SMS プロバイダーや配布ポイントの WMI プロバイダー) の内部でエラーが発生しました。アクセスやネットワークの問題ではありません。',
      nextSteps: ['同じ時刻のサーバー側のログ (SMS プロバイダーの SMSProv.log、配布ポイントの SMSDPProv.log) を確認します。', 'サーバーのアプリケーション ログで、障害が発生したモジュールを確認します。'],
    },
  },
  {
    value: 0x80010007, symbol: 'RPC_E_SERVER_DIED', relation: 'comServer', hardeningSymptom: false,
    en: {
      title: 'The server disappeared during the call',
      meaning: 'The server process died while the call was in progress; the call may have executed. For remote WMI, the WMI service or a provider host ended.',
      nextSteps: ['Check the target\'s Application and System logs for crashed or restarted processes at the same time.', 'Before retrying, check whether the operation took effect, since it may have run.'],
    },
    ja: {
      title: '呼び出し中にサーバーが消失した',
      meaning: '呼び出しの途中でサーバー プロセスが終了しました。呼び出しは実行済みの可能性があります。リモートの WMI では、WMI サービスまたはプロバイダー ホストが終了しています。',
      nextSteps: ['接続先のアプリケーション ログとシステム ログで、同じ時刻のプロセスのクラッシュや再起動を確認します。', '実行済みの可能性があるため、再試行の前に操作が反映されたか確認します。'],
    },
  },
  {
    value: 0x80010001, symbol: 'RPC_E_CALL_REJECTED', relation: 'comServer', hardeningSymptom: false,
    en: {
      title: 'The call was rejected by the callee',
      meaning: 'The server\'s message filter declined the call, typically because a single-threaded COM server was busy (common with Office automation). Rare in ConfigMgr\'s own WMI traffic.',
      nextSteps: ['Retry later; if it persists, find what keeps the server busy.'],
    },
    ja: {
      title: '呼び出し先が呼び出しを拒否した',
      meaning: 'サーバーのメッセージ フィルターが呼び出しを断りました。多くはシングルスレッドの COM サーバーがビジー状態だったためです (Office のオートメーションでよく起きます)。ConfigMgr 自身の WMI 通信ではまれです。',
      nextSteps: ['時間をおいて再試行し、続く場合はサーバーをビジーにしている処理を特定します。'],
    },
  },
  {
    value: 0x8001012a, symbol: 'CO_E_ACCESSCHECKFAILED', relation: 'comServer', hardeningSymptom: false,
    en: {
      title: 'COM could not evaluate a security descriptor',
      meaning: 'The AccessCheck function failed while COM evaluated a permission, usually because a DCOM security descriptor (launch, access or machine-wide limits) is malformed. DistributedCOM events 10020-10024 on the same machine report invalid security descriptors.',
      nextSteps: ['Look for DistributedCOM events 10020-10024 on the machine.', 'Correct the affected permissions in Component Services (COM Security, Edit Limits and Edit Default) or in the Group Policy that sets them.'],
    },
    ja: {
      title: 'COM がセキュリティ記述子を評価できなかった',
      meaning: 'COM がアクセス許可を評価する際に AccessCheck 関数が失敗しました。多くは DCOM のセキュリティ記述子 (起動、アクセス、コンピューター全体の制限) が不正な形式であるためです。同じコンピューターの DistributedCOM イベント 10020-10024 が、無効なセキュリティ記述子を報告します。',
      nextSteps: ['そのコンピューターで DistributedCOM イベント 10020-10024 を確認します。', 'コンポーネント サービス ([COM セキュリティ] の [制限の編集] と [既定値の編集]) または設定元のグループ ポリシーで、該当するアクセス許可を修正します。'],
    },
  },
  {
    value: 0x8001ffff, symbol: 'RPC_E_UNEXPECTED', relation: 'generic', hardeningSymptom: false,
    en: {
      title: 'Internal COM/RPC error',
      meaning: 'An internal error of the COM/RPC runtime with no specific cause. What else was logged at the same time says more.',
      nextSteps: ['Look for other codes and DistributedCOM events around the same time on both machines.', 'Install the latest Windows cumulative update on both machines.'],
    },
    ja: {
      title: 'COM/RPC の内部エラー',
      meaning: 'COM/RPC ランタイムの内部エラーで、特定の原因を示しません。同じ時刻に記録された他の情報から手がかりを探します。',
      nextSteps: ['両方のコンピューターで、同じ時刻の他のコードや DistributedCOM イベントを確認します。', '両方のコンピューターに最新の Windows 累積更新プログラムを適用します。'],
    },
  },
  {
    value: 0x80041001, symbol: 'WBEM_E_FAILED', relation: 'generic', hardeningSymptom: false,
    en: {
      title: 'WMI call failed',
      meaning: 'A WMI call failed without a more specific code. In ConfigMgr, PkgXferMgr.log writes "ExecStaticMethod failed (80041001) SMS_DistributionPoint, AddFile" when the distribution point\'s WMI provider could not add a file to the content library; the reason is on the distribution point.',
      nextSteps: ['On the distribution point, read SMSDPProv.log at the same time.', 'Check the free space of the content library drive on the distribution point.'],
    },
    ja: {
      title: 'WMI の呼び出しが失敗した',
      meaning: 'より具体的なコードなしに WMI の呼び出しが失敗しました。ConfigMgr では、配布ポイントの WMI プロバイダーがコンテンツ ライブラリにファイルを追加できなかったとき、PkgXferMgr.log に "ExecStaticMethod failed (80041001) SMS_DistributionPoint, AddFile" と記録されます。理由は配布ポイント側にあります。',
      nextSteps: ['配布ポイントで、同じ時刻の SMSDPProv.log を確認します。', '配布ポイントのコンテンツ ライブラリのドライブの空き容量を確認します。'],
    },
  },
  {
    value: 0x80041002, symbol: 'WBEM_E_NOT_FOUND', relation: 'generic', hardeningSymptom: false,
    en: {
      title: 'WMI object not found',
      meaning: 'The instance or class queried does not exist, for example a package, deployment or policy that was deleted or not yet replicated. The connection itself worked.',
      nextSteps: ['Check that the object named in the log exists (in the console, or with a WMI query on the same namespace).', 'On a client, a missing policy instance is normally restored by the next machine policy retrieval.'],
    },
    ja: {
      title: 'WMI オブジェクトが見つからない',
      meaning: '照会したインスタンスやクラスが存在しません。削除された、またはまだレプリケートされていないパッケージ、展開、ポリシーなどです。接続自体は成功しています。',
      nextSteps: ['ログに記録されたオブジェクトが存在するか確認します (コンソール、または同じ名前空間への WMI クエリ)。', 'クライアントで欠けているポリシーのインスタンスは、通常、次のコンピューター ポリシーの取得で復元されます。'],
    },
  },
  {
    value: 0x80041003, symbol: 'WBEM_E_ACCESS_DENIED', relation: 'wmiSecurity', hardeningSymptom: false,
    en: {
      title: 'WMI access denied (namespace security)',
      meaning: 'The DCOM connection succeeded, but WMI namespace security refused the account. Not DCOM hardening. In ConfigMgr: the console user on root\\SMS of the SMS Provider (SMS Admins group), the site server computer account on root\\SCCMDP of a distribution point, or a support tool on root\\ccm of a client.',
      nextSteps: ['On the target, open WMI Control (wmimgmt.msc), Security, select the namespace from the log and check Enable Account and Remote Enable for the account or its group.', 'For the console, make sure the user is a Configuration Manager administrative user, so that it is in SMS Admins on the SMS Provider.'],
    },
    ja: {
      title: 'WMI のアクセス拒否 (名前空間のセキュリティ)',
      meaning: 'DCOM の接続は成功しましたが、WMI の名前空間のセキュリティがアカウントを拒否しました。DCOM の強化ではありません。ConfigMgr では、SMS プロバイダーの root\\SMS に対するコンソール ユーザー (SMS Admins グループ)、配布ポイントの root\\SCCMDP に対するサイト サーバーのコンピューター アカウント、クライアントの root\\ccm に対するサポート ツールが該当します。',
      nextSteps: ['接続先で WMI コントロール (wmimgmt.msc) の [セキュリティ] を開き、ログの名前空間を選んで、アカウントまたはそのグループに [アカウントの有効化] と [リモートの有効化] があるか確認します。', 'コンソールの場合は、ユーザーが Configuration Manager の管理ユーザーであり、SMS プロバイダーの SMS Admins に含まれていることを確認します。'],
    },
  },
  {
    value: 0x80041009, symbol: 'WBEM_E_NOT_AVAILABLE', relation: 'network', hardeningSymptom: false,
    en: {
      title: 'WMI resource not available',
      meaning: 'A resource, typically a remote server, is not available at that moment: the target is offline or shutting down, or WMI is not running there.',
      nextSteps: ['Check that the target is up and its Windows Management Instrumentation service runs.', 'Retry, then follow the RPC checks: name resolution, TCP 135, dynamic RPC ports.'],
    },
    ja: {
      title: 'WMI のリソースを利用できない',
      meaning: 'リソース (通常はリモート サーバー) がその時点で利用できません。接続先がオフラインかシャットダウン中、または WMI が動いていません。',
      nextSteps: ['接続先が起動していて、Windows Management Instrumentation サービスが動いているか確認します。', '再試行し、続く場合は RPC の確認 (名前解決、TCP 135、動的 RPC ポート) を行います。'],
    },
  },
  {
    value: 0x8004100e, symbol: 'WBEM_E_INVALID_NAMESPACE', relation: 'comServer', hardeningSymptom: false,
    en: {
      title: 'WMI namespace not found',
      meaning: 'Connection and authentication worked, but the namespace does not exist on the target: root\\SCCMDP on a distribution point whose WMI provider is missing, root\\SMS\\site_<code> with a wrong site code, or root\\ccm on a computer without a working client (normal in ccm.log before client push installs one).',
      nextSteps: ['Check the namespace path in the log, including the site code.', 'For a distribution point, read SMSDPProv.log and distmgr.log; reinstalling the distribution point recreates root\\SCCMDP.', 'For a client, repair or reinstall the Configuration Manager client.'],
    },
    ja: {
      title: 'WMI の名前空間が見つからない',
      meaning: '接続と認証は成功しましたが、接続先に名前空間がありません。WMI プロバイダーがない配布ポイントの root\\SCCMDP、サイト コードが誤った root\\SMS\\site_<コード>、正常なクライアントのないコンピューターの root\\ccm (クライアント プッシュでインストールする前の ccm.log では正常) などです。',
      nextSteps: ['ログの名前空間のパスを、サイト コードも含めて確認します。', '配布ポイントの場合は SMSDPProv.log と distmgr.log を確認します。配布ポイントを再インストールすると root\\SCCMDP が作成し直されます。', 'クライアントの場合は、Configuration Manager クライアントを修復または再インストールします。'],
    },
  },
  {
    value: 0x80041010, symbol: 'WBEM_E_INVALID_CLASS', relation: 'comServer', hardeningSymptom: false,
    en: {
      title: 'WMI class not valid',
      meaning: 'The class queried does not exist in that namespace: a provider or schema not installed or not updated, a console or tool version that does not match the site, or a damaged namespace.',
      nextSteps: ['Check that the console or tool version matches the site version.', 'Check that the class exists in the namespace (wbemtest, Get-CimClass).'],
    },
    ja: {
      title: 'WMI クラスが無効',
      meaning: '照会したクラスがその名前空間にありません。プロバイダーやスキーマが未インストールまたは未更新、コンソールやツールのバージョンがサイトと一致しない、名前空間が破損している、などが原因です。',
      nextSteps: ['コンソールやツールのバージョンがサイトのバージョンと一致するか確認します。', '名前空間にクラスがあるか確認します (wbemtest、Get-CimClass)。'],
    },
  },
  {
    value: 0x80041013, symbol: 'WBEM_E_PROVIDER_LOAD_FAILURE', relation: 'comServer', hardeningSymptom: false,
    en: {
      title: 'WMI provider could not be loaded',
      meaning: 'COM cannot load a WMI provider referenced in the schema: its DLL is missing, corrupt or not registered. KB317872 shows the console failing this way when calling GetProviderVersion on the SMS Provider.',
      nextSteps: ['On the target, read the provider\'s log (SMSProv.log for the SMS Provider) and the Application log for WMI errors.', 'Repair the provider: for the SMS Provider, a site reset (Setup, Perform site maintenance) reinstalls it; for a client, repair the client.'],
    },
    ja: {
      title: 'WMI プロバイダーを読み込めない',
      meaning: 'スキーマで参照されている WMI プロバイダーを COM が読み込めません。DLL がない、破損している、または登録されていません。KB317872 には、SMS プロバイダーで GetProviderVersion を呼び出したコンソールがこのエラーで失敗する例があります。',
      nextSteps: ['接続先で、プロバイダーのログ (SMS プロバイダーなら SMSProv.log) とアプリケーション ログの WMI のエラーを確認します。', 'プロバイダーを修復します。SMS プロバイダーはサイトのリセット (セットアップの [サイトのメンテナンスを実行する]) で再インストールされます。クライアントはクライアントを修復します。'],
    },
  },
  {
    value: 0x80041015, symbol: 'WBEM_E_TRANSPORT_FAILURE', relation: 'network', hardeningSymptom: false,
    en: {
      title: 'WMI transport failure',
      meaning: 'A networking error prevents normal WMI operation: the transport to the remote WMI failed. The same checks apply as for an unavailable RPC server.',
      nextSteps: ['Check name resolution to the target.', EN_RPC_PORTS, 'Look for DistributedCOM events on both machines at the same time.'],
    },
    ja: {
      title: 'WMI のトランスポート エラー',
      meaning: 'ネットワークのエラーにより WMI が正常に動作できません。リモートの WMI へのトランスポートが失敗しました。RPC サーバーを利用できない場合と同じ確認が当てはまります。',
      nextSteps: ['接続先の名前解決を確認します。', JA_RPC_PORTS, '両方のコンピューターで同じ時刻の DistributedCOM イベントを確認します。'],
    },
  },
  {
    value: 0x80041064, symbol: 'WBEM_E_LOCAL_CREDENTIALS', relation: 'account', hardeningSymptom: false,
    en: {
      title: 'Credentials given for a local WMI connection',
      meaning: 'WMI accepts a user name and password only for remote connections. A tool or script connected with alternate credentials to the machine it runs on.',
      nextSteps: ['Connect without credentials when the target is the local machine, or run the tool as the wanted account.'],
    },
    ja: {
      title: 'ローカルの WMI 接続に資格情報が指定された',
      meaning: 'WMI はユーザー名とパスワードをリモート接続でしか受け付けません。ツールやスクリプトが、自身が動いているコンピューターに別の資格情報で接続しました。',
      nextSteps: ['接続先がローカル コンピューターなら資格情報なしで接続するか、ツールを目的のアカウントで実行します。'],
    },
  },
  {
    value: 0x80041069, symbol: 'WBEM_E_TIMED_OUT', relation: 'network', hardeningSymptom: false,
    en: {
      title: 'WMI operation timed out',
      meaning: 'The target or its provider did not answer in time: WMI busy, a long query, or a slow network.',
      nextSteps: ['Check the load and WMI responsiveness on the target.', 'Read the provider log on the target (SMSProv.log, SMSDPProv.log).'],
    },
    ja: {
      title: 'WMI の操作がタイムアウトした',
      meaning: '接続先またはそのプロバイダーが時間内に応答しませんでした。WMI の高負荷、時間のかかるクエリ、遅いネットワークなどが原因です。',
      nextSteps: ['接続先の負荷と WMI の応答を確認します。', '接続先のプロバイダーのログ (SMSProv.log、SMSDPProv.log) を確認します。'],
    },
  },
];

const BY_VALUE = new Map(CURATED_CODES.map((c) => [c.value, c] as const));

/**
 * Our explanation of a code, or undefined. Accepts any 32-bit form (signed values are taken modulo
 * 2^32) and bare Win32 codes below 0x10000, which are looked up as HRESULT_FROM_WIN32 (1722 → 0x800706BA).
 */
export function curatedExplanation(value: number): CuratedCode | undefined {
  const v = value >>> 0;
  if (v > 0 && v < 0x10000) return BY_VALUE.get((0x80070000 | v) >>> 0);
  return BY_VALUE.get(v);
}
