import { copyFile, cp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { openStore, type Sqlite } from '../../db/open.js';
import { registerAuditKey } from '../../electron/services/audit.js';
import { canonicalJson } from '../../electron/services/canonical-json.js';
import { dataDirPaths } from '../../electron/services/data-dir.js';
import { createHousehold } from '../../electron/services/households.js';
import { dataKeyOf } from '../../electron/services/testing/data-key.js';
import { serviceCtx } from '../../electron/services/testing/service-context.js';
import { fastKdf } from '../../electron/services/testing/temp-data-dir.js';
import { deriveKey } from '../../electron/services/vault-keys.js';
import { VaultSession } from '../../electron/services/vault-session.js';

export const passphrase = 'damage matrix passphrase';

/**
 * The data folder as a crash leaves it: committed households, the newest of them only in the WAL
 * (no checkpoint yet), the anchor up to date, a stale lock of a process that is gone. It must
 * open as it is; every damage case starts from a copy of it.
 */
export async function buildCrashedVault(dir: string): Promise<void> {
  const live = `${dir}-live`;
  const session = new VaultSession({ dataDir: live, via: 'app', kdf: fastKdf });
  await session.setup({ userName: '検証 花子', passphrase });
  const { store, user } = session.signedIn();
  const add = async (from: number, to: number) => {
    for (let i = from; i <= to; i++)
      await createHousehold(serviceCtx(store.db, user.id, new Date()), {
        caseNo: `D-${i}`,
        receivedOn: '2026-04-10',
        label: `損傷${i}`,
        referralAgencyId: null,
        issues: [],
        note: '',
      });
  };
  await add(1, 5);
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  store.sqlite.pragma('wal_autocheckpoint = 0');
  // The database as it was then: "an older kasane.db copied back" puts this in place.
  await copyFile(dataDirPaths(live).database, olderDatabase(dir));
  await add(6, 25);
  // Snapshot the files while the vault is open, as a power cut would leave them.
  await cp(live, dir, { recursive: true, filter: (src) => !src.endsWith('kasane.lock') });
  await session.close();
  await rm(live, { recursive: true, force: true });
}

const olderDatabase = (dir: string) => `${dir}-older-kasane.db`;

/** Someone with the key and an SQLite tool edits the closed database (no Kasane in between). */
async function tamper(dir: string, change: (sqlite: Sqlite) => void): Promise<void> {
  const dataKey = await dataKeyOf(dir, passphrase);
  const store = await openStore(dataDirPaths(dir).database, dataKey, { migrate: false });
  registerAuditKey(store.sqlite, deriveKey(dataKey, 'audit-chain'));
  try {
    change(store.sqlite);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await store.close();
  }
}

interface AuditRow {
  id: number;
  at: string;
  user_id: string | null;
  kind: string;
  target_type: string | null;
  target_id: string | null;
  prev_hash: string;
  hash: string;
}

interface ChainedRow extends AuditRow {
  detail_json: string;
}

/**
 * Rewrites one event's detail, then re-keys its hash and every later event's link and hash exactly
 * as the app computes them: the chain verifies by itself afterwards, only the anchor can tell.
 */
function rewriteWithKey(sqlite: Sqlite, which: 'newest' | 'middle'): void {
  sqlite.exec('DROP TRIGGER audit_events_no_update');
  const rows = sqlite.prepare('SELECT * FROM audit_events ORDER BY id').all() as ChainedRow[];
  const from = which === 'newest' ? rows.length - 1 : Math.floor(rows.length / 2);
  const mac = sqlite.prepare('SELECT kasane_audit_mac(?)').pluck();
  const update = sqlite.prepare(
    'UPDATE audit_events SET detail_json = ?, prev_hash = ?, hash = ? WHERE id = ?',
  );
  let prevHash = rows[from - 1]?.hash ?? '';
  for (const row of rows.slice(from)) {
    const detail = row.id === rows[from]?.id ? { via: 'forged' } : JSON.parse(row.detail_json);
    const body = canonicalJson({
      id: row.id,
      at: row.at,
      userId: row.user_id,
      kind: row.kind,
      targetType: row.target_type,
      targetId: row.target_id,
      detail,
    });
    const hash = mac.get(`kasane-audit-v2\n${prevHash}\n${body}`) as string;
    update.run(canonicalJson(detail), prevHash, hash, row.id);
    prevHash = hash;
  }
}

interface SlotJson {
  userId: string;
  kdf: { N: number; r: number; salt: string };
  wrapped: { iv: string; tag: string; ciphertext: string };
}

async function editKeyslots(dir: string, change: (slot: SlotJson) => void): Promise<void> {
  const path = dataDirPaths(dir).keyslots;
  const json = JSON.parse(await readFile(path, 'utf8'));
  change(json.slots[0]);
  await writeFile(path, JSON.stringify(json, null, 2));
}

const flip = (base64: string) => {
  const bytes = Buffer.from(base64, 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  return bytes.toString('base64');
};

export interface DamageCase {
  name: string;
  /** Damages `dir`, a copy of the crashed vault at `base`. */
  damage: (dir: string, base: string) => Promise<void>;
  /** The exit code of `verify`, and what its output must say. */
  exitCode: number;
  says: string;
  /**
   * What unlocking in the app gives: the state it opens in (recordsLost: read-only until the
   * coordinator restores or accepts the loss) or the error code it refuses with, and what it says.
   */
  opens: {
    as: 'unlocked' | `recordsLost:${'behind' | 'diverged' | 'anchorMissing' | 'anchorDamaged'}` | string;
    says: string;
  };
}

const wal = (dir: string) => `${dataDirPaths(dir).database}-wal`;

export const damageCases: DamageCase[] = [
  {
    name: '損傷なし（クラッシュしたままのフォルダ）',
    damage: async () => {},
    exitCode: 0,
    says: '記録の到達点: 一致',
    opens: { as: 'unlocked', says: '検証 花子' },
  },
  {
    name: 'WAL を削除（-shm は残す）',
    damage: (dir) => rm(wal(dir)),
    exitCode: 10,
    says: '最新の記録の一部が失われています（最後に確認できた記録: 監査ログ #',
    opens: {
      as: 'recordsLost:behind',
      says: '最新の記録の一部が失われています（最後に確認できた記録: 監査ログ #',
    },
  },
  {
    name: 'WAL の最初のフレームの1バイトを反転',
    damage: async (dir) => {
      const bytes = await readFile(wal(dir));
      const at = 32 + 24 + 200;
      bytes[at] = (bytes[at] ?? 0) ^ 0xff;
      await writeFile(wal(dir), bytes);
    },
    exitCode: 10,
    says: '最新の記録の一部が失われています',
    opens: { as: 'recordsLost:behind', says: '最新の記録の一部が失われています' },
  },
  {
    name: 'WAL を途中で切る',
    damage: async (dir) => {
      const size = (await readFile(wal(dir))).length;
      await truncate(wal(dir), Math.floor(size / 2));
    },
    exitCode: 10,
    says: '最新の記録の一部が失われています',
    opens: { as: 'recordsLost:behind', says: '最新の記録の一部が失われています' },
  },
  {
    name: '古い kasane.db を戻す（WAL なし）',
    damage: async (dir, base) => {
      await rm(wal(dir));
      await rm(`${dataDirPaths(dir).database}-shm`, { force: true });
      await copyFile(olderDatabase(base), dataDirPaths(dir).database);
    },
    exitCode: 10,
    says: '最新の記録の一部が失われています',
    opens: { as: 'recordsLost:behind', says: '最新の記録の一部が失われています' },
  },
  ...(['ciphertext', 'tag', 'iv', 'salt', 'N', 'r', 'userId'] as const).map(
    (field): DamageCase => ({
      name: `keyslots.json の ${field} が壊れている`,
      damage: (dir) =>
        editKeyslots(dir, (slot) => {
          if (field === 'ciphertext' || field === 'tag' || field === 'iv')
            slot.wrapped[field] = flip(slot.wrapped[field]);
          else if (field === 'salt') slot.kdf.salt = flip(slot.kdf.salt);
          else if (field === 'N') slot.kdf.N *= 2;
          else if (field === 'r') slot.kdf.r += 1;
          else slot.userId = '00000000-0000-4000-8000-000000000000';
        }),
      exitCode: 9,
      says: '鍵ファイルが壊れています',
      opens: { as: 'KEYSLOTS_DAMAGED', says: '鍵ファイルが壊れています' },
    }),
  ),
  {
    name: 'keyslots.json が途中で切れている',
    damage: async (dir) => truncate(dataDirPaths(dir).keyslots, 100),
    exitCode: 9,
    says: '鍵ファイルが壊れています',
    opens: { as: 'KEYSLOTS_DAMAGED', says: '鍵ファイルが壊れています' },
  },
  {
    name: 'keyslots.json がない（データベースはある）',
    damage: (dir) => rm(dataDirPaths(dir).keyslots),
    exitCode: 9,
    says: '鍵ファイル（keyslots.json）が見つかりません',
    opens: { as: 'KEYSLOTS_DAMAGED', says: '鍵ファイル（keyslots.json）が見つかりません' },
  },
  {
    name: 'kasane.db が0バイト',
    damage: async (dir) => {
      await rm(wal(dir));
      await writeFile(dataDirPaths(dir).database, '');
    },
    exitCode: 4,
    says: 'データベースファイルが壊れているため開けません',
    opens: { as: 'DATABASE_DAMAGED', says: 'データベースファイルが壊れているため開けません' },
  },
  {
    name: 'kasane.db が途中で切れている（ページの途中）',
    damage: async (dir) => {
      await rm(wal(dir));
      const size = (await readFile(dataDirPaths(dir).database)).length;
      await truncate(dataDirPaths(dir).database, Math.floor(size / 2) + 100);
    },
    exitCode: 4,
    says: 'データベースファイルが壊れているため開けません',
    opens: { as: 'DATABASE_DAMAGED', says: 'データベースファイルが壊れているため開けません' },
  },
  {
    name: 'kasane.db が途中で切れている（ページの境目）',
    damage: async (dir) => {
      await rm(wal(dir));
      const size = (await readFile(dataDirPaths(dir).database)).length;
      await truncate(dataDirPaths(dir).database, Math.floor(size / 8192) * 4096);
    },
    exitCode: 4,
    says: 'データベースファイルが壊れているため開けません',
    opens: { as: 'DATABASE_DAMAGED', says: 'データベースファイルが壊れているため開けません' },
  },
  {
    name: 'kasane.anchor がない',
    damage: (dir) => rm(dataDirPaths(dir).anchor),
    exitCode: 10,
    says: '到達点の記録（kasane.anchor）が見つからないため',
    opens: { as: 'recordsLost:anchorMissing', says: '到達点の記録（kasane.anchor）が見つからないため' },
  },
  {
    name: 'kasane.anchor が壊れている',
    damage: (dir) => writeFile(dataDirPaths(dir).anchor, Buffer.alloc(1024, 0x41)),
    exitCode: 10,
    says: '到達点の記録（kasane.anchor）が壊れているため',
    opens: { as: 'recordsLost:anchorDamaged', says: '到達点の記録（kasane.anchor）が壊れているため' },
  },
  ...(
    [
      ['最新の1件だけ', 'max(id) - 1'],
      ['末尾5件', 'max(id) - 5'],
      ['新しい方の半分', '(min(id) + max(id)) / 2'],
    ] as const
  ).map(
    ([which, keepUpTo]): DamageCase => ({
      name: `監査ログの${which}を削除`,
      damage: (dir) =>
        tamper(dir, (sqlite) => {
          sqlite.exec('DROP TRIGGER audit_events_no_delete');
          sqlite.exec(`DELETE FROM audit_events WHERE id > (SELECT ${keepUpTo} FROM audit_events)`);
        }),
      exitCode: 10,
      says: '最新の記録の一部が失われています（最後に確認できた記録: 監査ログ #',
      opens: {
        as: 'recordsLost:behind',
        says: '最新の記録の一部が失われています（最後に確認できた記録: 監査ログ #',
      },
    }),
  ),
  {
    name: '監査ログをすべて削除',
    damage: (dir) =>
      tamper(dir, (sqlite) => {
        sqlite.exec('DROP TRIGGER audit_events_no_delete');
        sqlite.exec('DELETE FROM audit_events');
      }),
    exitCode: 10,
    says: '最新の記録の一部が失われています',
    opens: { as: 'recordsLost:behind', says: '最新の記録の一部が失われています' },
  },
  {
    name: '監査ログの最新の記録を書き換え、鍵でハッシュも作り直す',
    damage: (dir) => tamper(dir, (sqlite) => rewriteWithKey(sqlite, 'newest')),
    exitCode: 10,
    says: '到達点の記録（kasane.anchor）と一致しません',
    opens: { as: 'recordsLost:diverged', says: '到達点の記録（kasane.anchor）と一致しません' },
  },
  {
    name: '監査ログの途中の記録を書き換え、それ以降のハッシュをすべて鍵で作り直す',
    damage: (dir) => tamper(dir, (sqlite) => rewriteWithKey(sqlite, 'middle')),
    exitCode: 10,
    says: '到達点の記録（kasane.anchor）と一致しません',
    opens: { as: 'recordsLost:diverged', says: '到達点の記録（kasane.anchor）と一致しません' },
  },
  {
    name: '監査ログの途中の記録を書き換える（ハッシュはそのまま）',
    damage: (dir) =>
      tamper(dir, (sqlite) => {
        sqlite.exec('DROP TRIGGER audit_events_no_update');
        sqlite.exec(`UPDATE audit_events SET detail_json = '{"via":"forged"}' WHERE id = 2`);
      }),
    exitCode: 1,
    says: '監査ログ: 改ざんを検出しました。最初に壊れている記録: #2',
    // The app compares the chain's head with the anchor when it opens; walking every link is verify's.
    opens: { as: 'unlocked', says: '検証 花子' },
  },
];
