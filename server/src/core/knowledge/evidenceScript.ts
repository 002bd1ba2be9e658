/**
 * The PowerShell an admin runs on a machine to collect the DCOM hardening evidence: the DistributedCOM
 * events 10036/10037/10038 of the System log (as event XML under an `<Events>` root, the shape the
 * extension reads), the installed updates and the OS build (which hardening phase the machine is in), the
 * Configuration Manager versions present, and the `Ole` and `Ole\AppCompat` registry keys.
 *
 * The extension only hands this text over (clipboard); it never runs it. The script is read-only on the
 * target apart from creating its output folder. Comments follow the locale; what the script prints stays
 * ASCII, so a copy saved without a byte order mark still parses in Windows PowerShell 5.1 whatever the
 * system code page. The machine name comes from logs: only `[A-Za-z0-9._-]` of it ever reaches the text.
 *
 * Sources: the detection query of Microsoft's WMI-RPC-DCOM diagnostic (gbragante/WMI-Scripts,
 * `Get-WinEvent -FilterHashtable @{ LogName='System'; ID=10036,10037,10038 }`); KB5004442 (the AppCompat
 * values); Microsoft Learn "LegacyAuthenticationLevel" (the `Ole` key); `reg export` writes UTF-16LE
 * with a byte order mark, as regedit does.
 */
import type { Locale, Localized } from '../i18n/locale';

/** Longest name kept (a DNS name is at most 253 characters). */
const MAX_NAME = 253;

/**
 * The machine name reduced to what is safe in a PowerShell comment, a single-quoted string and a file
 * name: letters, digits, dot, hyphen, underscore. Null when nothing usable is left.
 */
export function sanitizeMachineName(name: string | null | undefined): string | null {
  if (typeof name !== 'string') return null;
  const kept = name
    .replace(/[^A-Za-z0-9._-]/g, '')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, MAX_NAME);
  return kept === '' ? null : kept;
}

interface ScriptComments {
  readonly title: string;
  readonly runOn: (machine: string) => string;
  readonly runOnAny: string;
  readonly elevated: string;
  readonly readOnly: string;
  readonly files: readonly string[];
  readonly afterwards: string;
  readonly encoding: string;
  readonly outputFolder: string;
  readonly otherMachine: string;
  readonly events: string;
  readonly eventsNone: string;
  readonly hotfixes: string;
  readonly history: string;
  readonly build: string;
  readonly configMgr: string;
  readonly appCompat: string;
  readonly ole: string;
  readonly done: string;
}

