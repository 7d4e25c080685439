import { consentLabels } from '../../domain/consent.js';
import { formatWareki } from '../../domain/dates.js';
import { fiscalYearLabel } from '../../domain/fiscal-year.js';
import {
  type HouseholdListSort,
  type ListDirection,
  statusLabels,
  trackLabels,
  usualDirection,
} from '../../domain/household.js';
import type { ParsedInput } from '../../ipc/contract.js';
import type { DocumentPreview } from '../../ipc/schemas/lists.js';
import type { GateContext } from '../document-gate.js';
import { listHouseholds } from '../household-page.js';
import { confidentialityWarning } from '../legal.js';
import { holdList } from './hold-list.js';
import type { ListTable } from './list-table.js';
import { labelTitles, namesReasonFor } from './names.js';

/** Every household the list's filters match: the screen shows the first 200, the document all of them. */
const everyRow = 1_000_000;

const sortNames: Record<HouseholdListSort, string> = {
  receivedOn: '受付日',
  kana: 'ふりがな',
  caseNo: '受付番号',
};

/** 「受付日の新しい順」「ふりがなの順」: the order the screen showed, in words. */
function orderText(sort: HouseholdListSort, direction: ListDirection): string {
  if (sort === 'receivedOn') return direction === 'descending' ? '受付日の新しい順' : '受付日の古い順';
  return `${sortNames[sort]}の${direction === 'ascending' ? '順' : '逆順'}`;
}

/**
 * documents.householdList: 世帯一覧 exactly as the coordinator filtered it (all rows, the same order),
 * as Word or Excel, held by the 159条 gate until it is issued with a purpose (rules 4, 7, 8).
 */
export async function householdListDocument(
  ctx: GateContext,
  input: ParsedInput<'documents.householdList'>,
): Promise<DocumentPreview> {
  const { format, names, namesReason, ...filters } = input;
  const rows = await listHouseholds(ctx, { ...filters, limit: everyRow });
  const unconsented = rows.filter((r) => r.consent !== 'granted');
  const reason = namesReasonFor({ names, namesReason }, unconsented.length > 0);
  const masked =
    names === 'masked'
      ? await labelTitles(
          ctx.db,
          unconsented.map((r) => r.id),
        )
      : new Map();
  const office = await ctx.settings();
  const warning = confidentialityWarning(ctx.today);
  // The search words may be a name: they print only when no 支援会議 household is shown by 記号.
  const conditions = [
    filters.query.trim() &&
      (masked.size === 0 ? `検索語「${filters.query.trim()}」` : '検索語あり（記載しません）'),
    filters.track && `本人同意: ${trackLabels[filters.track]}`,
    filters.status && `状態: ${statusLabels[filters.status]}`,
    filters.issue && `課題: ${filters.issue}`,
    filters.fiscalYear && `受付年度: ${fiscalYearLabel(filters.fiscalYear)}`,
  ].filter((c): c is string => typeof c === 'string' && c !== '');
  const table: ListTable = {
    title: '世帯一覧',
    orientation: 'landscape',
    facts: [
      `作成日 ${formatWareki(ctx.today)}`,
      `条件: ${conditions.length > 0 ? conditions.join('、') : 'なし（すべての世帯）'}　並び順: ${orderText(filters.sort, filters.direction ?? usualDirection[filters.sort])}`,
      `${rows.length}件${masked.size > 0 ? `（本人同意のない世帯${masked.size}件は記号で表示）` : ''}`,
    ],
    columns: [
      { label: '受付番号', ratio: 11, sheetWidth: 14 },
      { label: '表示名', ratio: 16, sheetWidth: 22 },
      { label: '本人同意', ratio: 8, sheetWidth: 10, align: 'center' },
      { label: '状態', ratio: 6, sheetWidth: 8, align: 'center' },
      { label: '課題', ratio: 19, sheetWidth: 30 },
      { label: '受付日', ratio: 16, sheetWidth: 20 },
      { label: '最終活動日', ratio: 16, sheetWidth: 20 },
      { label: '世帯員数', ratio: 8, sheetWidth: 9, align: 'right' },
    ],
    sections: [
      {
        heading: null,
        rows: rows.map((r) => [
          r.caseNo,
          masked.get(r.id) ?? r.label,
          consentLabels[r.consent],
          statusLabels[r.status],
          r.issues.join('、'),
          formatWareki(r.receivedOn),
          formatWareki(r.lastActivityOn),
          r.memberCount,
        ]),
      },
    ],
    empty: '条件に合う世帯はありません。',
    warning: unconsented.length > 0 ? warning.footerUnconsented : warning.footer,
    author: `${office.municipalityName}${office.departmentName}`,
    createdAt: ctx.now,
  };
  return holdList(ctx, table, {
    document: 'householdList',
    format,
    names,
    namesReason: reason,
    stem: '世帯一覧',
  });
}
