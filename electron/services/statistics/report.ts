import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { fiscalYearRange } from '../../domain/fiscal-year.js';
import type { Statistics, StatisticsRow } from '../../ipc/schemas/statistics.js';
import { suppress } from './suppression.js';

/** The items of the table the office reports every year (rule 14), in this order and wording. */
export const mainItems = [
  '複合的課題を抱える相談者（件数）',
  '重層的支援会議の開催（回数）',
  '支援会議の開催（回数）',
  '支援プランの作成（件数）',
  '終結（件数）',
  '年度末継続（件数）',
] as const;

/**
 * Households open at the end of `day`: received by then and not 終結 on that day (a household closed
 * on 31 March is closed, not continuing; voided changes are out). A status that is null on the day
 * (every change dated later) is not open either, as on the screens. The periods (db/status-periods.ts)
 * hold the status householdStatusOn gives, from the 受付日; an open period counts from its first day
 * until the day it ends, so the count is the periods started by `day` less those ended by it, summed
 * over the days kept for them (migration 1111).
 */
const openAt = (day: string) => sql<number>`(SELECT coalesce(sum(starts) - sum(ends), 0)
  FROM status_open_days WHERE day <= ${day})`;

export async function openHouseholdsAt(db: Kysely<Database>, day: string): Promise<number> {
  const { rows } = await sql<{ open: number }>`SELECT ${openAt(day)} AS open`.execute(db);
  return rows[0]?.open ?? 0;
}

/** The main table's six counts for one 年度 (two queries, each on an index). */
async function mainCounts(db: Kysely<Database>, fy: number): Promise<number[]> {
  const { start, end } = fiscalYearRange(fy);
  const previousEnd = fiscalYearRange(fy - 1).end;
  const [households, meetings] = await Promise.all([
    sql<{ received: number; before: number; continuing: number }>`SELECT
        (SELECT count(*) FROM households WHERE received_on >= ${start} AND received_on <= ${end}) AS received,
        ${openAt(previousEnd)} AS before,
        ${openAt(end)} AS continuing`.execute(db),
    // A 中止 meeting was not held (rule 22): it counts in no 開催回数.
    sql<{ consented: number; unconsented: number; plans: number }>`SELECT
        count(*) FILTER (WHERE kind = 'consented') AS consented,
        count(*) FILTER (WHERE kind = 'unconsented') AS unconsented,
        count(*) FILTER (WHERE plan_status = 'final') AS plans
      FROM meetings WHERE cancelled_at IS NULL AND held_on >= ${start} AND held_on <= ${end}`.execute(db),
  ]);
  const h = households.rows[0] ?? { received: 0, before: 0, continuing: 0 };
  const m = meetings.rows[0] ?? { consented: 0, unconsented: 0, plans: 0 };
  // Rule 14 by construction: 年度末継続 = 前年度末継続 + 受付 − 終結 (a 再開 counts against 終結).
  return [
    h.received,
    m.consented,
    m.unconsented,
    m.plans,
    h.before + h.received - h.continuing,
    h.continuing,
  ];
}

type BreakdownName = '課題' | '相談経路の分野' | '本人の年代' | '世帯員数' | '受付月';

/**
 * Each breakdown's counts for one 年度 in one query. The population: households received in the year
 * with valid consent on some day of it (rule 13, consentValidDuring in SQL). Each household is counted
 * by its principal (本人, or the first member when nobody is marked), its 世帯員数 (only those who
 * live in the household, not relatives drawn on the 家族構成図) and its referral's field. Those
 * figures are kept per household in 受付日 order (migration 1110), so the 年度 is one range of them.
 */
async function breakdownCounts(
  db: Kysely<Database>,
  fy: number,
): Promise<{ breakdown: BreakdownName; key: string | number | null; n: number }[]> {
  const { start, end } = fiscalYearRange(fy);
  const { rows } = await sql<{ breakdown: BreakdownName; key: string | number | null; n: number }>`
    WITH counted AS MATERIALIZED (
      SELECT received_on, referral_agency_id, birth_date, member_count AS size, issues
      FROM household_statistics_rows
      WHERE received_on >= ${start} AND received_on <= ${end} AND consented = 1)
    SELECT '課題' AS breakdown, i.value AS key, count(*) AS n
      FROM counted, json_each(counted.issues) i GROUP BY i.value
    UNION ALL SELECT '相談経路の分野', a.field, count(*)
      FROM counted LEFT JOIN agencies a ON a.id = counted.referral_agency_id GROUP BY a.field
    UNION ALL SELECT '本人の年代', CAST(substr(received_on, 1, 4) AS INTEGER) - CAST(substr(nullif(birth_date, ''), 1, 4) AS INTEGER)
        - (substr(received_on, 6, 5) < substr(birth_date, 6, 5)), count(*)
      FROM counted GROUP BY 2
    UNION ALL SELECT '世帯員数', size, count(*) FROM counted GROUP BY size
    UNION ALL SELECT '受付月', CAST(substr(received_on, 6, 2) AS INTEGER), count(*) FROM counted GROUP BY 2`.execute(
    db,
  );
  return rows;
}

