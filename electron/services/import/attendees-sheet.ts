import { z } from 'zod';
import { type AgencyField, agencyFields } from '../../domain/agency.js';
import { agencyInputSchema } from '../../ipc/schemas/agencies.js';
import { attendeeInputSchema } from '../../ipc/schemas/meetings.js';
import { choiceCell, textCell } from './cells.js';
import { attendeeSheet, type ColumnName } from './columns.js';
import type { KnownInDatabase } from './known.js';
import type { RawCell } from './raw-sheet.js';
import { parseRows } from './rows.js';
import { SheetErrors, type Table } from './table.js';

const fieldMeaning = Object.fromEntries(agencyFields.map((f) => [f, f])) as Record<
  AgencyField,
  AgencyField | null
>;

const cells = {
  会議番号: textCell.pipe(z.string().min(1, '会議番号を入力してください')),
  // Empty: the agency's registered 分野, or その他 for a new one.
  分野: choiceCell(agencyFields, fieldMeaning, {
    empty: null,
    aliases: { 障害: '障がい', 子供: '子ども', こども: '子ども' },
  }),
  機関名: textCell.pipe(agencyInputSchema.shape.name),
  職名: textCell.pipe(attendeeInputSchema.shape.title),
  出席者: textCell.pipe(attendeeInputSchema.shape.personName),
} satisfies Record<ColumnName<typeof attendeeSheet>, z.ZodType<unknown, RawCell>>;

/** As many as a meeting saved on screen may have (meetingInputSchema). */
const maxAttendees = 60;

export interface AttendeeRow {
  rowNumber: number;
  agencyName: string;
  title: string;
  personName: string;
}

export interface AttendeeSheet {
  /** Valid rows by 会議番号, in sheet order (the order of the 出席者名簿). */
  byMeeting: Map<string, AttendeeRow[]>;
  /** 分野 for agencies not yet registered, from the first row that gives one. */
  newAgencyFields: Map<string, AgencyField>;
  errors: SheetErrors;
}

/** `meetings`: every 会議番号 of the 会議 sheet in this import. */
export function parseAttendeeSheet(
  table: Table,
  meetings: ReadonlyMap<string, unknown>,
  known: KnownInDatabase,
): AttendeeSheet {
  const errors = new SheetErrors(attendeeSheet.name);
  errors.addHeader(table.errors);
  const byMeeting = new Map<string, AttendeeRow[]>();
  const newAgencyFields = new Map<string, AgencyField>();
  const fieldRowOf = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const { rowNumber, value, complete, errors: cellErrors } of parseRows(
    attendeeSheet.name,
    table,
    cells,
  )) {
    errors.addText(rowNumber, cellErrors);
    let problem = false;
    const report = (column: ColumnName<typeof attendeeSheet>, reason: string) => {
      errors.add(rowNumber, column, reason);
      problem = true;
    };
    const meetingNo = value.会議番号;
    if (meetingNo && !meetings.has(meetingNo)) {
      report(
        '会議番号',
        known.meetingNos.has(meetingNo)
          ? `「${meetingNo}」は登録済みの会議です。取り込みでは登録済みの会議に出席者を足せません（会議の画面で追加してください）`
          : `「${meetingNo}」は「会議」シートにありません`,
      );
    }
    const name = value.機関名;
    const field = value.分野;
    // A registered agency keeps its 分野 (the column's help says so); a new one takes the row's.
    if (name && field && !known.agencyNames.has(name)) {
      const earlier = newAgencyFields.get(name);
      if (earlier === undefined) {
        newAgencyFields.set(name, field);
        fieldRowOf.set(name, rowNumber);
      } else if (earlier !== field) {
        report(
          '分野',
          `「${name}」の分野は行${fieldRowOf.get(name)}で「${earlier}」としています（同じ機関には同じ分野を）`,
        );
      }
    }
    if (meetingNo && name && value.出席者 !== undefined) {
      const key = [meetingNo, name, value.出席者].join('\u0000');
      const first = seen.get(key);
      if (first === undefined) seen.set(key, rowNumber);
      else {
        const who = value.出席者 ? `「${name}」の「${value.出席者}」` : `「${name}」`;
        report('機関名', `会議番号「${meetingNo}」の出席者${who}は行${first}と重複しています`);
      }
    }
    if (!complete || problem) continue;
    const rows = byMeeting.get(complete.会議番号) ?? [];
    if (rows.length >= maxAttendees) {
      report('会議番号', `会議番号「${complete.会議番号}」の出席者は${maxAttendees}人までです`);
      continue;
    }
    rows.push({ rowNumber, agencyName: complete.機関名, title: complete.職名, personName: complete.出席者 });
    byMeeting.set(complete.会議番号, rows);
  }
  return { byMeeting, newAgencyFields, errors };
}
