import { scaleBand, scaleLinear } from 'd3-scale';
import { type CountRow, isSuppressed } from '../cells';

/** The largest shown count; hidden cells (＊) never set the scale. */
export function largestCount(rows: readonly CountRow[]): number {
  let max = 0;
  for (const row of rows) for (const cell of row.cells) if (!isSuppressed(cell) && cell > max) max = cell;
  return max;
}

/**
 * The count axis: from 0 to a round top (d3's nice), with whole-number ticks (three to seven).
 * Hidden cells never set it; an empty chart shows 0 alone. `range` runs from the 0 end to the top end.
 */
export function countAxis(rows: readonly CountRow[], range: readonly [number, number]) {
  const largest = largestCount(rows);
  // At least 0–4, so no tick falls between two whole counts.
  const scale = scaleLinear()
    .domain([0, Math.max(largest, 4)])
    .range(range)
    .nice(4);
  return { scale, ticks: largest === 0 ? [0] : scale.ticks(4), empty: largest === 0 };
}

/**
 * Bands of `size` px separated by `gap` px, laid out from `start` (d3's band scale): one per 年度 in a
 * group, or one per row with half a gap before the first.
 */
export function bands<T extends number | string>(
  domain: readonly T[],
  start: number,
  size: number,
  gap: number,
  outer = 0,
) {
  const step = size + gap;
  const length = domain.length * step - gap + 2 * outer;
  return scaleBand<T>()
    .domain(domain)
    .range([start, start + length])
    .paddingInner(gap / step)
    .paddingOuter(outer / step);
}

const fillLightness = scaleLinear().domain([0, 1]).range([74, 30]);
const fillSaturation = scaleLinear().domain([0, 1]).range([52, 62]);

/** Older 年度 lighter, the newest darkest: the order reads without colour, and in greyscale too. */
export function seriesFill(index: number, count: number): string {
  if (count <= 1) return 'hsl(213 62% 34%)';
  const t = index / (count - 1);
  return `hsl(213 ${fillSaturation(t)}% ${fillLightness(t).toFixed(1)}%)`;
}

/** Rough width of a label in px: CJK glyphs are about one em, ASCII about half. */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x2000 ? fontSize * 0.56 : fontSize;
  return width;
}

/** Shortens a label to fit `maxWidth`, ending with …; the full text stays in the <title>. */
export function fitLabel(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, fontSize) > maxWidth) break;
    out += ch;
  }
  return `${out}…`;
}
