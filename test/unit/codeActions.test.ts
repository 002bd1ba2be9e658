import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { analyzeDocument } from '../../server/src/core/document';
import {
  CODE_ACTION_COMMANDS,
  evidenceScriptForCommand,
  fixForCommand,
  getCodeActions,
  hostsIn,
  symptomOfApplication,
} from '../../server/src/core/features/codeActions';
import { getDiagnostics } from '../../server/src/core/features/diagnostics';
import type { Locale } from '../../server/src/core/i18n/locale';
import { COMMANDS } from '../../server/src/protocol';

const URI = 'file:///c%3A/cases/dcom/SmsAdminUI.log';

/** Code actions for every diagnostic on `line` of a document, as the server will ask for them. */
function actionsOnLine(text: string, fileName: string | undefined, line: number, locale: Locale = 'en', uri = URI): CodeAction[] {
  const doc = analyzeDocument(text, fileName);
  const range: Range = { start: { line, character: 0 }, end: { line, character: 0 } };
  const diagnostics = getDiagnostics(doc, locale).filter((d) => d.range.start.line <= line && d.range.end.line >= line);
  return getCodeActions(doc, { uri, range, diagnostics }, locale);
}

function commandsOf(actions: readonly CodeAction[]): string[] {
  return actions.map((a) => a.command?.command ?? '');
}

function argOf(action: CodeAction | undefined): unknown {
  return action?.command?.arguments?.[0];
}

function find(actions: readonly CodeAction[], command: string): CodeAction | undefined {
  return actions.find((a) => a.command?.command === command);
}

const NS = 'http://schemas.microsoft.com/win/2004/08/events/event';
const event = (id: string, data: string, computer = 'CM01.contoso.com'): string =>
  `<Event xmlns='${NS}'><System><Provider Name='Microsoft-Windows-DistributedCOM' EventSourceName='DCOM'/><EventID Qualifiers='0'>${id}</EventID><Level>2</Level><TimeCreated SystemTime='2023-03-16T08:15:00.1234567Z'/><Execution ProcessID='1040' ThreadID='5524'/><Channel>System</Channel><Computer>${computer}</Computer><Security UserID='S-1-5-18'/></System><EventData>${data}</EventData></Event>`;

const D10036 = "<Data Name='Domain Name'>CONTOSO</Data><Data Name='User Name'>cmadmin</Data><Data Name='SID'>S-1-5-21-1-2-3-1104</Data><Data Name='Client IP Address'>10.1.2.30</Data>";
const D10038_CONSOLE =
  '<Data>C:\\Program Files (x86)\\Microsoft Endpoint Manager\\AdminConsole\\bin\\Microsoft.ConfigurationManagement.exe</Data><Data>6120</Data><Data>{8BC3F05E-D86B-11D0-A075-00C04FB68820}</Data><Data>PROV01.contoso.test</Data><Data>2</Data>';
const D10037_AGENT =
  "<Data Name='param1'>C:\\Program Files\\Fabrikam\\Agent\\fabagent.exe</Data><Data Name='param2'>900</Data><Data Name='param3'>{8BC3F05E-D86B-11D0-A075-00C04FB68820}</Data><Data Name='param4'>SRV01.contoso.test</Data><Data Name='param5'>4</Data>";

const ADMINUI = [
  '[9, PID:4816][05/09/2023 08:55:06] :Connecting to SMS Provider PROV02.corp.contoso.com, namespace \\\\PROV02.corp.contoso.com\\root\\sms',
  "[9, PID:4816][05/09/2023 08:55:07] :Insufficient privilege to connect, error: 'Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))'",
  'System.UnauthorizedAccessException',
  'Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))',
  '   at System.Management.ThreadDispatch.Start()',
  '   at Microsoft.ConfigurationManagement.ManagementProvider.WqlQueryEngine.WqlConnectionManager.Connect(String configMgrServerPath)',
  '   at Microsoft.ConfigurationManagement.AdminConsole.SmsSiteConnectionNode.GetConnectionManagerInstance(String connectionManagerInstance)',
].join('\r\n');
const ADMINUI_FILE = 'C:\\Program Files (x86)\\Microsoft Endpoint Manager\\AdminConsole\\AdminUILog\\SmsAdminUI.log';

const simple = (msg: string, thread = '5130 (0x140A)'): string =>
  `${msg}  $$<SMS_DISTRIBUTION_MANAGER><08-15-2023 14:02:13.293+240><thread=${thread}>`;

