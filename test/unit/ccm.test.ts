import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCcmLog } from '../../server/src/core/formats/ccm';
import { slice } from './support/marks';

const rec = (msg: string, attrs: string): string => `<![LOG[${msg}]LOG]!><${attrs}>`;
const STD = (type: string, time = '10:02:11.204+480', date = '06-20-2022') =>
  `time="${time}" date="${date}" component="SMS_PROV" context="" type="${type}" thread="4120" file="sspobjectquery.cpp:1020"`;

describe('parseCcmLog: one record', () => {
  const text = '\uFEFF' + rec('Connecting to \\\\CM01\\root\\sms failed. 0x80070005', STD('3')) + '\r\n';
  const model = parseCcmLog(text);
  const r = model.records[0];
  it('finds one record and no problem', () => {
    assert.equal(model.records.length, 1);
    assert.equal(model.problems.length, 0);
  });
  it('has every field at its place', () => {
    assert.ok(r);
    assert.equal(slice(text, r.message), 'Connecting to \\\\CM01\\root\\sms failed. 0x80070005');
    assert.equal(r.component?.value, 'SMS_PROV');
    assert.equal(slice(text, r.component?.span), 'SMS_PROV');
    assert.equal(slice(text, r.thread?.span), '4120');
    assert.equal(slice(text, r.sourceFile?.span), 'sspobjectquery.cpp:1020');
    assert.equal(slice(text, r.time?.span), '10:02:11.204+480');
    assert.equal(slice(text, r.time?.dateSpan), '06-20-2022');
    assert.equal(r.context, null);
    assert.equal(r.severity, 'error');
    assert.equal(r.severityExplicit, true);
    assert.equal(r.truncated, false);
  });
  it('computes UTC from the bias', () => {
    assert.equal(r?.time?.local, '2022-06-20T10:02:11.204');
    assert.equal(new Date(r?.time?.utcMillis ?? 0).toISOString(), '2022-06-20T18:02:11.204Z');
  });
  it('record span runs from <![LOG[ to the closing >', () => {
    assert.ok(r);
    assert.ok(slice(text, r.span)?.startsWith('<![LOG['));
    assert.ok(slice(text, r.span)?.endsWith('file="sspobjectquery.cpp:1020">'));
  });
});

describe('parseCcmLog: types and severities', () => {
  const cases: [string, string][] = [
    ['0', 'none'],
    ['1', 'info'],
    ['2', 'warning'],
    ['3', 'error'],
  ];
  for (const [type, severity] of cases) {
    it(`type="${type}" is ${severity}`, () => {
      assert.equal(parseCcmLog(rec('text', STD(type))).records[0]?.severity, severity);
    });
  }
  it('missing type is inferred from the text', () => {
    const m = parseCcmLog(rec('Failed to connect', 'time="10:00:00.000+000" date="1-2-2022" component="x"'));
    assert.equal(m.records[0]?.severity, 'error');
    assert.equal(m.records[0]?.severityExplicit, false);
  });
});

