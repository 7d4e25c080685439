/** Whole-day arithmetic on ISO dates (YYYY-MM-DD), in UTC so no time zone or DST shifts a day. */

const dayMs = 86_400_000;
const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** The day `days` after `iso` (before it when negative). */
export function addDays(iso: string, days: number): string {
  return new Date(toTime(iso) + days * dayMs).toISOString().slice(0, 10);
}

/** How many days from `from` to `to`: 0 on the same day, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / dayMs);
}
