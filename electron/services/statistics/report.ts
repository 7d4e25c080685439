import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { consentValidDuring } from '../../domain/consent.js';
import { ageOn } from '../../domain/dates.js';
import { fiscalYearRange } from '../../domain/fiscal-year.js';
import { householdStatusOn } from '../../domain/status-history.js';
import type { Statistics, StatisticsRow } from '../../ipc/schemas/statistics.js';
import { activeStatusChanges } from '../household-status.js';
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

interface HouseholdFacts {
  id: string;
  receivedOn: string;
  referralField: string | null;
  issues: string[];
  memberCount: number;
  principalBirthDate: string | null;
  consents: { obtainedOn: string; withdrawnOn: string | null }[];
}

/** Facts about the households received between `from` and `to` (the breakdowns' population). */
async function loadFacts(db: Kysely<Database>, from: string, to: string): Promise<HouseholdFacts[]> {
  const received = db
    .selectFrom('households')
    .select('id')
    .where('received_on', '>=', from)
    .where('received_on', '<=', to);
  const [households, issues, members, consents] = await Promise.all([
    db
      .selectFrom('households as h')
      .leftJoin('agencies as a', 'a.id', 'h.referral_agency_id')
      .select(['h.id', 'h.received_on', 'a.field'])
      .where('h.received_on', '>=', from)
      .where('h.received_on', '<=', to)
      .execute(),
    db
      .selectFrom('household_issues')
      .select(['household_id', 'issue'])
      .where('household_id', 'in', received)
      .execute(),
    db
      .selectFrom('members')
      .select(['household_id', 'birth_date', 'is_principal', 'position', 'lives_in_household'])
      .where('household_id', 'in', received)
      .where('voided_at', 'is', null)
      .execute(),
    db
      .selectFrom('consents')
      .select(['household_id', 'obtained_on', 'withdrawn_on'])
      .where('household_id', 'in', received)
      .where('voided_at', 'is', null)
      .execute(),
  ]);
  const facts = new Map<string, HouseholdFacts>(
    households.map((h) => [
      h.id,
      {
        id: h.id,
        receivedOn: h.received_on,
        referralField: h.field,
        issues: [],
        memberCount: 0,
        principalBirthDate: null,
        consents: [],
      },
    ]),
  );
  for (const i of issues) facts.get(i.household_id)?.issues.push(i.issue);
  for (const [householdId, list] of Map.groupBy(members, (m) => m.household_id)) {
    const f = facts.get(householdId);
    if (!f) continue;
    // 世帯員数: only those who live in the household, not relatives drawn on the 家族構成図.
    f.memberCount = list.filter((m) => m.lives_in_household === 1).length;
    // The principal (本人), or the first member when nobody is marked.
    const first = list.reduce((a, b) => (b.position < a.position ? b : a));
    f.principalBirthDate = (list.find((m) => m.is_principal === 1) ?? first).birth_date;
  }
  for (const c of consents)
    facts.get(c.household_id)?.consents.push({ obtainedOn: c.obtained_on, withdrawnOn: c.withdrawn_on });
  return [...facts.values()];
}

/**
 * Households open at the end of `day`: received by then and not 終結 on that day by the one function
 * the screens use (a household closed on 31 March is closed, not continuing; voided changes are out).
 */
export async function openHouseholdsAt(db: Kysely<Database>, day: string): Promise<number> {
  const ids = (await db.selectFrom('households').select('id').where('received_on', '<=', day).execute()).map(
    (h) => h.id,
  );
  const changes = await activeStatusChanges(db, ids);
  return ids.filter((id) => {
    const status = householdStatusOn(changes.get(id) ?? [], day);
    return status !== null && status !== 'closed';
  }).length;
}

/** Rule 13: a household enters the breakdowns for a year only if it had valid consent in that year. */
function consentedDuring(f: HouseholdFacts, fy: number): boolean {
  const { start, end } = fiscalYearRange(fy);
  return f.consents.some((c) => consentValidDuring(c, start, end));
}

