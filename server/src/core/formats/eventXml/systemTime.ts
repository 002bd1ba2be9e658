/**
 * `TimeCreated/@SystemTime` to epoch milliseconds. Windows writes `2022-02-28T05:47:26.303038600Z`
 * (7 or 9 fraction digits); python-evtx writes `2015-12-22 02:23:19.165775` with no zone, which is UTC
 * too (event logs store FILETIME, always UTC). Fractions are truncated to milliseconds, never rounded,
 * so an event never moves into the next millisecond (or second) by parsing.
 */
const SYSTEM_TIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt ](\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d+))?[ \t]*(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

export function parseSystemTime(value: string): number | null {
  const m = SYSTEM_TIME.exec(value.trim());
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC rolls 31 February into March; a date that rolled over was not a real date.
  if (new Date(utc).getUTCDate() !== day) return null;
  if (m[9] === undefined) return utc;
  const offsetMinutes = Number(m[10]) * 60 + Number(m[11]);
  return m[9] === '+' ? utc - offsetMinutes * 60_000 : utc + offsetMinutes * 60_000;
}
