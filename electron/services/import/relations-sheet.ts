import { z } from 'zod';
import { parseJapaneseYear } from '../../domain/dates.js';
import { type RelationKind, relationKindLabels, relationProblems } from '../../domain/family.js';
import { labelCell, textCell } from './cells.js';
import { type ColumnName, relationSheet } from './columns.js';
import type { RawCell } from './raw-sheet.js';
import { parseRows } from './rows.js';
import { SheetErrors, type Table } from './table.js';

const memberKeyCell = (column: string) =>
  textCell
    .transform((text) => text.normalize('NFKC').toUpperCase().replace(/氏$/, ''))
    .pipe(
      z
        .string()
        .min(1, `${column}を入力してください`)
        .regex(/^[A-Z]$/, `${column}は A〜Z の1文字にしてください`),
    );

/** 年: 2008, 平成20年, or an Excel number; blank = not known. */
const yearCell = z.custom<RawCell>().transform((cell, ctx): number | null => {
  if (cell === null) return null;
  const year =
    typeof cell === 'number' && Number.isInteger(cell)
      ? cell
      : typeof cell === 'string'
        ? cell.trim() === ''
          ? null
          : parseJapaneseYear(cell)
        : Number.NaN;
  if (year === null) return null;
  if (Number.isInteger(year) && year >= 1900 && year <= 2100) return year;
  ctx.addIssue({ code: 'custom', message: `「${String(cell)}」は年として読み取れません（2008、平成20年）` });
  return z.NEVER;
});

const cells = {
  受付番号: textCell.pipe(z.string().min(1, '受付番号を入力してください')),
  記号: memberKeyCell('記号'),
  相手の記号: memberKeyCell('相手の記号'),
  関係: labelCell(relationKindLabels),
  年: yearCell,
} satisfies Record<ColumnName<typeof relationSheet>, z.ZodType<unknown, RawCell>>;

/** One relation between two members of a household, by 記号. */
export interface RelationRow {
  kind: RelationKind;
  label: string;
  otherLabel: string;
  year: number | null;
}

export interface RelationSheet {
  /** Relations by 受付番号, in sheet order, for households whose every relation row is valid. */
  byCaseNo: Map<string, RelationRow[]>;
  errors: SheetErrors;
}

export interface RelationContext {
  /** Every 受付番号 of this import's 世帯 sheet. */
  caseNos: ReadonlySet<string>;
  /** 記号 named in this import's 世帯員 sheet, by 受付番号. */
  labels: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * The 家族関係 sheet: each 記号 must be a member of that household in the 世帯員 sheet; then per
 * household nobody their own parent, no pair twice, at most two parents, and no loop of 親子.
 */
export function parseRelationSheet(table: Table, context: RelationContext): RelationSheet {
  const errors = new SheetErrors(relationSheet.name);
  errors.addHeader(table.errors);
  const rows = new Map<string, { rowNumber: number; relation: RelationRow | null }[]>();
  for (const parsed of parseRows(relationSheet.name, table, cells)) {
    const { rowNumber, value, complete } = parsed;
    errors.addText(rowNumber, parsed.errors);
    const caseNo = value.受付番号;
    if (!caseNo) continue;
    if (!context.caseNos.has(caseNo)) {
      errors.add(
        rowNumber,
        '受付番号',
        `「${caseNo}」は「世帯」シートにありません（登録済みの世帯の家族関係は、世帯員の画面で入力してください）`,
      );
      continue;
    }
    const labels = context.labels.get(caseNo) ?? new Set<string>();
    let known = true;
    for (const column of ['記号', '相手の記号'] as const) {
      const label = value[column];
      if (label === undefined || labels.has(label)) continue;
      known = false;
      const listed = labels.size
        ? `この世帯の記号: ${[...labels].sort().join('、')}`
        : 'この世帯には世帯員がいません';
      errors.add(
        rowNumber,
        column,
        `「${label}」は受付番号「${caseNo}」の世帯員の記号ではありません（${listed}）`,
      );
    }
    if (value.関係 === 'parentChild' && value.年 !== undefined && value.年 !== null) {
      errors.add(rowNumber, '年', '親子には年を入れません（年は結婚・離婚・別居の年です）');
      known = false;
    }
    const list = rows.get(caseNo) ?? [];
    list.push({
      rowNumber,
      relation:
        complete && known
          ? { kind: complete.関係, label: complete.記号, otherLabel: complete.相手の記号, year: complete.年 }
          : null,
    });
    rows.set(caseNo, list);
  }
  const byCaseNo = new Map<string, RelationRow[]>();
  for (const [caseNo, list] of rows) {
    const valid = list.filter((r): r is { rowNumber: number; relation: RelationRow } => r.relation !== null);
    const problems = relationProblems(
      [...(context.labels.get(caseNo) ?? [])],
      valid.map((r) => ({ kind: r.relation.kind, member: r.relation.label, other: r.relation.otherLabel })),
      (label) => `記号「${label}」の人`,
    );
    for (const p of problems) {
      const row = valid[p.index];
      if (row)
        errors.add(
          row.rowNumber,
          p.code === 'cycle' || p.code === 'tooManyParents' ? '関係' : '相手の記号',
          p.message,
        );
    }
    if (problems.length === 0 && valid.length === list.length)
      byCaseNo.set(
        caseNo,
        valid.map((r) => r.relation),
      );
  }
  return { byCaseNo, errors };
}
