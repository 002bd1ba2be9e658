/**
 * Report labels in English and Japanese. Japanese follows Microsoft's product terms (累積更新プログラム,
 * 配布ポイント, SMS プロバイダー, DCOM の強化). Sentences that come from the diagnosis (reasons, messages,
 * recommendations) are already localised by the engine; only the report's own words live here.
 */
import type { FailureContext, FindingCode } from '../analysis/findings';
import type { Locale } from '../i18n/locale';
import type { MachineRole } from '../knowledge/logFiles';
import type { Correlation, RegistryVerdict, TimeSource, Verdict } from '../diagnosis/model';

export interface ReportLabels {
  readonly toolName: string;
  /** Between items of a list in running text (`, ` / `、`). */
  readonly sep: string;
  readonly title: string;
  readonly verdict: string;
  readonly verdictText: Readonly<Record<Verdict, string>>;
  readonly why: string;
  readonly steps: string;
  readonly noSteps: string;
  readonly appliesTo: string;
  readonly machines: string;
  readonly machine: string;
  readonly names: string;
  readonly addresses: string;
  readonly roles: string;
  readonly utcOffset: string;
  readonly offsetFromEvents: string;
  readonly refusedFrom: string;
  readonly activatedBelow: string;
  readonly eventExport: string;
  readonly yes: string;
  readonly no: string;
  readonly identifiedBy: string;
  readonly files: string;
  readonly file: string;
  readonly evidenceCount: string;
  readonly toInstall: string;
  readonly noMachines: string;
  readonly timeline: string;
  readonly correlations: string;
  readonly noCorrelations: string;
  readonly pairingWindow: (seconds: number) => string;
  readonly logFailure: string;
  readonly dcomEvent: string;
  readonly delta: string;
  readonly kind: string;
  readonly correlationKinds: Readonly<Record<Correlation['kind'], string>>;
  /** Said of a pairing whose two machines were not both matched by name (`peerMatched` false). */
  readonly weakPairing: string;
  readonly registry: string;
  readonly noRegistry: string;
  readonly key: string;
  readonly valueName: string;
  readonly value: string;
  readonly assessment: string;
  readonly registryVerdicts: Readonly<Record<RegistryVerdict, string>>;
  readonly evidence: string;
  readonly noEvidence: string;
  readonly location: string;
  readonly time: string;
  readonly code: string;
  readonly excerpt: string;
  readonly omitted: (count: number) => string;
  readonly filesExamined: string;
  readonly format: string;
  readonly records: string;
  readonly findings: string;
  readonly problems: string;
  readonly error: string;
  readonly none: string;
  readonly unknownTime: string;
  readonly unknownMachine: string;
  readonly otherMachines: (count: number) => string;
  readonly noTimedEvidence: string;
  readonly hardeningDate: string;
  readonly exportMarkdown: string;
  readonly redactOption: string;
  readonly roleNames: Readonly<Record<MachineRole, string>>;
  readonly codeNames: Readonly<Record<FindingCode, string>>;
  /** Short names for the timeline legend. */
  readonly legendNames: Readonly<Record<FindingCode, string>>;
  readonly legendPairing: string;
  readonly contexts: Readonly<Record<FailureContext, string>>;
  readonly timeSources: Readonly<Record<Exclude<TimeSource, null>, string>>;
  readonly hardeningPhases: Readonly<Record<string, string>>;
  readonly ruleDescriptions: Readonly<Record<FindingCode, string>>;
}

