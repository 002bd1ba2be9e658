import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAdminUiLog } from '../../server/src/core/formats/adminui';
import { parsePlainLog } from '../../server/src/core/formats/plain';
import { parseSimpleLog } from '../../server/src/core/formats/simple';
import { slice } from './support/marks';

describe('parseSimpleLog', () => {
  const text = [
    '~Processing 32.INS  $$<SMS_DISTRIBUTION_MANAGER><06-14-2022 06:26:25.828-60><thread=9112 (0x2398)>',
    '*** Failed to connect to the SQL Server, connection type: CM01.CONTOSO.COM MASTER.  $$<Configuration Manager Setup><06-11-2022 20:34:10.942+180><thread=3292 (0xCDC)>   ',
    'CSendFileAction::SendFiles failed; 0x800706BA   $$<SMS_PACKAGE_TRANSFER_MANAGER><6-1-2022 6:26:25.828+420><thread=9112>',
  ].join('\r\n');
  const m = parseSimpleLog(text);
  it('one record per trailer line', () => assert.equal(m.records.length, 3));
  it('strips ~ from the message, keeps the component and thread', () => {
    const r = m.records[0];
    assert.equal(slice(text, r?.message), 'Processing 32.INS');
    assert.equal(r?.component?.value, 'SMS_DISTRIBUTION_MANAGER');
    assert.equal(slice(text, r?.thread?.span), '9112 (0x2398)');
    assert.equal(r?.time?.biasMinutes, -60);
    assert.equal(new Date(r?.time?.utcMillis ?? 0).toISOString(), '2022-06-14T05:26:25.828Z');
    assert.equal(slice(text, r?.time?.span), '06-14-2022 06:26:25.828-60');
  });
  it('component with spaces, *** prefix is an error, trailing blanks', () => {
    const r = m.records[1];
    assert.equal(r?.component?.value, 'Configuration Manager Setup');
    assert.equal(r?.severity, 'error');
    assert.equal(slice(text, r?.header), '$$<Configuration Manager Setup><06-11-2022 20:34:10.942+180><thread=3292 (0xCDC)>');
  });
  it('one-digit date parts and a thread without hex', () => {
    const r = m.records[2];
    assert.equal(r?.time?.local, '2022-06-01T06:26:25.828');
    assert.equal(slice(text, r?.thread?.span), '9112');
    assert.equal(r?.severity, 'error');
  });
  it('lines without a trailer join the next record', () => {
    const t = 'first line\r\nsecond line $$<SMS_HIERARCHY_MANAGER><06-14-2022 06:26:25.828+000><thread=1 (0x1)>';
    const r = parseSimpleLog(t).records;
    assert.equal(r.length, 1);
    assert.equal(slice(t, r[0]?.message), 'first line\r\nsecond line');
  });
  it('trailing text without a trailer is kept and reported', () => {
    const t = 'ok $$<C><06-14-2022 06:26:25.828+000><thread=1 (0x1)>\r\ndangling';
    const p = parseSimpleLog(t);
    assert.equal(p.records.length, 2);
    assert.equal(p.problems.length, 1);
  });
});

describe('parseAdminUiLog', () => {
  const text = [
    "[14, PID:5720][06/20/2022 10:02:11] :Insufficient privilege to connect, error: 'Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))'",
    'System.UnauthorizedAccessException',
    '   at System.Management.ThreadDispatch.Start()',
    '',
    '[14, PID:5720][06/20/2022 10:02:12] :Executing static method SMS_Identification.GetSiteCode()\\r\\n',
    '[994][06/20/2022 10:02:13]: Error(CheckForDisconnect2): Invalid service pointer. : -2147024891 [0x80070005]',
  ].join('\r\n');
  const m = parseAdminUiLog(text);
  it('stack lines continue the previous record', () => {
    assert.equal(m.records.length, 3);
    assert.ok(slice(text, m.records[0]?.message)?.endsWith('ThreadDispatch.Start()'));
    assert.equal(m.records[0]?.severity, 'error');
  });
  it('thread, PID and time without an offset', () => {
    const r = m.records[0];
    assert.equal(slice(text, r?.thread?.span), '14');
    assert.equal(slice(text, r?.processId?.span), '5720');
    assert.equal(slice(text, r?.time?.span), '06/20/2022 10:02:11');
    assert.equal(r?.time?.local, '2022-06-20T10:02:11.000');
    assert.equal(r?.time?.utcMillis, null);
  });
  it('literal \\r\\n sequences stay in the message; info severity', () => {
    assert.equal(m.records[1]?.severity, 'info');
    assert.ok(slice(text, m.records[1]?.message)?.endsWith('\\r\\n'));
  });
  it('the older [tid][date]: prefix', () => {
    assert.equal(slice(text, m.records[2]?.thread?.span), '994');
    assert.equal(m.records[2]?.processId, null);
    assert.ok(slice(text, m.records[2]?.message)?.startsWith('Error(CheckForDisconnect2)'));
  });
  it('lines before the first prefix are a truncated record', () => {
    const t = '   at X.Y()\r\n[1, PID:2][06/20/2022 10:02:11] :ok';
    const p = parseAdminUiLog(t);
    assert.equal(p.records.length, 2);
    assert.equal(p.records[0]?.truncated, true);
  });
});

describe('parsePlainLog', () => {
  it('one record per non-blank line with inferred severity', () => {
    const t = 'Starting\r\n\r\nWarning: disk low\nFailed to copy\rdone';
    const m = parsePlainLog(t);
    assert.deepEqual(
      m.records.map((r) => r.severity),
      ['info', 'warning', 'error', 'info'],
    );
  });
});

describe('parsePlainLog keeps a .NET exception block with the line that reported it', () => {
  it('exception type, its message and the frames join the previous line', () => {
    const t = [
      "Insufficient privilege to connect, error: 'Access is denied.'",
      'System.UnauthorizedAccessException',
      'Access is denied. (Exception from HRESULT: 0x80070005 (E_ACCESSDENIED))',
      '   at System.Management.ThreadDispatch.Start()',
      'at Microsoft.ConfigurationManagement.AdminConsole.SmsSiteConnectionNode.GetConnectionManagerInstance(String x)',
      '   場所 System.Management.ManagementScope.Initialize()',
      'Next entry',
    ].join('\r\n');
    const m = parsePlainLog(t);
    assert.equal(m.records.length, 2);
    assert.ok(slice(t, m.records[0]?.message)?.endsWith('ManagementScope.Initialize()'));
    assert.equal(slice(t, m.records[1]?.message), 'Next entry');
  });
  it('an exception line with nothing before it starts a record', () => {
    const m = parsePlainLog('System.Runtime.InteropServices.COMException (0x800706BA): The RPC server is unavailable.\nat X.Y()');
    assert.equal(m.records.length, 1);
  });
});
