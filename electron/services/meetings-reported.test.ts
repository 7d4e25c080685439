import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { olderStores } from './testing/older-store.js';

/**
 * meetings.reported_at (migration 1081) against its definition, the first 様式4 issued for the meeting:
 * after the backfill of an older vault, and after issues are added, moved, changed and deleted.
 */
describe('会議の様式4の初回発行日時（meetings.reported_at）は、いつも発行の記録から計算し直したものと同じ', () => {
  const storeAt = olderStores();

  it('移行で埋まり、発行の追加・訂正・削除のたびに最初の様式4の日時になる（ほかの様式は数えない）', async () => {
    const { old, upgrade } = await storeAt(1080);
    old.sqlite
      .prepare(
        `INSERT INTO households (id, case_no, case_no_key, received_on, label, status, created_at, updated_at)
         VALUES ('h', 'H-1', 'H-1', '2024-05-01', '世帯', 'active', 'now', 'now')`,
      )
      .run();
    const meeting = old.sqlite.prepare(
      `INSERT INTO meetings (id, meeting_no, household_id, kind, held_on, start_time, end_time, place, agenda_json,
         report_sections_json, handouts_json, issued_on, plan_status, created_at, updated_at)
       VALUES (?, ?, 'h', 'consented', '2024-06-01', '14:00', '15:00', '会議室', '[]', '[]', '[]', '2024-05-20', 'final', 'now', 'now')`,
    );
    const issue = (sqlite: typeof old.sqlite, meetingId: string, document: string, at: string) =>
      sqlite
        .prepare(
          `INSERT INTO document_issues (id, meeting_id, household_id, document, copies, purpose, purpose_note, names,
             names_reason, action, user_id, created_at)
           VALUES (?, ?, 'h', ?, 1, 'meeting', '', 'real', NULL, 'save', 'u', ?)`,
        )
        .run(randomUUID(), meetingId, document, at);
    for (const id of ['a', 'b', 'c', 'd']) meeting.run(id, `M-${id}`);
    issue(old.sqlite, 'a', 'form4', '2024-06-03T01:00:00.000Z');
    issue(old.sqlite, 'a', 'form4', '2024-06-02T01:00:00.000Z');
    issue(old.sqlite, 'b', 'form2', '2024-06-02T01:00:00.000Z');
    await old.close();

    const store = await upgrade();
    const { sqlite } = store;
    const expectFromIssues = () => {
      const kept = sqlite.prepare('SELECT id, reported_at FROM meetings ORDER BY id').all();
      const recomputed = sqlite
        .prepare(
          `SELECT m.id, (SELECT min(d.created_at) FROM document_issues d WHERE d.meeting_id = m.id AND d.document = 'form4')
             AS reported_at FROM meetings m ORDER BY m.id`,
        )
        .all();
      expect(kept).toEqual(recomputed);
    };
    expect(sqlite.prepare('SELECT id, reported_at FROM meetings ORDER BY id').all()).toEqual([
      { id: 'a', reported_at: '2024-06-02T01:00:00.000Z' },
      { id: 'b', reported_at: null },
      { id: 'c', reported_at: null },
      { id: 'd', reported_at: null },
    ]);
    issue(sqlite, 'c', 'form4', '2024-06-05T01:00:00.000Z');
    expectFromIssues();
    issue(sqlite, 'c', 'form4', '2024-06-04T01:00:00.000Z');
    issue(sqlite, 'c', 'form1', '2024-05-21T01:00:00.000Z');
    expectFromIssues();
    // Moved to another meeting, made another 様式, dated again, deleted: each recomputes.
    sqlite
      .prepare(
        `UPDATE document_issues SET meeting_id = 'd' WHERE meeting_id = 'c' AND created_at LIKE '2024-06-04%'`,
      )
      .run();
    expectFromIssues();
    sqlite
      .prepare(
        `UPDATE document_issues SET document = 'form5' WHERE meeting_id = 'a' AND created_at LIKE '2024-06-02%'`,
      )
      .run();
    expectFromIssues();
    sqlite
      .prepare(
        `UPDATE document_issues SET created_at = '2024-06-01T09:00:00.000Z' WHERE meeting_id = 'c' AND document = 'form4'`,
      )
      .run();
    expectFromIssues();
    sqlite.prepare(`DELETE FROM document_issues WHERE meeting_id = 'a' AND document = 'form4'`).run();
    expectFromIssues();
    expect(sqlite.prepare(`SELECT reported_at FROM meetings WHERE id = 'a'`).pluck().get()).toBeNull();
    await store.close();
  });
});