describe('getCodeActions: which actions for which diagnostic', () => {
  it('a console access denied: show fix (preferred), diagnose, evidence, look up', () => {
    const actions = actionsOnLine(ADMINUI, ADMINUI_FILE, 1);
    assert.deepEqual(commandsOf(actions), [
      CODE_ACTION_COMMANDS.showFix,
      CODE_ACTION_COMMANDS.diagnose,
      CODE_ACTION_COMMANDS.copyEvidenceScript,
      CODE_ACTION_COMMANDS.lookUpErrorCode,
    ]);
    assert.deepEqual(actions.map((a) => a.isPreferred === true), [true, false, false, false]);
    for (const a of actions) {
      assert.equal(a.kind, 'quickfix');
      assert.equal(a.edit, undefined, 'logs are never edited');
      assert.equal(a.diagnostics?.length, 1);
      assert.equal(a.diagnostics?.[0]?.code, 'access-denied');
      assert.equal(a.command?.title, a.title);
    }
  });
  it('console symptom, the provider named by the record before it in the same thread, the console machine unknown', () => {
    const actions = actionsOnLine(ADMINUI, ADMINUI_FILE, 1);
    assert.deepEqual(argOf(find(actions, CODE_ACTION_COMMANDS.showFix)), {
      symptom: 'consoleToProvider',
      to: 'PROV02.corp.contoso.com',
      uri: URI,
      line: 1,
    });
    assert.deepEqual(argOf(find(actions, CODE_ACTION_COMMANDS.diagnose)), { folderOf: URI });
    assert.deepEqual(argOf(find(actions, CODE_ACTION_COMMANDS.copyEvidenceScript)), { machine: 'PROV02.corp.contoso.com' });
    assert.equal(argOf(find(actions, CODE_ACTION_COMMANDS.lookUpErrorCode)), 'Access is denied');
  });
  it('the host named in the failing record itself wins', () => {
    const text = "[9, PID:4816][05/09/2023 08:55:07] :Insufficient privilege to connect to \\\\PROV03.corp.contoso.com\\root\\sms, error: 'Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))'";
    const actions = actionsOnLine(text, ADMINUI_FILE, 0);
    assert.equal((argOf(find(actions, CODE_ACTION_COMMANDS.showFix)) as { to?: string }).to, 'PROV03.corp.contoso.com');
  });
  it('a distmgr RPC server unavailable naming DP01', () => {
    const text = simple('~Failed to connect to \\\\DP01.corp.contoso.com\\root\\SCCMDP, error 0x800706BA');
    const actions = actionsOnLine(text, 'distmgr.log', 0, 'en', 'file:///c%3A/cases/dcom/distmgr.log');
    assert.deepEqual(argOf(find(actions, CODE_ACTION_COMMANDS.showFix)), {
      symptom: 'siteServerToDistributionPoint',
      to: 'DP01.corp.contoso.com',
      uri: 'file:///c%3A/cases/dcom/distmgr.log',
      line: 0,
    });
    assert.deepEqual(argOf(find(actions, CODE_ACTION_COMMANDS.copyEvidenceScript)), { machine: 'DP01.corp.contoso.com' });
    assert.equal(argOf(find(actions, CODE_ACTION_COMMANDS.lookUpErrorCode)), '0x800706BA');
    assert.equal(find(actions, CODE_ACTION_COMMANDS.lookUpErrorCode)?.title, 'Look up this error code (0x800706BA)');
  });
  it('distmgr records that name the DP as a word, or only in an earlier record of the thread', () => {
    const text = [
      simple('~Cannot open the DP WMI provider on DP07, error = 80070005'),
      simple('~Connecting to \\\\DP09.corp.contoso.com\\root\\SCCMDP', '6120 (0x17E8)'),
      simple('~Processing package CON00043', '4788 (0x12B4)'),
      simple('~DP09 did not answer the WMI call; error 0x800706ba, will retry', '6120 (0x17E8)'),
    ].join('\r\n');
    const to = (line: number): unknown => (argOf(find(actionsOnLine(text, 'distmgr.log', line), CODE_ACTION_COMMANDS.showFix)) as { to?: string }).to;
    assert.equal(to(0), 'DP07');
    assert.equal(to(3), 'DP09.corp.contoso.com');
    assert.equal(argOf(find(actionsOnLine(text, 'distmgr.log', 0), CODE_ACTION_COMMANDS.lookUpErrorCode)), '80070005');
  });
  it('a status message line gives the reporting site server as the caller', () => {
    const text = simple('STATMSG: ID=2391 SEV=E LEV=M SOURCE="SMS Server" COMP="SMS_DISTRIBUTION_MANAGER" SYS=CM01.corp.contoso.com SITE=CON PID=2960 TID=5130 ISTR0="DP07.corp.contoso.com" Failed to connect, error 0x80070005');
    const args = argOf(find(actionsOnLine(text, 'distmgr.log', 0), CODE_ACTION_COMMANDS.showFix));
    assert.deepEqual(args, { symptom: 'siteServerToDistributionPoint', from: 'CM01.corp.contoso.com', to: 'DP07.corp.contoso.com', uri: URI, line: 0 });
  });
  it('a 10036: server rejection, client address → from, event computer → to; evidence on the caller', () => {
    const actions = actionsOnLine(`<Events>\r\n${event('10036', D10036, 'PROV01.contoso.test')}\r\n</Events>`, 'System.xml', 1);
    assert.deepEqual(commandsOf(actions), [CODE_ACTION_COMMANDS.showFix, CODE_ACTION_COMMANDS.diagnose, CODE_ACTION_COMMANDS.copyEvidenceScript]);
    assert.deepEqual(argOf(actions[0]), { symptom: 'serverRejection', from: '10.1.2.30', to: 'PROV01.contoso.test', uri: URI, line: 1 });
    assert.deepEqual(argOf(actions[2]), { machine: '10.1.2.30' });
    assert.equal(actions[0]?.diagnostics?.[0]?.code, 'dcom-10036');
  });
  it('a 10038 from the ConfigMgr console: console symptom, event computer → from, target → to; evidence on the target', () => {
    const actions = actionsOnLine(event('10038', D10038_CONSOLE, 'CONSOLE07.contoso.test'), undefined, 0);
    assert.deepEqual(argOf(find(actions, CODE_ACTION_COMMANDS.showFix)), {
      symptom: 'consoleToProvider',
      from: 'CONSOLE07.contoso.test',
      to: 'PROV01.contoso.test',
      uri: URI,
      line: 0,
    });
    assert.deepEqual(argOf(find(actions, CODE_ACTION_COMMANDS.copyEvidenceScript)), { machine: 'PROV01.contoso.test' });
    assert.equal(find(actions, CODE_ACTION_COMMANDS.lookUpErrorCode), undefined, 'events have no error code to look up');
  });
  it('a 10037 from a third-party application', () => {
    const actions = actionsOnLine(event('10037', D10037_AGENT, 'APP01.contoso.test'), undefined, 0);
    assert.deepEqual(argOf(find(actions, CODE_ACTION_COMMANDS.showFix)), {
      symptom: 'thirdPartyApplication',
      from: 'APP01.contoso.test',
      to: 'SRV01.contoso.test',
      uri: URI,
      line: 0,
    });
  });
  it('WMI namespace security gets only the look-up, preferred', () => {
    const text = '<![LOG[Failed to open namespace \\\\CLIENT01\\root\\ccm\\policy 0x80041003]LOG]!><time="10:30:43.112+240" date="10-18-2022" component="x" context="" type="3" thread="1" file="">';
    const actions = actionsOnLine(text, 'CcmExec.log', 0);
    assert.deepEqual(commandsOf(actions), [CODE_ACTION_COMMANDS.lookUpErrorCode]);
    assert.equal(actions[0]?.isPreferred, true);
    assert.equal(argOf(actions[0]), '0x80041003');
    assert.equal(actions[0]?.diagnostics?.[0]?.code, 'wmi-access-denied');
  });
  it('a local file access denied is not DCOM hardening: only the look-up', () => {
    const text = '<![LOG[RemoveFile() failed for C:\\_SMSTaskSequence\\TSEnv.dat. 0x80070005.]LOG]!><time="10:30:43.112+240" date="10-18-2022" component="TSManager" context="" type="3" thread="1964" file="utils.cpp:7745">';
    assert.deepEqual(commandsOf(actionsOnLine(text, 'smsts.log', 0)), [CODE_ACTION_COMMANDS.lookUpErrorCode]);
  });
  it('a console log under another name is still the console symptom', () => {
    const text = [
      '[11, PID:6032][06/20/2023 10:03:06] :CM01 への再接続: アクセスが拒否されました。',
      "[11, PID:6032][06/20/2023 10:03:07] :Retry failed, error: 'アクセスが拒否されました。 (HRESULT からの例外: 0x80070005 (E_ACCESSDENIED))'",
    ].join('\r\n');
    const args = argOf(find(actionsOnLine(text, 'SmsAdminUI-ja.log', 1, 'ja'), CODE_ACTION_COMMANDS.showFix));
    assert.deepEqual(args, { symptom: 'consoleToProvider', to: 'CM01', uri: URI, line: 1 });
  });
  it('a remote connection to a client namespace is the Support Center / Policy Spy symptom', () => {
    const text = '<![LOG[Connect to \\\\CLIENT01\\root\\ccm failed 0x800706BA]LOG]!><time="10:30:43.112+240" date="10-18-2022" component="x" context="" type="3" thread="1" file="">';
    const args = argOf(find(actionsOnLine(text, undefined, 0), CODE_ACTION_COMMANDS.showFix));
    assert.deepEqual(args, { symptom: 'supportToolToClient', to: 'CLIENT01', uri: URI, line: 0 });
  });
  it('no actions without our diagnostics in the range', () => {
    const doc = analyzeDocument(ADMINUI, ADMINUI_FILE);
    const ours = getDiagnostics(doc, 'en');
    const elsewhere: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } };
    assert.deepEqual(getCodeActions(doc, { uri: URI, range: elsewhere, diagnostics: ours }, 'en'), []);
    const onIt: Range = { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } };
    assert.deepEqual(getCodeActions(doc, { uri: URI, range: onIt, diagnostics: [] }, 'en'), []);
    const foreign: Diagnostic[] = ours.map((d) => ({ ...d, source: 'eslint' }));
    assert.deepEqual(getCodeActions(doc, { uri: URI, range: onIt, diagnostics: foreign }, 'en'), []);
    const unknownCode: Diagnostic[] = ours.map((d) => ({ ...d, code: 'something-else' }));
    assert.deepEqual(getCodeActions(doc, { uri: URI, range: onIt, diagnostics: unknownCode }, 'en'), []);
    const clean = analyzeDocument('[1, PID:2][06/20/2022 10:02:11] :all fine', ADMINUI_FILE);
    assert.deepEqual(getCodeActions(clean, { uri: URI, range: onIt, diagnostics: ours }, 'en'), [], 'stale diagnostics match no finding');
  });
  it('two diagnostics in one record: shared actions list both, one preferred fix', () => {
    const text = '<![LOG[Both attempts to DP11 failed: first 0x80070005, then 0x800706BA]LOG]!><time="10:30:43.112+240" date="10-18-2022" component="SMS_DISTRIBUTION_MANAGER" context="" type="3" thread="1" file="">';
    const actions = actionsOnLine(text, 'distmgr.log', 0);
    assert.deepEqual(commandsOf(actions), [
      CODE_ACTION_COMMANDS.showFix,
      CODE_ACTION_COMMANDS.diagnose,
      CODE_ACTION_COMMANDS.copyEvidenceScript,
      CODE_ACTION_COMMANDS.lookUpErrorCode,
      CODE_ACTION_COMMANDS.lookUpErrorCode,
    ]);
    for (const shared of actions.slice(0, 3)) assert.deepEqual(shared.diagnostics?.map((d) => d.code), ['access-denied', 'rpc-unavailable']);
    assert.deepEqual(actions.map((a) => a.isPreferred === true), [true, false, false, false, false]);
    assert.deepEqual(argOf(actions[0]), { symptom: 'siteServerToDistributionPoint', to: 'DP11', uri: URI, line: 0 });
    assert.deepEqual(actions.slice(3).map(argOf), ['0x80070005', '0x800706BA']);
  });
});

