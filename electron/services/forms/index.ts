import type { FormNumber } from '../../domain/forms.js';
import { renderCollectionChecklist } from './collection-checklist.js';
import type { FormData } from './form-data.js';
import { renderMeetingNotice, renderMeetingNoticePerAgency } from './form1-meeting-notice.js';
import { renderAgenda } from './form2-agenda.js';
import { renderPlanReviewSheet } from './form3-plan-review-sheet.js';
import { renderMeetingReport } from './form4-meeting-report.js';
import { renderPlanSheet } from './form5-plan-sheet.js';

export type { FormNumber } from '../../domain/forms.js';
export type { DistributedCopy } from './attendance.js';
export { copiesByAgency } from './attendance.js';
export type { FormData } from './form-data.js';
export { renderCollectionChecklist, renderMeetingNoticePerAgency };

const builders: Record<FormNumber, (data: FormData) => Promise<Buffer>> = {
  1: renderMeetingNotice,
  2: renderAgenda,
  3: renderPlanReviewSheet,
  4: renderMeetingReport,
  5: renderPlanSheet,
};

/** The .docx of 重層会議様式 `form`, filled from `data`. */
export function renderForm(form: FormNumber, data: FormData): Promise<Buffer> {
  return builders[form](data);
}
