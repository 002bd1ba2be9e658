import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../server/src/core/document';
import { code } from '../../server/src/core/features/markdown';
import type { Locale } from '../../server/src/core/i18n/locale';
import { evidenceScript, sanitizeMachineName } from '../../server/src/core/knowledge/evidenceScript';
import { FIX_SYMPTOMS, REGISTRY_OPT_OUT_VALUE, fillMachines, fixLabel, renderFix, type FixSymptom } from '../../server/src/core/knowledge/fixes';

const LOCALES: readonly Locale[] = ['en', 'ja'];
const HISTORY_HEADING: Record<Locale, string> = { en: '## History: the registry opt-out (not a fix)', ja: '## 経緯: レジストリによる回避策 (対処ではありません)' };

/** The Markdown with every code span removed (what could render as links, HTML or headings). */
function outsideCodeSpans(markdown: string): string {
  return markdown.replace(/(`+)[\s\S]*?\1/g, '');
}

describe('renderFix: every symptom, both languages', () => {
  for (const symptom of FIX_SYMPTOMS) {
    for (const locale of LOCALES) {
      it(`${symptom} / ${locale}`, () => {
        const md = renderFix(symptom, { from: 'CONSOLE07.contoso.test', to: 'PROV01.contoso.test' }, locale);
        assert.match(md, locale === 'en' ? /^# DCOM hardening fix: / : /^# DCOM の強化の修正方法: /);
        assert.ok(md.includes('`CONSOLE07.contoso.test`'), 'names the machine that connects');
        assert.ok(md.includes('`PROV01.contoso.test`'), 'names the machine that receives');
        assert.ok(!/\{(?:from|to)\}/.test(md), 'no placeholder left');
        assert.ok(md.includes('10036'), 'verification names the receiver event');
        assert.ok(/10037/.test(md) && /10038/.test(md), 'verification names the caller events');
        assert.ok(md.includes('RPC_C_AUTHN_LEVEL_PKT_INTEGRITY'), 'says what the hardening requires');
        assert.ok(md.includes(locale === 'en' ? 'cumulative update on **both** machines' : 'の**両方**に、最新の Windows 累積更新プログラム'), 'both machines');
        if (symptom !== 'thirdPartyApplication') assert.ok(md.includes('2203'), 'ConfigMgr 2203 or later');
        assert.ok(md.includes(HISTORY_HEADING[locale]));
        if (locale === 'ja') {
          for (const term of ['累積更新プログラム', 'DCOM の強化', '認証レベル']) assert.ok(md.includes(term), term);
        }
      });
    }
  }
  it('the first lines say which machine connects and which receives', () => {
    const md = renderFix('siteServerToDistributionPoint', { from: 'CM01', to: 'DP01.corp.contoso.com' }, 'en');
    assert.equal(md.split('\n')[2], '**Machines:** connects: the site server `CM01` → receives: the distribution point `DP01.corp.contoso.com`');
    const ja = renderFix('siteServerToDistributionPoint', { from: 'CM01', to: 'DP01.corp.contoso.com' }, 'ja');
    assert.equal(ja.split('\n')[2], '**コンピューター:** 接続する側: サイト サーバー `CM01` → 接続を受ける側: 配布ポイント `DP01.corp.contoso.com`');
  });
  it('Japanese: no space between Japanese words around a filled role, the product terms keep theirs', () => {
    const md = renderFix('siteServerToDistributionPoint', { to: 'DP01' }, 'ja');
    assert.ok(md.includes('1. 接続する側のサイト サーバーと、接続を受ける側の配布ポイント `DP01` の**両方**に、最新の Windows 累積更新プログラムをインストールし'));
    assert.ok(renderFix('consoleToProvider', {}, 'ja').includes('接続を受ける側の SMS プロバイダーの**両方**に'));
  });
  it('Microsoft terms per symptom in Japanese', () => {
    assert.ok(renderFix('consoleToProvider', {}, 'ja').includes('SMS プロバイダー'));
    const dp = renderFix('siteServerToDistributionPoint', {}, 'ja');
    assert.ok(dp.includes('サイト サーバー') && dp.includes('配布ポイント'));
  });
  it('unknown machines are named by their role', () => {
    const md = renderFix('consoleToProvider', {}, 'en');
    assert.ok(md.includes('on **both** machines — the console computer (the one that connects) and the SMS Provider (the one that receives)'));
    assert.ok(!md.includes('``'));
    const blank = renderFix('consoleToProvider', { from: '   ', to: '' }, 'en');
    assert.equal(blank, md);
  });
  it('a third-party application: the vendor raises the activation level; no ConfigMgr upgrade', () => {
    const md = renderFix('thirdPartyApplication', { from: 'APP01', to: 'SRV01' }, 'en');
    assert.match(md, /vendor can fix it: the application must raise its activation authentication level to `RPC_C_AUTHN_LEVEL_PKT_INTEGRITY` \(5\)/);
    assert.ok(!md.includes('2203'));
    assert.match(renderFix('thirdPartyApplication', {}, 'ja'), /ベンダー/);
  });
  it('a 10036 on the server: the caller is what needs fixing', () => {
    const md = renderFix('serverRejection', { from: '10.1.2.30', to: 'PROV01' }, 'en');
    assert.ok(md.includes('1. Find the caller `10.1.2.30` (the client address in event 10036) and look in its System log for events 10037 or 10038'));
    assert.ok(renderFix('serverRejection', { from: '10.1.2.30' }, 'ja').includes('1. 接続元 `10.1.2.30` (イベント 10036 に記録されたクライアント アドレス) のシステム ログで'));
  });
  it('labels for action titles', () => {
    assert.equal(fixLabel('consoleToProvider', 'en'), 'console → SMS Provider');
    assert.equal(fixLabel('siteServerToDistributionPoint', 'ja'), 'サイト サーバー → 配布ポイント');
  });
});

describe('renderFix: the registry value is history, never an instruction', () => {
  for (const symptom of FIX_SYMPTOMS) {
    for (const locale of LOCALES) {
      it(`${symptom} / ${locale}`, () => {
        const md = renderFix(symptom, { from: 'A1', to: 'B1' }, locale);
        const history = md.indexOf(HISTORY_HEADING[locale]);
        assert.ok(history > 0);
        const before = md.slice(0, history);
        const after = md.slice(history);
        assert.ok(!before.includes(REGISTRY_OPT_OUT_VALUE), 'not in the why, steps or verification');
        assert.ok(after.includes(REGISTRY_OPT_OUT_VALUE), 'explained in the history');
        assert.ok(after.includes(locale === 'en' ? 'March 14, 2023' : '2023 年 3 月 14 日'), 'says since when it is ignored');
        assert.ok(!/0x0+\b|dword|regedit|reg add|Set-ItemProperty/i.test(md), 'gives no value data or tool to set it');
        assert.ok(!/\bset (?:it|the value|this value|the registry)|\bcreate (?:it|the value)|\bchange (?:it|the value)/i.test(after));
        assert.ok(!/設定して|設定します|作成して|作成します|変更して|変更します/.test(after));
      });
    }
  }
});

describe('renderFix: machine names from logs are escaped', () => {
  const hostile = [
    '[x](command:workbench.action.terminal.new)',
    '<img src=x onerror=alert(1)>',
    '`DP01` [link](https://evil.example)',
    '``` fence ```',
    'DP01\n# Injected heading\n- item',
    '{to}',
    'a'.repeat(400),
  ];
  for (const name of hostile) {
    it(JSON.stringify(name.slice(0, 40)), () => {
      for (const locale of LOCALES) {
        const md = renderFix('siteServerToDistributionPoint', { from: name, to: name }, locale);
        const outside = outsideCodeSpans(md);
        assert.ok(!outside.includes('command:'), 'no command link outside code');
        assert.ok(!outside.includes('<img') && !outside.includes('onerror'), 'no HTML outside code');
        assert.ok(!outside.includes('evil.example'), 'no link outside code');
        assert.ok(!md.includes('\n# Injected'), 'no heading from a name');
        assert.ok(md.includes(code(name.replace(/\n/g, ' ').slice(0, 253), 253)) || name.length > 253, 'the name as inline code');
      }
    });
  }
  it('a name that looks like a placeholder is not expanded again', () => {
    assert.equal(fillMachines('{from} → {to}', 'remoteConnection', { from: '{to}', to: 'B' }, 'en'), 'the machine that connects `{to}` → the machine that receives `B`');
  });
  it('a long name is cut', () => {
    const md = renderFix('remoteConnection', { to: 'x'.repeat(400) }, 'en');
    assert.ok(!md.includes('x'.repeat(254)));
  });
});

describe('evidenceScript', () => {
  const script = evidenceScript('DP01.corp.contoso.com', 'en');
  it('collects the three DCOM hardening events as event XML under <Events>', () => {
    assert.ok(script.includes("Get-WinEvent -FilterHashtable @{ LogName='System'; Id=10036,10037,10038 }"));
    assert.ok(script.includes('.ToXml()'));
    assert.ok(script.includes("AppendLine('<Events>')") && script.includes("AppendLine('</Events>')"));
  });
  it('collects updates and the OS build', () => {
    for (const part of ['Get-HotFix', '[System.Environment]::OSVersion.Version', "Get-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'", '$Cv.UBR', '$Cv.CurrentBuild', '$Cv.DisplayVersion', 'Microsoft.Update.Session']) {
      assert.ok(script.includes(part), part);
    }
  });
  it('exports both registry keys with reg export /y', () => {
    assert.match(script, /^reg export 'HKLM\\SOFTWARE\\Microsoft\\Ole\\AppCompat' \(Join-Path \$OutDir 'Ole-AppCompat\.reg'\) \/y/m);
    assert.match(script, /^reg export 'HKLM\\SOFTWARE\\Microsoft\\Ole' \(Join-Path \$OutDir 'Ole\.reg'\) \/y/m);
  });
  it('writes only into its output folder, named after the computer, and changes nothing else', () => {
    assert.ok(script.includes("$OutDir = Join-Path $Root ('DcomEvidence-' + $env:COMPUTERNAME"));
    const writes = script.split('\r\n').filter((l) => /Out-File|Export-Csv|WriteAllText|Set-Content|reg export/.test(l) && !l.startsWith('#'));
    assert.ok(writes.length >= 7);
    for (const line of writes) assert.match(line, /Join-Path \$OutDir/, line);
    assert.ok(!/Set-ItemProperty|New-ItemProperty|Remove-Item|Rename-Item|reg (?:add|delete|import)|Restart-|Stop-|Start-Service|Set-Service|Invoke-Expression|iex\b|Invoke-WebRequest|DownloadString/i.test(script));
  });
  it('names the machine in a comment and a single-quoted string', () => {
    assert.ok(script.includes('# Run this on DP01.corp.contoso.com, the machine this evidence is about.'));
    assert.ok(script.includes("$ExpectedComputer = 'DP01.corp.contoso.com'"));
  });
  it('without a machine: a general comment and no expectation', () => {
    const general = evidenceScript(null, 'en');
    assert.ok(general.includes('# Run this on each machine involved'));
    assert.ok(general.includes("$ExpectedComputer = ''"));
  });
  it('log text cannot break out of a comment or a string', () => {
    const hostile = "DP01'; Remove-Item C:\\ -Recurse #\r\n$(Invoke-Expression 'calc')\u2028\u0085`\"..\\..\\x";
    const s = evidenceScript(hostile, 'en');
    assert.equal(s.split('\r\n').length, script.split('\r\n').length, 'no extra line');
    assert.ok(!/[\u2028\u0085]/.test(s));
    const kept = 'DP01Remove-ItemC-RecurseInvoke-Expressioncalc.x';
    assert.ok(s.includes(`$ExpectedComputer = '${kept}'`));
    assert.ok(s.includes(`# Run this on ${kept}, the machine this evidence is about.`));
    assert.equal(s.split('\r\n').filter((l) => l.includes('Remove-Item')).length, 2, 'only inside the comment and the string');
  });
  it('sanitizeMachineName keeps [A-Za-z0-9._-] only', () => {
    assert.equal(sanitizeMachineName('DP01.corp.contoso.com'), 'DP01.corp.contoso.com');
    assert.equal(sanitizeMachineName('10.1.2.30'), '10.1.2.30');
    assert.equal(sanitizeMachineName("a'b\"c`d$e(f)g h\\i/j;k|l"), 'abcdefghijkl');
    assert.equal(sanitizeMachineName('..\\..\\Windows'), 'Windows');
    assert.equal(sanitizeMachineName('サーバー01'), '01');
    assert.equal(sanitizeMachineName('   '), null);
    assert.equal(sanitizeMachineName(null), null);
    assert.equal(sanitizeMachineName(undefined), null);
    assert.equal(sanitizeMachineName('a'.repeat(400))?.length, 253);
  });
  it('comments follow the locale; the code stays ASCII in both', () => {
    const ja = evidenceScript('DP01', 'ja');
    const lines = ja.split('\r\n');
    const comments = lines.filter((l) => l.startsWith('#'));
    assert.ok(comments.length >= 15);
    assert.ok(comments.filter((l) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(l)).length >= 15, 'Japanese comments');
    assert.ok(ja.includes('# このスクリプトは DP01 (調査対象のコンピューター) で実行します。'));
    for (const s of [ja, script]) {
      for (const line of s.split('\r\n').filter((l) => !l.startsWith('#'))) assert.match(line, /^[\x20-\x7e]*$/, line);
    }
    assert.ok(!/[\u3040-\u30ff]/.test(script), 'English script has no Japanese');
    const code = (s: string): string => s.split('\r\n').filter((l) => !l.startsWith('#')).join('\n');
    assert.equal(code(ja), code(script.replace(/DP01\.corp\.contoso\.com/g, 'DP01')), 'the same code in both languages');
  });
  it('the events file it writes is a shape the extension reads', () => {
    const NS = 'http://schemas.microsoft.com/win/2004/08/events/event';
    const toXml = `<Event xmlns='${NS}'><System><Provider Name='Microsoft-Windows-DistributedCOM' Guid='{1B562E86-B7AA-4131-BADC-B6F3A001407E}' EventSourceName='DCOM'/><EventID Qualifiers='0'>10036</EventID><Level>2</Level><TimeCreated SystemTime='2023-03-16T08:15:00.1234567Z'/><Channel>System</Channel><Computer>DP01.corp.contoso.com</Computer></System><EventData><Data Name='Domain Name'>CONTOSO</Data><Data Name='User Name'>CM01$</Data><Data Name='SID'>S-1-5-21-1-2-3-1104</Data><Data Name='Client IP Address'>10.1.2.30</Data></EventData></Event>`;
    const file = `<?xml version="1.0" encoding="utf-8"?>\r\n<Events>\r\n${toXml}\r\n${toXml}\r\n</Events>\r\n`;
    const doc = analyzeDocument(file, 'System-DCOM-events.xml');
    assert.deepEqual(doc.findings.map((f) => f.code), ['dcom-10036', 'dcom-10036']);
  });
});

describe('FIX_SYMPTOMS', () => {
  it('lists the six symptoms', () => {
    const all: FixSymptom[] = ['consoleToProvider', 'supportToolToClient', 'siteServerToDistributionPoint', 'remoteConnection', 'thirdPartyApplication', 'serverRejection'];
    assert.deepEqual([...FIX_SYMPTOMS], all);
  });
});