const EN: ReportLabels = {
  toolName: 'ConfigMgr Log Doctor',
  sep: ', ',
  title: 'DCOM hardening diagnosis',
  verdict: 'Verdict',
  verdictText: {
    likely: 'DCOM hardening (KB5004442) is the likely cause',
    possible: 'DCOM hardening (KB5004442) is a possible cause',
    unlikely: 'DCOM hardening (KB5004442) is unlikely to be the cause',
  },
  why: 'Why',
  steps: 'What to do',
  noSteps: 'No action is recommended.',
  appliesTo: 'Machines',
  machines: 'Machines',
  machine: 'Machine',
  names: 'Names',
  addresses: 'Addresses',
  roles: 'Roles',
  utcOffset: 'UTC offset',
  offsetFromEvents: 'inferred by aligning its log with its DCOM events',
  refusedFrom: 'Refused activations from (10036)',
  activatedBelow: 'Activated below packet integrity on (10037/10038)',
  eventExport: 'System log with DCOM events',
  yes: 'yes',
  no: 'no',
  identifiedBy: 'Identified by',
  files: 'Files',
  file: 'File',
  evidenceCount: 'Evidence',
  toInstall: 'What to install',
  noMachines: 'No machine could be identified.',
  timeline: 'Timeline (UTC)',
  correlations: 'Log failures paired with DCOM events',
  noCorrelations: 'No log failure could be paired with a DCOM event.',
  pairingWindow: (s) => `Pairing window: ±${s} s.`,
  logFailure: 'Log failure',
  dcomEvent: 'DCOM event',
  delta: 'Event − log',
  kind: 'Kind',
  correlationKinds: {
    serverRejection: 'rejected by the server (10036)',
    clientActivation: 'client activation too weak (10037/10038)',
  },
  weakPairing: 'by time only: one side is not named',
  registry: 'Registry settings',
  noRegistry: 'No DCOM hardening registry setting was found.',
  key: 'Key',
  valueName: 'Value name',
  value: 'Value',
  assessment: 'Assessment',
  registryVerdicts: {
    ignored: 'ignored since 2023-03-14',
    suppressesEvidence: 'hides the evidence',
    raisesLevel: 'raises the authentication level',
    informational: 'informational',
  },
  evidence: 'Evidence',
  noEvidence: 'No DCOM hardening evidence was found.',
  location: 'File:line',
  time: 'Time (UTC)',
  code: 'Code',
  excerpt: 'Excerpt',
  omitted: (n) => `… and ${n} more (see the JSON output for all of them).`,
  filesExamined: 'Files examined',
  format: 'Format',
  records: 'Records',
  findings: 'Findings',
  problems: 'Problems',
  error: 'Error',
  none: 'none',
  unknownTime: 'time unknown',
  unknownMachine: 'unknown machine',
  otherMachines: (n) => `${n} other machines`,
  noTimedEvidence: 'No evidence with a known time.',
  hardeningDate: 'DCOM hardening update',
  exportMarkdown: 'Export as Markdown',
  redactOption: 'Redact user names, SIDs and IP addresses',
  roleNames: {
    console: 'console',
    siteServer: 'site server',
    smsProvider: 'SMS Provider',
    distributionPoint: 'distribution point',
    managementPoint: 'management point',
    client: 'client',
    taskSequence: 'task sequence',
    setup: 'setup',
  },
  codeNames: {
    'access-denied': 'access denied (0x80070005)',
    'rpc-unavailable': 'RPC server unavailable (0x800706BA)',
    'wmi-access-denied': 'WMI access denied (0x80041003)',
    'dcom-10036': 'DCOM event 10036',
    'dcom-10037': 'DCOM event 10037',
    'dcom-10038': 'DCOM event 10038',
  },
  legendNames: {
    'access-denied': 'access denied',
    'rpc-unavailable': 'RPC unavailable',
    'wmi-access-denied': 'WMI access denied',
    'dcom-10036': '10036 (server)',
    'dcom-10037': '10037 (client)',
    'dcom-10038': '10038 (client)',
  },
  legendPairing: 'paired',
  contexts: {
    consoleToProvider: 'console → SMS Provider',
    siteServerToDistributionPoint: 'site server → distribution point',
    remoteConnection: 'remote connection',
    localResource: 'local resource',
    unknown: 'unknown context',
  },
  timeSources: {
    bias: 'from the log bias',
    event: 'from the event',
    machineOffset: 'from the machine offset',
    defaultOffset: 'from the default offset',
    eventAlignment: 'aligned with the DCOM events',
  },
  hardeningPhases: {
    '2021-06-08': 'Phase 1',
    '2022-06-14': 'Phase 2 (on by default)',
    '2022-11-08': 'Client auto-raise',
    '2023-03-14': 'Phase 3 (enforced)',
  },
  ruleDescriptions: {
    'access-denied': 'Access denied (0x80070005) in a ConfigMgr log: the DCOM hardening symptom when the operation is a remote DCOM/WMI connection.',
    'rpc-unavailable': 'RPC server unavailable (0x800706BA) in a ConfigMgr log: a remote DCOM/WMI connection failed.',
    'wmi-access-denied': 'WMI access denied (0x80041003): WMI namespace security, not DCOM hardening.',
    'dcom-10036': 'DCOM event 10036 (server side): an activation below packet integrity was rejected.',
    'dcom-10037': 'DCOM event 10037 (client side): an activation was attempted below packet integrity with an explicitly set level.',
    'dcom-10038': 'DCOM event 10038 (client side): an activation was attempted below packet integrity with the default level.',
  },
};

