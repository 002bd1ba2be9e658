/**
 * Cross-machine diagnosis: which machine each file and address is, the registry, the verdict and the
 * recommendations, on small inline folders (path → text) written for each case.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDiagnosisBuilder, type Diagnosis, type DiagnosisOptions } from '../../server/src/core/diagnosis';

// --- fixture writers ------------------------------------------------------------------------------

const WMI = '{8BC3F05E-D86B-11D0-A075-00C04FB68820}';

/** A site-server log line: `message  $$<component><MM-dd-yyyy HH:mm:ss.fff+bias><thread=n (0xn)>`. */
function simple(message: string, stamp: string, component = 'SMS_DISTRIBUTION_MANAGER', thread = 6648): string {
  return `${message}  $$<${component}><${stamp}><thread=${thread} (0x${thread.toString(16).toUpperCase()})>`;
}

function ccm(message: string, time: string, date: string, component = 'Test', type = 1): string {
  return `<![LOG[${message}]LOG]!><time="${time}" date="${date}" component="${component}" context="" type="${type}" thread="100" file="">`;
}

/** A console log line: `[tid, PID:n][MM/dd/yyyy HH:mm:ss] :message`. */
function adminUi(stamp: string, message: string): string {
  return `[5, PID:7412][${stamp}] :${message}`;
}

