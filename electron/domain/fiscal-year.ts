/**
 * 年度 N runs from N-04-01 to (N+1)-03-31; N is the 西暦 year in which it starts. Its name is the
 * 和暦 year of that calendar year as Intl's japanese calendar names it at the year's end, so 2019
 * (改元 on 5/1) is 令和元年度 and 1988 is 昭和63年度.
 */

// Made on first use (each is ICU work): most commands never name a 年度.
const formats: Partial<Record<'long' | 'narrow', Intl.DateTimeFormat>> = {};

function parts(era: 'long' | 'narrow', fy: number): { era: string; year: string } {
  formats[era] ??= new Intl.DateTimeFormat(era === 'long' ? 'ja-JP-u-ca-japanese' : 'en-US-u-ca-japanese', {
    era,
    year: 'numeric',
    timeZone: 'UTC',
  });
  const list = formats[era].formatToParts(new Date(Date.UTC(fy, 11, 31)));
  const part = (type: Intl.DateTimeFormatPartTypes) => list.find((p) => p.type === type)?.value ?? '';
  return { era: part('era'), year: part('year') };
}

export function fiscalYearRange(fy: number): { start: string; end: string } {
  return { start: `${fy}-04-01`, end: `${fy + 1}-03-31` };
}

/** The 年度 an ISO date falls in. */
export function fiscalYearOf(iso: string): number {
  const year = Number(iso.slice(0, 4));
  return Number(iso.slice(5, 7)) >= 4 ? year : year - 1;
}

/** 令和6年度 for 2024, 令和元年度 for 2019, 平成30年度 for 2018. */
export function fiscalYearLabel(fy: number): string {
  const { era, year } = parts('long', fy);
  return `${era}${year === '1' ? '元' : year}年度`;
}

/** R6 / H30: where 令和6年度 does not fit (chart axes, the 受付番号 prefix R6-012). */
export function shortFiscalYearLabel(fy: number): string {
  const { era, year } = parts('narrow', fy);
  return `${era}${year}`;
}
