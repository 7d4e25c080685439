import type { Table } from 'docx';
import { formHeaderLabel } from '../../domain/forms.js';
import { meetingDateTime, warekiDate } from './dates.js';
import { formSpec, type PackedDocument, packDocument } from './document.js';
import type { FormData } from './form-data.js';
import type { LayoutFonts } from './layout-fonts.js';
import { contentWidth } from './page.js';
import { blankParagraph, rightParagraph, titleParagraph } from './paragraphs.js';
import { planTable } from './plan-table.js';
import { bodyRow, columnWidths, fixedTable, headCell, textCell } from './tables.js';
import { cleanText } from './text.js';

/** About 15 mm, so a short plan still reads as a form. */
const rowFloor = 850;
const followUpRowHeight = 454;
/** The blank line and the two follow-up rows under the plan table, in twips. */
const followUpHeight = 263 + 2 * followUpRowHeight + 40;

/** 次回見直し予定日 and the agencies that watch how the plan goes; blank to fill in when not decided. */
function followUp(data: FormData): Table {
  const widths = columnWidths(contentWidth('landscape'), [13, 87]);
  const [label = 0, value = 0] = widths;
  const reviewOn = data.meeting.nextReviewOn ? warekiDate(data.meeting.nextReviewOn) : '';
  return fixedTable(widths, [
    bodyRow([headCell('次回見直し予定日', label), textCell(reviewOn, value)], {
      minHeight: followUpRowHeight,
    }),
    bodyRow([headCell('モニタリング機関', label), textCell(data.monitoringAgencies.join('、'), value)], {
      minHeight: followUpRowHeight,
    }),
  ]);
}

/** 様式5 世帯支援プランシート (landscape): the plan agreed at the meeting, same rows as 様式3. */
export function renderPlanSheet(data: FormData, layout: LayoutFonts | null = null): Promise<PackedDocument> {
  const title = `${cleanText(data.householdTitle)}支援プランシート`;
  const { meeting, meetingLabel } = data;
  const [table, ...rest] = planTable(data.planRows, {
    headers: [
      '氏名',
      '目標',
      '検討内容',
      `${meetingLabel}結果\n（当面の取組事項）`,
      `${meetingLabel}結果\n（役割分担）`,
    ],
    columns: (row) => [row.nextActions, row.roles],
    below: followUpHeight,
    floor: rowFloor,
  });
  const spec = formSpec({
    data,
    headerLabel: formHeaderLabel(5),
    title,
    orientation: 'landscape',
    children: [
      titleParagraph(title),
      rightParagraph(meetingDateTime(meeting.heldOn, meeting.startTime, meeting.endTime)),
      ...(table ? [table] : []),
      blankParagraph(),
      followUp(data),
      ...rest,
    ],
  });
  return packDocument(spec, layout);
}