function ageBand(f: HouseholdFacts): string {
  if (!f.principalBirthDate) return '不明';
  const age = ageOn(f.principalBirthDate, f.receivedOn);
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
const householdSize = (f: HouseholdFacts) =>
  f.memberCount === 0 ? '不明' : f.memberCount >= 5 ? '5人以上' : `${f.memberCount}人`;

interface Breakdown {
  name: string;
  /** Categories a household falls in (several for 課題). */
  categorise: (f: HouseholdFacts) => string[];
  /** Fixed order of labels; others follow in their own order. */
  order: readonly string[];
  /** Every household in exactly one category: a 合計 row is printed (and protected). */
  additive: boolean;
}

function breakdowns(issueOrder: string[], fieldOrder: readonly string[]): Breakdown[] {
  return [
    { name: '課題', categorise: (f) => f.issues, order: issueOrder, additive: false },
    {
      name: '相談経路の分野',
      categorise: (f) => [f.referralField ?? '不明・なし'],
      order: [...fieldOrder, '不明・なし'],
      additive: true,
    },
    { name: '本人の年代', categorise: (f) => [ageBand(f)], order: ageOrder, additive: true },
    { name: '世帯員数', categorise: (f) => [householdSize(f)], order: sizeOrder, additive: true },
    {
      name: '受付月',
      categorise: (f) => [`${Number(f.receivedOn.slice(5, 7))}月`],
      order: monthOrder,
      additive: true,
    },
  ];
}

export async function computeStatistics(
  db: Kysely<Database>,
  input: { fiscalYears: number[]; threshold: number; fieldOrder: readonly string[] },
): Promise<Statistics> {
  const years = input.fiscalYears;
  const first = fiscalYearRange(Math.min(...years)).start;
  const last = fiscalYearRange(Math.max(...years)).end;
  const [facts, meetings, tags] = await Promise.all([
    loadFacts(db, first, last),
    db
      .selectFrom('meetings')
      .select(['kind', 'held_on', 'plan_status'])
      // A 中止 meeting was not held (rule 22): it counts in no 開催回数.
      .where('cancelled_at', 'is', null)
      .where('held_on', '>=', first)
      .where('held_on', '<=', last)
      .execute(),
    db.selectFrom('issue_tags').select('name').orderBy('sort_order').execute(),
  ]);

  const main = mainItems.map((item) => ({ item, values: {} as Record<string, number> }));
  for (const fy of years) {
    const { start, end } = fiscalYearRange(fy);
    const held = meetings.filter((m) => m.held_on >= start && m.held_on <= end);
    const received = facts.filter((f) => f.receivedOn >= start && f.receivedOn <= end).length;
    const continuingBefore = await openHouseholdsAt(db, fiscalYearRange(fy - 1).end);
    const continuing = await openHouseholdsAt(db, end);
    // Rule 14 by construction: 年度末継続 = 前年度末継続 + 受付 − 終結 (a 再開 counts against 終結).
    const counts = [
      received,
      held.filter((m) => m.kind === 'consented').length,
      held.filter((m) => m.kind === 'unconsented').length,
      held.filter((m) => m.plan_status === 'final').length,
      continuingBefore + received - continuing,
      continuing,
    ];
    counts.forEach((n, i) => {
      const row = main[i];
      if (row) row.values[String(fy)] = n;
    });
  }

  let primary = 0;
  let secondary = 0;
  const tables: Record<string, StatisticsRow[]> = {};
  for (const b of breakdowns(
    tags.map((t) => t.name),
    input.fieldOrder,
  )) {
    const perYear = years.map((fy) => {
      const { start, end } = fiscalYearRange(fy);
      const counted = new Map<string, number>();
      for (const f of facts) {
        if (f.receivedOn < start || f.receivedOn > end || !consentedDuring(f, fy)) continue;
        for (const label of b.categorise(f)) counted.set(label, (counted.get(label) ?? 0) + 1);
      }
      return counted;
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
