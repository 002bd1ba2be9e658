/**
 * The SVG timeline: well-formed (saxes), lanes, shapes per event, pairing lines, hardening dates, UTC
 * axis, theme colours, and its size with nothing, one point and thousands of points.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnosis } from '../../server/src/core/diagnosis/model';
import { TIMELINE_MAX_LANES, TIMELINE_MAX_MARKERS, renderTimelineSvg } from '../../server/src/core/report/timelineSvg';
import { diagnosisFixture, emptyDiagnosis, manyFindings, parseXml, type XmlElement } from './support/diagnosisFixture';

const markers = (elements: readonly XmlElement[], code?: string): XmlElement[] =>
  elements.filter((e) => /\bm\b/.test(e.attributes.class ?? '') && (code === undefined || (e.attributes.class ?? '').includes(`c-${code}`)));
const pairingLines = (svg: string): number => (svg.match(/<line class="corr"[^>]*><title>/g) ?? []).length;
const hardeningLines = (svg: string): number => (svg.match(/<line class="hd"[^>]*><title>/g) ?? []).length;

describe('renderTimelineSvg', () => {
  const d = diagnosisFixture();
  const svg = renderTimelineSvg(d);
  const { elements, texts } = parseXml(svg);
  const text = texts.join('|');

  it('is a well-formed SVG document with an accessible name', () => {
    const root = elements[0];
    assert.equal(root?.name, 'svg');
    assert.equal(root?.attributes.xmlns, 'http://www.w3.org/2000/svg');
    assert.equal(root?.attributes.role, 'img');
    assert.equal(root?.attributes['aria-label'], 'Timeline (UTC)');
    assert.match(root?.attributes.viewBox ?? '', /^0 0 960 \d+$/);
  });
  it('has one lane per machine with timed evidence, in machine order', () => {
    const labels = elements.filter((e) => e.name === 'rect' && e.attributes.class === 'lane');
    assert.ok(labels.length >= 1);
    assert.ok(text.indexOf('CONSOLE01') < text.indexOf('CM01'));
    assert.ok(text.includes('DP01'));
    assert.ok(!text.includes('192.168.10.20|'), 'a machine without timed evidence has no lane');
  });
  it('draws log failures as circles and each DCOM event with its own shape', () => {
    assert.equal(markers(elements, 'access-denied').filter((e) => e.name === 'circle').length, 2, 'one in the plot, one in the legend');
    assert.equal(markers(elements, 'rpc-unavailable')[0]?.name, 'circle');
    const shapes = ['dcom-10036', 'dcom-10037'].map((c) => markers(elements, c)[0]?.attributes.d?.replace(/^M[\d.]+ [\d.]+/, ''));
    assert.equal(new Set(shapes).size, 2);
    assert.equal(markers(elements, 'dcom-10036').length, 3, 'two events and the legend');
    assert.equal(markers(elements, 'wmi-access-denied').length, 0, 'a finding with no time is not drawn');
  });
  it('draws the pairings', () => assert.equal(pairingLines(svg), 2));
  it('labels the axis in UTC', () => {
    assert.ok(text.includes('UTC'));
    assert.match(text, /06-20 01:0\d/);
  });
  it('follows the VS Code theme with fallback colours', () => {
    assert.ok(svg.includes('var(--vscode-errorForeground,#'));
    assert.ok(svg.includes('var(--vscode-charts-yellow,#'));
    assert.ok(svg.includes('fill:currentColor'));
  });
  it('puts the nonce on its style when asked (for the webview CSP)', () => {
    assert.match(renderTimelineSvg(d, { nonce: 'abc123' }), /<style nonce="abc123">/);
    assert.ok(!svg.includes('nonce='));
  });
  it('marks no hardening date outside the range, every one inside it', () => {
    assert.equal(hardeningLines(svg), 0);
    const years = renderTimelineSvg(manyFindings(200, '2021-01-01T00:00:00Z', 3 * 365 * 86_400_000));
    assert.equal(hardeningLines(years), 4);
    const t = parseXml(years).texts.join('|');
    for (const date of ['2021-06-08', '2022-06-14', '2022-11-08', '2023-03-14']) assert.ok(t.includes(date), date);
  });
  it('handles no timed evidence', () => {
    for (const x of [emptyDiagnosis(), { ...d, findings: d.findings.map((f) => ({ ...f, time: null })) }, { ...d, findings: d.findings.map((f) => ({ ...f, time: 'not a time' })) }]) {
      const out = renderTimelineSvg(x);
      assert.match(parseXml(out).texts.join(''), /No evidence with a known time/);
    }
  });
  it('handles a single point in time', () => {
    const one: Diagnosis = { ...d, findings: [d.findings[0] as Diagnosis['findings'][number]], correlations: [] };
    const out = renderTimelineSvg(one);
    const parsed = parseXml(out);
    assert.equal(markers(parsed.elements, 'access-denied').length, 2);
    assert.ok(!/NaN|Infinity/.test(out));
    assert.ok(parsed.texts.some((t) => /^\d\d:\d\d$|^\d\d-\d\d \d\d:\d\d$/.test(t)), 'has tick labels');
  });
  it('stays small with thousands of points (aggregated markers, capped lines)', () => {
    const big = manyFindings(20_000, '2022-06-20T00:00:00Z', 6 * 3_600_000);
    const out = renderTimelineSvg(big);
    const parsed = parseXml(out);
    assert.ok(markers(parsed.elements).length <= TIMELINE_MAX_MARKERS + 10);
    assert.ok(out.length < 600_000, `${out.length} bytes`);
    assert.ok(parsed.texts.some((t) => /^\d+ × /.test(t)), 'an aggregated marker says how many it stands for');
    assert.ok(!/NaN|Infinity/.test(out));
  });
  it('caps the lanes, the rest in one', () => {
    const out = renderTimelineSvg(manyFindings(400, '2022-06-20T00:00:00Z', 3_600_000, 40));
    const parsed = parseXml(out);
    const laneLabels = parsed.elements.filter((e) => e.name === 'text' && e.attributes.x === '8');
    assert.equal(laneLabels.length, TIMELINE_MAX_LANES);
    assert.ok(parsed.texts.includes('29 other machines'));
  });
  it('honours the width and clamps silly ones', () => {
    assert.match(renderTimelineSvg(d, { width: 1200 }), /viewBox="0 0 1200 /);
    assert.match(renderTimelineSvg(d, { width: 10 }), /viewBox="0 0 360 /);
    assert.match(renderTimelineSvg(d, { width: Number.NaN }), /viewBox="0 0 960 /);
  });
  it('uses months or years on the axis for long spans', () => {
    const t = parseXml(renderTimelineSvg(manyFindings(50, '2020-01-15T00:00:00Z', 4 * 365 * 86_400_000))).texts;
    assert.ok(t.some((x) => /^20\d\d(-\d\d)?$/.test(x)));
  });
});
