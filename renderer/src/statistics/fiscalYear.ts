/** 令和6年度 for 2024 (the 西暦 year in which the 年度 starts); 平成 before 2019, 元年 for the first year. */
export function fiscalYearLabel(fy: number): string {
  if (fy >= 2019) return `令和${fy === 2019 ? '元' : fy - 2018}年度`;
  return `平成${fy - 1988}年度`;
}

/** R6 / H30: for axes where 令和6年度 does not fit. */
export function shortFiscalYearLabel(fy: number): string {
  return fy >= 2019 ? `R${fy - 2018}` : `H${fy - 1988}`;
}
