import { expect, it } from 'vitest';
import { listHouseholds } from './household-page.js';
import { olderStores } from './testing/older-store.js';
import { dayCtx } from './testing/service-context.js';

const storeAt = olderStores();

it('第1版で索引された 𠮷田・髙橋 も、移行後は 吉田・高橋 で見つかる（0810）', async () => {
  const { old, upgrade } = await storeAt(300);
  for (const [id, name] of [
    ['h1', '𠮷田 花子'],
    ['h2', '髙橋 一郎'],
  ] as const) {
    old.sqlite
      .prepare(
        `INSERT INTO households (id, case_no, received_on, label, status, created_at, updated_at)
         VALUES (?, ?, '2024-05-01', 'A氏世帯', 'received', 'now', 'now')`,
      )
      .run(id, `R6-${id}`);
    old.sqlite
      .prepare(
        `INSERT INTO members (id, household_id, label, position, name, sex) VALUES (?, ?, 'A', 0, ?, 'unknown')`,
      )
      .run(`m-${id}`, id, name);
    // Round 1's own index row: width and case folded, 異体字 left as typed.
    old.sqlite
      .prepare('INSERT INTO household_search_terms (household_id, text) VALUES (?, ?)')
      .run(id, name.replace(/\s/g, ''));
  }
  await old.close();

  const store = await upgrade();
  const find = async (query: string) =>
    (await listHouseholds(dayCtx(store.db, '2026-11-22'), { query, sort: 'receivedOn', limit: 10 })).map(
      (h) => h.id,
    );
  expect(await find('吉田')).toEqual(['h1']);
  expect(await find('高橋一郎')).toEqual(['h2']);
  await store.close();
});
