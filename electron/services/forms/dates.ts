import { formatWareki } from '../../ipc/japanese-date.js';

/** 令和8年11月26日（木） */
export function warekiDate(iso: string): string {
  return formatWareki(iso);
}

/** 令和8年11月10日: the date of issue of a letter, which 公用文 writes without the weekday. */
export function issueDate(iso: string): string {
  return formatWareki(iso, { weekday: false });
}

/** 09:00 → 9:00, as the office writes times. */
function clockTime(time: string): string {
  return time.replace(/^0(\d):/, '$1:');
}

/** 14:00～15:30, 14:00～ when the end is open, empty when no time is set. */
export function timeRange(start: string | null, end: string | null): string {
  if (!start) return end ? `～${clockTime(end)}` : '';
  return `${clockTime(start)}～${end ? clockTime(end) : ''}`;
}

/** 令和8年11月26日（木） 14:00～15:30 */
export function meetingDateTime(heldOn: string, start: string | null, end: string | null): string {
  const times = timeRange(start, end);
  return times ? `${warekiDate(heldOn)} ${times}` : warekiDate(heldOn);
}
