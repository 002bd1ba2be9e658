/**
 * Allocation-light building blocks for parsers that produce hundreds of thousands of records: a field
 * that is its own span and reads its value from the text only when asked, and a CCM time whose
 * ISO local string is built only when shown. Both satisfy the model's plain interfaces.
 */
import type { Field, LogTime, Span } from '../model';

export class SourceField implements Field, Span {
  constructor(
    private readonly text: string,
    readonly start: number,
    readonly end: number,
  ) {}
  get span(): Span {
    return this;
  }
  get value(): string {
    return this.text.slice(this.start, this.end);
  }
}

function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Reads 1–2 digits at `from`; returns [value, next offset] or null. */
function shortNumber(text: string, from: number, end: number): [number, number] | null {
  const a = from < end ? text.charCodeAt(from) - 48 : -1;
  if (a < 0 || a > 9) return null;
  const b = from + 1 < end ? text.charCodeAt(from + 1) - 48 : -1;
  return b >= 0 && b <= 9 ? [a * 10 + b, from + 2] : [a, from + 1];
}

class CcmTime implements LogTime {
  private localText: string | undefined;
  constructor(
    readonly span: Span,
    readonly dateSpan: Span,
    private readonly localMillis: number,
    readonly biasMinutes: number | null,
  ) {}
  get utcMillis(): number | null {
    return this.biasMinutes === null ? null : this.localMillis + this.biasMinutes * 60_000;
  }
  get local(): string {
    this.localText ??= new Date(this.localMillis).toISOString().slice(0, 23);
    return this.localText;
  }
}

/**
 * The fast path for the CCM trailer's `time="HH:mm:ss.fff±bias"` and `date="M-d-yyyy"`. Returns
 * undefined when the text is not in that common shape, so the caller falls back to the tolerant
 * parser (ISO offsets, `+-420`, odd spacing); null when the date or time is impossible.
 */
export function fastCcmTime(text: string, time: Span, date: Span): LogTime | null | undefined {
  const hh = shortNumber(text, time.start, time.end);
  if (!hh || text.charCodeAt(hh[1]) !== 58 /* : */) return undefined;
  const mi = digits(text, hh[1] + 1, 2);
  const ss = digits(text, hh[1] + 4, 2);
  if (mi < 0 || ss < 0 || text.charCodeAt(hh[1] + 3) !== 58) return undefined;
  let i = hh[1] + 6;
  let ms = 0;
  if (text.charCodeAt(i) === 46 /* . */) {
    i++;
    let scale = 100;
    while (i < time.end) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      if (scale >= 1) ms += d * scale;
      scale /= 10;
      i++;
    }
  }
  let bias: number | null = null;
  if (i < time.end) {
    const sign = text.charCodeAt(i);
    if (sign !== 43 /* + */ && sign !== 45 /* - */) return undefined;
    i++;
    let n = 0;
    let count = 0;
    while (i < time.end) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return undefined;
      n = n * 10 + d;
      count++;
      i++;
    }
    if (count === 0 || count > 4) return undefined;
    bias = sign === 45 ? -n : n;
    if (Math.abs(bias) > 14 * 60) bias = null;
  }
  const mo = shortNumber(text, date.start, date.end);
  if (!mo || text.charCodeAt(mo[1]) !== 45 /* - */) return undefined;
  const dd = shortNumber(text, mo[1] + 1, date.end);
  if (!dd || text.charCodeAt(dd[1]) !== 45 || date.end - (dd[1] + 1) !== 4) return undefined;
  const yyyy = digits(text, dd[1] + 1, 4);
  if (yyyy < 0) return undefined;
  const [month] = mo;
  const [day] = dd;
  const [hour] = hh;
  if (hour > 23 || mi > 59 || ss > 60 || month < 1 || month > 12 || day < 1) return null;
  const localMillis = Date.UTC(yyyy, month - 1, day, hour, mi, Math.min(ss, 59), ms);
  // Date.UTC rolls 02-30 over to March: an impossible date is one that did not survive the round trip.
  if (new Date(localMillis).getUTCDate() !== day) return null;
  return new CcmTime(time, date, localMillis, bias);
}