function event(id: number, computer: string, utc: string, data: string): string {
  return (
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>` +
    `<Provider Name='Microsoft-Windows-DistributedCOM' Guid='{1B562E86-B7AA-4131-BADC-B6F3A001407E}' EventSourceName='DCOM'/>` +
    `<EventID Qualifiers='0'>${id}</EventID><Level>2</Level><TimeCreated SystemTime='${utc}'/>` +
    `<Channel>System</Channel><Computer>${computer}</Computer></System><EventData>${data}</EventData></Event>`
  );
}

function rejection(computer: string, utc: string, user: string, address: string, domain = 'CORP'): string {
  return event(
    10036,
    computer,
    utc,
    `<Data Name='Domain Name'>${domain}</Data><Data Name='User Name'>${user}</Data><Data Name='SID'>S-1-5-21-1-2-3-1109</Data><Data Name='Client IP Address'>${address}</Data>`,
  );
}

function activation(id: 10037 | 10038, computer: string, utc: string, application: string, target: string, clsid = WMI, level = 2): string {
  return event(id, computer, utc, `<Data>${application}</Data><Data>3204</Data><Data>${clsid}</Data><Data>${target}</Data><Data>${level}</Data>`);
}

function events(...lines: string[]): string {
  return `<Events>\r\n${lines.join('\r\n')}\r\n</Events>\r\n`;
}

const lines = (...l: string[]): string => l.join('\r\n') + '\r\n';
const SMSEXEC = 'E:\\Program Files\\Microsoft Configuration Manager\\bin\\x64\\smsexec.exe';
const CONSOLE_EXE = 'C:\\Program Files (x86)\\Microsoft Endpoint Manager\\AdminConsole\\bin\\Microsoft.ConfigurationManagement.exe';

function diagnose(files: Record<string, string>, options: Partial<DiagnosisOptions> = {}): Diagnosis {
  const builder = createDiagnosisBuilder({ locale: 'en', windowSeconds: 120, defaultUtcOffsetMinutes: null, ...options });
  for (const [path, text] of Object.entries(files)) builder.addFile(path, text);
  return builder.finish();
}

function machine(d: Diagnosis, id: string): Diagnosis['machines'][number] {
  const m = d.machines.find((x) => x.id === id);
  assert.ok(m, `machine ${id} in ${d.machines.map((x) => x.id).join(', ')}`);
  return m;
}

const ids = (d: Diagnosis): string[] => d.recommendations.map((r) => r.id);

// A site server failing against a DP, with both System logs: the canonical "likely" case.
const DP_FAILURE = {
  'case/CM01/distmgr.log': lines(
    simple('~Connecting to the DP WMI namespace \\\\DP01.corp.contoso.com\\root\\SCCMDP', '06-11-2024 17:51:50.248+420'),
    simple('~Failed to connect to \\\\DP01.corp.contoso.com\\root\\SCCMDP, error 0x80070005', '06-11-2024 17:51:50.571+420'),
  ),
  'case/DP01/System.xml': events(rejection('DP01.corp.contoso.com', '2024-06-12T00:51:50.5562108Z', 'CM01$', '10.0.20.10')),
  'case/CM01/System.xml': events(activation(10037, 'CM01.corp.contoso.com', '2024-06-12T00:51:50.5601337Z', SMSEXEC, 'DP01.corp.contoso.com')),
};

// --- machines -------------------------------------------------------------------------------------

describe('diagnosis: machine identification', () => {
  it('takes the machine from a host-like folder name and ignores generic folders', () => {
    const d = diagnose({
      'evidence/CM01/Logs/distmgr.log': lines(simple('~Sleep 3600 seconds...', '06-11-2024 16:51:10.428+420')),
      'samples/logs/PkgXferMgr.log': lines(simple('Sending thread starting', '06-11-2024 16:51:10.428+420', 'SMS_PACKAGE_TRANSFER_MANAGER')),
    });
    assert.equal(d.files.find((f) => f.path.endsWith('distmgr.log'))?.machine, 'CM01');
    assert.equal(d.files.find((f) => f.path.endsWith('PkgXferMgr.log'))?.machine, null);
    assert.deepEqual(machine(d, 'CM01').roles, ['siteServer']);
    assert.deepEqual(machine(d, 'CM01').files, ['evidence/CM01/Logs/distmgr.log']);
  });

  it('merges a folder name and an event FQDN case-insensitively into the short name', () => {
    const d = diagnose({
      'x/cm01/distmgr.log': lines(simple('~Sleep 3600 seconds...', '06-11-2024 16:51:10.428+420')),
      'x/exports/System.xml': events(activation(10037, 'CM01.corp.contoso.com', '2024-06-12T00:51:50Z', SMSEXEC, 'DP01.corp.contoso.com')),
    });
    const cm01 = machine(d, 'CM01');
    assert.deepEqual(cm01.names, ['cm01', 'CM01.corp.contoso.com']);
    assert.deepEqual(cm01.files, ['x/cm01/distmgr.log', 'x/exports/System.xml']);
    assert.equal(cm01.hasEventExport, true);
    assert.deepEqual(cm01.activatedBelowIntegrity, ['DP01']);
    assert.equal(d.machines.filter((m) => m.id.toUpperCase().startsWith('CM01')).length, 1);
  });

  it('gives a log the machine of the one System log beside it, and a site-server log its STATMSG SYS=', () => {
    const d = diagnose({
      'flat/box/SMSProv.log': lines(ccm('Execute WQL =SELECT * FROM SMS_Site', '18:05:31.223+420', '06-11-2024')),
      'flat/box/System.xml': events(rejection('PROV01.corp.contoso.com', '2024-06-12T01:14:37Z', 'adm', '10.0.10.25')),
      'other/distmgr.log': lines(
        'STATMSG: ID=2391 SEV=E LEV=M SOURCE="SMS Server" COMP="SMS_DISTRIBUTION_MANAGER" SYS=SITE01.corp.contoso.com SITE=CON  $$<SMS_DISTRIBUTION_MANAGER><06-11-2024 17:21:50.241+420><thread=6648 (0x19F8)>',
      ),
    });
    assert.equal(d.files.find((f) => f.path === 'flat/box/SMSProv.log')?.machine, 'PROV01');
    assert.equal(d.files.find((f) => f.path === 'other/distmgr.log')?.machine, 'SITE01');
    assert.deepEqual(machine(d, 'PROV01').roles, ['smsProvider']);
  });

  it('maps a 10036 client address to the computer account that made the call', () => {
    const d = diagnose(DP_FAILURE);
    const cm01 = machine(d, 'CM01');
    assert.deepEqual(cm01.addresses, ['10.0.20.10']);
    assert.ok(cm01.identifiedBy.some((s) => s.includes('CM01$')));
    assert.deepEqual(machine(d, 'DP01').refusedActivationsFrom, ['CM01']);
    const rejected = d.findings.find((f) => f.code === 'dcom-10036');
    assert.equal(rejected?.machine, 'DP01');
    assert.equal(rejected?.peer, 'CM01');
    assert.equal(rejected?.details?.['clientAddress'], '10.0.20.10');
    assert.equal(rejected?.details?.['user'], 'CORP\\CM01$');
  });

  it("maps an address to the machine whose own evidence states it, or to a host named next to it", () => {
    const d = diagnose({
      'CONSOLE01/ipconfig.log': lines(ccm('IPv4 Address. . . . . . . . . . . : 10.0.10.25', '10:00:00.000-540', '06-12-2024')),
      'CM01/System.xml': events(rejection('CM01.corp.contoso.com', '2024-06-12T01:14:37Z', 'adm-tanaka', '10.0.10.25')),
      'DP09/SMSDPProv.log': lines(ccm('Ping reply from SITE9.corp.contoso.com [10.0.90.9]', '10:00:00.000+420', '06-12-2024')),
      'DP09/System.xml': events(rejection('DP09.corp.contoso.com', '2024-06-12T02:00:00Z', 'svc', '10.0.90.9')),
    });
    assert.deepEqual(machine(d, 'CONSOLE01').addresses, ['10.0.10.25']);
    assert.equal(d.findings.find((f) => f.machine === 'CM01' && f.code === 'dcom-10036')?.peer, 'CONSOLE01');
    assert.deepEqual(machine(d, 'SITE9').addresses, ['10.0.90.9']);
    assert.equal(d.findings.find((f) => f.machine === 'DP09')?.peer, 'SITE9');
  });

  it('keeps an unknown client address as a machine of its own', () => {
    const d = diagnose({ 'PROV05/System.xml': events(rejection('PROV05.corp.contoso.com', '2024-02-08T01:47:26Z', 'someone', '10.0.10.57')) });
    const ip = machine(d, '10.0.10.57');
    assert.deepEqual(ip.addresses, ['10.0.10.57']);
    assert.deepEqual(ip.names, []);
    assert.deepEqual(machine(d, 'PROV05').refusedActivationsFrom, ['10.0.10.57']);
  });

  it("infers a caller's address from its 10037/10038 logged with the server's 10036 for the same activation", () => {
    const d = diagnose({
      'CONSOLE01/System.xml': events(activation(10038, 'CONSOLE01.corp.contoso.com', '2024-06-12T01:14:37.336Z', CONSOLE_EXE, 'CM01.corp.contoso.com')),
      'CM01/System.xml': events(rejection('CM01.corp.contoso.com', '2024-06-12T01:14:37.344Z', 'adm-tanaka', '10.0.10.25')),
    });
    assert.deepEqual(machine(d, 'CONSOLE01').addresses, ['10.0.10.25']);
    assert.deepEqual(machine(d, 'CONSOLE01').roles, ['console']);
    assert.deepEqual(machine(d, 'CM01').roles, ['smsProvider']);
    assert.equal(d.machines.some((m) => m.id === '10.0.10.25'), false);
  });
});

// --- registry -------------------------------------------------------------------------------------

const REG = (values: string[]): string =>
  lines('Windows Registry Editor Version 5.00', '', '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Ole\\AppCompat]', ...values);

describe('diagnosis: registry exports', () => {
  it('flags RequireIntegrityActivationAuthenticationLevel=0 as ignored since 2023-03-14, on its machine', () => {
    const d = diagnose({ 'CM01/Ole.reg': REG(['"RequireIntegrityActivationAuthenticationLevel"=dword:00000000']) });
    assert.equal(d.registry.length, 1);
    const s = d.registry[0];
    assert.equal(s?.verdict, 'ignored');
    assert.equal(s?.machine, 'CM01');
    assert.equal(s?.line, 4);
    assert.equal(s?.value, 0);
    assert.match(s?.message ?? '', /ignored by Windows since the March 14, 2023/);
    assert.equal(d.files[0]?.format, 'reg');
    assert.ok(ids(d).includes('registry-workaround-ignored'));
    assert.equal(d.verdict, 'unlikely');
  });

  it('says in Japanese that the value is ignored', () => {
    const d = diagnose({ 'CM01/Ole.reg': REG(['"RequireIntegrityActivationAuthenticationLevel"=dword:00000000']) }, { locale: 'ja' });
    assert.match(d.registry[0]?.message ?? '', /2023 年 3 月 14 日以降.*無視/);
  });

  it('treats DisableAuthenticationLevelHardeningLog as hiding events: possible, and turn logging back on', () => {
    const d = diagnose({ 'DP01/Ole.reg': REG(['"DisableAuthenticationLevelHardeningLog"=dword:00000001']) });
    assert.equal(d.registry[0]?.verdict, 'suppressesEvidence');
    assert.match(d.registry[0]?.message ?? '', /missing events on this machine prove nothing/);
    assert.equal(d.verdict, 'possible');
    assert.ok(d.reasons.some((r) => r.includes('DisableAuthenticationLevelHardeningLog') && r.includes('DP01')));
    assert.deepEqual(ids(d), ['install-latest-cu-both-sides', 'turn-hardening-log-back-on']);
  });

  it('explains RaiseActivationAuthenticationLevel as raising the level', () => {
    const d = diagnose({ 'CM01/Ole.reg': REG(['"RaiseActivationAuthenticationLevel"=dword:00000002']) });
    assert.equal(d.registry[0]?.verdict, 'raisesLevel');
    assert.match(d.registry[0]?.message ?? '', /RPC_C_AUTHN_LEVEL_PKT_INTEGRITY/);
  });
});

// --- verdict and recommendations ------------------------------------------------------------------

/** No recommendation, in either language, tells to set the ignored opt-out (to 0 or at all). */
function assertNeverSetsOptOut(d: Diagnosis): void {
  for (const r of d.recommendations) {
    const text = `${r.title}\n${r.detail}`;
    assert.doesNotMatch(text, /\bset\b[^.]*RequireIntegrityActivationAuthenticationLevel/i, r.id);
    assert.doesNotMatch(text, /RequireIntegrityActivationAuthenticationLevel[^.。]*\b(?:to|=)\s*(?:0x)?0+\b/i, r.id);
    assert.doesNotMatch(text, /RequireIntegrityActivationAuthenticationLevel[^。]*(?:に設定|を設定)/, r.id);
    assert.doesNotMatch(text, /dword:0+\b/i, r.id);
  }
}

describe('diagnosis: verdict and recommendations', () => {
  it('likely: a log failure paired with DCOM events; CU on both sides names both machines', () => {
    const d = diagnose({ ...DP_FAILURE, 'case/CM01/Ole.reg': REG(['"RequireIntegrityActivationAuthenticationLevel"=dword:00000000']) });
    assert.equal(d.verdict, 'likely');
    assert.match(d.reasons[0] ?? '', /^CM01 → DP01: 1 log failure\(s\) \(first at 2024-06-12 00:51:50 UTC\) match 1 event\(s\) 10036 on DP01 and 1 event\(s\) 10037\/10038 on CM01 within 120 seconds\.$/);
    const cu = d.recommendations.find((r) => r.id === 'install-latest-cu-both-sides');
    assert.deepEqual(cu?.machines, ['CM01', 'DP01']);
    assert.match(cu?.detail ?? '', /connects \(CM01\).*receives \(DP01\)/);
    assert.deepEqual(ids(d), ['install-latest-cu-both-sides', 'upgrade-configmgr-2203', 'registry-workaround-ignored']);
    assertNeverSetsOptOut(d);
    assertNeverSetsOptOut(diagnose({ ...DP_FAILURE, 'case/CM01/Ole.reg': REG(['"RequireIntegrityActivationAuthenticationLevel"=dword:00000000']) }, { locale: 'ja' }));
  });

  it('likely: events alone, when they name the WMI CLSID or a ConfigMgr process', () => {
    const d = diagnose({ 'CONSOLE07/System.xml': events(activation(10038, 'CONSOLE07.corp.contoso.com', '2024-06-04T00:01:33Z', CONSOLE_EXE, 'CM01.corp.contoso.com')) });
    assert.equal(d.verdict, 'likely');
    assert.match(d.reasons[0] ?? '', /name ConfigMgr .*10038 ×1 on CONSOLE07 → CM01 \(Microsoft\.ConfigurationManagement\.exe\)/);
    assert.deepEqual(d.recommendations.find((r) => r.id === 'install-latest-cu-both-sides')?.machines, ['CM01', 'CONSOLE07']);
    assert.equal(ids(d).includes('contact-application-vendor'), false);
  });

  it('possible: a remote access denied with no event exports; collect the System logs of both sides', () => {
    const d = diagnose({
      'CONSOLE01/SmsAdminUI.log': lines(
        adminUi('06/12/2024 10:14:37', "Insufficient privilege to connect to \\\\CM01.corp.contoso.com\\root\\sms, error: 'Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))'"),
      ),
    });
    assert.equal(d.verdict, 'possible');
    assert.equal(d.findings[0]?.peer, 'CM01');
    assert.equal(d.findings[0]?.context, 'consoleToProvider');
    assert.ok(d.reasons.some((r) => r.includes('no DCOM hardening event to confirm them') && r.includes('CONSOLE01 → CM01')));
    assert.deepEqual(ids(d), ['install-latest-cu-both-sides', 'upgrade-configmgr-2203', 'collect-dcom-events']);
    assert.deepEqual(d.recommendations.find((r) => r.id === 'collect-dcom-events')?.machines, ['CM01', 'CONSOLE01']);
    assert.deepEqual(machine(d, 'CM01').roles, ['smsProvider']);
  });

  it('possible: RPC server unavailable without hardening events points at the network first', () => {
    const d = diagnose({
      'CM01/distmgr.log': lines(simple('~Failed to connect to \\\\DP01.corp.contoso.com\\root\\SCCMDP, error 0x800706BA', '06-11-2024 17:21:50.214+420')),
    });
    assert.equal(d.verdict, 'possible');
    assert.ok(ids(d).includes('check-firewall-and-rpc'));
    assert.equal(ids(d).includes('collect-dcom-events'), false);
    assert.match(d.recommendations.find((r) => r.id === 'check-firewall-and-rpc')?.detail ?? '', /CM01 → DP01 \(first at 2024-06-12 00:21:50 UTC\)/);
  });

  it('possible: hardening events from a third-party application that match nothing; contact the vendor', () => {
    const d = diagnose({
      'APP01/System.xml': events(activation(10037, 'APP01.corp.contoso.com', '2024-03-05T06:12:44Z', 'C:\\Program Files\\Contoso\\cpagent.exe', 'WKS-0230.corp.contoso.com', '{4CB43D7F-7EEE-4906-8698-60DA1C38F2FE}')),
    });
    assert.equal(d.verdict, 'possible');
    assert.ok(d.reasons.some((r) => r.includes('do not name ConfigMgr')));
    const vendor = d.recommendations.find((r) => r.id === 'contact-application-vendor');
    assert.match(vendor?.detail ?? '', /cpagent\.exe \(APP01 → WKS-0230/);
    assert.deepEqual(vendor?.machines, ['APP01', 'WKS-0230']);
    assert.equal(ids(d).includes('upgrade-configmgr-2203'), false);
  });

  it('unlikely: only a local file failure', () => {
    const d = diagnose({
      'CLIENT1/CAS.log': lines(ccm('Failed to delete file C:\\Windows\\ccmcache\\1\\setup.exe, error 0x80070005', '10:20:16.676+000', '07-03-2023', 'ContentAccess', 3)),
    });
    assert.equal(d.findings.length, 1);
    assert.equal(d.findings[0]?.context, 'localResource');
    assert.equal(d.verdict, 'unlikely');
    assert.match(d.reasons[0] ?? '', /are local/);
    assert.deepEqual(ids(d), []);
  });

  it('unlikely: WMI namespace denial (0x80041003) is not DCOM hardening', () => {
    const d = diagnose({
      'CM01/SMSProv.log': lines(ccm('User CORP\\svc has no security scope; returning WBEM_E_ACCESS_DENIED (0x80041003)', '18:07:33.819+420', '06-11-2024', 'SMS Provider', 2)),
    });
    assert.equal(d.verdict, 'unlikely');
    assert.ok(d.reasons.some((r) => r.includes('0x80041003') && r.includes('CM01')));
    assert.deepEqual(ids(d), ['check-wmi-namespace-security']);
  });

  it('unlikely: nothing found', () => {
    const d = diagnose({ 'CM01/distmgr.log': lines(simple('~Sleep 3600 seconds...', '06-11-2024 16:51:10.428+420')) });
    assert.equal(d.verdict, 'unlikely');
    assert.deepEqual(d.findings, []);
    assert.deepEqual(d.reasons, ['No access-denied failure, RPC-server-unavailable failure or DCOM hardening event in 1 file(s).']);
    assert.deepEqual(d.recommendations, []);
  });

  it('lists unreadable files and never throws on odd input', () => {
    const builder = createDiagnosisBuilder({ locale: 'en', windowSeconds: Number.NaN, defaultUtcOffsetMinutes: 99999 });
    builder.addUnreadable('CM01/big.log', 'EACCES: permission denied');
    builder.addFile('weird.bin', '\u0000\u0001\uFFFD<Event><EventID>10036');
    builder.addFile('', '');
    const d = builder.finish();
    assert.equal(d.windowSeconds, 120);
    assert.equal(d.files.find((f) => f.path === 'CM01/big.log')?.format, 'unreadable');
    assert.equal(d.files.find((f) => f.path === 'CM01/big.log')?.error, 'EACCES: permission denied');
    assert.ok(d.reasons.some((r) => r.includes('CM01/big.log')));
  });

  it('does not depend on the order files are added in', () => {
    const forward = diagnose(DP_FAILURE);
    const reversed = diagnose(Object.fromEntries(Object.entries(DP_FAILURE).reverse()));
    assert.deepEqual(reversed, forward);
  });
});

describe('diagnosis: evidence gathered flat into one folder, named after machines', () => {
  it('takes the machine from the file name when events name it', async () => {
    const { createDiagnosisBuilder } = await import('../../server/src/core/diagnosis');
    const builder = createDiagnosisBuilder({ locale: 'en', windowSeconds: 120, defaultUtcOffsetMinutes: null });
    builder.addFile(
      'evidence-2024/SRV07_System.xml',
      `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-DistributedCOM'/><EventID>10036</EventID><TimeCreated SystemTime='2024-03-20T01:14:37.400Z'/><Computer>SRV07.corp.example.com</Computer></System><EventData><Data>EXAMPLE</Data><Data>admin</Data><Data>S-1-5-21-1-2-3-1105</Data><Data>192.0.2.44</Data></EventData></Event>`,
    );
    builder.addFile(
      'evidence-2024/SRV07_distmgr.log',
      'Failed to connect to \\\\DP07.corp.example.com\\root\\SCCMDP, error 0x80070005  $$<SMS_DISTRIBUTION_MANAGER><03-20-2024 01:14:37.000+000><thread=1 (0x1)>',
    );
    const d = builder.finish();
    assert.equal(d.findings.find((f) => f.file.endsWith('SRV07_distmgr.log'))?.machine, 'SRV07');
    assert.ok(!d.machines.some((m) => m.id === 'EVIDENCE-2024'));
  });
});
