import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listHouseholds } from './household-page.js';
import { insertHousehold } from './households.js';
import { withPlans } from './testing/query-plans.js';
import { dayCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';

const now = new Date('2026-11-22T01:00:00Z');
const today = '2026-11-22';
let vault: Awaited<ReturnType<typeof signedInVault>>;
const ids: string[] = [];
beforeAll(async () => {
  vault = await signedInVault();
  for (const [caseNo, receivedOn] of [
    ['R8-001', '2026-04-10'],
    ['R8-002', '2026-05-01'],
  ] as const)
    ids.push(
      await insertHousehold(
        vault.db,
        null,
        { caseNo, receivedOn, label: `${caseNo}世帯`, referralAgencyId: null, issues: [], note: '' },
        now,
      ),
    );
  const note = (id: string, householdId: string, notedOn: string, voidedAt: string | null) => ({
    id,
    household_id: householdId,
    noted_on: notedOn,
    agency_id: null,
    staff: '相談 花子',
    content: '訪問した',
    next_plan: '',
    revision: 1,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    voided_at: voidedAt,
  });
  await vault.db
    .insertInto('progress_notes')
    .values([
      note('n1', ids[0] ?? '', '2026-06-01', null),
      // A voided note never counts as activity, however late.
      note('n2', ids[0] ?? '', '2026-10-01', now.toISOString()),
    ])
    .execute();
  // A round-1 number another household had after normalisation (0800): both are marked.
  const { sqlite } = vault.session.signedIn().store;
  sqlite
    .prepare(`INSERT INTO households (id, case_no, case_no_key, case_no_duplicate, label, status, received_on,
      sort_kana, note, created_at, updated_at)
      SELECT 'dup', 'R8－001', case_no_key, 1, '重複', status, received_on, sort_kana, '', created_at, updated_at
      FROM households WHERE id = ?`)
    .run(ids[0]);
});
afterAll(async () => vault.close());

describe('世帯一覧の1ページ', () => {
  it('最終活動日は取り消した支援経過を数えず、受付番号の重複は両方に印がつく', async () => {
    const rows = await listHouseholds(dayCtx(vault.db, today), { query: '', sort: 'caseNo', limit: 50 });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids[0] ?? '')).toMatchObject({ lastActivityOn: '2026-06-01', caseNoDuplicate: true });
    expect(byId.get('dup')).toMatchObject({ caseNoDuplicate: true });
    expect(byId.get(ids[1] ?? '')).toMatchObject({ lastActivityOn: '2026-05-01', caseNoDuplicate: false });
  });

  it('保っておいた一覧の行を、世帯ごとに世帯IDの索引で1回だけ読む（EXPLAIN QUERY PLAN）', async () => {
    const { statements } = await withPlans(vault.session.signedIn().store.sqlite, (db) =>
      listHouseholds(dayCtx(db, today), { query: '', sort: 'receivedOn', limit: 50 }),
    );
    const page = statements.find((q) => q.sql.includes('json_each(?) j'));
    if (!page) throw new Error('the page statement did not run');
    // The kept row (migrations 1070, 1090) by its household id, nothing else: no subquery, no sort.
    expect(page.plan).toEqual([
      'SCAN j VIRTUAL TABLE INDEX 1:',
      'SEARCH r USING INDEX sqlite_autoindex_household_list_rows_1 (household_id=?)',
    ]);
  });
});
