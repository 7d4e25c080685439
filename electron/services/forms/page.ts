import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { styles } from './styles.js';
import { textRuns } from './text.js';

/**
 * The page every Kasane document prints on, in one place: 様式1–5, the 回収チェック表, the statistics
 * report and the 家族構成図 all use these sizes, margins, header and footer.
 */

export type Orientation = 'portrait' | 'landscape';

/** A4 in twips. */
export const a4 = { short: 11906, long: 16838 } as const;

/** Margins about 20–25 mm, as city forms have them; header and footer distances from the edge. */
export const margins = {
  portrait: { top: 1418, bottom: 1418, left: 1418, right: 1418, header: 567, footer: 454 },
  landscape: { top: 1134, bottom: 1247, left: 1134, right: 1134, header: 454, footer: 397 },
} as const;

/** Width between the margins, in twips: what tables and right-aligned text are laid out against. */
export function contentWidth(orientation: Orientation): number {
  const pageWidth = orientation === 'portrait' ? a4.short : a4.long;
  return pageWidth - margins[orientation].left - margins[orientation].right;
}

/** Height between the margins, in twips. */
export function contentHeight(orientation: Orientation): number {
  const pageHeight = orientation === 'portrait' ? a4.long : a4.short;
  return pageHeight - margins[orientation].top - margins[orientation].bottom;
}

/** The section's page: A4 in the given orientation with the margins above. */
export function pageProperties(orientation: Orientation) {
  return {
    size: {
      width: a4.short,
      height: a4.long,
      orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
    },
    margin: { ...margins[orientation], gutter: 0 },
  };
}

/** A numbered copy (rule 8): its 配布番号 among how many. */
export interface CopyNumber {
  number: number;
  total: number;
}

/** The header's right side: 取扱注意, and the 配布番号 when copies are numbered (rule 8). */
export function handlingMark(copy: CopyNumber | null): string {
  return copy ? `取扱注意　配布番号 ${copy.number}／${copy.total}` : '取扱注意';
}

const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const noBorders = {
  top: none,
  bottom: none,
  left: none,
  right: none,
  insideHorizontal: none,
  insideVertical: none,
};

function headerCell(text: string, width: number, alignment: 'left' | 'right', bold: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    children: [
      new Paragraph({
        style: styles.header,
        alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: textRuns(text, { bold }),
      }),
    ],
  });
}

/**
 * 「（重層会議様式N）」 at the left, 取扱注意 (and the 配布番号) at the right. Laid out as a borderless
 * two-cell table rather than with a right tab, so every reader (Word, LibreOffice, the in-app
 * preview) puts the mark at the right edge.
 */
export function pageHeader(leftLabel: string, copy: CopyNumber | null, orientation: Orientation): Header {
  const width = contentWidth(orientation);
  const left = Math.round(width * 0.55);
  return new Header({
    children: [
      new Table({
        width: { size: width, type: WidthType.DXA },
        columnWidths: [left, width - left],
        layout: TableLayoutType.FIXED,
        borders: noBorders,
        rows: [
          new TableRow({
            children: [
              headerCell(leftLabel, left, 'left', false),
              headerCell(handlingMark(copy), width - left, 'right', true),
            ],
          }),
        ],
      }),
      // A header must end with a paragraph; this one takes no room.
      new Paragraph({ style: styles.header, spacing: { line: 20, lineRule: LineRuleType.EXACT } }),
    ],
  });
}

/**
 * How the footer counts pages: through the whole document, or within each section, so that every
 * letter of a 様式1 file reads 「1 / 1」.
 */
export type PageNumbering = 'document' | 'section';

/** The confidentiality warning in force, under a rule, and 「n / N」 centred below it. */
export function pageFooter(warning: string, numbering: PageNumbering): Footer {
  const total = numbering === 'section' ? PageNumber.TOTAL_PAGES_IN_SECTION : PageNumber.TOTAL_PAGES;
  return new Footer({
    children: [
      new Paragraph({
        style: styles.footer,
        border: { top: { style: BorderStyle.SINGLE, size: 4, space: 4, color: 'auto' } },
        children: textRuns(warning),
      }),
      new Paragraph({
        style: styles.footer,
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', total] })],
      }),
    ],
  });
}
