/**
 * The evidence timeline as SVG, drawn here (no chart library): one lane per machine, x = UTC time,
 * log failures as circles coloured by code, DCOM events as triangles (10036), diamonds (10037) and
 * squares (10038), lines for the pairings, dashed lines at the DCOM hardening updates inside the
 * range, and a UTC axis.
 *
 * Colours come from CSS classes using VS Code theme variables with fallbacks, and text uses
 * `currentColor`, so the same SVG follows the theme in the webview and stays readable on its own.
 * Thousands of findings are aggregated per lane, code and pixel bucket, so the SVG stays small.
 */
import type { FindingCode } from '../analysis/findings';
import type { Diagnosis, DiagnosisFinding } from '../diagnosis/model';
import type { Locale } from '../i18n/locale';
import { HARDENING_PHASES } from '../knowledge/hardeningTimeline';
import { escapeXml } from './escape';
import { CODE_ORDER, formatDelta, formatUtc, location, parseUtc } from './format';
import { reportLabels, type ReportLabels } from './labels';

export interface TimelineOptions {
  readonly width?: number;
  readonly locale?: Locale;
  /** CSP nonce for the SVG's `<style>` when the SVG is inlined into a webview page. */
  readonly nonce?: string;
}

export const TIMELINE_MAX_MARKERS = 1500;
export const TIMELINE_MAX_LINES = 500;
export const TIMELINE_MAX_LANES = 12;

const LABEL_WIDTH = 150;
const RIGHT = 24;
const TOP = 38;
const LANE_HEIGHT = 40;
const AXIS_HEIGHT = 32;
const LEGEND_ROW = 20;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const STYLE = [
  '.cmld-tl{font-family:var(--vscode-font-family,system-ui,sans-serif);font-size:11px}',
  '.cmld-tl text{fill:currentColor}',
  '.cmld-tl .lane{fill:currentColor;fill-opacity:.05}',
  '.cmld-tl .grid{stroke:currentColor;stroke-opacity:.15}',
  '.cmld-tl .axis{stroke:currentColor;stroke-opacity:.6}',
  '.cmld-tl .muted{fill-opacity:.75}',
  '.cmld-tl .hd{stroke:var(--vscode-charts-yellow,#b89500);stroke-width:1.5;stroke-dasharray:5 3}',
  '.cmld-tl .corr{stroke:var(--vscode-charts-purple,#8764b8);stroke-opacity:.75;stroke-width:1.2}',
  '.cmld-tl .m{stroke:var(--vscode-editor-background,#ffffff);stroke-width:1}',
  '.cmld-tl .agg{stroke:currentColor;stroke-width:1.5}',
  '.cmld-tl .c-access-denied{fill:var(--vscode-errorForeground,#e51400)}',
  '.cmld-tl .c-rpc-unavailable{fill:var(--vscode-charts-orange,#d18616)}',
  '.cmld-tl .c-wmi-access-denied{fill:var(--vscode-charts-blue,#1a85ff)}',
  '.cmld-tl .c-dcom-10036{fill:var(--vscode-charts-red,#c72e0f)}',
  '.cmld-tl .c-dcom-10037{fill:var(--vscode-charts-yellow,#b89500)}',
  '.cmld-tl .c-dcom-10038{fill:var(--vscode-charts-green,#388a34)}',
].join('');

const num = (n: number): string => String(Math.round(n * 10) / 10);
const isEvent = (code: FindingCode): boolean => code.startsWith('dcom-');

/** A marker centred on (x, y). */
function shape(code: FindingCode, x: number, y: number, cls: string, title: string): string {
  const t = `<title>${escapeXml(title)}</title>`;
  switch (code) {
    case 'dcom-10036':
      return `<path class="${cls}" d="M${num(x)} ${num(y - 5.5)}l5.5 9.5h-11z">${t}</path>`;
    case 'dcom-10037':
      return `<path class="${cls}" d="M${num(x)} ${num(y - 5.5)}l5.5 5.5l-5.5 5.5l-5.5-5.5z">${t}</path>`;
    case 'dcom-10038':
      return `<path class="${cls}" d="M${num(x - 4.5)} ${num(y - 4.5)}h9v9h-9z">${t}</path>`;
    default:
      return `<circle class="${cls}" cx="${num(x)}" cy="${num(y)}" r="4.5">${t}</circle>`;
  }
}

interface Point {
  readonly finding: DiagnosisFinding;
  readonly ms: number;
  readonly lane: number;
}

interface Lane {
  readonly label: string;
  readonly title: string;
}

