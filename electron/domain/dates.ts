/**
 * Dates as the office writes them (domain rule 15): 西暦, 和暦 (令和6年4月1日, R6.4.1, H31.4.30) and
 * full-width digits in; Excel serials only from spreadsheet cells; ISO `YYYY-MM-DD` inside;
 * 令和8年11月22日（日） out.
 */

interface Era {
  names: string[];
  start: string;
  end: string | null;
}

const eras: Era[] = [
  { names: ['令和', 'R'], start: '2019-05-01', end: null },
  { names: ['平成', 'H'], start: '1989-01-08', end: '2019-04-30' },
  { names: ['昭和', 'S'], start: '1926-12-25', end: '1989-01-07' },
  { names: ['大正', 'T'], start: '1912-07-30', end: '1926-12-24' },
  { names: ['明治', 'M'], start: '1868-01-25', end: '1912-07-29' },
];

function toIso(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Excel's day 1 is 1900-01-01 and it counts a 1900-02-29 that never existed. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2958465) return null;
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return date.toISOString().slice(0, 10);
}

function normalized(input: string): string {
  return input
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]$/, ''); // a trailing weekday such as （月）
}

/** A spreadsheet cell's text: what a person may type, or an Excel serial (45383 → 2024-04-01). */
export function parseSheetDate(input: string): string | null {
  const text = normalized(input);
  if (/^\d{1,7}$/.test(text) && Number(text) > 31) return excelSerialToIso(Number(text));
  return parseJapaneseDate(text);
}

/** ISO date typed by a person, or null when the text is not a date that exists (never a serial). */
export function parseJapaneseDate(input: string): string | null {
  const text = normalized(input);
  if (text === '') return null;

  const western =
    text.match(/^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$/) ?? text.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (western) return toIso(Number(western[1]), Number(western[2]), Number(western[3]));

  const wareki = text.match(
    /^(令和|平成|昭和|大正|明治|[RHSTMrhstm])(元|\d{1,2})[年/\-.](\d{1,2})[月/\-.](\d{1,2})日?$/,
  );
  if (!wareki) return null;
  const [, eraName = '', yearText = '', month, day] = wareki;
  const era = eras.find((e) => e.names.includes(eraName.toUpperCase()) || e.names.includes(eraName));
  if (!era) return null;
  const eraYear = yearText === '元' ? 1 : Number(yearText);
  if (eraYear < 1) return null;
  const iso = toIso(Number(era.start.slice(0, 4)) + eraYear - 1, Number(month), Number(day));
  if (!iso || iso < era.start || (era.end !== null && iso > era.end)) return null;
  return iso;
}

/**
 * Why typed text is not a date, in Japanese (rule 15). A 和暦 past its era's end names the day it
 * would be and says to type that (平成31年5月1日 → 令和元年5月1日): never corrected silently.
 */
export function dateRefusal(input: string): string {
  if (normalized(input) === '') return '日付を入力してください';
  return eraOverflowRefusal(input) ?? '存在する日付を入力してください（例: 令和6年4月1日、2024/4/1）';
}

/** 平成31年5月1日 and the like: the day named in the next era, as a refusal to show; null otherwise. */
export function eraOverflowRefusal(input: string): string | null {
  const text = normalized(input);
  const wareki = text.match(
    /^(令和|平成|昭和|大正|明治|[RHSTMrhstm])(元|\d{1,2})[年/\-.](\d{1,2})[月/\-.](\d{1,2})日?$/,
  );
  const era =
    wareki &&
    eras.find((e) => e.names.includes((wareki[1] ?? '').toUpperCase()) || e.names.includes(wareki[1] ?? ''));
  if (wareki && era?.end) {
    const eraYear = wareki[2] === '元' ? 1 : Number(wareki[2]);
    const iso = toIso(Number(era.start.slice(0, 4)) + eraYear - 1, Number(wareki[3]), Number(wareki[4]));
    if (iso && iso > era.end) {
      const eraName = era.names[0] ?? '';
      return `${eraName}${wareki[2]}年${Number(wareki[3])}月${Number(wareki[4])}日という日はありません（${eraName}は${formatWareki(era.end, { weekday: false })}まで）。${formatWareki(iso, { weekday: false })}のことなら、そう入力してください`;
    }
  }
  return null;
}

// Made on first use: a command that prints no 和暦 (kasane cases --json) never starts ICU.
let warekiFormat: Intl.DateTimeFormat | undefined;

/** 令和8年11月22日（日）; `weekday: false` drops the weekday. */
export function formatWareki(iso: string, options: { weekday?: boolean } = {}): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  // One formatToParts per date: each call is costly, and a 様式1 of 14 letters prints dozens of dates.
  warekiFormat ??= new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  });
  const parts = warekiFormat.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // 改元の年は「元年」と書く（令和元年5月1日）; some ICU versions already say 元.
  const year = part('year') === '1' ? '元' : part('year');
  const text = `${part('era')}${year}年${part('month')}月${part('day')}日`;
  return options.weekday === false ? text : `${text}（${part('weekday')}）`;
}

/** A stored date put back into a date input as 和暦 text (令和8年1月15日); empty for none. */
export function warekiInput(iso: string | null): string {
  return iso ? formatWareki(iso, { weekday: false }) : '';
}

/** Age in whole years on `onIso`. */
export function ageOn(birthIso: string, onIso: string): number {
  const [by, bm, bd] = birthIso.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onIso.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** A year typed as 2020, 2020年, 令和2年, R2 or 令和元年; null when it is none of these or did not exist. */
export function parseJapaneseYear(input: string): number | null {
  const text = input.normalize('NFKC').trim().replace(/\s+/g, '').replace(/年$/, '');
  if (/^\d{4}$/.test(text)) return Number(text);
  const wareki = text.match(/^(令和|平成|昭和|大正|明治|[RHSTMrhstm])(元|\d{1,2})$/);
  if (!wareki) return null;
  const [, eraName = '', yearText = ''] = wareki;
  const era = eras.find((e) => e.names.includes(eraName.toUpperCase()) || e.names.includes(eraName));
  if (!era) return null;
  const year = Number(era.start.slice(0, 4)) + (yearText === '元' ? 1 : Number(yearText)) - 1;
  if (yearText !== '元' && Number(yearText) < 1) return null;
  if (era.end !== null && year > Number(era.end.slice(0, 4))) return null;
  return year;
}

/** 令和2年: the era in force at the end of the year (2019 is 令和元年, 1989 平成元年). */
export function formatWarekiYear(year: number): string {
  const date = formatWareki(`${String(year).padStart(4, '0')}-12-31`, { weekday: false });
  return date.replace(/\d+月\d+日$/, '');
}