describe('getCodeActions: titles in English and Japanese', () => {
  it('English', () => {
    const titles = actionsOnLine(ADMINUI, ADMINUI_FILE, 1, 'en').map((a) => a.title);
    assert.deepEqual(titles, [
      'Show the DCOM hardening fix (console → SMS Provider)',
      'Diagnose DCOM hardening in this folder',
      'Copy the PowerShell that collects the evidence on PROV02.corp.contoso.com',
      'Look up this error code (0x80070005)',
    ]);
  });
  it('Japanese', () => {
    const titles = actionsOnLine(ADMINUI, ADMINUI_FILE, 1, 'ja').map((a) => a.title);
    assert.deepEqual(titles, [
      'DCOM の強化の修正方法を表示 (コンソール → SMS プロバイダー)',
      'このフォルダーの DCOM の強化を診断',
      'PROV02.corp.contoso.com で証拠を収集する PowerShell をコピー',
      'このエラー コードを調べる (0x80070005)',
    ]);
  });
  it('an unknown machine is left out of the evidence title and argument', () => {
    const text = '<![LOG[WMI connection failed 0x800706BA]LOG]!><time="10:30:43.112+240" date="10-18-2022" component="x" context="" type="3" thread="1" file="">';
    const actions = actionsOnLine(text, undefined, 0);
    const evidence = find(actions, CODE_ACTION_COMMANDS.copyEvidenceScript);
    assert.equal(evidence?.title, 'Copy the PowerShell that collects the evidence');
    assert.deepEqual(argOf(evidence), { machine: null });
    assert.deepEqual(argOf(find(actions, CODE_ACTION_COMMANDS.showFix)), { symptom: 'remoteConnection', uri: URI, line: 0 });
  });
  it('a hostile machine name reaches the evidence title and argument sanitised', () => {
    const hostile = "EVIL01'$(calc)`n\u202e&lt;b&gt;";
    const actions = actionsOnLine(event('10038', D10038_CONSOLE.replace('PROV01.contoso.test', hostile), 'CONSOLE07'), undefined, 0);
    const evidence = find(actions, CODE_ACTION_COMMANDS.copyEvidenceScript);
    assert.deepEqual(argOf(evidence), { machine: 'EVIL01calcnb' });
    assert.equal(evidence?.title, 'Copy the PowerShell that collects the evidence on EVIL01calcnb');
  });
});