const COMMENTS: Localized<ScriptComments> = {
  en: {
    title: 'ConfigMgr Log Doctor: DCOM hardening evidence (KB5004442, CVE-2021-26414)',
    runOn: (m) => `Run this on ${m}, the machine this evidence is about.`,
    runOnAny: 'Run this on each machine involved: the one that connects and the one that receives.',
    elevated: 'Use an elevated Windows PowerShell 5.1 or PowerShell 7 window (Run as administrator).',
    readOnly: 'Read-only: it changes nothing on this machine. It only creates the output folder and writes these files into it:',
    files: [
      '  System-DCOM-events.xml   System log events 10036, 10037 and 10038, as event XML under <Events>',
      '  hotfixes.csv             Get-HotFix: installed updates',
      '  update-history.csv       Windows Update history (titles of the cumulative updates)',
      '  os-build.txt / .json     OS version, CurrentBuild, UBR, DisplayVersion',
      '  configmgr-version.txt    Configuration Manager site, client and console versions found here',
      '  Ole-AppCompat.reg        reg export of HKLM\\SOFTWARE\\Microsoft\\Ole\\AppCompat (UTF-16LE, as regedit writes)',
      '  Ole.reg                  reg export of HKLM\\SOFTWARE\\Microsoft\\Ole',
    ],
    afterwards: 'Afterwards copy the folder next to the ConfigMgr logs and run "ConfigMgr: Diagnose DCOM hardening" on it.',
    encoding: 'Paste it into the PowerShell window, or save it as a .ps1 file (UTF-8 with BOM keeps these comments readable).',
    outputFolder: 'Output folder on the desktop (or in TEMP), named after this computer.',
    otherMachine: 'This script names the machine it was prepared for: warn when it runs somewhere else, but collect anyway.',
    events: '1. DCOM hardening events: 10036 = this machine rejected an activation (server side); 10037/10038 = an application here activated below packet integrity (client side).',
    eventsNone: 'No events is also evidence: the receiver logs 10036 only with the October 2021 cumulative update or later.',
    hotfixes: '2. Installed updates: the fix is the latest cumulative update on both machines.',
    history: '   Windows Update history names each cumulative update with its month (for example "2023-03 Cumulative Update").',
    build: '3. OS build: build and UBR tell which hardening phase this machine is in (phase 3 since the March 14, 2023 update).',
    configMgr: '4. Configuration Manager versions present on this machine (2203 or later is recommended).',
    appCompat: '5. HKLM\\SOFTWARE\\Microsoft\\Ole\\AppCompat: RequireIntegrityActivationAuthenticationLevel has been ignored since March 14, 2023; RaiseActivationAuthenticationLevel; DisableAuthenticationLevelHardeningLog turns the events off.',
    ole: '6. HKLM\\SOFTWARE\\Microsoft\\Ole: machine-wide DCOM settings (LegacyAuthenticationLevel and others).',
    done: 'Done: show where the evidence is.',
  },
  ja: {
    title: 'ConfigMgr Log Doctor: DCOM の強化 (KB5004442、CVE-2021-26414) の証拠収集',
    runOn: (m) => `このスクリプトは ${m} (調査対象のコンピューター) で実行します。`,
    runOnAny: '関係する各コンピューター (接続する側と接続を受ける側) で実行します。',
    elevated: '管理者として実行した Windows PowerShell 5.1 または PowerShell 7 のウィンドウを使います。',
    readOnly: '読み取り専用です。このコンピューターの設定は何も変更しません。出力フォルダーを作成し、次のファイルを書き込むだけです:',
    files: [
      '  System-DCOM-events.xml   システム ログのイベント 10036、10037、10038 (<Events> の下のイベント XML)',
      '  hotfixes.csv             Get-HotFix: インストール済みの更新プログラム',
      '  update-history.csv       Windows Update の履歴 (累積更新プログラムの名前)',
      '  os-build.txt / .json     OS のバージョン、CurrentBuild、UBR、DisplayVersion',
      '  configmgr-version.txt    このコンピューターにある Configuration Manager のサイト、クライアント、コンソールのバージョン',
      '  Ole-AppCompat.reg        HKLM\\SOFTWARE\\Microsoft\\Ole\\AppCompat の reg export (regedit と同じ UTF-16LE)',
      '  Ole.reg                  HKLM\\SOFTWARE\\Microsoft\\Ole の reg export',
    ],
    afterwards: '実行後、出力フォルダーを ConfigMgr のログと同じ場所にコピーし、そのフォルダーで「ConfigMgr: DCOM の強化を診断」を実行します。',
    encoding: 'PowerShell のウィンドウに貼り付けて実行するか、.ps1 ファイルとして保存します (コメントを正しく表示するには BOM 付き UTF-8 で保存します)。',
    outputFolder: '出力フォルダーはデスクトップ (なければ TEMP) に、このコンピューターの名前で作成します。',
    otherMachine: 'スクリプトには作成時に想定したコンピューター名が入っています。別のコンピューターで実行した場合は警告しますが、収集は続けます。',
    events: '1. DCOM の強化のイベント: 10036 = このコンピューターがアクティブ化を拒否した (サーバー側)、10037/10038 = このコンピューターのアプリケーションがパケットの整合性未満でアクティブ化した (クライアント側)。',
    eventsNone: 'イベントがないことも証拠になります。ただし 10036 は 2021 年 10 月以降の累積更新プログラムがないと記録されません。',
    hotfixes: '2. インストール済みの更新プログラム: 対処は両方のコンピューターへの最新の累積更新プログラムの適用です。',
    history: '   Windows Update の履歴には、各累積更新プログラムが月付きの名前 (例: "2023-03 Cumulative Update") で記録されています。',
    build: '3. OS のビルド: ビルド番号と UBR から、このコンピューターが強化のどのフェーズにあるかがわかります (2023 年 3 月 14 日の更新プログラム以降はフェーズ 3)。',
    configMgr: '4. このコンピューターにある Configuration Manager のバージョン (2203 以降を推奨)。',
    appCompat: '5. HKLM\\SOFTWARE\\Microsoft\\Ole\\AppCompat: RequireIntegrityActivationAuthenticationLevel は 2023 年 3 月 14 日以降無視されます。RaiseActivationAuthenticationLevel、DisableAuthenticationLevelHardeningLog (イベントの記録を止める値) もここにあります。',
    ole: '6. HKLM\\SOFTWARE\\Microsoft\\Ole: コンピューター全体の DCOM の設定 (LegacyAuthenticationLevel など)。',
    done: '完了: 証拠の保存先を表示します。',
  },
};

