/** 年度 N runs from N-04-01 to (N+1)-03-31 (the 西暦 year in which it starts). */
export function fiscalYearRange(fy: number): { start: string; end: string } {
  return { start: `${fy}-04-01`, end: `${fy + 1}-03-31` };
}

export function fiscalYearOf(iso: string): number {
  const year = Number(iso.slice(0, 4));
  return Number(iso.slice(5, 7)) >= 4 ? year : year - 1;
}

/** 令和6年度 for 2024 (平成 before 2019). */
export function fiscalYearLabel(fy: number): string {
  if (fy >= 2019) return `令和${fy === 2019 ? '元' : fy - 2018}年度`;
  return `平成${fy - 1988}年度`;
}
