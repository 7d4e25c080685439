import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBenchData, seedBenchMeetings } from '../../../scripts/bench/seed.js';
import { type PlannedStatement, withPlans } from '../testing/query-plans.js';
import { dayCtx } from '../testing/service-context.js';
import { signedInVault } from '../testing/signed-in-vault.js';
import { statisticsFor } from './index.js';

let vault: Awaited<ReturnType<typeof signedInVault>>;
beforeAll(async () => {
  vault = await signedInVault();
  const ids = await seedBenchData(vault.db, { households: 300, notesPerHousehold: 1 });
  await seedBenchMeetings(vault.db, ids, 60, false);
}, 120_000);
afterAll(async () => vault.close());

/** Every statement the statistics run, as SQLite plans it. */
async function plans(fiscalYears: number[]): Promise<PlannedStatement[]> {
  const { result: stats, statements } = await withPlans(vault.session.signedIn().store.sqlite, (db) =>
    statisticsFor(dayCtx(db, '2026-11-22'), { fiscalYears, threshold: 3 }),
  );
  expect(stats.main[0]?.values[String(fiscalYears[0])]).toBeGreaterThan(0);
  // The breakdowns count someone in every year, or their per-household lookups never run: before
  // 8fec9b2 the seed gave 2024年度 only odd households and consent only to even ones (none counted).
  for (const fy of fiscalYears)
    expect(stats.breakdowns.受付月?.find((r) => r.label === '合計')?.values[String(fy)]).toBeGreaterThan(0);
  return statements;
}

/** The tables that grow with the office; agencies and issue_tags are short lists. */
const big = [
  'households',
  'members',
  'consents',
  'status_changes',
  'status_periods',
  'meetings',
  'household_issues',
  'household_statistics_rows',
  'status_open_days',
];

describe('年度の統計は索引を引く集計だけで数える（全件を読まない）', () => {
  for (const years of [[2024], [2022, 2023, 2024]]) {
    it(`${years.join('・')}年度: 大きな表の全件走査がなく、統計用の索引を使う`, async () => {
      const ran = await plans(years);
      const used = new Set<string>();
      for (const { sql, plan } of ran) {
        const aliases = new Set(big);
        for (const m of sql.matchAll(
          /\b(households|members|consents|status_changes|status_periods|meetings|household_issues)\s+([a-z])\b/g,
        ))
          if (m[2]) aliases.add(m[2]);
        // A SCAN of a big table (or of its alias) reads every row; a SEARCH reads a range of an index.
        const scans = plan.filter((line) => aliases.has(line.match(/^SCAN (\S+)/)?.[1] ?? ''));
        expect(scans, `${sql}\n${plan.join('\n')}`).toEqual([]);
        for (const line of plan) for (const m of line.matchAll(/INDEX (\S+)/g)) if (m[1]) used.add(m[1]);
      }
      expect([...used].sort()).toEqual(
        expect.arrayContaining(['households_received_referral', 'meetings_held_counts']),
      );
      // The households open on a day are a sum over the kept days up to it (migration 1111), not a
      // walk of every open period that ends after it.
      const main = ran.filter((s) => s.sql.includes('status_open_days'));
      expect(main).toHaveLength(years.length);
      for (const { sql, plan } of main) {
        expect(
          plan.filter((line) => line.includes('status_open_days')),
          sql,
        ).toEqual([
          'SEARCH status_open_days USING PRIMARY KEY (day<?)',
          'SEARCH status_open_days USING PRIMARY KEY (day<?)',
        ]);
        expect(sql).not.toMatch(/\bstatus_periods\b/);
      }
      // The breakdowns read each 年度 as one range of the kept rows (migration 1110), and nothing of
      // the per-household tables they were once looked up in one household at a time.
      const breakdown = ran.filter((s) => s.sql.includes('household_statistics_rows'));
      expect(breakdown).toHaveLength(years.length);
      for (const { sql, plan } of breakdown) {
        expect(plan, sql).toContain(
          'SEARCH household_statistics_rows USING PRIMARY KEY (received_on>? AND received_on<?)',
        );
        expect(sql).not.toMatch(/\b(members|consents|household_issues|households)\b/);
      }
      expect(ran.filter((s) => /\b(members|consents|household_issues)\b/.test(s.sql))).toEqual([]);
      expect(ran.length).toBeLessThanOrEqual(1 + 3 * years.length);
    }, 60_000);
  }
});
