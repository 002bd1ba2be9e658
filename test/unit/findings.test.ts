import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeDocument } from '../../server/src/core/document';
import type { Finding } from '../../server/src/core/analysis/findings';

const ccm = (msg: string, type = '3', component = 'TSManager'): string =>
  `<![LOG[${msg}]LOG]!><time="10:30:43.112+240" date="10-18-2022" component="${component}" context="" type="${type}" thread="1964" file="utils.cpp:7745">`;

function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.code}/${f.severity}${f.kind === 'log' ? '/' + f.context : ''}`);
}

describe('findDcomEvidence in logs: one finding per record per code, severity by context', () => {
  const cases: { name: string; text: string; file?: string; expect: string[] }[] = [
    {
      name: 'task sequence file clean-up is local, information',
      text: ccm('RemoveFile() failed for C:\\_SMSTaskSequence\\TSEnv.dat. 0x80070005.'),
      file: 'smsts.log',
      expect: ['access-denied/information/localResource'],
    },
    {
      name: 'SetObjectOwner in smsts.log is local',
      text: ccm('SetObjectOwner() failed. 0x80070005.'),
      file: 'smsts.log',
      expect: ['access-denied/information/localResource'],
    },
    {
      name: 'a console connection failure is an error, console to provider',
      text: "[14, PID:5720][06/20/2022 10:02:11] :Insufficient privilege to connect, error: 'Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))'",
      file: 'C:\\Program Files (x86)\\Microsoft Endpoint Manager\\AdminConsole\\AdminUILog\\SmsAdminUI.log',
      expect: ['access-denied/error/consoleToProvider'],
    },
    {
      name: 'PkgXferMgr failure to a DP',
      text: 'CSendFileAction::SendFiles failed; 0x800706BA  $$<SMS_PACKAGE_TRANSFER_MANAGER><06-14-2022 06:26:25.828-60><thread=9112 (0x2398)>',
      file: 'PkgXferMgr.log',
      expect: ['rpc-unavailable/error/siteServerToDistributionPoint'],
    },
    {
      name: 'distmgr access denied talking to the DP WMI provider, file name unknown',
      text: 'Failed to connect to WMI namespace root\\SCCMDP on DP01.contoso.com, error 0x80070005  $$<SMS_DISTRIBUTION_MANAGER><06-14-2022 06:26:25.828+000><thread=1 (0x1)>',
      expect: ['access-denied/error/siteServerToDistributionPoint'],
    },
    {
      name: 'both codes in one record: two findings',
      text: ccm('Connect to \\\\CLIENT01\\root\\ccm failed 0x800706BA then 0x80070005'),
      expect: ['rpc-unavailable/error/remoteConnection', 'access-denied/error/remoteConnection'],
    },
    {
      name: 'the same code thrice in one record: one finding',
      text: ccm("error 'Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))' -2147024891"),
      expect: ['access-denied/warning/unknown'],
    },
    {
      name: 'an info record with an unknown context is information',
      text: ccm('Step returned 0x80070005, continuing', '1'),
      expect: ['access-denied/information/unknown'],
    },
    {
      name: 'WMI namespace security is not hardening',
      text: ccm('Failed to open namespace root\\ccm\\policy 0x80041003'),
      expect: ['wmi-access-denied/information/remoteConnection'],
    },
    {
      name: 'codes only in the trailer are not findings',
      text: '<![LOG[all fine]LOG]!><time="10:30:43.112+240" date="10-18-2022" component="x" context="" type="1" thread="2147942405" file="80070005.cpp:1">',
      expect: [],
    },
    {
      name: 'other codes are not findings',
      text: ccm('Failed 0x80004005 and 0x87d00215'),
      expect: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const doc = analyzeDocument(c.text, c.file);
      assert.deepEqual(summary(doc.findings), c.expect);
    });
  }
  it('the finding span is the first code in the record', () => {
    const text = ccm('Access is denied (0x80070005)');
    const doc = analyzeDocument(text);
    const f = doc.findings[0];
    assert.ok(f);
    assert.equal(text.slice(f.span.start, f.span.end), 'Access is denied');
  });
});

const NS = 'http://schemas.microsoft.com/win/2004/08/events/event';
const event = (id: string, data: string, provider = 'Microsoft-Windows-DistributedCOM', thread = '4120'): string =>
  `<Event xmlns='${NS}'><System><Provider Name='${provider}' EventSourceName='${provider.includes('DistributedCOM') ? 'DCOM' : provider}'/><EventID Qualifiers='0'>${id}</EventID><Level>2</Level><TimeCreated SystemTime='2022-06-20T17:02:12.1234567Z'/><Execution ProcessID='1408' ThreadID='${thread}'/><Channel>System</Channel><Computer>CM01.contoso.com</Computer><Security UserID='S-1-5-21-1-2-3-1104'/></System><EventData>${data}</EventData></Event>`;

describe('findDcomEvidence in event exports', () => {
  const d10036 = "<Data Name='Domain Name'>CONTOSO</Data><Data Name='User Name'>cmadmin</Data><Data Name='SID'>S-1-5-21-1-2-3-1104</Data><Data Name='Client IP Address'>10.1.2.30</Data>";
  const d10038 = '<Data>C:\\Program Files (x86)\\Microsoft Endpoint Manager\\AdminConsole\\bin\\Microsoft.ConfigurationManagement.exe</Data><Data>5720</Data><Data>{8BC3F05E-D86B-11D0-A075-00C04FB68820}</Data><Data>CM01.contoso.com</Data><Data>2</Data>';
  const pd10037 = "<Data Name='param1'>C:\\Tools\\agent.exe</Data><Data Name='param2'>900</Data><Data Name='param3'>{8BC3F05E-D86B-11D0-A075-00C04FB68820}</Data><Data Name='param4'>SRV01</Data><Data Name='param5'>4</Data>";
  it('10036 with named data', () => {
    const doc = analyzeDocument(`<Events>${event('10036', d10036)}</Events>`);
    assert.deepEqual(summary(doc.findings), ['dcom-10036/error']);
    const f = doc.findings[0];
    assert.ok(f?.kind === 'event' && f.details.eventId === 10036);
    assert.equal(f.details.clientAddress?.value, '10.1.2.30');
    assert.equal(f.details.user?.value, 'cmadmin');
  });
  it('10038 with unnamed data, by position', () => {
    const doc = analyzeDocument(event('10038', d10038));
    const f = doc.findings[0];
    assert.ok(f?.kind === 'event' && f.details.eventId === 10038);
    assert.equal(f.details.computer?.value, 'CM01.contoso.com');
    assert.equal(f.details.authenticationLevel?.value, '2');
  });
  it('10037 with paramN names', () => {
    const doc = analyzeDocument(event('10037', pd10037));
    const f = doc.findings[0];
    assert.ok(f?.kind === 'event' && f.details.eventId === 10037);
    assert.equal(f.details.processId?.value, '900');
    assert.equal(f.details.clsid?.value, '{8BC3F05E-D86B-11D0-A075-00C04FB68820}');
  });
  it('10016 is not hardening; ThreadID 10036 is not an event 10036; other providers do not count', () => {
    const text = [
      event('10016', '<Data Name="param1">application-specific</Data>', 'Microsoft-Windows-DistributedCOM', '10036'),
      event('7040', '<Data Name="param1">x</Data>', 'Service Control Manager', '10036'),
      event('10036', d10036, 'Some-Other-Provider'),
    ].join('\r\n');
    assert.deepEqual(analyzeDocument(text).findings, []);
  });
  it('the finding span is the event id', () => {
    const text = event('10036', d10036);
    const f = analyzeDocument(text).findings[0];
    assert.ok(f);
    assert.equal(text.slice(f.span.start, f.span.end), '10036');
  });
});
