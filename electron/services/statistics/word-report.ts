import { AlignmentType, Paragraph, type Table } from 'docx';
import { fiscalYearLabel } from '../../domain/fiscal-year.js';
import type { Statistics } from '../../ipc/schemas/statistics.js';
import { type PackedDocument, packDocument } from '../forms/index.js';
import { contentWidth, type Orientation } from '../forms/page.js';
import { blankParagraph, headingParagraph, rightParagraph, titleParagraph } from '../forms/paragraphs.js';
import { styles } from '../forms/styles.js';
import { bodyRow, fixedTable, headerRow, textCell } from '../forms/tables.js';
import { textRuns } from '../forms/text.js';
import { confidentialityWarning } from '../legal.js';
import { notes, type Table2D, tablesOf } from './exports.js';

/** Up to four 年度 fit a portrait page like 様式4; more turn it to landscape like 様式3. */
function orientationFor(years: number): Orientation {
  return years > 4 ? 'landscape' : 'portrait';
}

/** Twips: a 年度 column fits 「令和10年度」 on one line when the page has room; the label column ≥ 3600. */
function widthsFor(years: number, orientation: Orientation): number[] {
  const total = contentWidth(orientation);
  const year = Math.min(1400, Math.floor((total - 3600) / years));
  return [total - year * years, ...Array.from({ length: years }, () => year)];
}

/**
 * One table of counts: the label column, then one right-aligned column per 年度. Its rows keep
 * together, so a short table never splits from its title; a long one repeats its header row.
 */
function countTable(table: Table2D, widths: number[]): Table {
  const last = table.rows.length - 1;
  return fixedTable(widths, [
    headerRow(table.header, widths),
    ...table.rows.map((row, r) =>
      bodyRow(
        row.map((value, i) =>
          textCell(String(value), widths[i] ?? 0, {
            ...(i === 0 ? {} : { align: AlignmentType.RIGHT }),
            keepWithNext: r < last,
          }),
        ),
      ),
    ),
  ]);
}

/** The notes under the last table, kept on one page (a 作成日 alone on a last page reads as lost). */
function notesTogether(lines: string[]): Paragraph[] {
  return lines.map(
    (line, i) =>
      new Paragraph({
        style: styles.body,
        keepLines: true,
        keepNext: i < lines.length - 1,
        children: textRuns(`※ ${line}`),
      }),
  );
}

/**
 * The yearly 実績 report for the office (rule 14): the main table and every breakdown, on the same
 * A4 page, header and footer as the 様式 (forms/page.ts), so it prints and files like them.
 */
export function statisticsWordReport(
  stats: Statistics,
  office: { municipalityName: string; departmentName: string },
  exportedOn: string,
): Promise<PackedDocument> {
  const first = stats.fiscalYears[0] ?? 0;
  const last = stats.fiscalYears.at(-1) ?? first;
  const period =
    first === last ? fiscalYearLabel(first) : `${fiscalYearLabel(first)}〜${fiscalYearLabel(last)}`;
  const children: (Paragraph | Table)[] = [
    rightParagraph(`${office.municipalityName}${office.departmentName}`),
    titleParagraph(`重層的支援体制整備事業（多機関協働事業）実績\n${period}`),
  ];
  const orientation = orientationFor(stats.fiscalYears.length);
  const widths = widthsFor(stats.fiscalYears.length, orientation);
  for (const table of tablesOf(stats)) {
    children.push(headingParagraph(table.title), countTable(table, widths));
  }
  children.push(blankParagraph(), ...notesTogether(notes(stats, exportedOn)));
  return packDocument({
    title: `重層的支援体制整備事業 実績（${period}）`,
    author: `${office.municipalityName}${office.departmentName}`,
    createdAt: new Date(`${exportedOn}T00:00:00Z`),
    numbering: 'document',
    sections: [
      {
        orientation,
        headerLabel: '（統計資料）',
        copy: null,
        warning: confidentialityWarning(exportedOn).footer,
        children,
      },
    ],
  });
}