const JA: ReportLabels = {
  toolName: 'ConfigMgr Log Doctor',
  sep: '、',
  title: 'DCOM の強化の診断',
  verdict: '判定',
  verdictText: {
    likely: 'DCOM の強化 (KB5004442) が原因である可能性が高い',
    possible: 'DCOM の強化 (KB5004442) が原因である可能性がある',
    unlikely: 'DCOM の強化 (KB5004442) が原因である可能性は低い',
  },
  why: '理由',
  steps: '対処手順',
  noSteps: '推奨される対処はありません。',
  appliesTo: '対象のコンピューター',
  machines: 'コンピューター',
  machine: 'コンピューター',
  names: '名前',
  addresses: 'アドレス',
  roles: '役割',
  utcOffset: 'UTC との時差',
  offsetFromEvents: 'ログと DCOM イベントの照合から推定',
  refusedFrom: 'アクティブ化を拒否した接続元 (10036)',
  activatedBelow: 'パケットの整合性未満でアクティブ化した接続先 (10037/10038)',
  eventExport: 'DCOM イベントを含むシステム ログ',
  yes: 'あり',
  no: 'なし',
  identifiedBy: '識別の根拠',
  files: 'ファイル',
  file: 'ファイル',
  evidenceCount: '検出数',
  toInstall: 'インストールするもの',
  noMachines: 'コンピューターを特定できませんでした。',
  timeline: 'タイムライン (UTC)',
  correlations: 'ログの失敗と DCOM イベントの対応',
  noCorrelations: 'DCOM イベントと対応付けられたログの失敗はありません。',
  pairingWindow: (s) => `対応付けの範囲: ±${s} 秒。`,
  logFailure: 'ログの失敗',
  dcomEvent: 'DCOM イベント',
  delta: 'イベント − ログ',
  kind: '種類',
  correlationKinds: {
    serverRejection: 'サーバーが拒否 (10036)',
    clientActivation: 'クライアントの認証レベル不足 (10037/10038)',
  },
  weakPairing: '時刻のみで対応 (片側のコンピューターが不明)',
  registry: 'レジストリ設定',
  noRegistry: 'DCOM の強化に関するレジストリ設定は見つかりませんでした。',
  key: 'キー',
  valueName: '値の名前',
  value: '値',
  assessment: '評価',
  registryVerdicts: {
    ignored: '2023 年 3 月 14 日以降は無視される',
    suppressesEvidence: '証拠を隠す',
    raisesLevel: '認証レベルを引き上げる',
    informational: '参考情報',
  },
  evidence: '検出箇所',
  noEvidence: 'DCOM の強化を示す記録は見つかりませんでした。',
  location: 'ファイル:行',
  time: '時刻 (UTC)',
  code: 'コード',
  excerpt: '抜粋',
  omitted: (n) => `… ほか ${n} 件 (すべては JSON 出力を参照してください)。`,
  filesExamined: '調べたファイル',
  format: '形式',
  records: 'レコード',
  findings: '検出',
  problems: '問題',
  error: 'エラー',
  none: 'なし',
  unknownTime: '時刻不明',
  unknownMachine: '不明なコンピューター',
  otherMachines: (n) => `その他 ${n} 台`,
  noTimedEvidence: '時刻のわかる記録はありません。',
  hardeningDate: 'DCOM の強化の更新プログラム',
  exportMarkdown: 'Markdown としてエクスポート',
  redactOption: 'ユーザー名、SID、IP アドレスを伏せる',
  roleNames: {
    console: 'コンソール',
    siteServer: 'サイト サーバー',
    smsProvider: 'SMS プロバイダー',
    distributionPoint: '配布ポイント',
    managementPoint: '管理ポイント',
    client: 'クライアント',
    taskSequence: 'タスク シーケンス',
    setup: 'セットアップ',
  },
  codeNames: {
    'access-denied': 'アクセス拒否 (0x80070005)',
    'rpc-unavailable': 'RPC サーバーを利用できません (0x800706BA)',
    'wmi-access-denied': 'WMI アクセス拒否 (0x80041003)',
    'dcom-10036': 'DCOM イベント 10036',
    'dcom-10037': 'DCOM イベント 10037',
    'dcom-10038': 'DCOM イベント 10038',
  },
  legendNames: {
    'access-denied': 'アクセス拒否',
    'rpc-unavailable': 'RPC 利用不可',
    'wmi-access-denied': 'WMI アクセス拒否',
    'dcom-10036': '10036 (サーバー)',
    'dcom-10037': '10037 (クライアント)',
    'dcom-10038': '10038 (クライアント)',
  },
  legendPairing: '対応',
  contexts: {
    consoleToProvider: 'コンソール → SMS プロバイダー',
    siteServerToDistributionPoint: 'サイト サーバー → 配布ポイント',
    remoteConnection: 'リモート接続',
    localResource: 'ローカルのリソース',
    unknown: '状況不明',
  },
  timeSources: {
    bias: 'ログのバイアスから',
    event: 'イベントから',
    machineOffset: 'コンピューターの時差から',
    defaultOffset: '既定の時差から',
    eventAlignment: 'DCOM イベントとの照合から',
  },
  hardeningPhases: {
    '2021-06-08': 'フェーズ 1',
    '2022-06-14': 'フェーズ 2 (既定で有効)',
    '2022-11-08': 'クライアント側の自動引き上げ',
    '2023-03-14': 'フェーズ 3 (常に有効)',
  },
  ruleDescriptions: {
    'access-denied': 'ConfigMgr ログのアクセス拒否 (0x80070005)。リモートの DCOM/WMI 接続であれば DCOM の強化の症状です。',
    'rpc-unavailable': 'ConfigMgr ログの RPC サーバーを利用できません (0x800706BA)。リモートの DCOM/WMI 接続が失敗しました。',
    'wmi-access-denied': 'WMI アクセス拒否 (0x80041003)。WMI 名前空間のセキュリティの問題で、DCOM の強化ではありません。',
    'dcom-10036': 'DCOM イベント 10036 (サーバー側): パケットの整合性未満のアクティブ化が拒否されました。',
    'dcom-10037': 'DCOM イベント 10037 (クライアント側): 明示的に設定された、パケットの整合性未満の認証レベルでアクティブ化しようとしました。',
    'dcom-10038': 'DCOM イベント 10038 (クライアント側): 既定の、パケットの整合性未満の認証レベルでアクティブ化しようとしました。',
  },
};

export function reportLabels(locale: Locale): ReportLabels {
  return locale === 'ja' ? JA : EN;
}
