import { z } from 'zod';
import { planRowInputSchema } from '../../ipc/schemas/meetings.js';
import { textCell } from './cells.js';
import { type ColumnName, planSheet } from './columns.js';
import { isBlankCell, type RawCell } from './raw-sheet.js';
import { parseRows } from './rows.js';
import { SheetErrors, type Table } from './table.js';

export type PlanTarget = { target: 'member'; label: string } | { target: 'crisis' | 'other' };

const targetCell = textCell.transform((text, ctx): PlanTarget => {
  const normal = text.normalize('NFKC');
  if (normal === '危機介入') return { target: 'crisis' };
  if (normal === 'その他') return { target: 'other' };
  // Ledgers write the member as on the forms, 「A氏」, as often as 「A」.
  const label = normal.match(/^([A-Za-z])氏?$/)?.[1];
  if (label) return { target: 'member', label: label.toUpperCase() };
  ctx.addIssue({
    code: 'custom',
    message: text
      ? `「${text}」は対象にできません（世帯員の記号 A, B …、危機介入、その他 のどれか）`
      : '入力してください（世帯員の記号 A, B …、危機介入、その他 のどれか）',
  });
  return z.NEVER;
});

const cells = {
  会議番号: textCell.pipe(z.string().min(1, '会議番号を入力してください')),
  対象: targetCell,
  目標: textCell.pipe(planRowInputSchema.shape.goal),
  検討内容: textCell.pipe(planRowInputSchema.shape.discussion),
  当面の取組事項: textCell.pipe(planRowInputSchema.shape.nextActions),
  役割分担: textCell.pipe(planRowInputSchema.shape.roles),
} satisfies Record<ColumnName<typeof planSheet>, z.ZodType<unknown, RawCell>>;

/** As many rows as a plan saved on screen may have (saveMeetingPlanInputSchema). */
const maxRows = 40;

export type PlanRowDraft = PlanTarget & {
  rowNumber: number;
  goal: string;
  discussion: string;
  nextActions: string;
  roles: string;
};

export interface PlanSheet {
  /** Valid rows by 会議番号, in sheet order (the order of the plan's rows). */
  byMeeting: Map<string, PlanRowDraft[]>;
  /** 会議番号 with a row that has 目標 or 検討内容, valid or not (for 支援プラン作成「あり」). */
  withContent: Set<string>;
  errors: SheetErrors;
}

export interface PlanContext {
  /** Every 会議番号 of the 会議 sheet, with its 受付番号 when that could be read. */
  meetings: ReadonlyMap<string, string | null>;
  /** Member 記号 by 受付番号: named in this import's 世帯員 sheet, or registered. */
  labelsOf: (caseNo: string) => ReadonlySet<string> | null;
}

function memberProblem(caseNo: string, label: string, labels: ReadonlySet<string>): string {
  const listed = labels.size
    ? `この世帯の記号: ${[...labels].sort().join('、')}`
    : 'この世帯には世帯員がいません';
  return `「${label}」は受付番号「${caseNo}」の世帯員の記号ではありません（${listed}）`;
}

export function parsePlanSheet(table: Table, context: PlanContext): PlanSheet {
  const errors = new SheetErrors(planSheet.name);
  errors.addHeader(table.errors);
  const byMeeting = new Map<string, PlanRowDraft[]>();
  const withContent = new Set<string>();
  for (const [i, parsed] of parseRows(planSheet.name, table, cells).entries()) {
    const { rowNumber, value, complete } = parsed;
    errors.addText(rowNumber, parsed.errors);
    const meetingNo = value.会議番号;
    const raw = table.rows[i]?.cells;
    if (meetingNo && raw && (!isBlankCell(raw.目標) || !isBlankCell(raw.検討内容)))
      withContent.add(meetingNo);
    let problem = false;
    if (meetingNo && !context.meetings.has(meetingNo)) {
      errors.add(rowNumber, '会議番号', `「${meetingNo}」は「会議」シートにありません`);
      problem = true;
    }
    const caseNo = meetingNo ? context.meetings.get(meetingNo) : null;
    const labels = caseNo ? context.labelsOf(caseNo) : null;
    if (caseNo && labels && value.対象?.target === 'member' && !labels.has(value.対象.label)) {
      errors.add(rowNumber, '対象', memberProblem(caseNo, value.対象.label, labels));
      problem = true;
    }
    if (!complete || problem) continue;
    const rows = byMeeting.get(complete.会議番号) ?? [];
    if (rows.length >= maxRows) {
      errors.add(rowNumber, '会議番号', `会議番号「${complete.会議番号}」のプランは${maxRows}行までです`);
      continue;
    }
    rows.push({
      rowNumber,
      ...complete.対象,
      goal: complete.目標,
      discussion: complete.検討内容,
      nextActions: complete.当面の取組事項,
      roles: complete.役割分担,
    });
    byMeeting.set(complete.会議番号, rows);
  }
  return { byMeeting, withContent, errors };
}
