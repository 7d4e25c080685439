import { expect, it } from 'vitest';
import { olderStores } from '../../electron/services/testing/older-store.js';

const storeAt = olderStores();

it('0820: 同意と範囲は残り、移行データの「書面」は「不明」に、第1版の支援経過の修正は理由なしの訂正として残る', async () => {
  const { old, upgrade } = await storeAt(810);
  old.sqlite.exec(`
    INSERT INTO households (id, case_no, case_no_key, received_on, label, status, created_at, updated_at)
      VALUES ('h1', 'R6-001', 'r6-001', '2024-05-01', 'A氏世帯', 'received', 'now', 'now');
    INSERT INTO agencies (id, field, name, created_at) VALUES ('a1', '高齢', 'テスト包括', 'now');
    INSERT INTO consents (id, household_id, obtained_on, method, obtained_by, all_agencies, created_at)
      VALUES ('c1', 'h1', '2024-06-01', 'written', '（移行データ）', 0, 'now'),
             ('c2', 'h1', '2024-07-01', 'written', '相談 花子', 0, 'now'),
             ('c3', 'h1', '2024-08-01', 'oral', '（移行データ）', 1, 'now');
    INSERT INTO consent_agencies (consent_id, agency_id) VALUES ('c1', 'a1'), ('c2', 'a1');
    INSERT INTO progress_notes (id, household_id, noted_on, content, revision, created_at, updated_at)
      VALUES ('n1', 'h1', '2024-05-02', '直した記録', 2, 'now', 'now');
    INSERT INTO progress_note_revisions (note_id, revision, noted_on, staff, content, next_plan, replaced_at, user_id)
      VALUES ('n1', 1, '2024-05-01', '', '最初の記録', '', '2024-05-03T00:00:00.000Z', 'u1');
  `);
  await old.close();

  const store = await upgrade();
  const q = (text: string) => store.sqlite.prepare(text).all();
  expect(q('SELECT id, method, voided_at FROM consents ORDER BY id')).toEqual([
    { id: 'c1', method: 'unknown', voided_at: null },
    { id: 'c2', method: 'written', voided_at: null },
    { id: 'c3', method: 'oral', voided_at: null },
  ]);
  expect(q('SELECT consent_id, agency_id FROM consent_agencies ORDER BY consent_id')).toEqual([
    { consent_id: 'c1', agency_id: 'a1' },
    { consent_id: 'c2', agency_id: 'a1' },
  ]);
  expect(q('SELECT target_type, target_id, action, reason, before_json FROM record_corrections')).toEqual([
    {
      target_type: 'progressNote',
      target_id: 'n1',
      action: 'correct',
      reason: '',
      before_json: JSON.stringify({
        notedOn: '2024-05-01',
        agencyId: null,
        staff: '',
        content: '最初の記録',
        nextPlan: '',
      }),
    },
  ]);
  // The foreign key still cascades from the renamed consents table.
  store.sqlite.exec(`DELETE FROM consents WHERE id = 'c1'`);
  expect(q(`SELECT count(*) AS n FROM consent_agencies WHERE consent_id = 'c1'`)).toEqual([{ n: 0 }]);
  expect(q('PRAGMA foreign_key_check')).toEqual([]);
  await store.close();
});
