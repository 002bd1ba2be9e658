/**
 * Cross-machine diagnosis: every finding on one UTC timeline (and where its time came from), and the
 * pairing of log failures with DCOM events inside the window.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDiagnosisBuilder, type Diagnosis, type DiagnosisOptions } from '../../server/src/core/diagnosis';

const WMI = '{8BC3F05E-D86B-11D0-A075-00C04FB68820}';
const SMSEXEC = 'E:\\Program Files\\Microsoft Configuration Manager\\bin\\x64\\smsexec.exe';
const CONSOLE_EXE = 'C:\\Program Files (x86)\\Microsoft Endpoint Manager\\AdminConsole\\bin\\Microsoft.ConfigurationManagement.exe';

const lines = (...l: string[]): string => l.join('\r\n') + '\r\n';

function simple(message: string, stamp: string, thread = 6648, component = 'SMS_DISTRIBUTION_MANAGER'): string {
  return `${message}  $$<${component}><${stamp}><thread=${thread} (0x${thread.toString(16).toUpperCase()})>`;
}

function ccm(message: string, time: string, date: string, type = 1): string {
  return `<![LOG[${message}]LOG]!><time="${time}" date="${date}" component="Test" context="" type="${type}" thread="100" file="">`;
}

function adminUi(stamp: string, message: string): string {
  return `[5, PID:7412][${stamp}] :${message}`;
}

function event(id: number, computer: string, utc: string, data: string): string {
  return (
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>` +
    `<Provider Name='Microsoft-Windows-DistributedCOM' EventSourceName='DCOM'/><EventID Qualifiers='0'>${id}</EventID>` +
    `<Level>2</Level><TimeCreated SystemTime='${utc}'/><Channel>System</Channel><Computer>${computer}</Computer></System>` +
    `<EventData>${data}</EventData></Event>`
  );
}

const rejection = (computer: string, utc: string, user: string, address: string): string =>
  event(10036, computer, utc, `<Data Name='Domain Name'>CORP</Data><Data Name='User Name'>${user}</Data><Data Name='SID'>S-1-5-21-1-2-3-4</Data><Data Name='Client IP Address'>${address}</Data>`);

const activation = (id: 10037 | 10038, computer: string, utc: string, application: string, target: string): string =>
  event(id, computer, utc, `<Data>${application}</Data><Data>3204</Data><Data>${WMI}</Data><Data>${target}</Data><Data>2</Data>`);

const events = (...e: string[]): string => `<Events>\r\n${e.join('\r\n')}\r\n</Events>\r\n`;

function diagnose(files: Record<string, string>, options: Partial<DiagnosisOptions> = {}): Diagnosis {
  const builder = createDiagnosisBuilder({ locale: 'en', windowSeconds: 120, defaultUtcOffsetMinutes: null, ...options });
  for (const [path, text] of Object.entries(files)) builder.addFile(path, text);
  return builder.finish();
}

function finding(d: Diagnosis, file: string, line: number): Diagnosis['findings'][number] {
  const f = d.findings.find((x) => x.file === file && x.line === line);
  assert.ok(f, `finding at ${file}:${line}`);
  return f;
}

const CONSOLE_DENIAL = "Insufficient privilege to connect to \\\\CM01.corp.contoso.com\\root\\sms, error: 'Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))'";

// --- time -----------------------------------------------------------------------------------------

describe('diagnosis: time normalisation', () => {
  it('applies the bias of CCM and simple records (UTC = local + bias)', () => {
    const d = diagnose({
      'CM01/SMSProv.log': lines(ccm('Failed to connect to \\\\DP01\\root\\SCCMDP: 0x80070005', '18:07:33.819+420', '06-11-2024', 3)),
      'JP01/distmgr.log': lines(simple('~Failed to connect to \\\\DP02.corp.contoso.com\\root\\SCCMDP, error 0x80070005', '06-12-2024 10:02:11.204-540')),
    });
    assert.equal(finding(d, 'CM01/SMSProv.log', 1).time, '2024-06-12T01:07:33.819Z');
    assert.equal(finding(d, 'CM01/SMSProv.log', 1).timeSource, 'bias');
    assert.equal(finding(d, 'JP01/distmgr.log', 1).time, '2024-06-12T01:02:11.204Z');
    assert.equal(d.machines.find((m) => m.id === 'JP01')?.utcOffsetMinutes, 540);
    assert.equal(d.machines.find((m) => m.id === 'CM01')?.utcOffsetMinutes, -420);
  });

  it('takes event times as UTC', () => {
    const d = diagnose({ 'CM01/System.xml': events(rejection('CM01.corp.contoso.com', '2024-06-12T01:14:37.3442817Z', 'adm', '10.0.10.25')) });
    assert.equal(d.findings[0]?.time, '2024-06-12T01:14:37.344Z');
    assert.equal(d.findings[0]?.timeSource, 'event');
  });

  it("gives console times the offset of the same machine's other logs, and says so", () => {
    const d = diagnose({
      'CONSOLE01/SmsAdminUI.log': lines(adminUi('06/12/2024 10:14:37', CONSOLE_DENIAL)),
      'CONSOLE01/ccmsetup.log': lines(ccm('Client is healthy', '09:00:00.000-540', '06-12-2024')),
    }, { defaultUtcOffsetMinutes: -300 });
    const f = finding(d, 'CONSOLE01/SmsAdminUI.log', 1);
    assert.equal(f.time, '2024-06-12T01:14:37.000Z');
    assert.equal(f.timeSource, 'machineOffset');
    assert.ok(d.reasons.includes("CONSOLE01/SmsAdminUI.log writes no time zone: 1 time(s) use the offset UTC+09:00 of CONSOLE01's other logs."));
  });

  it('falls back to the default offset, and says so', () => {
    const d = diagnose({ 'CONSOLE01/SmsAdminUI.log': lines(adminUi('06/12/2024 10:14:37', CONSOLE_DENIAL)) }, { defaultUtcOffsetMinutes: 540 });
    const f = finding(d, 'CONSOLE01/SmsAdminUI.log', 1);
    assert.equal(f.time, '2024-06-12T01:14:37.000Z');
    assert.equal(f.timeSource, 'defaultOffset');
    assert.ok(d.reasons.some((r) => r.includes('default offset UTC+09:00')));
    const ja = diagnose({ 'CONSOLE01/SmsAdminUI.log': lines(adminUi('06/12/2024 10:14:37', CONSOLE_DENIAL)) }, { defaultUtcOffsetMinutes: 540, locale: 'ja' });
    assert.ok(ja.reasons.some((r) => r.includes('既定のオフセット UTC+09:00')));
  });

  it('leaves the time unknown when nothing tells the offset, and says so', () => {
    const d = diagnose({ 'CONSOLE01/SmsAdminUI.log': lines(adminUi('06/12/2024 10:14:37', CONSOLE_DENIAL)) });
    const f = finding(d, 'CONSOLE01/SmsAdminUI.log', 1);
    assert.equal(f.time, null);
    assert.equal(f.timeSource, null);
    assert.ok(d.reasons.some((r) => r.startsWith('1 time(s) in CONSOLE01/SmsAdminUI.log are unknown')));
    assert.deepEqual(d.correlations, []);
  });

  it("infers the console's offset from its own DCOM events only with two failures that agree, and says so", () => {
    const log = lines(adminUi('06/12/2024 10:14:37', CONSOLE_DENIAL), adminUi('06/12/2024 10:15:02', CONSOLE_DENIAL));
    const own = events(
      activation(10038, 'CONSOLE01.corp.contoso.com', '2024-06-12T01:14:37.336Z', CONSOLE_EXE, 'CM01.corp.contoso.com'),
      activation(10038, 'CONSOLE01.corp.contoso.com', '2024-06-12T01:15:02.115Z', CONSOLE_EXE, 'CM01.corp.contoso.com'),
    );
    const d = diagnose({ 'CONSOLE01/SmsAdminUI.log': log, 'CONSOLE01/System.xml': own });
    assert.equal(finding(d, 'CONSOLE01/SmsAdminUI.log', 1).timeSource, 'eventAlignment');
    assert.equal(finding(d, 'CONSOLE01/SmsAdminUI.log', 2).time, '2024-06-12T01:15:02.000Z');
    const console01 = d.machines.find((m) => m.id === 'CONSOLE01');
    assert.equal(console01?.utcOffsetMinutes, 540);
    assert.equal(console01?.utcOffsetSource, 'eventAlignment');
    assert.ok(d.reasons.some((r) => r.includes('the offset UTC+09:00 was inferred') && r.includes('2 of its failures')));

    const single = diagnose({ 'CONSOLE01/SmsAdminUI.log': lines(adminUi('06/12/2024 10:14:37', CONSOLE_DENIAL)), 'CONSOLE01/System.xml': own });
    assert.equal(finding(single, 'CONSOLE01/SmsAdminUI.log', 1).timeSource, null);
  });
});

// --- correlation ----------------------------------------------------------------------------------

const SITE_FAILURE = lines(
  simple('~Connecting to the DP WMI namespace \\\\DP01.corp.contoso.com\\root\\SCCMDP', '06-11-2024 17:51:50.248+420'),
  simple('~Failed to connect to \\\\DP01.corp.contoso.com\\root\\SCCMDP, error 0x80070005', '06-11-2024 17:51:50.571+420'),
);

describe('diagnosis: correlation', () => {
  it('pairs a failure with the 10036 on its peer (serverRejection) and the 10037 on its machine (clientActivation)', () => {
    const d = diagnose({
      'CM01/distmgr.log': SITE_FAILURE,
      'DP01/System.xml': events(rejection('DP01.corp.contoso.com', '2024-06-12T00:51:51.571Z', 'CM01$', '10.0.20.10')),
      'CM01/System.xml': events(activation(10037, 'CM01.corp.contoso.com', '2024-06-12T00:51:50.071Z', SMSEXEC, 'DP01.corp.contoso.com')),
    });
    assert.deepEqual(d.correlations, [
      { log: { file: 'CM01/distmgr.log', line: 2 }, event: { file: 'CM01/System.xml', line: 2 }, deltaSeconds: -0.5, kind: 'clientActivation', logMachine: 'CM01', eventMachine: 'CM01', peerMatched: true, target: 'DP01' },
      { log: { file: 'CM01/distmgr.log', line: 2 }, event: { file: 'DP01/System.xml', line: 2 }, deltaSeconds: 1, kind: 'serverRejection', logMachine: 'CM01', eventMachine: 'DP01', peerMatched: true, target: 'DP01' },
    ]);
    assert.equal(d.verdict, 'likely');
  });

  it('ignores events outside the window, and the window is an option', () => {
    const files = {
      'CM01/distmgr.log': SITE_FAILURE,
      'DP01/System.xml': events(rejection('DP01.corp.contoso.com', '2024-06-12T00:55:00.571Z', 'CM01$', '10.0.20.10')),
    };
    assert.deepEqual(diagnose(files).correlations, []);
    const wide = diagnose(files, { windowSeconds: 300 });
    assert.equal(wide.correlations.length, 1);
    assert.equal(wide.correlations[0]?.deltaSeconds, 190);
    assert.equal(wide.windowSeconds, 300);
  });

  it('pairs each failure once per kind, with the nearest event', () => {
    const d = diagnose({
      'CM01/distmgr.log': SITE_FAILURE,
      'DP01/System.xml': events(
        rejection('DP01.corp.contoso.com', '2024-06-12T00:51:20.571Z', 'CM01$', '10.0.20.10'),
        rejection('DP01.corp.contoso.com', '2024-06-12T00:51:53.571Z', 'CM01$', '10.0.20.10'),
        rejection('DP01.corp.contoso.com', '2024-06-12T00:52:40.571Z', 'CM01$', '10.0.20.10'),
      ),
    });
    assert.equal(d.correlations.length, 1);
    assert.equal(d.correlations[0]?.event.line, 3);
    assert.equal(d.correlations[0]?.deltaSeconds, 3);
  });

  it('does not pair events about another machine than the one the log names', () => {
    const d = diagnose({
      'CM01/distmgr.log': SITE_FAILURE,
      'DP02/System.xml': events(rejection('DP02.corp.contoso.com', '2024-06-12T00:51:50.600Z', 'CM01$', '10.0.20.10')),
      'CM01/System.xml': events(activation(10037, 'CM01.corp.contoso.com', '2024-06-12T00:51:50.600Z', SMSEXEC, 'DP02.corp.contoso.com')),
    });
    assert.deepEqual(d.correlations, []);
    assert.equal(d.verdict, 'likely'); // the events still name ConfigMgr's WMI CLSID and smsexec.exe
    assert.ok(d.reasons.some((r) => r.includes('without a matching log failure')));
  });

  it('finds the peer a record implies through its thread (PkgXferMgr names the DP once per job)', () => {
    const d = diagnose({
      'CM01/PkgXferMgr.log': lines(
        simple('Sending thread starting for Job: 2201, package: CON0001A, server: DP01.CORP.CONTOSO.COM', '06-11-2024 17:51:53.006+420', 6392, 'SMS_PACKAGE_TRANSFER_MANAGER'),
        simple('Sending thread starting for Job: 2203, package: CON0001B, server: DP02.CORP.CONTOSO.COM', '06-11-2024 17:51:53.010+420', 7104, 'SMS_PACKAGE_TRANSFER_MANAGER'),
        simple('~ExecStaticMethod failed (80070005)  SMS_DistributionPoint, AddFile', '06-11-2024 17:51:53.260+420', 6392, 'SMS_PACKAGE_TRANSFER_MANAGER'),
      ),
      'DP01/System.xml': events(rejection('DP01.corp.contoso.com', '2024-06-12T00:51:53.244Z', 'CM01$', '10.0.20.10')),
    });
    assert.equal(finding(d, 'CM01/PkgXferMgr.log', 3).peer, 'DP01');
    assert.equal(d.correlations.length, 1);
    assert.equal(d.correlations[0]?.kind, 'serverRejection');
    assert.equal(d.correlations[0]?.deltaSeconds, -0.016);
  });

  it('pairs weakly, and says so, when the failure names no peer', () => {
    const d = diagnose({
      'CM01/sitecomp.log': lines(simple('~Failed to connect to remote WMI, error 0x80070005', '06-11-2024 17:51:50.571+420', 1, 'SMS_SITE_COMPONENT_MANAGER')),
      'CM01/System.xml': events(activation(10037, 'CM01.corp.contoso.com', '2024-06-12T00:51:50.600Z', SMSEXEC, 'SUP01.corp.contoso.com')),
    });
    assert.equal(d.correlations.length, 1);
    assert.equal(d.correlations[0]?.kind, 'clientActivation');
    assert.equal(d.correlations[0]?.peerMatched, false);
    assert.ok(d.reasons.some((r) => r.includes('rest on one machine only')));
  });

  it('prefers a pairing by name over a nearer one by machine only', () => {
    const d = diagnose({
      'CM01/distmgr.log': SITE_FAILURE,
      'DP01/System.xml': events(
        rejection('DP01.corp.contoso.com', '2024-06-12T00:51:50.580Z', 'someone', '10.9.9.9'),
        rejection('DP01.corp.contoso.com', '2024-06-12T00:51:55.000Z', 'CM01$', '10.0.20.10'),
      ),
    });
    assert.equal(d.correlations.length, 1);
    assert.equal(d.correlations[0]?.event.line, 3);
    assert.equal(d.correlations[0]?.peerMatched, true);
  });

  it('pairs the console with the server through the address it inferred from simultaneous events', () => {
    const d = diagnose(
      {
        'CONSOLE01/SmsAdminUI.log': lines(adminUi('06/12/2024 10:14:37', CONSOLE_DENIAL)),
        'CONSOLE01/System.xml': events(activation(10038, 'CONSOLE01.corp.contoso.com', '2024-06-12T01:14:37.336Z', CONSOLE_EXE, 'CM01.corp.contoso.com')),
        'CM01/System.xml': events(rejection('CM01.corp.contoso.com', '2024-06-12T01:14:37.344Z', 'adm-tanaka', '10.0.10.25')),
      },
      { defaultUtcOffsetMinutes: 540 },
    );
    assert.deepEqual(
      d.correlations.map((c) => [c.kind, c.event.file, c.deltaSeconds, c.peerMatched]),
      [
        ['clientActivation', 'CONSOLE01/System.xml', 0.336, true],
        ['serverRejection', 'CM01/System.xml', 0.344, true],
      ],
    );
  });

  it('never pairs a failure on a local resource', () => {
    const d = diagnose({
      'CM01/smsexec.log': lines(simple('~Failed to delete file E:\\SMSPKG\\CON0001A.PCK, error 0x80070005', '06-11-2024 17:51:50.571+420', 1, 'SMS_EXECUTIVE')),
      'CM01/System.xml': events(activation(10037, 'CM01.corp.contoso.com', '2024-06-12T00:51:50.600Z', SMSEXEC, 'DP01.corp.contoso.com')),
    });
    assert.equal(d.findings.find((f) => f.code === 'access-denied')?.context, 'localResource');
    assert.deepEqual(d.correlations, []);
  });
});

describe('diagnosis: a console log with no time zone and no events of its own', () => {
  it('takes its offset from the 10036 its peer logged, and pairs with them', async () => {
    const { createDiagnosisBuilder } = await import('../../server/src/core/diagnosis');
    const builder = createDiagnosisBuilder({ locale: 'en', windowSeconds: 120, defaultUtcOffsetMinutes: null });
    builder.addFile(
      'CONSOLE09/SmsAdminUI.log',
      [
        '[5, PID:100][03/20/2024 10:14:36] :Connecting to site server CM09.corp.example.com',
        "[5, PID:100][03/20/2024 10:14:37] :Insufficient privilege to connect to \\\\CM09.corp.example.com\\root\\sms, error: 'Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))'",
        "[5, PID:100][03/20/2024 10:20:02] :Insufficient privilege to connect to \\\\CM09.corp.example.com\\root\\sms, error: 'Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))'",
      ].join('\r\n'),
    );
    const ev = (time: string) =>
      `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-DistributedCOM'/><EventID>10036</EventID><Level>2</Level><TimeCreated SystemTime='${time}'/><Computer>CM09.corp.example.com</Computer></System><EventData><Data Name='Domain Name'>EXAMPLE</Data><Data Name='User Name'>admin</Data><Data Name='SID'>S-1-5-21-1-2-3-1105</Data><Data Name='Client IP Address'>192.0.2.44</Data></EventData></Event>`;
    builder.addFile('CM09/System.xml', [ev('2024-03-20T01:14:37.400Z'), ev('2024-03-20T01:20:02.300Z')].join('\r\n'));
    const d = builder.finish();
    const consoleFindings = d.findings.filter((f) => f.file.startsWith('CONSOLE09'));
    assert.ok(consoleFindings.every((f) => f.timeSource === 'eventAlignment'));
    assert.equal(consoleFindings[0]?.time, '2024-03-20T01:14:37.000Z');
    assert.equal(d.correlations.filter((c) => c.kind === 'serverRejection' && c.log.file.startsWith('CONSOLE09')).length, 2);
    assert.equal(d.verdict, 'likely');
  });
});