describe('symptomOfApplication (10037/10038 application path)', () => {
  const cases: [string | undefined, string][] = [
    ['C:\\Program Files (x86)\\Microsoft Endpoint Manager\\AdminConsole\\bin\\Microsoft.ConfigurationManagement.exe', 'consoleToProvider'],
    ['D:\\ConfigMgr Console\\bin\\Microsoft.ConfigurationManagement.exe', 'consoleToProvider'],
    ['C:\\Program Files\\Microsoft Configuration Manager\\bin\\x64\\smsexec.exe', 'siteServerToDistributionPoint'],
    ['E:\\SCCM\\bin\\x64\\SMSEXEC.EXE', 'siteServerToDistributionPoint'],
    ['C:\\Program Files\\Microsoft Configuration Manager\\bin\\x64\\sitecomp.exe', 'siteServerToDistributionPoint'],
    ['C:\\Program Files (x86)\\Configuration Manager Support Center\\ConfigMgrSupportCenter.exe', 'supportToolToClient'],
    ['C:\\Program Files (x86)\\Configuration Manager\\Tools\\ClientTools\\PolicySpy.exe', 'supportToolToClient'],
    ['C:\\Windows\\CCM\\CcmExec.exe', 'remoteConnection'],
    ['C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'remoteConnection'],
    ['', 'remoteConnection'],
    [undefined, 'remoteConnection'],
    ['C:\\Program Files\\Fabrikam\\Agent\\fabagent.exe', 'thirdPartyApplication'],
    ['C:\\Program Files (x86)\\Configuration Manager\\Tools\\DPJobMgr.exe', 'remoteConnection'],
    ['C:\\Program Files\\Contoso\\Configuration Manager Reports\\report.exe', 'thirdPartyApplication'],
  ];
  for (const [path, expected] of cases) {
    it(`${path ?? '(none)'} → ${expected}`, () => assert.equal(symptomOfApplication(path), expected));
  }
});

describe('hostsIn (the receiving machine a record names)', () => {
  const cases: [string, string | undefined][] = [
    ['Failed to connect to \\\\DP01.corp.contoso.com\\root\\SCCMDP, error 0x800706BA', 'DP01.corp.contoso.com'],
    ['Failed to connect to WMI namespace root\\SCCMDP on DP01.contoso.com, error 0x80070005', 'DP01.contoso.com'],
    ['Transport error; failed to connect to site CON through PROV03.corp.contoso.com', 'PROV03.corp.contoso.com'],
    ['RPC call to DP09 failed (800706BA)', 'DP09'],
    ['Connecting to 10.1.2.30 failed', '10.1.2.30'],
    ['Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))\n   at System.Management.ManagementScope.Initialize()\n   at Microsoft.ConfigurationManagement.ManagementProvider.WqlQueryEngine.WqlConnectionManager.Connect(String configMgrServerPath)', undefined],
    ['System.Runtime.InteropServices.COMException (0x800706BA): The RPC server is unavailable.', undefined],
    ['Microsoft.ConfigurationManagement.exe starting, version 5.2211.1061.1000', undefined],
    ['Failed to load C:\\Windows\\CCM\\ccmexec.config.xml from disk 0x80070005', undefined],
    ['Failed on \\\\.\\root\\cimv2 and to Win32 with 0x80070005', undefined],
    ['error to 0x800706BA on 80070005', undefined],
    ['The server SRV-APP01.fabrikam.local rejected 0x80070005', 'SRV-APP01.fabrikam.local'],
    ['GetProviderVersion returned error code 2147942405 for PROV02', 'PROV02'],
    ['Query failed for SMS_Admin: 0x80070005', undefined],
    ['CM01 への再接続: アクセスが拒否されました。', 'CM01'],
    ['サイト CON に接続できません: アクセスが拒否されました。', undefined],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text.slice(0, 60)), () => assert.equal(hostsIn(text).to, expected));
  }
});

