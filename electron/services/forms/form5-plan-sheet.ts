import type { Table } from 'docx';
import { formHeaderLabel } from '../../domain/forms.js';
import { meetingDateTime, warekiDate } from './dates.js';
import { contentWidth, packForm } from './document.js';
import type { FormData } from './form-data.js';
import { blankParagraph, rightParagraph, titleParagraph } from './paragraphs.js';
import { planTable } from './plan-table.js';
import { bodyRow, columnWidths, fixedTable, headCell, textCell } from './tables.js';
import { cleanText } from './text.js';

/** About 15 mm, so a short plan still reads as a form. */
const rowHeight = 850;

/** 次回見直し予定日 and the agencies that watch how the plan goes; blank to fill in when not decided. */
function followUp(data: FormData): Table {
  const widths = columnWidths(contentWidth('landscape'), [13, 87]);
  const [label = 0, value = 0] = widths;
  const reviewOn = data.meeting.nextReviewOn ? warekiDate(data.meeting.nextReviewOn) : '';
  return fixedTable(widths, [
    bodyRow([headCell('次回見直し予定日', label), textCell(reviewOn, value)], { minHeight: 454 }),
    bodyRow([headCell('モニタリング機関', label), textCell(data.monitoringAgencies.join('、'), value)], {
      minHeight: 454,
    }),
  ]);
}

/** 様式5 世帯支援プランシート (landscape): the plan agreed at the meeting. */
export async function renderPlanSheet(data: FormData): Promise<Buffer> {
  const title = `${cleanText(data.householdTitle)}支援プランシート`;
  const { meeting, meetingLabel } = data;
  return packForm({
    data,
    headerLabel: formHeaderLabel(5),
    title,
    orientation: 'landscape',
    children: [
      titleParagraph(title),
      rightParagraph(meetingDateTime(meeting.heldOn, meeting.startTime, meeting.endTime)),
      planTable(
        [
          '氏名',
          '目標',
          '検討内容',
          `${meetingLabel}結果\n（当面の取組事項）`,
          `${meetingLabel}結果\n（役割分担）`,
        ],
        data.planRows,
        (row) => [row.nextActions, row.roles],
        rowHeight,
      ),
      blankParagraph(),
      followUp(data),
    ],
  });
}
