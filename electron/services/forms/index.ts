import type { FormNumber } from '../../domain/forms.js';
import type { PackedDocument } from './document.js';
import type { FormData } from './form-data.js';
import { renderMeetingNotice } from './form1-meeting-notice.js';
import { renderAgenda } from './form2-agenda.js';
import { renderPlanReviewSheet } from './form3-plan-review-sheet.js';
import { renderMeetingReport } from './form4-meeting-report.js';
import { renderPlanSheet } from './form5-plan-sheet.js';
import type { LayoutFonts } from './layout-fonts.js';

export type { FormNumber } from '../../domain/forms.js';
export type { Packet, PacketCopy } from './collection-checklist.js';
export { renderCollectionChecklist } from './collection-checklist.js';
export type { DocumentSection, DocumentSpec, PackedDocument } from './document.js';
export { packDocument } from './document.js';
export type { FormData, NoticeAddressee, NoticeStyle } from './form-data.js';
export { documentNumber, renderMeetingNoticePerAgency } from './form1-meeting-notice.js';
export type { LayoutFonts } from './layout-fonts.js';
export { loadLayoutFonts, systemLayoutFonts } from './layout-fonts.js';

const builders: Record<FormNumber, (data: FormData, layout: LayoutFonts | null) => Promise<PackedDocument>> =
  {
    1: renderMeetingNotice,
    2: renderAgenda,
    3: renderPlanReviewSheet,
    4: renderMeetingReport,
    5: renderPlanSheet,
  };

/**
 * The .docx of 重層会議様式 `form`, filled from `data`. With `layout` (the BIZ UD font files) its pages
 * are laid out and counted as Word will print them.
 */
export function renderForm(
  form: FormNumber,
  data: FormData,
  layout: LayoutFonts | null = null,
): Promise<PackedDocument> {
  return builders[form](data, layout);
}
