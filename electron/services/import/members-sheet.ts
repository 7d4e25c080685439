import { z } from 'zod';
import { formatWareki, parseJapaneseYear } from '../../domain/dates.js';
import { sexLabels } from '../../domain/household.js';
import { type MemberInput, memberFieldsSchema } from '../../ipc/schemas/households.js';
import { choiceCell, dateCell, labelCell, textCell } from './cells.js';
import { type ColumnName, memberSheet, principalChoices } from './columns.js';
import type { RawCell } from './raw-sheet.js';
import { parseRows } from './rows.js';
import { rowError, type Table } from './table.js';

const circles = { '◯': '○', 〇: '○' } as const;

type Death = { deceased: boolean; date: string | null; year: number | null };
const alive: Death = { deceased: false, date: null, year: null };
const deathExample = '○、または亡くなった日か年（令和2年5月1日、令和2年、2020）';

/** 死亡: ○, a date (text, Excel date or serial) or a year (2020, 令和2年); blank = alive. */
const deathCell = z.custom<RawCell>().transform((cell, ctx): Death => {
  if (cell === null) return alive;
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 1900 && cell <= 2100)
    return { deceased: true, date: null, year: cell };
  const text = typeof cell === 'string' ? cell.trim().normalize('NFKC') : null;
  if (text === '') return alive;
  if (text !== null && ['○', '◯', '〇'].includes(text)) return { deceased: true, date: null, year: null };
  const year = text === null ? null : parseJapaneseYear(text);
  if (year !== null && year >= 1900 && year <= 2100) return { deceased: true, date: null, year };
  const date = dateCell.safeParse(cell);
  if (date.success && date.data)
    return { deceased: true, date: date.data, year: Number(date.data.slice(0, 4)) };
  ctx.addIssue({ code: 'custom', message: `「${String(cell)}」は読み取れません（${deathExample}）` });
  return z.NEVER;
});

const cells = {
  受付番号: textCell.pipe(z.string().min(1, '受付番号を入力してください')),
  記号: textCell
    .transform((text) => text.normalize('NFKC').toUpperCase())
    .pipe(
      z
        .string()
        .min(1, '記号を入力してください')
        .regex(/^[A-Z]$/, '記号は A〜Z の1文字にしてください'),
    ),
  氏名: textCell.pipe(memberFieldsSchema.shape.name),
  // Width only: old ledgers often hold half-width ｶﾀｶﾅ, which NFKC turns into カタカナ.
  ふりがな: textCell.transform((text) => text.normalize('NFKC')).pipe(memberFieldsSchema.shape.kana),
  続柄: textCell.pipe(memberFieldsSchema.shape.relationship),
  生年月日: dateCell,
  性別: labelCell(sexLabels, { empty: 'unknown' }),
  // ◯ and 〇 look the same as ○ on screen; accept all three.
  本人: choiceCell(principalChoices, { '○': true }, { empty: false, aliases: circles }),
  同居: choiceCell(principalChoices, { '○': true }, { empty: false, aliases: circles }),
  死亡: deathCell,
  キーパーソン: choiceCell(principalChoices, { '○': true }, { empty: false, aliases: circles }),
} satisfies Record<ColumnName<typeof memberSheet>, z.ZodType<unknown, RawCell>>;

/** One member row placed in its household; `member` is null when one of its cells failed. */
interface Placed {
  rowNumber: number;
  label: string;
  principal: boolean;
  member: MemberInput | null;
}

/** A member's own rules across columns: the deceased neither 同居 nor 本人, nor dead before birth. */
function memberProblems(row: { rowNumber: number; member: MemberInput }, livesColumn: boolean): Problem[] {
  const { member, rowNumber } = row;
  const problems: Problem[] = [];
  if (!member.deceased) return problems;
  if (livesColumn && member.livesInHousehold)
    problems.push({ rowNumber, column: '同居', reason: '亡くなった人は同居（○）にできません' });
  if (member.isPrincipal)
    problems.push({ rowNumber, column: '死亡', reason: '本人を亡くなった人にはできません' });
  const died = member.death.date ?? (member.death.year !== null ? `${member.death.year}-12-31` : null);
  if (died && member.birthDate && died < member.birthDate)
    problems.push({ rowNumber, column: '死亡', reason: '亡くなった日が生年月日より前です' });
  return problems;
}

type Problem = { rowNumber: number; column: ColumnName<typeof memberSheet>; reason: string };

/** A member with the 記号 the office gave it: kept as it is, gaps included (A, B, D). */
export type LabelledMember = MemberInput & { label: string };

export interface MemberSheet {
  /** Members by 受付番号, in 記号 order, for households whose every member row is valid. */
  members: Map<string, LabelledMember[]>;
  /** Every 記号 the sheet names per 受付番号, valid row or not, so プラン rows are not blamed for a 世帯員 typo. */
  labels: Map<string, Set<string>>;
  errors: string[];
}

