/**
 * Up to three 年度 the chart sits beside its table, and every table on the page has the same width
 * (so the charts line up); with more, the table needs the whole width and the chart goes under it.
 */
export function pairClass(yearCount: number): string {
  return yearCount > 3 ? 'stats-pair stats-pair-stacked' : `stats-pair stats-pair-${yearCount}`;
}
