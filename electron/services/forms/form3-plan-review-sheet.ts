import { formHeaderLabel } from '../../domain/forms.js';
import { meetingDateTime } from './dates.js';
import { packForm } from './document.js';
import type { FormData } from './form-data.js';
import { rightParagraph, titleParagraph } from './paragraphs.js';
import { planTable } from './plan-table.js';
import { cleanText } from './text.js';

/** About 25 mm: room to write the actions and roles by hand at the meeting. */
const handwritingHeight = 1417;

/** 様式3 世帯支援プラン検討シート (landscape): 目標 and 検討内容 filled in, 取組 and 役割 left blank. */
export async function renderPlanReviewSheet(data: FormData): Promise<Buffer> {
  const title = `${cleanText(data.householdTitle)}支援プラン検討シート`;
  const { meeting } = data;
  return packForm({
    data,
    headerLabel: formHeaderLabel(3),
    title,
    orientation: 'landscape',
    children: [
      titleParagraph(title),
      rightParagraph(meetingDateTime(meeting.heldOn, meeting.startTime, meeting.endTime)),
      planTable(
        ['氏名', '目標', '検討内容', '当面の取組事項', '役割分担'],
        data.planRows,
        () => ['', ''],
        handwritingHeight,
      ),
    ],
  });
}