/** Rules across one household's rows: 記号 unique (gaps are the office's own and kept), at most one 本人. */
function householdProblems(caseNo: string, rows: readonly Placed[]): Problem[] {
  const problems: Problem[] = [];
  const byLabel = new Map<string, Placed>();
  let principal: Placed | undefined;
  for (const row of rows) {
    const same = byLabel.get(row.label);
    if (same) {
      const reason = `受付番号「${caseNo}」の記号「${row.label}」は行${same.rowNumber}と重複しています`;
      problems.push({ rowNumber: row.rowNumber, column: '記号', reason });
    } else byLabel.set(row.label, row);
    if (row.principal && principal) {
      const reason = `受付番号「${caseNo}」の本人（○）は1人だけにしてください（行${principal.rowNumber}にもあります）`;
      problems.push({ rowNumber: row.rowNumber, column: '本人', reason });
    } else if (row.principal) principal = row;
  }
  return problems;
}

/** Rule 15: a birth date lies between 1900-01-01 and the office's today. */
function birthDateProblem(birthDate: string | null, today: string): string | null {
  if (birthDate === null) return null;
  if (birthDate > today)
    return `生年月日（${formatWareki(birthDate, { weekday: false })}）が今日（${formatWareki(today, { weekday: false })}）より後です`;
  if (birthDate < '1900-01-01')
    return `生年月日（${formatWareki(birthDate, { weekday: false })}）が1900年（明治33年）1月1日より前です`;
  return null;
}

/** `caseNos`: every 受付番号 of the 世帯 sheet in this import; `today`: the office's today. */
export function parseMemberSheet(table: Table, caseNos: ReadonlySet<string>, today: string): MemberSheet {
  const sheet = memberSheet.name;
  const rowErrors: { rowNumber: number; text: string }[] = [];
  const households = new Map<string, Placed[]>();
  const labels = new Map<string, Set<string>>();
  const livesColumn = table.presentColumns.has('同居');
  for (const { rowNumber, value, complete, errors } of parseRows(sheet, table, cells)) {
    rowErrors.push(...errors.map((text) => ({ rowNumber, text })));
    const caseNo = value.受付番号;
    if (caseNo && !caseNos.has(caseNo)) {
      const text = rowError(sheet, rowNumber, '受付番号', `「${caseNo}」は「世帯」シートにありません`);
      rowErrors.push({ rowNumber, text });
      continue;
    }
    if (caseNo && value.記号) labels.set(caseNo, (labels.get(caseNo) ?? new Set<string>()).add(value.記号));
    if (caseNo && value.記号 !== undefined && value.本人 !== undefined) {
      const member: MemberInput | null = complete && {
        name: complete.氏名,
        kana: complete.ふりがな,
        relationship: complete.続柄,
        birthDate: complete.生年月日,
        sex: complete.性別,
        isPrincipal: complete.本人,
        // Without the column everyone lives in the household, as before it existed; never the deceased.
        livesInHousehold: (livesColumn ? complete.同居 : true) && !complete.死亡.deceased,
        deceased: complete.死亡.deceased,
        death: { date: complete.死亡.date, year: complete.死亡.year },
        isKeyPerson: complete.キーパーソン,
      };
      const birthProblem = complete ? birthDateProblem(complete.生年月日, today) : null;
      if (birthProblem)
        rowErrors.push({ rowNumber, text: rowError(sheet, rowNumber, '生年月日', birthProblem) });
      if (member && complete) {
        const own = memberProblems(
          { rowNumber, member: { ...member, livesInHousehold: complete.同居 } },
          livesColumn,
        );
        rowErrors.push(
          ...own.map((p) => ({ rowNumber, text: rowError(sheet, rowNumber, p.column, p.reason) })),
        );
      }
      const placed = households.get(caseNo) ?? [];
      placed.push({
        rowNumber,
        label: value.記号,
        principal: value.本人,
        member: birthProblem ? null : member,
      });
      households.set(caseNo, placed);
    }
  }
  const members = new Map<string, LabelledMember[]>();
  for (const [caseNo, rows] of households) {
    const problems = householdProblems(caseNo, rows);
    rowErrors.push(
      ...problems.map((p) => ({
        rowNumber: p.rowNumber,
        text: rowError(sheet, p.rowNumber, p.column, p.reason),
      })),
    );
    // With the 同居 column, a household where nobody is marked would count no members at all.
    const living = rows.filter((row) => row.member?.livesInHousehold);
    const counted = rows.filter((row) => row.member && !row.member.deceased);
    if (livesColumn && living.length === 0 && counted.length > 0 && rows.every((row) => row.member)) {
      const first = rows.reduce((a, b) => (b.rowNumber < a.rowNumber ? b : a));
      const reason = `受付番号「${caseNo}」に同居（○）の人がいません（世帯で一緒に暮らす人に ○ を付けてください。同居の列を使わないときは列ごと削除すると全員が同居になります）`;
      rowErrors.push({ rowNumber: first.rowNumber, text: rowError(sheet, first.rowNumber, '同居', reason) });
    }
    const inOrder = rows
      .toSorted((a, b) => (a.label < b.label ? -1 : 1))
      .map((row) => (row.member ? { ...row.member, label: row.label } : null));
    if (problems.length === 0 && inOrder.every((m) => m !== null)) members.set(caseNo, inOrder);
  }
  const errors = [...table.errors, ...rowErrors.sort((a, b) => a.rowNumber - b.rowNumber).map((e) => e.text)];
  return { members, labels, errors };
}
