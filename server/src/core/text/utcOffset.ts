/** A UTC offset as people write it (`+09:00`, `-7`, `+0530`), in minutes (local = UTC + offset). */
export function parseUtcOffsetText(text: string): number | null {
  const m = /^([+-]?)(\d{1,2})(?::?(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  if (minutes > 14 * 60) return null;
  return m[1] === '-' ? -minutes : minutes;
}
