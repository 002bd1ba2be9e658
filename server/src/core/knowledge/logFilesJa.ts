/**
 * Japanese summaries of the logs of `logFiles.ts` (same `name` keys), and the ConfigMgr components an
 * admin sees in the `component` field of log records, with what each does, in English and Japanese.
 *
 * Sources: Microsoft Learn "Log file reference" (memdocs `configmgr/core/plan-design/hierarchy/log-files.md`:
 * which component writes which log and what it records); "Troubleshoot content distribution" and
 * "Understand and troubleshoot distribution point installation" (DistMgr and PkgXferMgr use SMB and the
 * distribution point's WMI provider root\SCCMDP); "Issues in Configuration Manager after installing
 * June 2022 security updates for Windows" (which components DCOM hardening affects).
 * Japanese terms follow Microsoft's Japanese ConfigMgr documentation (配布ポイント, SMS プロバイダー, サイト サーバー).
 */

import type { Locale } from '../i18n/locale';
import type { LogFileInfo } from './logFiles';

export const LOG_FILE_SUMMARIES_JA: Readonly<Record<string, string>> = {
  SmsAdminUI: 'Configuration Manager コンソールの動作。SMS プロバイダーへの WMI 接続も記録します。',
  AdminUI: 'コンソールの動作 (旧バージョン)。SMS プロバイダーへの WMI 接続も記録します。',
  distmgr: '配布マネージャー: パッケージの処理、配布ポイントのインストール、配布ポイントへの接続。',
  PkgXferMgr: 'パッケージ転送マネージャー: サイト サーバーからリモートの配布ポイントへのコンテンツの送信。',
  SMSProv: 'SMS プロバイダー: WMI プロバイダーからサイト データベースへのアクセス。',
  SMSDPProv: '配布ポイントの WMI プロバイダー (root\\SCCMDP): サイト サーバーから要求されたコンテンツ ライブラリの操作。',
  smsexec: 'SMS_EXECUTIVE: サイト コンポーネントを実行するサイト サーバーのサービス。',
  sitecomp: 'サイト コンポーネント マネージャー: リモート サーバーへのサイト システムの役割のインストールと保守。',
  hman: '階層マネージャー: サイト構成の変更とサイト情報の公開。',
  ccm: 'クライアント構成マネージャー: リモート コンピューターへのクライアント プッシュ インストール。',
  policypv: 'ポリシー プロバイダー: クライアント向けポリシーの生成。',
  srsrp: 'レポート サービス ポイント。',
  smsdbmon: 'データベース モニター: サイト コンポーネント向けのデータベース トリガー。',
  ConfigMgrSetup: 'サイトのセットアップ。SQL Server やリモートのサイト システムへの接続も記録します。',
  smsdpmon: '配布ポイントの監視。',
  DataTransferService: 'ポリシーとコンテンツの BITS 転送 (プル配布ポイントも使用)。',
  PullDP: 'プル配布ポイント: ソース配布ポイントからのコンテンツの転送。',
  MP_Location: '管理ポイントへの場所の要求。',
  MP_Policy: '管理ポイントへのポリシーの要求。',
  CcmExec: 'クライアント サービス (SMS Agent Host) の動作。',
  ccmsetup: 'クライアントのセットアップ: ダウンロードとインストール。',
  'ccmsetup-ccmeval': 'ccmsetup が実行するクライアントの正常性評価。',
  'client.msi': 'クライアントのインストールの Windows インストーラー ログ。',
  smsts: 'タスク シーケンス エンジン: OS 展開やタスク シーケンスの各ステップ。',
  PolicyAgent: '管理ポイントへのクライアントのポリシー要求。',
  PolicyEvaluator: 'クライアントのポリシーの評価と WMI への反映。',
  LocationServices: 'クライアントの場所: 管理ポイント、配布ポイント、境界。',
  ContentTransferManager: 'クライアントのコンテンツ ダウンロード ジョブ (BITS、SMB、ピア キャッシュ)。',
  CAS: 'クライアントのコンテンツ アクセス サービス: ローカルのパッケージ キャッシュ。',
  AppEnforce: 'アプリケーションの展開の種類の実行 (インストール コマンドと終了コード)。',
  AppDiscovery: 'アプリケーションの検出方法の結果。',
  AppIntentEval: 'アプリケーションの意図と要件の評価。',
  execmgr: 'パッケージとプログラムの実行。',
  UpdatesDeployment: 'ソフトウェア更新プログラムの展開とクライアントでの実施。',
  UpdatesHandler: 'ソフトウェア更新プログラムのインストール。',
  UpdatesStore: 'ソフトウェア更新プログラムの準拠状態のストア。',
  WUAHandler: 'クライアントが要求した Windows Update エージェントのスキャン。',
  ScanAgent: 'ソフトウェア更新プログラムのスキャン要求。',
  StateMessage: '管理ポイントへ送信する状態メッセージ。',
  InventoryAgent: 'ハードウェア インベントリとソフトウェア インベントリ。',
  ClientIDManagerStartup: 'クライアントの ID と登録。',
  ClientLocation: 'クライアントのサイトの割り当て。',
  CertificateMaintenance: 'クライアントの証明書。',
  CIAgent: '構成項目の処理。',
  DcmWmiProvider: '構成基準 (コンプライアンス設定) の WMI プロバイダー。',
  FileBITS: 'SMB によるコンテンツのダウンロード。',
  RebootCoordinator: 'インストール後の再起動の調整。',
  ServiceWindowManager: 'メンテナンス期間。',
  SCClient: 'ソフトウェア センターの動作。',
  SCNotify: 'ソフトウェア センターの通知。',
  CMBITSManager: 'BITS ジョブ。',
  CcmMessaging: 'クライアントと管理ポイントの間のメッセージ。',
  CcmEval: 'クライアントの正常性評価。',
  CcmRepair: 'クライアントの修復。',
  CcmRestart: 'クライアント サービスの再起動。',
  SrcUpdateMgr: 'Windows インストーラーのソースの更新。',
  PatchDownloader: 'パッケージ ソースへのソフトウェア更新プログラムのダウンロード。',
  wsyncmgr: 'ソフトウェア更新プログラムの同期。',
  WCM: 'WSUS 構成マネージャー: ソフトウェアの更新ポイントへの接続。',
  SMS_ISVUPDATES_SYNCAGENT: 'サードパーティの更新プログラムの同期。',
  SMSProvider: 'SMS プロバイダー (管理サービス) の動作。',
};

