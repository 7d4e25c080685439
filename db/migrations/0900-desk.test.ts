import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempDataDir } from '../../electron/services/testing/temp-data-dir.js';
import { openStore } from '../open.js';
import { migrations } from './index.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDataDir());
});
afterEach(async () => cleanup());

it('0900: 既存の支援経過は検索に載り（異体字を畳んで）、出欠は未確認、口頭の同意は書面未受領', async () => {
  const key = randomBytes(32);
  const path = join(dir, 'kasane.db');
  const old = await openStore(path, key, {
    create: true,
    migrations: migrations.filter((m) => m.version < 900),
  });
  old.sqlite.exec(`
    INSERT INTO households (id, case_no, case_no_key, received_on, label, status, created_at, updated_at)
      VALUES ('h1', 'R6-001', 'r6-001', '2024-05-01', 'A氏世帯', 'active', 'now', 'now');
    INSERT INTO agencies (id, field, name, created_at) VALUES ('a1', '高齢', 'テスト包括', 'now');
    INSERT INTO progress_notes (id, household_id, noted_on, content, next_plan, revision, created_at, updated_at)
      VALUES ('n1', 'h1', '2024-05-02', '髙橋さんと﨑山さんに会った', '電話する', 1, 'now', 'now');
    INSERT INTO meetings (id, meeting_no, household_id, kind, held_on, agenda_json, report_sections_json, handouts_json, issued_on, plan_status, created_at, updated_at)
      VALUES ('m1', 'R6-001-1', 'h1', 'unconsented', '2024-06-01', 'null', 'null', '[]', '2024-05-20', 'none', 'now', 'now');
    INSERT INTO meeting_attendees (id, meeting_id, agency_id, position) VALUES ('t1', 'm1', 'a1', 0);
    INSERT INTO consents (id, household_id, obtained_on, method, obtained_by, created_at)
      VALUES ('c1', 'h1', '2024-06-10', 'oral', '相談 花子', 'now');
  `);
  await old.close();

  const store = await openStore(path, key);
  const q = (text: string) => store.sqlite.prepare(text).all();
  expect(
    q(`SELECT t.note_id FROM progress_note_search_terms t WHERE t.rowid IN
      (SELECT rowid FROM progress_note_search WHERE progress_note_search MATCH '"高橋さん"')`),
  ).toEqual([{ note_id: 'n1' }]);
  expect(q(`SELECT note_id FROM progress_note_search_terms WHERE instr(text, '崎山') > 0`)).toEqual([
    { note_id: 'n1' },
  ]);
  expect(q('SELECT means, next_on FROM progress_notes')).toEqual([{ means: null, next_on: null }]);
  expect(q('SELECT attendance FROM meeting_attendees')).toEqual([{ attendance: 'unknown' }]);
  expect(q('SELECT written_on FROM consents')).toEqual([{ written_on: null }]);
  expect(q('PRAGMA foreign_key_check')).toEqual([]);
  await store.close();
});
