import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBenchData, seedBenchMeetings } from '../../scripts/bench/seed.js';
import { officeDate } from '../domain/office-day.js';
import { deskOn } from './desk.js';
import { type PlannedStatement, withPlans } from './testing/query-plans.js';
import { dayCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';

let vault: Awaited<ReturnType<typeof signedInVault>>;
beforeAll(async () => {
  vault = await signedInVault();
  const ids = await seedBenchData(vault.db, { households: 200, notesPerHousehold: 1 });
  await seedBenchMeetings(vault.db, ids, 100, false);
}, 120_000);
afterAll(async () => vault.close());

/** Every statement deskOn runs on the day (as of an earlier one when given), each with its plan as SQLite makes it. */
async function deskPlans(day: string, asOf?: string): Promise<PlannedStatement[]> {
  const { statements } = await withPlans(vault.session.signedIn().store.sqlite, (db) =>
    deskOn(dayCtx(db, day), asOf ? { asOf } : {}),
  );
  return statements;
}

describe('ホームの「会議の後の作業」は、済んでいない会議の索引だけを読む', () => {
  it('様式4かプランの確定が残る会議は部分索引 meetings_unfinished の範囲、その日より後に様式4を出した会議は meetings_reported の範囲', async () => {
    const { sqlite } = vault.session.signedIn().store;
    const { result: desk, statements } = await withPlans(sqlite, (db) =>
      deskOn(dayCtx(db, '2026-11-30'), {}),
    );
    // One in fifty seeded meetings is still open (seed.ts): two of the hundred.
    expect(desk.plansUnconfirmed.length + desk.reportsMissing.length).toBeGreaterThan(0);
    const after = statements.filter(
      (q) => q.sql.includes('"m"."reported_at"') && q.sql.includes('"m"."migrated"'),
    );
    expect(after.map((q) => q.plan.filter((line) => /^(SEARCH|SCAN) m /.test(line)))).toEqual([
      [expect.stringMatching(/^SEARCH m USING INDEX meetings_unfinished \(held_on<\?\)/)],
      [expect.stringMatching(/^SEARCH m USING INDEX meetings_reported \(reported_at>\?\)/)],
    ]);
    // No meeting is probed for its 様式4 one by one.
    expect(statements.filter((q) => q.sql.includes("'form4'"))).toEqual([]);
  }, 60_000);
});

describe('ホームは会議の数だけ行を読まない（会議の後の作業・未回収の配布番号）', () => {
  it('未回収の写しは回収日・廃棄日の索引から探す', async () => {
    const ran = await deskPlans('2026-11-30');
    const copies = ran.find((q) => q.sql.includes('"distributed_copies"'));
    expect(copies, ran.map((q) => q.sql).join('\n')).toBeDefined();
    const { sqlite } = vault.session.signedIn().store;
    const plan = copies?.plan ?? [];
    // The copies are where the search starts, by an index led by 回収日; meetings are looked up by id.
    const first = plan.find((line) => /^(SEARCH|SCAN) /.test(line)) ?? '';
    const index = first.match(/^SEARCH c USING (?:COVERING )?INDEX (\S+)/)?.[1];
    expect(index, plan.join('\n')).toBeDefined();
    const columns = (sqlite.prepare(`PRAGMA index_info(${index})`).all() as { name: string }[]).map(
      (c) => c.name,
    );
    expect(columns[0]).toBe('collected_on');
    expect(plan.filter((line) => /^(SEARCH|SCAN) m /.test(line))).toEqual([
      expect.stringMatching(/^SEARCH m USING INDEX sqlite_autoindex_meetings_1 \(id=\?\)/),
    ]);
  }, 60_000);
});

describe('過去の日のホームは、その日に支援中の世帯を状態の期間の索引から読む', () => {
  it('状態の変更をすべて読まず、status_periods の索引の範囲だけを読む', async () => {
    const ran = await deskPlans('2026-11-30', '2024-06-30');
    expect(ran.some((q) => q.sql.includes('"status_changes"'))).toBe(false);
    const active = ran.find((q) => q.sql.includes('"status_periods"'));
    expect(active, ran.map((q) => q.sql).join('\n')).toBeDefined();
    expect(active?.plan).toEqual([
      expect.stringMatching(/^SEARCH status_periods USING COVERING INDEX status_periods_open/),
    ]);
  }, 60_000);
});

describe('ホームの「長く動きのない世帯」は、支援中の世帯の最終活動日の索引の範囲を一度読む', () => {
  it('households_quiet の範囲だけを読み、世帯ごとに経過・会議・状態の変更を探さない', async () => {
    const today = officeDate(new Date());
    const { sqlite } = vault.session.signedIn().store;
    const { result: desk, statements } = await withPlans(sqlite, (db) => deskOn(dayCtx(db, today), {}));
    // The bench's households as seeded today: a tenth of those 支援中 have been quiet for a month or more.
    expect(desk.quietHouseholds.length).toBeGreaterThan(0);
    const kept = statements.find((q) => q.sql.includes('"last_activity_on"'));
    expect(kept, statements.map((q) => q.sql).join('\n')).toBeDefined();
    expect(kept?.plan).toEqual([
      expect.stringMatching(
        /^SEARCH households USING COVERING INDEX households_quiet \(status=\? AND last_activity_on<\?\)/,
      ),
    ]);
    // What is dated after the day is found by the date indexes (a range from the day on, not every note).
    const later = statements.find((q) => q.sql.includes('UNION ALL SELECT household_id FROM meetings'));
    expect(later?.plan.filter((line) => /^(SEARCH|SCAN) /.test(line))).toEqual([
      expect.stringMatching(/^SEARCH progress_notes USING INDEX progress_notes_noted_on \(noted_on>\?\)/),
      expect.stringMatching(/^SEARCH meetings USING (COVERING )?INDEX \S+ \(held_on>\?\)/),
      expect.stringMatching(/^SEARCH status_changes USING INDEX status_changes_day \(changed_on>\?\)/),
    ]);
    // Nothing is dated after today, so no household's latest activity is looked up one by one, and
    // the 支援中 households are not read all at once.
    expect(statements.filter((q) => q.sql.includes('max(p.noted_on)'))).toEqual([]);
    expect(statements.filter((q) => /from "households" where "status" = \?$/.test(q.sql))).toEqual([]);
  }, 60_000);
});
