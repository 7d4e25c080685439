import { z } from 'zod';
import { type MeetingKind, statutoryMeetingLabels } from '../../domain/meeting.js';
import { meetingInputSchema } from '../../ipc/schemas/meetings.js';
import { choiceCell, labelCell, requiredDateCell, textCell, timeCell } from './cells.js';
import { type ColumnName, consentChoices, meetingSheet } from './columns.js';
import type { KnownInDatabase } from './known.js';
import type { RawCell } from './raw-sheet.js';
import { type ParsedRow, parseRows } from './rows.js';
import { SheetErrors, type Table } from './table.js';

const cells = {
  会議番号: textCell.pipe(meetingInputSchema.shape.meetingNo),
  受付番号: textCell.pipe(z.string().min(1, '受付番号を入力してください')),
  種別: labelCell(statutoryMeetingLabels),
  開催日: requiredDateCell,
  開始時刻: timeCell,
  終了時刻: timeCell,
  場所: textCell.pipe(meetingInputSchema.shape.place),
  // Kept simple on purpose: あり is the agreed plan; anything else is stored as not made yet.
  支援プラン作成: choiceCell(consentChoices, { あり: 'final', なし: 'none' } as const, { empty: 'none' }),
} satisfies Record<ColumnName<typeof meetingSheet>, z.ZodType<unknown, RawCell>>;

type Row = Partial<ParsedRow<typeof cells>>;

export interface MeetingRow {
  rowNumber: number;
  meetingNo: string;
  caseNo: string;
  kind: MeetingKind;
  heldOn: string;
  startTime: string | null;
  endTime: string | null;
  place: string;
  planStatus: 'none' | 'final';
}

export interface MeetingSheet {
  /** Rows without any error so far; rules 2 and 3 are checked when they are written. */
  meetings: MeetingRow[];
  /**
   * Every 会議番号 the sheet names, valid row or not, with its 受付番号 when that could be read:
   * 出席者 and プラン rows are not blamed for a 会議 typo.
   */
  named: Map<string, string | null>;
  errors: SheetErrors;
}

type Problem = [column: ColumnName<typeof meetingSheet>, reason: string];

/** `caseNos`: every 受付番号 of the 世帯 sheet in this import. */
function rowProblems(row: Row, caseNos: ReadonlySet<string>, known: KnownInDatabase): Problem[] {
  const problems: Problem[] = [];
  if (row.会議番号 && known.meetingNos.has(row.会議番号)) {
    problems.push(['会議番号', `「${row.会議番号}」はすでに登録されています（取り込みでは上書きしません）`]);
  }
  if (row.受付番号 && !caseNos.has(row.受付番号) && !known.caseNos.has(row.受付番号)) {
    problems.push(['受付番号', `「${row.受付番号}」は「世帯」シートにも、かさねにも登録されていません`]);
  }
  if (row.開始時刻 && row.終了時刻 && row.終了時刻 <= row.開始時刻) {
    problems.push([
      '終了時刻',
      `終了時刻（${row.終了時刻}）は開始時刻（${row.開始時刻}）より後にしてください`,
    ]);
  }
  return problems;
}

export function parseMeetingSheet(
  table: Table,
  caseNos: ReadonlySet<string>,
  known: KnownInDatabase,
): MeetingSheet {
  const errors = new SheetErrors(meetingSheet.name);
  errors.addHeader(table.errors);
  const named = new Map<string, string | null>();
  const firstRowOf = new Map<string, number>();
  const meetings: MeetingRow[] = [];
  for (const [i, parsed] of parseRows(meetingSheet.name, table, cells).entries()) {
    const { rowNumber, value: row, complete } = parsed;
    const meetingNoText = textCell.safeParse(table.rows[i]?.cells.会議番号 ?? null);
    if (meetingNoText.success && meetingNoText.data && !named.has(meetingNoText.data))
      named.set(meetingNoText.data, row.受付番号 ?? null);
    const problems = rowProblems(row, caseNos, known);
    if (row.会議番号) {
      const first = firstRowOf.get(row.会議番号);
      if (first === undefined) firstRowOf.set(row.会議番号, rowNumber);
      else problems.push(['会議番号', `「${row.会議番号}」は行${first}と重複しています`]);
    }
    errors.addText(rowNumber, parsed.errors);
    for (const [column, reason] of problems) errors.add(rowNumber, column, reason);
    if (!complete || problems.length > 0) continue;
    meetings.push({
      rowNumber,
      meetingNo: complete.会議番号,
      caseNo: complete.受付番号,
      kind: complete.種別,
      heldOn: complete.開催日,
      startTime: complete.開始時刻,
      endTime: complete.終了時刻,
      place: complete.場所,
      planStatus: complete.支援プラン作成,
    });
  }
  return { meetings, named, errors };
}

/**
 * A plan stored as agreed needs something agreed, as when it is confirmed on screen: rows of
 * 支援プラン作成「あり」 without a プラン row holding 目標 or 検討内容 are errors and are dropped.
 */
export function withFinalPlansFilled(sheet: MeetingSheet, withContent: ReadonlySet<string>): MeetingRow[] {
  return sheet.meetings.filter((meeting) => {
    if (meeting.planStatus !== 'final' || withContent.has(meeting.meetingNo)) return true;
    sheet.errors.add(
      meeting.rowNumber,
      '支援プラン作成',
      `「あり」のときは「プラン」シートに、会議番号「${meeting.meetingNo}」の目標か検討内容のある行を入れてください`,
    );
    return false;
  });
}