/** Lanes in machine order, then machines the diagnosis does not list, then the unknown machine. */
function buildLanes(d: Diagnosis, timed: readonly { f: DiagnosisFinding; ms: number }[], l: ReportLabels): { lanes: Lane[]; laneOf: (m: string | null) => number } {
  const UNKNOWN = '\u0000';
  const present = new Set(timed.map((t) => t.f.machine ?? UNKNOWN));
  const order: string[] = [];
  for (const m of d.machines) if (present.has(m.id) && !order.includes(m.id)) order.push(m.id);
  for (const t of timed) {
    const key = t.f.machine ?? UNKNOWN;
    if (key !== UNKNOWN && !order.includes(key)) order.push(key);
  }
  if (present.has(UNKNOWN)) order.push(UNKNOWN);
  const index = new Map<string, number>();
  const lanes: Lane[] = [];
  const overflow = order.length > TIMELINE_MAX_LANES ? order.length - (TIMELINE_MAX_LANES - 1) : 0;
  order.forEach((key, i) => {
    if (overflow > 0 && i >= TIMELINE_MAX_LANES - 1) {
      index.set(key, TIMELINE_MAX_LANES - 1);
      return;
    }
    index.set(key, lanes.length);
    const label = key === UNKNOWN ? l.unknownMachine : key;
    lanes.push({ label, title: label });
  });
  if (overflow > 0) {
    const rest = order.slice(TIMELINE_MAX_LANES - 1).map((k) => (k === UNKNOWN ? l.unknownMachine : k));
    lanes.push({ label: l.otherMachines(overflow), title: rest.join(', ') });
  }
  return { lanes, laneOf: (m) => index.get(m ?? UNKNOWN) ?? 0 };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

interface Tick {
  readonly ms: number;
  readonly label: string;
}

/** A few ticks at round UTC times, labelled as precisely as their spacing needs. */
function ticks(t0: number, t1: number, maxTicks: number): Tick[] {
  const span = t1 - t0;
  const steps = [1, 2, 5, 10, 15, 30].map((s) => s * SECOND)
    .concat([1, 2, 5, 10, 15, 30].map((m) => m * MINUTE), [1, 2, 3, 6, 12].map((h) => h * HOUR), [1, 2, 7, 14].map((x) => x * DAY));
  const step = steps.find((s) => span / s <= maxTicks);
  const out: Tick[] = [];
  if (step !== undefined) {
    let lastDay = '';
    for (let t = Math.ceil(t0 / step) * step; t <= t1 && out.length < 50; t += step) {
      const d = new Date(t);
      const day = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
      const hm = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
      let label: string;
      if (step >= DAY) label = day;
      else {
        const time = step < MINUTE ? `${hm}:${pad2(d.getUTCSeconds())}` : hm;
        label = day !== lastDay ? `${day.slice(5)} ${time}` : time;
      }
      lastDay = day;
      out.push({ ms: t, label });
    }
    return out;
  }
  const months = [1, 2, 3, 6, 12, 24, 60, 120].find((m) => span / (m * 30.44 * DAY) <= maxTicks) ?? 120;
  const start = new Date(t0);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth() + 1;
  for (let i = 0; i < 400 && out.length < 50; i++, m++) {
    if (m > 11) {
      m = 0;
      y++;
    }
    const t = Date.UTC(y, m, 1);
    if (t > t1) break;
    if (t >= t0 && (y * 12 + m) % months === 0) out.push({ ms: t, label: months >= 12 ? String(y) : `${y}-${pad2(m + 1)}` });
  }
  return out;
}

/** Rough text width in pixels at 11px (CJK characters are about twice as wide). */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 11 : 6.2;
  return w;
}

function clipText(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(out + ch + '…') > width) break;
    out += ch;
  }
  return out + '…';
}