/** The age on the 受付日 (ageOn, in SQL above) as the report's band; null when no birth date. */
function ageBand(age: number | null): string {
  if (age === null) return '不明';
  if (age < 10) return '10歳未満';
  if (age >= 90) return '90歳以上';
  return `${Math.floor(age / 10) * 10}代`;
}
const ageOrder = [
  '10歳未満',
  '10代',
  '20代',
  '30代',
  '40代',
  '50代',
  '60代',
  '70代',
  '80代',
  '90歳以上',
  '不明',
];
const sizeOrder = ['1人', '2人', '3人', '4人', '5人以上', '不明'];
const monthOrder = ['4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月'];
const householdSize = (size: number) => (size === 0 ? '不明' : size >= 5 ? '5人以上' : `${size}人`);

interface Breakdown {
  name: BreakdownName;
  /** The label of a row the query grouped by. */
  label: (key: string | number | null) => string;
  /** Fixed order of labels; others follow in their own order. */
  order: readonly string[];
  /** Every household in exactly one category: a 合計 row is printed (and protected). */
  additive: boolean;
}

function breakdowns(issueOrder: string[], fieldOrder: readonly string[]): Breakdown[] {
  return [
    { name: '課題', label: (issue) => String(issue), order: issueOrder, additive: false },
    {
      name: '相談経路の分野',
      label: (field) => (field === null ? '不明・なし' : String(field)),
      order: [...fieldOrder, '不明・なし'],
      additive: true,
    },
    {
      name: '本人の年代',
      label: (age) => ageBand(age === null ? null : Number(age)),
      order: ageOrder,
      additive: true,
    },
    { name: '世帯員数', label: (size) => householdSize(Number(size)), order: sizeOrder, additive: true },
    { name: '受付月', label: (month) => `${month}月`, order: monthOrder, additive: true },
  ];
}

export async function computeStatistics(
  db: Kysely<Database>,
  input: { fiscalYears: number[]; threshold: number; fieldOrder: readonly string[] },
): Promise<Statistics> {
  const years = input.fiscalYears;
  const tags = await db.selectFrom('issue_tags').select('name').orderBy('sort_order').execute();
  const main = mainItems.map((item) => ({ item, values: {} as Record<string, number> }));
  const counted: Awaited<ReturnType<typeof breakdownCounts>>[] = [];
  for (const fy of years) {
    const counts = await mainCounts(db, fy);
    counts.forEach((n, i) => {
      const row = main[i];
      if (row) row.values[String(fy)] = n;
    });
    counted.push(await breakdownCounts(db, fy));
  }

  let primary = 0;
  let secondary = 0;
  const tables: Record<string, StatisticsRow[]> = {};
  for (const b of breakdowns(
    tags.map((t) => t.name),
    input.fieldOrder,
  )) {
    const perYear = counted.map((rows) => {
      const byLabel = new Map<string, number>();
      for (const row of rows) {
        if (row.breakdown !== b.name) continue;
        const label = b.label(row.key);
        byLabel.set(label, (byLabel.get(label) ?? 0) + row.n);
      }
      return byLabel;
    });
    const seen = new Set(perYear.flatMap((m) => [...m.keys()]));
    const labels = b.additive
      ? [...b.order, ...[...seen].filter((l) => !b.order.includes(l))]
      : [...b.order.filter((l) => seen.has(l)), ...[...seen].filter((l) => !b.order.includes(l))];
    const counts = labels.map((label) => perYear.map((m) => m.get(label) ?? 0));
    if (b.additive) counts.push(years.map((_, y) => counts.reduce((sum, row) => sum + (row[y] ?? 0), 0)));
    const result = suppress({ counts, hasTotalRow: b.additive }, input.threshold);
    primary += result.primary;
    secondary += result.secondary;
    const rowLabels = b.additive ? [...labels, '合計'] : labels;
    tables[b.name] = rowLabels.map((label, r) => ({
      label,
      values: Object.fromEntries(years.map((fy, y) => [String(fy), result.cells[r]?.[y] ?? 0])),
    }));
  }

  return {
    fiscalYears: years,
    threshold: input.threshold,
    main,
    breakdowns: tables,
    suppression: {
      primary,
      secondary,
      explanation:
        primary + secondary === 0
          ? `${input.threshold}件未満の件数はありませんでした。`
          : `1〜${input.threshold - 1}件の件数 ${primary}か所を「＊」にしました。合計などから引き算で分からないよう、さらに ${secondary}か所を「＊」にしました。主な表の年度合計は公表値のため隠していません。`,
    },
  };
}
