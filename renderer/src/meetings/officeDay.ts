import { formatWareki } from '../../../electron/ipc/japanese-date';

const officeDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', dateStyle: 'short' });

/** Today in the office (Japan time) as YYYY-MM-DD, whatever the PC's time zone. */
export function officeToday(): string {
  return officeDay.format(new Date());
}

/** A stored ISO date put back into a date input as 和暦 text (令和8年1月15日). */
export function isoToInput(iso: string | null): string {
  return iso ? formatWareki(iso, { weekday: false }) : '';
}
