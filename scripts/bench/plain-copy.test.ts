import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDirPaths } from '../../electron/services/data-dir.js';
import { signedInVault } from '../../electron/services/testing/signed-in-vault.js';
import { decryptedCopy } from './plain-copy.js';
import { seedBenchData } from './seed.js';

let vault: Awaited<ReturnType<typeof signedInVault>>;
beforeAll(async () => {
  vault = await signedInVault();
  await seedBenchData(vault.db, { households: 60, notesPerHousehold: 3 });
});
afterAll(async () => {
  await vault.close();
});

describe('decryptedCopy（ベンチの平文コピー）', () => {
  it('暗号化した保管庫と同じページを同じ位置に持ち、暗号だけを外す', async () => {
    const { store, vault: unlocked } = vault.session.signedIn();
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const encrypted = dataDirPaths(vault.dir).database;
    const copy = join(vault.dir, 'plain-copy.db');
    decryptedCopy(encrypted, copy, unlocked.dataKey);
    expect(readFileSync(copy).length).toBe(readFileSync(encrypted).length);
    const plain = new BetterSqlite3(copy, { readonly: true, fileMustExist: true });
    try {
      expect(plain.pragma('quick_check', { simple: true })).toBe('ok');
      const pages = (db: BetterSqlite3.Database) =>
        db.prepare('SELECT name, pageno FROM dbstat ORDER BY pageno').all();
      expect(pages(plain)).toEqual(pages(store.sqlite));
      const rows = (db: BetterSqlite3.Database) => db.prepare('SELECT * FROM households ORDER BY id').all();
      expect(rows(plain)).toEqual(rows(store.sqlite));
      expect(rows(plain)).toHaveLength(60);
    } finally {
      plain.close();
    }
  });
});