describe('parseCcmLog: variants', () => {
  it('multi-line messages with CRLF, bare LF and bare CR stay one record', () => {
    const text = [rec('line one\r\n\tline two\nline three\rline four', STD('1')), rec('next', STD('2'))].join('\r\n');
    const m = parseCcmLog(text);
    assert.equal(m.records.length, 2);
    assert.equal(slice(text, m.records[0]?.message), 'line one\r\n\tline two\nline three\rline four');
    assert.equal(m.records[1]?.severity, 'warning');
  });
  it('messages may hold <, >, quotes, ] and CDATA', () => {
    const msg = `Received header '<Msg SchemaVersion="1.1"><![CDATA[x]]>]</Msg>'`;
    const m = parseCcmLog(rec(msg, STD('1')));
    assert.equal(slice(rec(msg, STD('1')), m.records[0]?.message), msg);
  });
  it('empty thread, extra attributes, one-digit month, 7-digit fraction, no bias', () => {
    const text = rec('x', 'time="21:05:56.1243496" date="6-5-2026" component="LiteTouch" context="DOMAIN\\user" type="1" thread="" file="LiteTouch" extra="y"');
    const r = parseCcmLog(text).records[0];
    assert.ok(r);
    assert.equal(r.thread, null);
    assert.equal(r.context?.value, 'DOMAIN\\user');
    assert.equal(r.time?.local, '2026-06-05T21:05:56.124');
    assert.equal(r.time?.biasMinutes, null);
    assert.equal(r.time?.utcMillis, null);
  });
  it('bias +-420 and +00', () => {
    const a = parseCcmLog(rec('x', STD('1', '10:00:00.000+-420'))).records[0];
    const b = parseCcmLog(rec('x', STD('1', '10:00:00.000+00'))).records[0];
    assert.equal(a?.time?.biasMinutes, -420);
    assert.equal(b?.time?.biasMinutes, 0);
  });
  it('an invalid date gives no time but keeps the record', () => {
    const r = parseCcmLog(rec('x', STD('3', '10:00:00.000+000', '13-45-2022'))).records[0];
    assert.equal(r?.time, null);
    assert.equal(r?.severity, 'error');
  });
});

describe('parseCcmLog: truncation and resynchronisation', () => {
  it('a fragment at the top of the file is a truncated record', () => {
    const text = `ding file /SMS_DP_SMSPKG$/PS100012/x.inf]LOG]!><${STD('1')}>\r\n${rec('whole', STD('1'))}`;
    const m = parseCcmLog(text);
    assert.equal(m.records.length, 2);
    assert.equal(m.records[0]?.truncated, true);
    assert.equal(slice(text, m.records[0]?.message), 'ding file /SMS_DP_SMSPKG$/PS100012/x.inf');
    assert.equal(m.records[1]?.truncated, false);
    assert.equal(m.problems.length, 1);
  });
  it('a fragment in the middle resynchronises on the next record', () => {
    const text = [rec('a', STD('1')), `art of a lost record]LOG]!><${STD('3')}>`, rec('b', STD('2'))].join('\r\n');
    const m = parseCcmLog(text);
    assert.deepEqual(
      m.records.map((r) => [slice(text, r.message), r.severity, r.truncated]),
      [
        ['a', 'info', false],
        ['art of a lost record', 'error', true],
        ['b', 'warning', false],
      ],
    );
  });
  it('a record that lost its trailer does not swallow the next', () => {
    const text = `<![LOG[cut short\r\n${rec('next', STD('3'))}`;
    const m = parseCcmLog(text);
    assert.equal(m.records.length, 2);
    assert.equal(slice(text, m.records[0]?.message), 'cut short');
    assert.equal(slice(text, m.records[1]?.message), 'next');
  });
  it('a record cut at the end of the file is kept', () => {
    const text = `${rec('ok', STD('1'))}\r\n<![LOG[being writ`;
    const m = parseCcmLog(text);
    assert.equal(m.records.length, 2);
    assert.equal(slice(text, m.records[1]?.message), 'being writ');
    assert.equal(m.problems.length, 1);
  });
  it('a trailer without its closing > is reported and parsing goes on', () => {
    const text = `<![LOG[a]LOG]!><time="10:00:00.000+000" date="01-01-2022\r\n${rec('b', STD('1'))}`;
    const m = parseCcmLog(text);
    assert.equal(m.records.length, 2);
    assert.ok(m.problems.length >= 1);
    assert.equal(slice(text, m.records[1]?.message), 'b');
  });
  it('empty and whitespace-only texts give no records', () => {
    assert.equal(parseCcmLog('').records.length, 0);
    assert.equal(parseCcmLog('\uFEFF\r\n  \r\n').records.length, 0);
  });
  it('many records parse in order', () => {
    const text = Array.from({ length: 5000 }, (_, i) => rec(`m${i}`, STD(String(i % 4)))).join('\r\n');
    const m = parseCcmLog(text);
    assert.equal(m.records.length, 5000);
    assert.equal(slice(text, m.records[4999]?.message), 'm4999');
  });
});