describe('fixForCommand and evidenceScriptForCommand (untrusted arguments)', () => {
  it('renders the fix from showFix arguments, as an object or the command argument array', () => {
    const args = { symptom: 'siteServerToDistributionPoint', from: 'CM01', to: 'DP01.corp.contoso.com', uri: URI, line: 3 };
    const md = fixForCommand(args, 'en');
    assert.match(md, /^# DCOM hardening fix: content does not reach a remote distribution point/);
    assert.ok(md.includes('`CM01`') && md.includes('`DP01.corp.contoso.com`'));
    assert.equal(fixForCommand([args], 'en'), md);
    assert.match(fixForCommand(args, 'ja'), /配布ポイント `DP01\.corp\.contoso\.com`/);
  });
  it('never throws on junk: an unknown symptom gets the general fix, non-strings are ignored', () => {
    for (const junk of [undefined, null, 42, 'x', [], [null], { symptom: 'rm -rf' }, { symptom: 'consoleToProvider', from: 7, to: { x: 1 } }]) {
      const md = fixForCommand(junk, 'en');
      assert.match(md, /^# DCOM hardening fix/);
      assert.ok(!md.includes('{from}') && !md.includes('{to}'));
    }
  });
  it('the evidence script request', () => {
    assert.match(evidenceScriptForCommand({ machine: 'DP01' }, 'en'), /# Run this on DP01,/);
    assert.match(evidenceScriptForCommand([{ machine: 'DP01' }], 'ja'), /# このスクリプトは DP01 /);
    assert.match(evidenceScriptForCommand({ machine: 5 }, 'en'), /\$ExpectedComputer = ''/);
    assert.match(evidenceScriptForCommand(null, 'en'), /\$ExpectedComputer = ''/);
  });
});

describe('command ids', () => {
  it('the protocol repeats the core command ids; the look-up is the existing command', () => {
    assert.deepEqual({ ...COMMANDS }, { ...CODE_ACTION_COMMANDS });
    assert.equal(CODE_ACTION_COMMANDS.lookUpErrorCode, COMMANDS.lookUpErrorCode);
    const registered: Record<string, string> = { ...COMMANDS };
    for (const [key, id] of Object.entries(CODE_ACTION_COMMANDS)) {
      if (key in registered) assert.equal(registered[key], id, key);
    }
  });
});

describe('getCodeActions never throws on a malformed request', () => {
  it('missing range, missing diagnostics, diagnostics without ranges', () => {
    const doc = analyzeDocument(ADMINUI, ADMINUI_FILE);
    const range: Range = { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } };
    const broken = [
      { uri: URI } as unknown as Parameters<typeof getCodeActions>[1],
      { uri: URI, range } as unknown as Parameters<typeof getCodeActions>[1],
      { uri: URI, range, diagnostics: [null, { source: 'configmgr', code: 'access-denied' }] } as unknown as Parameters<typeof getCodeActions>[1],
    ];
    for (const request of broken) assert.deepEqual(getCodeActions(doc, request, 'en'), []);
  });
});
