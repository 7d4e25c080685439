import { expect, it } from 'vitest';
import { searchHouseholdIds } from './household-search.js';
import { olderStores } from './testing/older-store.js';

const storeAt = olderStores();

it('移行後は、前からある世帯も1文字・2文字で索引から見つかり、三文字索引の表は残らない（1000）', async () => {
  const { old, upgrade } = await storeAt(820);
  for (const [id, name, kana, on] of [
    ['h1', '𠮷田 花子', 'よしだ はなこ', '2024-05-01'],
    ['h2', '山田 一郎', 'やまだ いちろう', '2024-06-01'],
  ] as const) {
    old.sqlite
      .prepare(
        `INSERT INTO households (id, case_no, case_no_key, received_on, label, status, sort_kana, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'A氏世帯', 'received', ?, 'now', 'now')`,
      )
      .run(id, `R6-${id}`, `r6-${id}`, on, kana.replace(' ', ''));
    old.sqlite
      .prepare(
        `INSERT INTO members (id, household_id, label, position, name, kana, sex) VALUES (?, ?, 'A', 0, ?, ?, 'unknown')`,
      )
      .run(`m-${id}`, id, name, kana);
    old.sqlite
      .prepare('INSERT INTO household_search_terms (household_id, text) VALUES (?, ?)')
      .run(id, name.replace(/\s/g, ''));
  }
  await old.close();

  const store = await upgrade();
  const find = (query: string, sort: 'receivedOn' | 'kana' = 'receivedOn') =>
    searchHouseholdIds(store.db, { query, sort, limit: 10 });
  expect(await find('田')).toEqual(['h2', 'h1']);
  expect(await find('田', 'kana')).toEqual(['h2', 'h1']);
  expect(await find('吉田')).toEqual(['h1']);
  expect(await find('いちろう')).toEqual(['h2']);
  const tables = store.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE name LIKE 'household_search%' ORDER BY name`)
    .pluck()
    .all();
  expect(tables).not.toContain('household_search');
  expect(tables).toContain('household_search_received');
  await store.close();
});
