import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseClockTime, parseUsDate, toUtcMillis } from '../../server/src/core/formats/time';

describe('parseClockTime: CCM bias is minutes, UTC = local + bias', () => {
  const cases: [string, number | null, number][] = [
    ['10:02:11.204+480', 480, 204],
    ['10:02:11.204-540', -540, 204],
    ['10:02:11.204+000', 0, 204],
    ['10:02:11.204+00', 0, 204],
    ['10:02:11.204-60', -60, 204],
    ['10:02:11.204+-420', -420, 204],
    ['10:02:11.2043496', null, 204],
    ['10:02:11.2043496+240', 240, 204],
    ['10:02:11.204+01:00', -60, 204],
    ['10:02:11.204-05:00', 300, 204],
    ['10:02:11', null, 0],
    ['9:02:11.5+120', 120, 500],
  ];
  for (const [text, bias, ms] of cases) {
    it(text, () => {
      const t = parseClockTime(text);
      assert.ok(t);
      assert.equal(t.biasMinutes, bias);
      assert.equal(t.millisecond, ms);
    });
  }
  for (const bad of ['25:00:00.000', '10:61:00.000', 'ten past', '', '10:02:11.204+9999']) {
    it(`rejects or drops the bias of ${JSON.stringify(bad)}`, () => {
      const t = parseClockTime(bad);
      assert.ok(t === null || t.biasMinutes === null);
    });
  }
});

describe('parseUsDate', () => {
  it('reads month first, one-digit parts', () => {
    assert.deepEqual(parseUsDate('6-05-2026'), { year: 2026, month: 6, day: 5 });
    assert.deepEqual(parseUsDate('10/18/2019'), { year: 2019, month: 10, day: 18 });
  });
  it('rejects impossible dates', () => {
    assert.equal(parseUsDate('02-30-2022'), null);
    assert.equal(parseUsDate('13-01-2022'), null);
    assert.equal(parseUsDate('2022-06-14'), null);
  });
});

describe('toUtcMillis', () => {
  it('+480 (PST) 10:00 local is 18:00 UTC', () => {
    const t = parseClockTime('10:00:00.000+480');
    const d = parseUsDate('06-14-2022');
    assert.ok(t && d);
    assert.equal(new Date(toUtcMillis(d, t, t.biasMinutes) ?? 0).toISOString(), '2022-06-14T18:00:00.000Z');
  });
  it('-540 (JST) 10:00 local is 01:00 UTC', () => {
    const t = parseClockTime('10:00:00.000-540');
    const d = parseUsDate('06-14-2022');
    assert.ok(t && d);
    assert.equal(new Date(toUtcMillis(d, t, t.biasMinutes) ?? 0).toISOString(), '2022-06-14T01:00:00.000Z');
  });
  it('no bias, no UTC', () => {
    const t = parseClockTime('10:00:00');
    const d = parseUsDate('06-14-2022');
    assert.ok(t && d);
    assert.equal(toUtcMillis(d, t, null), null);
  });
});