/** The script, one line per element, with comments in the locale's language. */
export function evidenceScript(machine: string | null, requestedLocale: Locale): string {
  const locale: Locale = requestedLocale === 'ja' ? 'ja' : 'en';
  const c = COMMENTS[locale];
  const name = sanitizeMachineName(machine);
  const comment = (text: string): string => `# ${text}`;
  const lines: string[] = [
    comment(c.title),
    comment(name ? c.runOn(name) : c.runOnAny),
    comment(c.elevated),
    comment(c.readOnly),
    ...c.files.map(comment),
    comment(c.afterwards),
    comment(c.encoding),
    '',
    "$ErrorActionPreference = 'Continue'",
    `$ExpectedComputer = '${name ?? ''}'`,
    '',
    comment(c.outputFolder),
    "$Root = [Environment]::GetFolderPath('Desktop')",
    'if (-not $Root -or -not (Test-Path -LiteralPath $Root)) { $Root = $env:TEMP }',
    "$OutDir = Join-Path $Root ('DcomEvidence-' + $env:COMPUTERNAME + '-' + (Get-Date -Format 'yyyyMMdd-HHmmss'))",
    'New-Item -ItemType Directory -Path $OutDir -Force | Out-Null',
    '',
    comment(c.otherMachine),
    "if ($ExpectedComputer -and $ExpectedComputer -notmatch '^[0-9.]+$') {",
    "  $Short = $ExpectedComputer.Split('.')[0]",
    '  if (@($env:COMPUTERNAME, [System.Net.Dns]::GetHostName()) -notcontains $Short) {',
    "    Write-Warning ('This script was prepared for ' + $ExpectedComputer + ', but this computer is ' + $env:COMPUTERNAME + '.')",
    '  }',
    '}',
    '',
    comment(c.events),
    comment(c.eventsNone),
    "$Events = @(Get-WinEvent -FilterHashtable @{ LogName='System'; Id=10036,10037,10038 } -ErrorAction SilentlyContinue)",
    '$Xml = New-Object System.Text.StringBuilder',
    "[void]$Xml.AppendLine('<?xml version=\"1.0\" encoding=\"utf-8\"?>')",
    "[void]$Xml.AppendLine('<Events>')",
    'foreach ($E in $Events) { [void]$Xml.AppendLine($E.ToXml()) }',
    "[void]$Xml.AppendLine('</Events>')",
    "[System.IO.File]::WriteAllText((Join-Path $OutDir 'System-DCOM-events.xml'), $Xml.ToString(), (New-Object System.Text.UTF8Encoding -ArgumentList $false))",
    "Write-Host ('DCOM hardening events (10036/10037/10038): ' + $Events.Count)",
    '',
    comment(c.hotfixes),
    'try {',
    "  Get-HotFix | Select-Object HotFixID, Description, InstalledOn, InstalledBy | Sort-Object InstalledOn -Descending | Export-Csv -LiteralPath (Join-Path $OutDir 'hotfixes.csv') -NoTypeInformation -Encoding UTF8",
    "} catch { Write-Warning ('Get-HotFix failed: ' + $_) }",
    comment(c.history),
    'try {',
    "  $Searcher = (New-Object -ComObject 'Microsoft.Update.Session').CreateUpdateSearcher()",
    '  $Count = $Searcher.GetTotalHistoryCount()',
    '  if ($Count -gt 0) {',
    "    $Searcher.QueryHistory(0, $Count) | Where-Object { $_.Title } | Select-Object Date, Title, ResultCode | Export-Csv -LiteralPath (Join-Path $OutDir 'update-history.csv') -NoTypeInformation -Encoding UTF8",
    '  }',
    "} catch { Write-Warning ('Windows Update history is not available: ' + $_) }",
    '',
    comment(c.build),
    "$Cv = Get-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'",
    '$Os = [ordered]@{',
    '  ComputerName   = $env:COMPUTERNAME',
    '  DnsHostName    = [System.Net.Dns]::GetHostName()',
    '  OSVersion      = [System.Environment]::OSVersion.Version.ToString()',
    '  ProductName    = $Cv.ProductName',
    '  DisplayVersion = $Cv.DisplayVersion',
    '  ReleaseId      = $Cv.ReleaseId',
    '  CurrentBuild   = $Cv.CurrentBuild',
    '  UBR            = $Cv.UBR',
    "  Build          = ('{0}.{1}' -f $Cv.CurrentBuild, $Cv.UBR)",
    "  CollectedUtc   = (Get-Date).ToUniversalTime().ToString('o')",
    '}',
    "[pscustomobject]$Os | Format-List | Out-File -LiteralPath (Join-Path $OutDir 'os-build.txt') -Encoding utf8",
    "[pscustomobject]$Os | ConvertTo-Json | Out-File -LiteralPath (Join-Path $OutDir 'os-build.json') -Encoding utf8",
    "Write-Host ('OS build: ' + $Os.Build + ' (' + $Os.ProductName + ' ' + $Os.DisplayVersion + ')')",
    '',
    comment(c.configMgr),
    '$Cm = [ordered]@{}',
    "$Site = Get-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\SMS\\Setup' -ErrorAction SilentlyContinue",
    "if ($Site) { $Cm['SiteServerFullVersion'] = $Site.'Full Version' }",
    "$Client = Get-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\SMS\\Mobile Client' -ErrorAction SilentlyContinue",
    "if ($Client) { $Cm['ClientVersion'] = $Client.ProductVersion }",
    'if ($env:SMS_ADMIN_UI_PATH) {',
    "  $Console = Join-Path (Split-Path -Path $env:SMS_ADMIN_UI_PATH -Parent) 'Microsoft.ConfigurationManagement.exe'",
    "  if (Test-Path -LiteralPath $Console) { $Cm['ConsoleVersion'] = (Get-Item -LiteralPath $Console).VersionInfo.FileVersion }",
    '}',
    "if ($Cm.Count -eq 0) { $Cm['Note'] = 'No Configuration Manager site server, client or console found on this computer.' }",
    "[pscustomobject]$Cm | Format-List | Out-File -LiteralPath (Join-Path $OutDir 'configmgr-version.txt') -Encoding utf8",
    '',
    comment(c.appCompat),
    "reg export 'HKLM\\SOFTWARE\\Microsoft\\Ole\\AppCompat' (Join-Path $OutDir 'Ole-AppCompat.reg') /y 2>$null | Out-Null",
    "if ($LASTEXITCODE -ne 0) { Set-Content -LiteralPath (Join-Path $OutDir 'Ole-AppCompat.missing.txt') -Value 'HKLM\\SOFTWARE\\Microsoft\\Ole\\AppCompat does not exist on this computer.' }",
    comment(c.ole),
    "reg export 'HKLM\\SOFTWARE\\Microsoft\\Ole' (Join-Path $OutDir 'Ole.reg') /y 2>$null | Out-Null",
    '',
    comment(c.done),
    "Write-Host ('Evidence written to ' + $OutDir)",
    '',
  ];
  return lines.join('\r\n');
}
