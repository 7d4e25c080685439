import { formatWareki } from '../../../electron/ipc/japanese-date';

/**
 * Dates as the office writes them (domain rule 15), always in Japan time whatever the PC's zone:
 * 令和8年11月22日（日）, and with the time for log entries. The 和暦 text itself comes from the
 * contract's shared `formatWareki`, so screens and documents agree.
 */

const officeDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', dateStyle: 'short' });
const officeTime = new Intl.DateTimeFormat('ja-JP', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Asia/Tokyo',
});

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function toInstant(value: Date | string): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** 令和8年11月22日（日）. A bare YYYY-MM-DD is already an office date; a timestamp is read in Japan time. */
export function formatWarekiDate(value: Date | string): string {
  if (typeof value === 'string' && isoDate.test(value)) return formatWareki(value);
  const instant = toInstant(value);
  return instant ? formatWareki(officeDay.format(instant)) : '';
}

/** 令和8年11月22日（日） 09:30 */
export function formatWarekiDateTime(value: Date | string): string {
  const instant = toInstant(value);
  return instant ? `${formatWareki(officeDay.format(instant))} ${officeTime.format(instant)}` : '';
}
