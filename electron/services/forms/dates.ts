import { formatWareki } from '../../domain/dates.js';
import { timeRange } from '../../domain/time-range.js';

/** 令和8年11月26日（木） */
export function warekiDate(iso: string): string {
  return formatWareki(iso);
}

/** 令和8年11月10日: the date of issue of a letter, which 公用文 writes without the weekday. */
export function issueDate(iso: string): string {
  return formatWareki(iso, { weekday: false });
}

/** 令和8年11月26日（木） 14:00～15:30 */
export function meetingDateTime(heldOn: string, start: string | null, end: string | null): string {
  const times = timeRange(start, end);
  return times ? `${warekiDate(heldOn)} ${times}` : warekiDate(heldOn);
}
