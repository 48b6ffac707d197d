// Durations of settings (thresholds, horizons, fixed times) in the shortest exact form a file would use.

/** A settings duration in its shortest exact form: `20s`, `30m`, `8h`, `1h30m`, `2d`. */
export function formatSettingDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds === 0) return '0s';
  const sign = seconds < 0 ? '-' : '';
  let rest = Math.abs(seconds);
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest -= Math.floor(rest / size) * size;
    }
  }
  if (rest > 0 || parts.length === 0) parts.push(`${Number(rest.toFixed(3))}s`);
  return sign + parts.join('');
}
