import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { migrations } from '../../../db/migrations/index.js';
import { migrate, openStore } from '../../../db/open.js';
import { canonicalJson } from '../canonical-json.js';
import { dataDirPaths } from '../data-dir.js';
import { createKeyslot } from '../keyslots.js';

/**
 * A vault as the first release wrote it: schema before 0500, audit chain format 1 (plain SHA-256),
 * keyslots version 1 (no checksum, no vault id, no name tags), failures without sequence numbers,
 * no anchor. Built from the first release's formats, so tests can prove such a vault still opens
 * and its log still verifies.
 */
export async function writeLegacyVault(
  dataDir: string,
  input: { userName: string; passphrase: string; events: number },
): Promise<{ dataKey: Buffer; userId: string }> {
  await mkdir(dataDir, { recursive: true });
  const paths = dataDirPaths(dataDir);
  const dataKey = randomBytes(32);
  const userId = randomUUID();
  const store = await openStore(paths.database, dataKey, { create: true, migrate: false });
  await migrate(
    store.db,
    migrations.filter((m) => m.version < 500),
  );
  const now = new Date('2025-04-01T00:00:00Z');
  store.sqlite
    .prepare('INSERT INTO users (id, name, created_at, retired_at) VALUES (?, ?, ?, NULL)')
    .run(userId, input.userName, now.toISOString());
  let prev = '0'.repeat(64);
  const insert = store.sqlite.prepare(
    `INSERT INTO audit_events (id, at, user_id, kind, target_type, target_id, detail_json, prev_hash, hash)
     VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, ?)`,
  );
  // One transaction: a bench writes 100,000 events, one fsync each would take minutes.
  store.sqlite.transaction(() => {
    for (let id = 1; id <= input.events; id++) {
      const at = new Date(now.getTime() + id * 60_000).toISOString();
      const kind = id === 1 ? 'vault.initialized' : 'unlock';
      const detail = id === 1 ? { via: 'app', kdfN: 1024 } : { via: 'app' };
      const body = canonicalJson({ id, at, userId, kind, targetType: null, targetId: null, detail });
      const hash = createHash('sha256').update(prev).update('\n').update(body).digest('hex');
      insert.run(id, at, userId, kind, canonicalJson(detail), prev, hash);
      prev = hash;
    }
  })();
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();

  const slot = async (kind: 'passphrase' | 'recovery', secret: string, owner: string | null) => {
    const { nameTag: _n, ...rest } = await createKeyslot(dataKey, secret, {
      kind,
      userId: owner,
      nameTag: null,
      N: 1024,
      now,
    });
    return rest;
  };
  const slots = [
    await slot('passphrase', input.passphrase, userId),
    await slot('recovery', 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', null),
  ];
  await writeFile(paths.keyslots, JSON.stringify({ format: 'kasane-keyslots', version: 1, slots }, null, 2));
  await writeFile(
    paths.unlockFailures,
    JSON.stringify({ failures: [{ at: now.toISOString(), method: 'passphrase', via: 'app' }] }),
  );
  return { dataKey, userId };
}