/** The summary of a known log in the given language (English from `logFiles.ts`). */
export function describeLogFile(log: LogFileInfo, locale: Locale): string {
  return locale === 'ja' ? (LOG_FILE_SUMMARIES_JA[log.name] ?? log.summary) : log.summary;
}

export interface ComponentInfo {
  /** As logs write it in the `component` field or `$$<…>`. */
  readonly name: string;
  /** The log it writes (base name, as in `logFiles.ts`). */
  readonly log: string;
  /** It connects to other machines over DCOM/WMI, so DCOM hardening can break it. */
  readonly remoteDcom: boolean;
  readonly en: string;
  readonly ja: string;
}

export const CONFIGMGR_COMPONENTS: readonly ComponentInfo[] = [
  {
    name: 'SMS_DISTRIBUTION_MANAGER', log: 'distmgr', remoteDcom: true,
    en: 'Distribution Manager (site server): processes packages and installs and configures distribution points, reaching them over SMB and their WMI provider (root\\SCCMDP) with the site server computer account.',
    ja: '配布マネージャー (サイト サーバー): パッケージを処理し、配布ポイントのインストールと構成を行います。配布ポイントには、サイト サーバーのコンピューター アカウントで SMB と WMI プロバイダー (root\\SCCMDP) を使って接続します。',
  },
  {
    name: 'SMS_PACKAGE_TRANSFER_MANAGER', log: 'PkgXferMgr', remoteDcom: true,
    en: 'Package Transfer Manager (site server): sends content to remote distribution points and calls their WMI provider (SMS_DistributionPoint.AddFile) to add it to the content library.',
    ja: 'パッケージ転送マネージャー (サイト サーバー): リモートの配布ポイントにコンテンツを送信し、その WMI プロバイダー (SMS_DistributionPoint.AddFile) を呼び出してコンテンツ ライブラリに追加します。',
  },
  {
    name: 'SMS_HIERARCHY_MANAGER', log: 'hman', remoteDcom: false,
    en: 'Hierarchy Manager (site server): applies site configuration changes and publishes site information.',
    ja: '階層マネージャー (サイト サーバー): サイト構成の変更を適用し、サイト情報を公開します。',
  },
  {
    name: 'SMS_SITE_COMPONENT_MANAGER', log: 'sitecomp', remoteDcom: true,
    en: 'Site Component Manager (site server): installs, updates and removes site components and site system roles, including on remote site systems.',
    ja: 'サイト コンポーネント マネージャー (サイト サーバー): リモートのサイト システムを含め、サイト コンポーネントとサイト システムの役割をインストール、更新、削除します。',
  },
  {
    name: 'SMS_EXECUTIVE', log: 'smsexec', remoteDcom: false,
    en: 'The SMS_EXECUTIVE service (site server) hosts most site components as threads. It runs as Local System, so on the network its components use the site server computer account (DOMAIN\\SITESERVER$): that is the account event 10036 shows on a distribution point.',
    ja: 'SMS_EXECUTIVE サービス (サイト サーバー) は、ほとんどのサイト コンポーネントをスレッドとして実行します。Local System で動くため、ネットワーク上ではサイト サーバーのコンピューター アカウント (DOMAIN\\SITESERVER$) を使います。配布ポイントのイベント 10036 に記録されるのはこのアカウントです。',
  },
  {
    name: 'SMS Provider', log: 'SMSProv', remoteDcom: true,
    en: 'SMS Provider: the WMI provider (root\\SMS\\site_<code>) through which the console, scripts and tools read and change the site database. Remote consoles reach it over DCOM, which is why DCOM hardening breaks them.',
    ja: 'SMS プロバイダー: コンソール、スクリプト、ツールがサイト データベースを読み書きするための WMI プロバイダー (root\\SMS\\site_<コード>) です。リモートのコンソールは DCOM で接続するため、DCOM の強化の影響を受けます。',
  },
  {
    name: 'SMS_CLIENT_CONFIG_MANAGER', log: 'ccm', remoteDcom: true,
    en: 'Client Configuration Manager (site server): client push installation; connects to the target\'s ADMIN$ share and WMI.',
    ja: 'クライアント構成マネージャー (サイト サーバー): クライアント プッシュ インストールを行い、接続先の ADMIN$ 共有と WMI に接続します。',
  },
  {
    name: 'SMS_POLICY_PROVIDER', log: 'policypv', remoteDcom: false,
    en: 'Policy Provider (site server): generates client policy.',
    ja: 'ポリシー プロバイダー (サイト サーバー): クライアント向けのポリシーを生成します。',
  },
  {
    name: 'SMS_DATABASE_NOTIFICATION_MONITOR', log: 'smsdbmon', remoteDcom: false,
    en: 'Database Notification Monitor (site server): watches the site database for changes and wakes the components that process them.',
    ja: 'データベース通知モニター (サイト サーバー): サイト データベースの変更を監視し、処理するコンポーネントに通知します。',
  },
  {
    name: 'SMS_WSUS_SYNC_MANAGER', log: 'wsyncmgr', remoteDcom: false,
    en: 'WSUS Synchronization Manager (site server): synchronizes software update metadata.',
    ja: 'WSUS 同期マネージャー (サイト サーバー): ソフトウェア更新プログラムのメタデータを同期します。',
  },
  {
    name: 'SMS_WSUS_CONFIGURATION_MANAGER', log: 'WCM', remoteDcom: false,
    en: 'WSUS Configuration Manager (site server): configures WSUS on the software update points.',
    ja: 'WSUS 構成マネージャー (サイト サーバー): ソフトウェアの更新ポイントの WSUS を構成します。',
  },
  {
    name: 'SMS_SRS_REPORTING_POINT', log: 'srsrp', remoteDcom: false,
    en: 'Reporting services point: deploys and maintains reports in SQL Server Reporting Services.',
    ja: 'レポート サービス ポイント: SQL Server Reporting Services のレポートを展開、保守します。',
  },
  {
    name: 'SMS_STATUS_MANAGER', log: 'statmgr', remoteDcom: false,
    en: 'Status Manager (site server): writes status messages to the site database.',
    ja: 'ステータス マネージャー (サイト サーバー): ステータス メッセージをサイト データベースに書き込みます。',
  },
  {
    name: 'SMS_MP_CONTROL_MANAGER', log: 'mpcontrol', remoteDcom: false,
    en: 'Management Point Control Manager: installs management points and checks their availability.',
    ja: '管理ポイント コントロール マネージャー: 管理ポイントをインストールし、その可用性を確認します。',
  },
  {
    name: 'SMS_SITE_SYSTEM_STATUS_SUMMARIZER', log: 'sitestat', remoteDcom: false,
    en: 'Site System Status Summarizer: monitors the availability and disk space of site systems.',
    ja: 'サイト システム ステータス サマライザー: サイト システムの可用性とディスク領域を監視します。',
  },
  {
    name: 'SMS_COMPONENT_STATUS_SUMMARIZER', log: 'compsumm', remoteDcom: false,
    en: 'Component Status Summarizer: summarizes component status messages.',
    ja: 'コンポーネント ステータス サマライザー: コンポーネントのステータス メッセージを集計します。',
  },
  {
    name: 'SMS_COLLECTION_EVALUATOR', log: 'colleval', remoteDcom: false,
    en: 'Collection Evaluator: evaluates collection membership.',
    ja: 'コレクション エバリュエーター: コレクションのメンバーシップを評価します。',
  },
  {
    name: 'SMS_DISCOVERY_DATA_MANAGER', log: 'ddm', remoteDcom: false,
    en: 'Discovery Data Manager: processes discovery data into the site database.',
    ja: '探索データ マネージャー: 探索データを処理してサイト データベースに格納します。',
  },
  {
    name: 'SMS_INVENTORY_DATA_LOADER', log: 'dataldr', remoteDcom: false,
    en: 'Inventory Data Loader: loads hardware inventory into the site database.',
    ja: 'インベントリ データ ローダー: ハードウェア インベントリをサイト データベースに読み込みます。',
  },
  {
    name: 'SMS_REPLICATION_CONFIGURATION_MONITOR', log: 'rcmctrl', remoteDcom: false,
    en: 'Replication Configuration Monitor: database replication between sites.',
    ja: 'レプリケーション構成モニター: サイト間のデータベース レプリケーションを管理します。',
  },
  {
    name: 'SMS_SITE_BACKUP', log: 'smsbkup', remoteDcom: false,
    en: 'Site Backup: the site maintenance task that backs up the site.',
    ja: 'サイトのバックアップ: サイトをバックアップするサイト メンテナンス タスクです。',
  },
  {
    name: 'PatchDownloader', log: 'PatchDownloader', remoteDcom: false,
    en: 'Downloads software update files to the deployment package source.',
    ja: 'ソフトウェア更新プログラムのファイルを展開パッケージのソースにダウンロードします。',
  },
  {
    name: 'TSManager', log: 'smsts', remoteDcom: false,
    en: 'Task sequence manager: runs the steps of a task sequence or OS deployment.',
    ja: 'タスク シーケンス マネージャー: タスク シーケンスや OS 展開のステップを実行します。',
  },
  {
    name: 'ccmsetup', log: 'ccmsetup', remoteDcom: false,
    en: 'Client setup bootstrapper: downloads the client files and installs the client.',
    ja: 'クライアント セットアップのブートストラップ: クライアントのファイルをダウンロードしてインストールします。',
  },
  {
    name: 'CcmExec', log: 'CcmExec', remoteDcom: false,
    en: 'The client service (SMS Agent Host). Support Center and Policy Spy reach the client through its WMI namespaces (root\\ccm), which is where DCOM hardening stops them.',
    ja: 'クライアント サービス (SMS Agent Host) です。Support Center や Policy Spy はクライアントの WMI 名前空間 (root\\ccm) に接続するため、そこで DCOM の強化により失敗します。',
  },
];

const COMPONENTS_BY_NAME = new Map(CONFIGMGR_COMPONENTS.map((c) => [c.name.toLowerCase(), c] as const));

/** The component a log names (case-insensitive), or undefined. */
export function lookUpComponent(name: string): ComponentInfo | undefined {
  return COMPONENTS_BY_NAME.get(name.trim().toLowerCase());
}

/** What the component does, in the given language; undefined for an unknown component. */
export function describeComponent(name: string, locale: Locale): string | undefined {
  const component = lookUpComponent(name);
  return component === undefined ? undefined : component[locale];
}
