import { tableChar } from './styles.js';
import { textLines } from './text.js';

/**
 * How much room text takes in a table cell. BIZ UD明朝 and BIZ UDゴシック are monospaced: every
 * full-width character is one em wide and every half-width one half an em, and a line is one em
 * tall (ascender + descender = units per em) times the documents' line spacing of 1.25. So the
 * lines of a cell can be counted rather than guessed.
 */

/** The documents' line spacing (docDefaults: 300 / 240). */
export const lineSpacing = 1.25;
/** Left + right and top + bottom cell margins (tables.ts), in twips. */
export const cellPadding = { across: 170, down: 80 } as const;

function isHalfWidth(codePoint: number): boolean {
  return (
    codePoint < 0x1100 ||
    (codePoint >= 0xff61 && codePoint <= 0xffdc) ||
    (codePoint >= 0xffe8 && codePoint <= 0xffee)
  );
}

/** One visual line of a cell, and whether the text's own line (paragraph) ends with it. */
export interface WrappedLine {
  text: string;
  endsLine: boolean;
}

/** 禁則: characters no line may start with (they hang at the end of the line before). */
const notAtLineStart = new Set(
  '、。，．・：；？！）］｝〕〉》」』】ー々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ),.:;!?]}',
);
/** 禁則: characters no line may end with (they move down to the next line). */
const notAtLineEnd = new Set('（［｛〔〈《「『【([{');

/**
 * Lines as a cell of `width` twips wraps the text, at the table text size, with 禁則 as Word and
 * LibreOffice apply it: a closing mark hangs at the end of the line, an opening one moves down. A
 * row split across pages (plan-table.ts) is cut between these lines, so no piece starts with 、。）.
 */
export function wrapLines(text: string, width: number, charTwips = tableChar): WrappedLine[] {
  const perLine = Math.max(1, Math.floor((width - cellPadding.across) / charTwips));
  return textLines(text).flatMap((line) => {
    const out: WrappedLine[] = [];
    let current = '';
    let used = 0;
    for (const c of line) {
      const w = isHalfWidth(c.codePointAt(0) ?? 0) ? 0.5 : 1;
      if (used + w > perLine) {
        if (current !== '' && notAtLineStart.has(c)) {
          current += c;
          continue;
        }
        const last = [...current].at(-1) ?? '';
        const carried = current.length > last.length && notAtLineEnd.has(last) ? last : '';
        out.push({ text: current.slice(0, current.length - carried.length), endsLine: false });
        current = carried;
        used = carried === '' ? 0 : isHalfWidth(carried.codePointAt(0) ?? 0) ? 0.5 : 1;
      }
      current += c;
      used += w;
    }
    out.push({ text: current, endsLine: true });
    return out;
  });
}

/** Height of one line of table text, in twips. */
export const tableLineHeight = tableChar * lineSpacing;

/** Height a cell needs for its text, margins included, in twips. */
export function cellHeight(text: string, width: number): number {
  return wrapLines(text, width).length * tableLineHeight + cellPadding.down;
}

/** Height of a row whose cells hold these texts at these widths: its tallest cell. */
export function rowHeight(cells: { text: string; width: number }[]): number {
  return Math.max(...cells.map(({ text, width }) => cellHeight(text, width)));
}

/** The text back from some of its wrapped lines: lines that ended in the text end here too. */
export function joinLines(lines: WrappedLine[]): string {
  return lines.map((l, i) => (l.endsLine && i < lines.length - 1 ? `${l.text}\n` : l.text)).join('');
}
