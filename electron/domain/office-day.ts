import { formatWareki } from './dates.js';

/** The office works on Japan time, whatever the PC's time zone says. */
export const officeTimeZone = 'Asia/Tokyo';

/**
 * Japan time is UTC+9 all year (no daylight saving since 1951), so the office's day is the instant
 * shifted by nine hours: no ICU time-zone lookup, whose first use costs every command about 30 ms of
 * CPU at start (office-day.test checks it against Intl's Asia/Tokyo).
 */
const officeOffsetMs = 9 * 60 * 60 * 1000;

// Made on first use: creating an Intl format is ICU's first work in the process (see above).
let officeClock: Intl.DateTimeFormat | undefined;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD of `at` in the office's time zone: the office's today when `at` is now. */
export function officeDate(at: Date): string {
  return new Date(at.getTime() + officeOffsetMs).toISOString().slice(0, 10);
}

function toInstant(value: Date | string): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** 令和8年11月22日（日）. A bare YYYY-MM-DD is already an office date; a timestamp is read in Japan time. */
export function formatWarekiDate(value: Date | string): string {
  if (typeof value === 'string' && isoDate.test(value)) return formatWareki(value);
  const instant = toInstant(value);
  return instant ? formatWareki(officeDate(instant)) : '';
}

/** 令和8年11月22日（日） 09:30: when a log entry happened, in Japan time. */
export function formatWarekiDateTime(value: Date | string): string {
  const instant = toInstant(value);
  officeClock ??= new Intl.DateTimeFormat('ja-JP', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: officeTimeZone,
  });
  return instant ? `${formatWareki(officeDate(instant))} ${officeClock.format(instant)}` : '';
}
