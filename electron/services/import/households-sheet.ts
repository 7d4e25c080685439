import { z } from 'zod';
import { caseNoKey } from '../../../db/case-number-key.js';
import { type ConsentMethod, methodLabels } from '../../domain/consent.js';
import { formatWareki } from '../../domain/dates.js';
import { type HouseholdStatus, statusLabels } from '../../domain/household.js';
import { agencyInputSchema } from '../../ipc/schemas/agencies.js';
import { trimmed } from '../../ipc/schemas/common.js';
import { caseNoSchema, householdInputSchema } from '../../ipc/schemas/households.js';
import { choiceCell, dateCell, labelCell, listCell, requiredDateCell, textCell } from './cells.js';
import { type ColumnName, consentChoices, householdSheet } from './columns.js';
import type { KnownInDatabase } from './known.js';
import type { RawCell } from './raw-sheet.js';
import { type ParsedRow, parseRows } from './rows.js';
import { rowError, type Table } from './table.js';

const cells = {
  受付番号: textCell.pipe(caseNoSchema),
  受付日: requiredDateCell,
  世帯表示名: textCell.pipe(householdInputSchema.shape.label),
  本人同意: choiceCell(consentChoices, { あり: true, なし: false }),
  同意取得日: dateCell,
  // Absent or blank: 不明, never assumed 書面.
  同意方法: labelCell(methodLabels, { empty: 'unknown' }),
  同意範囲: listCell(agencyInputSchema.shape.name),
  相談経路: textCell.pipe(trimmed(80)),
  課題: listCell(z.string()),
  状態: labelCell(statusLabels, { empty: 'received' }),
  終結日: dateCell,
  終結理由: textCell.pipe(trimmed(200)),
  備考: textCell.pipe(householdInputSchema.shape.note),
} satisfies Record<ColumnName<typeof householdSheet>, z.ZodType<unknown, RawCell>>;

type Row = Partial<ParsedRow<typeof cells>>;

export interface HouseholdRow {
  caseNo: string;
  receivedOn: string;
  label: string;
  /** null: 本人同意 なし. An empty agency list means every attending agency. */
  consent: { obtainedOn: string; method: ConsentMethod; agencyNames: string[] } | null;
  referralAgencyName: string | null;
  issues: string[];
  status: HouseholdStatus;
  closedOn: string | null;
  closeReason: string | null;
  note: string;
}

export interface HouseholdSheet {
  /** Rows without any error, ready to write. */
  households: HouseholdRow[];
  /** Every 受付番号 the sheet names, valid row or not, so 世帯員 are not blamed for a 世帯 typo. */
  caseNos: Set<string>;
  errors: string[];
}

type Problem = [column: ColumnName<typeof householdSheet>, reason: string];

/** Rules between cells of one row; a cell that failed to parse is absent and not judged twice. */
function rowProblems(row: Row, known: Pick<KnownInDatabase, 'issues' | 'caseNoKeys' | 'today'>): Problem[] {
  const problems: Problem[] = [];
  if (row.本人同意 === true && row.同意取得日 === null) {
    problems.push(['同意取得日', '本人同意が「あり」のときは同意取得日を入力してください']);
  }
  if (row.本人同意 === false && row.同意取得日)
    problems.push(['同意取得日', '本人同意が「なし」のときは空欄にしてください']);
  if (row.本人同意 === false && row.同意方法 !== undefined && row.同意方法 !== 'unknown')
    problems.push(['同意方法', '本人同意が「なし」のときは空欄にしてください']);
  // Nothing dated after today (rules 17 and 18).
  for (const column of ['受付日', '同意取得日', '終結日'] as const) {
    const day = row[column];
    if (day && day > known.today)
      problems.push([
        column,
        `${formatWareki(day, { weekday: false })}は今日（${formatWareki(known.today, { weekday: false })}）より後の日付です（まだ来ていない日付は記録できません）`,
      ]);
  }
  if (row.本人同意 === false && row.同意範囲?.length)
    problems.push(['同意範囲', '本人同意が「なし」のときは空欄にしてください']);
  if (row.状態 === 'closed' && row.終結日 === null) {
    problems.push(['終結日', '状態が「終結」のときは終結日を入力してください']);
  }
  if (row.状態 !== undefined && row.状態 !== 'closed') {
    if (row.終結日) problems.push(['終結日', '状態が「終結」のときだけ入力してください']);
    if (row.終結理由) problems.push(['終結理由', '状態が「終結」のときだけ入力してください']);
  }
  if (row.終結日 && row.受付日 && row.終結日 < row.受付日)
    problems.push(['終結日', '受付日より前の日付です']);
  const unknownIssues = (row.課題 ?? []).filter((issue) => !known.issues.has(issue));
  if (unknownIssues.length) {
    problems.push([
      '課題',
      `登録されていない課題です: ${unknownIssues.join('、')}（課題の一覧は設定画面で確認・追加できます）`,
    ]);
  }
  const registered = row.受付番号 ? known.caseNoKeys.get(caseNoKey(row.受付番号)) : undefined;
  if (row.受付番号 && registered !== undefined) {
    problems.push([
      '受付番号',
      registered === row.受付番号
        ? `「${row.受付番号}」はすでに登録されています（取り込みでは上書きしません）`
        : `「${row.受付番号}」は登録済みの「${registered}」と同じ番号とみなされます（全角・半角、ハイフンの種類、大文字・小文字は区別しません）`,
    ]);
  }
  return problems;
}

export function parseHouseholdSheet(
  table: Table,
  known: Pick<KnownInDatabase, 'issues' | 'caseNoKeys' | 'today'>,
): HouseholdSheet {
  const sheet = householdSheet.name;
  const errors = [...table.errors];
  const caseNos = new Set<string>();
  const firstRowOf = new Map<string, number>();
  const households: HouseholdRow[] = [];
  for (const [i, parsed] of parseRows(sheet, table, cells).entries()) {
    const { rowNumber, value: row, complete } = parsed;
    const caseNoText = textCell.safeParse(table.rows[i]?.cells.受付番号 ?? null);
    if (caseNoText.success && caseNoText.data) caseNos.add(caseNoText.data);
    const problems = rowProblems(row, known);
    if (row.受付番号) {
      const first = firstRowOf.get(caseNoKey(row.受付番号));
      if (first === undefined) firstRowOf.set(caseNoKey(row.受付番号), rowNumber);
      else
        problems.push([
          '受付番号',
          `「${row.受付番号}」は行${first}と同じ番号です（正規化して比べています）`,
        ]);
    }
    errors.push(
      ...parsed.errors,
      ...problems.map(([column, reason]) => rowError(sheet, rowNumber, column, reason)),
    );
    if (!complete || problems.length > 0) continue;
    households.push({
      caseNo: complete.受付番号,
      receivedOn: complete.受付日,
      label: complete.世帯表示名,
      consent:
        complete.本人同意 && complete.同意取得日
          ? { obtainedOn: complete.同意取得日, method: complete.同意方法, agencyNames: complete.同意範囲 }
          : null,
      referralAgencyName: complete.相談経路 || null,
      issues: complete.課題,
      status: complete.状態,
      closedOn: complete.終結日,
      closeReason: complete.終結理由 || null,
      note: complete.備考,
    });
  }
  return { households, caseNos, errors };
}
