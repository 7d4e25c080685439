import { formHeaderLabel } from '../../domain/forms.js';
import { meetingDateTime } from './dates.js';
import { formSpec, type PackedDocument, packDocument } from './document.js';
import type { FormData } from './form-data.js';
import type { LayoutFonts } from './layout-fonts.js';
import { rightParagraph, titleParagraph } from './paragraphs.js';
import { planTable } from './plan-table.js';
import { cleanText } from './text.js';

/** About 20 mm: the least a row keeps, so there is always room to write by hand. */
const handwritingFloor = 1134;

/** 様式3 世帯支援プラン検討シート (landscape): 目標 and 検討内容 filled in, 取組 and 役割 left blank. */
export function renderPlanReviewSheet(
  data: FormData,
  layout: LayoutFonts | null = null,
): Promise<PackedDocument> {
  const title = `${cleanText(data.householdTitle)}支援プラン検討シート`;
  const { meeting } = data;
  const spec = formSpec({
    data,
    headerLabel: formHeaderLabel(3),
    title,
    orientation: 'landscape',
    children: [
      titleParagraph(title),
      rightParagraph(meetingDateTime(meeting.heldOn, meeting.startTime, meeting.endTime)),
      ...planTable(data.planRows, {
        headers: ['氏名', '目標', '検討内容', '当面の取組事項', '役割分担'],
        columns: () => ['', ''],
        below: 0,
        floor: handwritingFloor,
      }),
    ],
  });
  return packDocument(spec, layout);
}
