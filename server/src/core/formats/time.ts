/**
 * Time parsing shared by the log formats. ConfigMgr writes local wall-clock time plus, in CCM and
 * simple logs, the Windows time-zone bias in minutes with the convention UTC = local + bias
 * (`+480` is UTC-8, `-540` is UTC+9). The SmsAdminUI log writes no offset at all.
 */

export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** Minutes to add to local time to get UTC; null when none was written. */
  readonly biasMinutes: number | null;
}

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// HH:mm:ss[.fraction][bias]. Bias tolerance: `+240`, `-60`, `+00`, `+000`, `+-420` (a negative bias
// printed after a literal plus), and an ISO offset `+01:00`, which has the opposite sign to a bias.
const CLOCK = /^\s*(\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?\s*(?:([+-]{1,2})(\d{1,4})(?::(\d{2}))?)?\s*$/;

export function parseClockTime(text: string): ClockTime | null {
  const m = CLOCK.exec(text);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = Number(m[3]);
  if (hour > 23 || minute > 59 || second > 60) return null;
  const fraction = m[4] ?? '';
  const millisecond = fraction ? Math.floor(Number((fraction + '00').slice(0, 3))) : 0;
  let biasMinutes: number | null = null;
  const signs = m[5];
  if (signs !== undefined && m[6] !== undefined) {
    const negative = signs.includes('-');
    if (m[7] !== undefined) {
      // ISO offset +HH:MM: local = UTC + offset, so the bias is minus the offset.
      const offset = Number(m[6]) * 60 + Number(m[7]);
      biasMinutes = negative ? offset : -offset;
    } else {
      const magnitude = Number(m[6]);
      biasMinutes = negative ? -magnitude : magnitude;
    }
    if (Math.abs(biasMinutes) > 14 * 60) biasMinutes = null;
  }
  return { hour, minute, second: Math.min(second, 59), millisecond, biasMinutes };
}

/** `MM-dd-yyyy` or `MM/dd/yyyy` (month first, as ConfigMgr writes whatever the locale); one-digit parts allowed. */
const US_DATE = /^\s*(\d{1,2})[-/](\d{1,2})[-/](\d{4})\s*$/;

export function parseUsDate(text: string): CalendarDate | null {
  const m = US_DATE.exec(text);
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const year = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** ISO-8601 local time without offset, e.g. `2022-06-20T10:02:11.204`. */
export function formatLocal(date: CalendarDate, time: ClockTime): string {
  return (
    `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}` +
    `T${pad(time.hour, 2)}:${pad(time.minute, 2)}:${pad(time.second, 2)}.${pad(time.millisecond, 3)}`
  );
}

/** UTC milliseconds for a local time and a bias; null when the bias is unknown. */
export function toUtcMillis(date: CalendarDate, time: ClockTime, biasMinutes: number | null): number | null {
  if (biasMinutes === null) return null;
  const local = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second, time.millisecond);
  return local + biasMinutes * 60_000;
}
