/** The office works on Japan time, whatever the PC's time zone says. */
export const officeTimeZone = 'Asia/Tokyo';

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** YYYY-MM-DD of `at` in the office's time zone. */
export function officeDate(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: officeTimeZone, dateStyle: 'short' }).format(at);
}
