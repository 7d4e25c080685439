import { describe, expect, it } from 'vitest';
import { olderStores } from '../../electron/services/testing/older-store.js';
import type { OpenStore } from '../open.js';

const storeAt = olderStores();

const lookAlikes = ['C2023-001', 'Ｃ２０２３－００１', 'c2023-001', 'C2023‐001', 'C2023−001'];

/** A first-release file (migrations up to 0300) holding these 受付番号; the result opens it migrated. */
async function roundOneFileWith(caseNos: string[]): Promise<() => Promise<OpenStore>> {
  const { old: store, upgrade } = await storeAt(300);
  const insert = store.sqlite.prepare(
    `INSERT INTO households (id, case_no, received_on, label, status, created_at, updated_at)
     VALUES (?, ?, '2023-05-01', ?, 'received', ?, ?)`,
  );
  caseNos.forEach((caseNo, i) => {
    const at = new Date(Date.UTC(2023, 4, 1, 0, i)).toISOString();
    insert.run(`h${i}`, caseNo, `世帯${i}`, at, at);
  });
  await store.close();
  return upgrade;
}

describe('受付番号の正規化キー（0800）', () => {
  it('第1版のファイルに正規化すると同じ番号があっても移行は失敗せず、消さずに印を付ける', async () => {
    const upgrade = await roundOneFileWith([...lookAlikes, 'R6-012']);
    const store = await upgrade();
    const rows = store.sqlite
      .prepare('SELECT id, case_no, case_no_key, case_no_duplicate FROM households ORDER BY id')
      .all() as { id: string; case_no: string; case_no_key: string; case_no_duplicate: number }[];
    expect(rows.map((r) => r.case_no)).toEqual([...lookAlikes, 'R6-012']);
    expect(rows.map((r) => r.case_no_key)).toEqual([...lookAlikes.map(() => 'c2023-001'), 'r6-012']);
    // The household registered first keeps the number; the later look-alikes are marked.
    expect(rows.map((r) => r.case_no_duplicate)).toEqual([0, 1, 1, 1, 1, 0]);
    await store.close();
  });

  it('移行後はデータベース自身が正規化後の重複を拒む（一意索引）', async () => {
    const upgrade = await roundOneFileWith(['R6-012']);
    const store = await upgrade();
    const insert = (caseNo: string, caseNoKey: string) =>
      store.sqlite
        .prepare(
          `INSERT INTO households (id, case_no, case_no_key, received_on, label, status, created_at, updated_at)
           VALUES (?, ?, ?, '2024-05-01', 'x', 'received', 'now', 'now')`,
        )
        .run(`n-${caseNo}`, caseNo, caseNoKey);
    expect(() => insert('Ｒ６－０１２', 'r6-012')).toThrow(/UNIQUE/);
    expect(() => insert('R6-013', 'r6-013')).not.toThrow();
    const plan = store.sqlite
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM households WHERE case_no_key = ?`)
      .all('r6-012') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX households_case_no_key/);
    await store.close();
  });
});
