/** Labels and sentences of the hovers, in English and Japanese. Explanations live in `knowledge/`. */
import type { Localized } from './locale';

type Labels = Readonly<Record<string, Localized<string>>>;

export const HOVER_LABELS = {
  writtenAs: { en: 'written as', ja: '記載' },
  signed: { en: 'signed', ja: '符号付き' },
  unsigned: { en: 'unsigned', ja: '符号なし' },
  severity: { en: 'Severity', ja: '重大度' },
  failure: { en: 'failure', ja: '失敗' },
  success: { en: 'success', ja: '成功' },
  facility: { en: 'Facility', ja: 'ファシリティ' },
  code: { en: 'Code', ja: 'コード' },
  wraps: { en: 'Wraps Win32 error', ja: 'ラップしている Win32 エラー' },
  win32Code: { en: 'Win32 error', ja: 'Win32 エラー' },
  asHresult: { en: 'as an HRESULT', ja: 'HRESULT では' },
  customer: { en: 'customer-defined (C bit set): not in Windows’ tables', ja: 'カスタマー定義 (C ビット): Windows の一覧にはありません' },
  ntstatus: { en: 'an NTSTATUS mapped to an HRESULT', ja: 'HRESULT に変換された NTSTATUS' },
  looksLikeNtstatus: { en: 'looks like an NTSTATUS (an exit code such as 0xC0000005), not an HRESULT', ja: 'HRESULT ではなく NTSTATUS (0xC0000005 のような終了コード) と思われます' },
  unknownCode: { en: 'No entry in the Windows error tables for this value.', ja: 'Windows のエラー一覧にこの値はありません。' },
  inConfigMgr: { en: 'In Configuration Manager', ja: 'Configuration Manager では' },
  nextSteps: { en: 'What to check', ja: '確認すること' },
  pointsAt: { en: 'Points at', ja: '示すもの' },
  localTime: { en: 'Local time', ja: 'ローカル時刻' },
  utc: { en: 'UTC', ja: 'UTC' },
  bias: { en: 'Bias', ja: 'バイアス' },
  hardeningThen: { en: 'DCOM hardening then', ja: '当時の DCOM の強化' },
  noOffset: {
    en: 'No time zone is written in this log: this is the local time of the machine that wrote it. The diagnosis takes the offset from the same machine’s other logs.',
    ja: 'このログにはタイム ゾーンが記録されていません。書き込んだコンピューターのローカル時刻です。診断では同じコンピューターの他のログからオフセットを求めます。',
  },
  noBias: {
    en: 'No bias is written in this record: this is local time of unknown offset.',
    ja: 'このレコードにはバイアスがありません。オフセット不明のローカル時刻です。',
  },
  component: { en: 'Component', ja: 'コンポーネント' },
  thread: { en: 'Thread', ja: 'スレッド' },
  processId: { en: 'Process ID', ja: 'プロセス ID' },
  sourceFile: { en: 'Source file', ja: 'ソース ファイル' },
  recordType: { en: 'Record type', ja: 'レコードの種類' },
  log: { en: 'Log', ja: 'ログ' },
  role: { en: 'Role', ja: '役割' },
  event: { en: 'Event', ja: 'イベント' },
  side: { en: 'Logged on', ja: '記録される側' },
  provider: { en: 'Provider', ja: 'プロバイダー' },
  level: { en: 'Level', ja: 'レベル' },
  computer: { en: 'Computer', ja: 'コンピューター' },
  created: { en: 'Created (UTC)', ja: '作成日時 (UTC)' },
  dataField: { en: 'Data', ja: 'データ' },
  authLevel: { en: 'Authentication level', ja: '認証レベル' },
  belowFloor: { en: 'below the hardening floor of 5 (RPC_C_AUTHN_LEVEL_PKT_INTEGRITY) by', ja: 'DCOM の強化で必要な 5 (RPC_C_AUTHN_LEVEL_PKT_INTEGRITY) より低い: 差は' },
  atOrAboveFloor: { en: 'at or above the hardening floor of 5 (RPC_C_AUTHN_LEVEL_PKT_INTEGRITY)', ja: 'DCOM の強化で必要な 5 (RPC_C_AUTHN_LEVEL_PKT_INTEGRITY) 以上' },
  unknownClsid: {
    en: 'Not a class this extension knows: look it up under HKEY_CLASSES_ROOT\\CLSID\\{…} on the machine that logged the event.',
    ja: 'この拡張機能が知らないクラスです。イベントを記録したコンピューターの HKEY_CLASSES_ROOT\\CLSID\\{…} で確認してください。',
  },
  notHardening: { en: 'Not a DCOM hardening event.', ja: 'DCOM の強化のイベントではありません。' },
  hardeningEvent: { en: 'A DCOM hardening event (KB5004442).', ja: 'DCOM の強化 (KB5004442) のイベントです。' },
} satisfies Labels;

export const RECORD_TYPES: Readonly<Record<string, Localized<string>>> = {
  '0': { en: 'type 0 — none: CMTrace shows it as information; used for success and progress', ja: 'type 0 — なし: CMTrace では情報として表示されます。成功や進行状況に使われます' },
  '1': { en: 'type 1 — information', ja: 'type 1 — 情報' },
  '2': { en: 'type 2 — warning', ja: 'type 2 — 警告' },
  '3': { en: 'type 3 — error', ja: 'type 3 — エラー' },
};

export const FORMAT_HEADERS = {
  ccm: {
    en: 'CCM (CMTrace) record: `time` is local time with the bias in minutes (UTC = local + bias), `date` is month-day-year, `type` 0–3, `thread` the writing thread, `file` the source file and line.',
    ja: 'CCM (CMTrace) 形式のレコード: `time` はローカル時刻と分単位のバイアス (UTC = ローカル時刻 + バイアス)、`date` は月-日-年、`type` は 0〜3、`thread` は書き込んだスレッド、`file` はソース ファイルと行です。',
  },
  simple: {
    en: 'Site server record: `$$<component><month-day-year time+bias><thread=decimal (hex)>`. The bias is in minutes, UTC = local + bias. The format writes no severity: it is read from the text.',
    ja: 'サイト サーバー形式のレコード: `$$<コンポーネント><月-日-年 時刻+バイアス><thread=10 進数 (16 進数)>`。バイアスは分単位で、UTC = ローカル時刻 + バイアスです。重大度は記録されないため、テキストから判断します。',
  },
  adminui: {
    en: 'Console (SmsAdminUI.log) record: `[thread, PID:process][month/day/year time]`, the console machine’s local time with no offset.',
    ja: 'コンソール (SmsAdminUI.log) 形式のレコード: `[スレッド, PID:プロセス][月/日/年 時刻]`。オフセットのない、コンソール コンピューターのローカル時刻です。',
  },
  plain: { en: 'Plain text line.', ja: 'プレーン テキストの行です。' },
} as const;
