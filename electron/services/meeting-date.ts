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