function svgOpen(width: number, height: number, title: string, nonce: string | undefined): string {
  const nonceAttr = nonce ? ` nonce="${escapeXml(nonce)}"` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="cmld-tl" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title><style${nonceAttr}>${STYLE}</style>`
  );
}

export function renderTimelineSvg(d: Diagnosis, opts?: TimelineOptions): string {
  const l = reportLabels(opts?.locale ?? d.locale);
  const locale = opts?.locale ?? d.locale;
  const requested = opts?.width;
  const width = Math.round(Math.min(4000, Math.max(360, requested !== undefined && Number.isFinite(requested) ? requested : 960)));
  const timed: { f: DiagnosisFinding; ms: number }[] = [];
  for (const f of d.findings) {
    const ms = parseUtc(f.time);
    if (ms !== null) timed.push({ f, ms });
  }
  if (timed.length === 0) {
    return `${svgOpen(width, 48, l.timeline, opts?.nonce)}<text x="12" y="28" class="muted">${escapeXml(l.noTimedEvidence)}</text></svg>`;
  }

  const { lanes, laneOf } = buildLanes(d, timed, l);
  const points: Point[] = timed.map((t) => ({ finding: t.f, ms: t.ms, lane: laneOf(t.f.machine) }));
  // A loop, not Math.min(...spread): the spread overflows the call stack with very many points.
  let t0 = Infinity;
  let t1 = -Infinity;
  for (const p of points) {
    t0 = Math.min(t0, p.ms);
    t1 = Math.max(t1, p.ms);
  }
  if (t1 - t0 < 10 * MINUTE) {
    const mid = (t0 + t1) / 2;
    t0 = mid - 5 * MINUTE;
    t1 = mid + 5 * MINUTE;
  } else {
    const pad = (t1 - t0) * 0.04;
    t0 -= pad;
    t1 += pad;
  }
  const phases = HARDENING_PHASES.filter((p) => p.start !== '' && p.startUtc >= t0 && p.startUtc <= t1);
  // Room above the lanes for the hardening labels only when there are some.
  const top = phases.length > 0 ? TOP : 8;
  const x0 = LABEL_WIDTH;
  const x1 = width - RIGHT;
  const xOf = (ms: number): number => x0 + ((ms - t0) / (t1 - t0)) * (x1 - x0);
  const laneTop = (i: number): number => top + i * LANE_HEIGHT;
  const yOf = (p: { lane: number; code: FindingCode }): number => laneTop(p.lane) + LANE_HEIGHT / 2 + (isEvent(p.code) ? 7 : -7);
  const lanesBottom = laneTop(lanes.length);

  const body: string[] = [];
  lanes.forEach((lane, i) => {
    if (i % 2 === 0) body.push(`<rect class="lane" x="0" y="${laneTop(i)}" width="${width}" height="${LANE_HEIGHT}"/>`);
    body.push(
      `<text x="8" y="${num(laneTop(i) + LANE_HEIGHT / 2 + 4)}">${escapeXml(clipText(lane.label, LABEL_WIDTH - 16))}<title>${escapeXml(lane.title)}</title></text>`,
    );
  });

  // Axis and grid.
  body.push(`<line class="axis" x1="${x0}" y1="${lanesBottom}" x2="${x1}" y2="${lanesBottom}"/>`);
  for (const tick of ticks(t0, t1, Math.max(2, Math.floor((x1 - x0) / 110)))) {
    const x = num(xOf(tick.ms));
    body.push(`<line class="grid" x1="${x}" y1="${top}" x2="${x}" y2="${lanesBottom + 4}"/>`);
    body.push(`<text x="${x}" y="${lanesBottom + 16}" text-anchor="middle">${escapeXml(tick.label)}</text>`);
  }
  body.push(`<text x="${x1}" y="${lanesBottom + 29}" text-anchor="end" class="muted">UTC</text>`);

  // DCOM hardening updates inside the range, each label on the first of two rows where it fits,
  // shortened to the date, or left to the line's tooltip when even that would overlap.
  const rowEnds = [-Infinity, -Infinity];
  for (const phase of phases) {
    const x = xOf(phase.startUtc);
    const title = `${l.hardeningDate} ${phase.start}: ${phase[locale].name}`;
    let label = '';
    let row = -1;
    let anchor: 'start' | 'end' = 'start';
    for (const candidate of [`${phase.start} ${l.hardeningPhases[phase.start] ?? ''}`.trim(), phase.start]) {
      const w = textWidth(candidate);
      anchor = x + 3 + w > width - 4 ? 'end' : 'start';
      const left = anchor === 'end' ? x - 3 - w : x + 3;
      row = rowEnds.findIndex((end) => left > end + 6);
      if (row >= 0) {
        rowEnds[row] = left + w;
        label = candidate;
        break;
      }
    }
    const y1 = row === 1 ? 20 : 6;
    body.push(`<line class="hd" x1="${num(x)}" y1="${y1}" x2="${num(x)}" y2="${lanesBottom}"><title>${escapeXml(title)}</title></line>`);
    if (label !== '') {
      body.push(`<text x="${num(anchor === 'end' ? x - 3 : x + 3)}" y="${row === 1 ? 29 : 15}" text-anchor="${anchor}">${escapeXml(label)}<title>${escapeXml(title)}</title></text>`);
    }
  }
  const hardeningShown = phases.length > 0;

  // Pairings: one line per distinct pair of marker positions, capped.
  const byRef = new Map<string, Point>();
  for (const p of points) {
    const key = `${p.finding.file}\u0000${p.finding.line}`;
    if (!byRef.has(key)) byRef.set(key, p);
  }
  const drawn = new Set<string>();
  for (const c of d.correlations) {
    if (drawn.size >= TIMELINE_MAX_LINES) break;
    const a = byRef.get(`${c.log.file}\u0000${c.log.line}`);
    const b = byRef.get(`${c.event.file}\u0000${c.event.line}`);
    if (!a || !b) continue;
    const coords = [xOf(a.ms), yOf({ lane: a.lane, code: a.finding.code }), xOf(b.ms), yOf({ lane: b.lane, code: b.finding.code })].map(num);
    const key = coords.join(',');
    if (drawn.has(key)) continue;
    drawn.add(key);
    const title = `${location(c.log)} ↔ ${location(c.event)} (${formatDelta(c.deltaSeconds)})`;
    body.push(`<line class="corr" x1="${coords[0]}" y1="${coords[1]}" x2="${coords[2]}" y2="${coords[3]}"><title>${escapeXml(title)}</title></line>`);
  }

  // Markers, aggregated per lane, code and pixel bucket when there are too many.
  let bucketPx = 1;
  let buckets = new Map<string, Point[]>();
  for (;;) {
    buckets = new Map();
    for (const p of points) {
      const key = `${p.lane}|${p.finding.code}|${Math.floor((xOf(p.ms) - x0) / bucketPx)}`;
      const list = buckets.get(key);
      if (list) list.push(p);
      else buckets.set(key, [p]);
    }
    if (buckets.size <= TIMELINE_MAX_MARKERS || bucketPx >= x1 - x0) break;
    bucketPx *= 2;
  }
  const markers = [...buckets.values()].sort(
    (a, b) => CODE_ORDER.indexOf((a[0] as Point).finding.code) - CODE_ORDER.indexOf((b[0] as Point).finding.code) || (a[0] as Point).ms - (b[0] as Point).ms,
  );
  for (const group of markers) {
    const first = group[0] as Point;
    const code = first.finding.code;
    const x = group.reduce((s, p) => s + xOf(p.ms), 0) / group.length;
    const y = yOf({ lane: first.lane, code });
    const when = (p: Point): string => formatUtc(p.finding.time, l.unknownTime);
    let title: string;
    if (group.length === 1) {
      title = `${l.codeNames[code]} — ${location(first.finding)} — ${when(first)} UTC`;
    } else {
      const last = group.reduce((a, b) => (b.ms > a.ms ? b : a), first);
      const earliest = group.reduce((a, b) => (b.ms < a.ms ? b : a), first);
      title = `${group.length} × ${l.codeNames[code]} — ${when(earliest)} … ${when(last)} UTC — ${location(earliest.finding)}`;
    }
    body.push(shape(code, x, y, `m${group.length > 1 ? ' agg' : ''} c-${code}`, title));
  }

  // Legend, wrapped to the width.
  const items: { draw: (x: number, y: number) => string; label: string }[] = [];
  const codesShown = CODE_ORDER.filter((c) => points.some((p) => p.finding.code === c));
  for (const code of codesShown) items.push({ label: l.legendNames[code], draw: (x, y) => shape(code, x + 6, y, `m c-${code}`, l.codeNames[code]) });
  if (drawn.size > 0) items.push({ label: l.legendPairing, draw: (x, y) => `<line class="corr" x1="${num(x)}" y1="${num(y)}" x2="${num(x + 14)}" y2="${num(y)}"/>` });
  if (hardeningShown) items.push({ label: l.hardeningDate, draw: (x, y) => `<line class="hd" x1="${num(x + 6)}" y1="${num(y - 6)}" x2="${num(x + 6)}" y2="${num(y + 6)}"/>` });
  let lx = 8;
  let row = 0;
  const legendTop = lanesBottom + AXIS_HEIGHT + 12;
  for (const item of items) {
    const w = 22 + textWidth(item.label) + 16;
    if (lx + w > width && lx > 8) {
      lx = 8;
      row++;
    }
    const y = legendTop + row * LEGEND_ROW;
    body.push(item.draw(lx, y), `<text x="${num(lx + 20)}" y="${num(y + 4)}">${escapeXml(item.label)}</text>`);
    lx += w;
  }
  const height = legendTop + (items.length > 0 ? row * LEGEND_ROW + 14 : 0);
  return `${svgOpen(width, height, l.timeline, opts?.nonce)}${body.join('')}</svg>`;
}
