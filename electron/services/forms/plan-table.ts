import { AlignmentType, type Table, VerticalAlignTable } from 'docx';
import { contentHeight, contentWidth } from './document.js';
import type { FormData } from './form-data.js';
import { bodyRow, columnWidths, fitsOnPage, fixedTable, headerRow, textCell } from './tables.js';

type PlanRow = FormData['planRows'][number];

/** (氏名) | 目標 | 検討内容 | two columns for the actions and roles, across a landscape page. */
const widths = columnWidths(contentWidth('landscape'), [9, 20, 33, 19, 19]);

/**
 * The plan table shared by 様式3 and 様式5: one row per member, then 危機介入 and その他, as given.
 * `columns` picks the text of the last two columns; `minHeight` leaves room to write by hand.
 */
export function planTable(
  headers: [string, string, string, string, string],
  rows: PlanRow[],
  columns: (row: PlanRow) => [string, string],
  minHeight: number,
): Table {
  return fixedTable(widths, [
    headerRow(headers, widths),
    ...rows.map((row) => {
      const texts = [row.heading, row.goal, row.discussion, ...columns(row)];
      const splittable = !fitsOnPage(
        texts.map((text, i) => ({ text, width: widths[i] ?? 0 })),
        contentHeight('landscape'),
      );
      return bodyRow(
        texts.map((text, i) =>
          textCell(
            text,
            widths[i] ?? 0,
            i === 0 ? { align: AlignmentType.CENTER } : { verticalAlign: VerticalAlignTable.TOP },
          ),
        ),
        { minHeight, splittable },
      );
    }),
  ]);
}
