/** 09:00 → 9:00: the office writes hours without a leading zero (forms.md: 14:00～15:30). */
export function clockTime(time: string): string {
  return time.replace(/^0(\d):/, '$1:');
}

/** 14:00～15:30, 14:00～ when the end is open, ～15:30 without a start, empty when no time is set. */
export function timeRange(start: string | null, end: string | null): string {
  if (!start) return end ? `～${clockTime(end)}` : '';
  return `${clockTime(start)}～${end ? clockTime(end) : ''}`;
}
