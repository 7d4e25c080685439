import { type CountRow, isSuppressed } from '../cells';

/** The largest shown count; hidden cells (＊) never set the scale. */
export function largestCount(rows: readonly CountRow[]): number {
  let max = 0;
  for (const row of rows) for (const cell of row.cells) if (!isSuppressed(cell) && cell > max) max = cell;
  return max;
}

/** A round top for the axis (1, 2, 5 × 10ⁿ steps) and the ticks up to it, at most about five. */
export function niceAxis(max: number): { top: number; ticks: number[] } {
  const target = Math.max(max, 4);
  const rough = target / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const top = Math.ceil(target / step) * step;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  return { top, ticks };
}

/** Older 年度 lighter, the newest darkest: the order reads without colour, and in greyscale too. */
export function seriesFill(index: number, count: number): string {
  if (count <= 1) return 'hsl(213 62% 34%)';
  const lightness = 74 - (index / (count - 1)) * 44;
  return `hsl(213 ${52 + (index / (count - 1)) * 10}% ${lightness.toFixed(1)}%)`;
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
