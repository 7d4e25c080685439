import { expect, it } from 'vitest';
import { olderStores } from '../../electron/services/testing/older-store.js';

const storeAt = olderStores();

it('0830: 取り込んだ開催済みの会議だけが移行データになり、画面で予定した会議と今後の会議はならない', async () => {
  const { old, upgrade } = await storeAt(820);
  const meeting = (id: string, heldOn: string) =>
    `('${id}', '${id}', 'h1', 'unconsented', '${heldOn}', '[]', '[]', '[]', '${heldOn}', 'none', 'now', 'now')`;
  old.sqlite.exec(`
    INSERT INTO households (id, case_no, case_no_key, received_on, label, status, created_at, updated_at)
      VALUES ('h1', 'R6-001', 'r6-001', '2024-05-01', 'A氏世帯', 'received', 'now', 'now');
    INSERT INTO meetings (id, meeting_no, household_id, kind, held_on, agenda_json, report_sections_json,
        handouts_json, issued_on, plan_status, created_at, updated_at)
      VALUES ${meeting('imported', '2024-06-01')}, ${meeting('scheduled', '2024-07-01')},
             ${meeting('future', '2999-01-01')};
    INSERT INTO audit_events (at, user_id, kind, target_type, target_id, detail_json, prev_hash, hash)
      VALUES ('now', NULL, 'meeting.created', 'meeting', 'scheduled', '{}', 'x', 'y');
  `);
  await old.close();

  const store = await upgrade();
  const q = (text: string) => store.sqlite.prepare(text).all();
  expect(q('SELECT id, migrated, cancelled_at, cancel_reason FROM meetings ORDER BY held_on')).toEqual([
    { id: 'imported', migrated: 1, cancelled_at: null, cancel_reason: null },
    { id: 'scheduled', migrated: 0, cancelled_at: null, cancel_reason: null },
    { id: 'future', migrated: 0, cancelled_at: null, cancel_reason: null },
  ]);
  store.sqlite.exec(
    `INSERT INTO plan_unfinalizations (meeting_id, reason, created_at) VALUES ('imported', '誤り', 'now')`,
  );
  store.sqlite.exec(`DELETE FROM meetings WHERE id = 'imported'`);
  expect(q('SELECT count(*) AS n FROM plan_unfinalizations')).toEqual([{ n: 0 }]);
  await store.close();
});
