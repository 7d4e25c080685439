import holidayJp from '@holiday-jp/holiday_jp';
import { formatWareki } from '../domain/dates.js';

/** A warning (never a refusal) when a meeting falls on a weekend or a national holiday. */
export function meetingDateWarning(iso: string): string | null {
  const holiday = (holidayJp.holidays as Record<string, { name: string } | undefined>)[iso];
  if (holiday) return `${formatWareki(iso)}は祝日（${holiday.name}）です。`;
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6)
    return `${formatWareki(iso)}は${weekday === 0 ? '日曜日' : '土曜日'}です。`;
  return null;
}

/** 閉庁日: weekends, national holidays (holiday_jp) and 年末年始 (12/29–1/3). */
export function isOfficeClosed(iso: string): boolean {
  if ((holidayJp.holidays as Record<string, unknown>)[iso]) return true;
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return true;
  const monthDay = iso.slice(5);
  return monthDay >= '12-29' || monthDay <= '01-03';
}

/** The day `days` business days (開庁日) before `iso`: the default 回答期限 of a notice. */
export function businessDaysBefore(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() - 1);
    if (!isOfficeClosed(date.toISOString().slice(0, 10))) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}
