import { AlignmentType, type Table } from 'docx';
import type { DistributedCopy } from './attendance.js';
import { meetingDateTime } from './dates.js';
import { contentWidth, packForm } from './document.js';
import type { FormData } from './form-data.js';
import { blankParagraph, bodyParagraph, headingParagraph, titleParagraph } from './paragraphs.js';
import { bodyRow, columnWidths, fixedTable, headCell, headerRow, textCell } from './tables.js';
import { cleanText } from './text.js';

const width = contentWidth('portrait');

function meetingTable(data: FormData, copies: DistributedCopy[]): Table {
  const widths = columnWidths(width, [18, 82]);
  const [label = 0, value = 0] = widths;
  const { meeting } = data;
  const rows: [string, string][] = [
    ['会　議', `${cleanText(data.householdTitle)} ${data.meetingLabel}`],
    ['日　時', meetingDateTime(meeting.heldOn, meeting.startTime, meeting.endTime)],
    ['場　所', meeting.place],
    ['配布資料', meeting.handouts.join('、')],
    ['配布部数', `${copies.length} 部`],
  ];
  return fixedTable(
    widths,
    rows.map(([l, v]) => bodyRow([headCell(l, label), textCell(v, value)], { minHeight: 454 })),
  );
}

/** 配布番号 → 配布先 → 回収済 □ → 回収日, one row per numbered copy, tall enough to tick and write by hand. */
function copyTable(copies: DistributedCopy[]): Table {
  const widths = columnWidths(width, [14, 50, 12, 24]);
  const [no = 0, agency = 0, done = 0, date = 0] = widths;
  const total = copies.length;
  return fixedTable(widths, [
    headerRow(['配布番号', '配布先（機関名）', '回収済', '回収日'], widths),
    ...[...copies]
      .sort((a, b) => a.number - b.number)
      .map((copy) =>
        bodyRow(
          [
            textCell(`${copy.number}／${total}`, no, { align: AlignmentType.CENTER }),
            textCell(copy.agencyName, agency),
            textCell('□', done, { align: AlignmentType.CENTER }),
            textCell('月　　日', date, { align: AlignmentType.RIGHT }),
          ],
          { minHeight: 567 },
        ),
      ),
  ]);
}

function confirmationTable(): Table {
  const widths = columnWidths(width, [18, 32, 18, 32]);
  const [l1 = 0, v1 = 0, l2 = 0, v2 = 0] = widths;
  return fixedTable(widths, [
    bodyRow(
      [
        headCell('回収完了日', l1),
        textCell('年　　月　　日', v1, { align: AlignmentType.RIGHT }),
        headCell('確認者', l2),
        textCell('', v2),
      ],
      { minHeight: 567 },
    ),
  ]);
}

/**
 * Rule 8: the coordinator's list of numbered copies, to tick off as each agency hands its copy back.
 * The list itself carries no 配布番号.
 */
export async function renderCollectionChecklist(data: FormData, copies: DistributedCopy[]): Promise<Buffer> {
  return packForm({
    data: { ...data, copy: null },
    headerLabel: '（資料回収用）',
    title: `${cleanText(data.householdTitle)} ${data.meetingLabel} 資料回収チェック表`,
    orientation: 'portrait',
    children: [
      titleParagraph('資料回収チェック表'),
      meetingTable(data, copies),
      headingParagraph('配布先と回収状況'),
      copyTable(copies),
      blankParagraph(),
      bodyParagraph('未回収の資料があるときは、速やかに配布先へ連絡して回収してください。'),
      blankParagraph(),
      confirmationTable(),
    ],
  });
}
