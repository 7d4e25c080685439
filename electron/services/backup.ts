import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { openStore } from '../../db/open.js';
import { appendAuditEvent } from './audit.js';
import { dataDirPaths } from './data-dir.js';
import { KasaneError } from './errors.js';
import { openAnyKeyslot, readKeyslots } from './keyslots.js';
import type { UnlockedVault, VaultContext } from './vault.js';

/**
 * A backup is a byte copy of the encrypted database (taken with the WAL folded in and writers held
 * off) plus the keyslots file of that moment. It stays encrypted: it opens with the passphrases
 * and recovery code that were valid when it was made. The manifest holds checksums, never names.
 */

const manifestSchema = z.object({
  format: z.literal('kasane-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});

const backedUpFiles = ['kasane.db', 'keyslots.json'] as const;

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
const stamp = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');

export async function createBackup(
  ctx: VaultContext,
  vault: UnlockedVault,
  actorId: string,
  outDir: string,
): Promise<{ path: string }> {
  const now = ctx.clock();
  const target = join(outDir, `kasane-backup-${stamp(now)}`);
  await mkdir(outDir, { recursive: true });
  await mkdir(target, { mode: 0o700 }).catch((err: NodeJS.ErrnoException) => {
    throw new KasaneError(
      'VALIDATION',
      err.code === 'EEXIST'
        ? '同じ名前のバックアップがすでにあります。'
        : 'バックアップ先のフォルダを作成できません。',
    );
  });
  await appendAuditEvent(
    vault.store.db,
    { userId: actorId, kind: 'backup.created', detail: { via: ctx.via } },
    now,
  );
  const paths = dataDirPaths(ctx.dataDir);
  const { sqlite } = vault.store;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    await copyFile(paths.database, join(target, 'kasane.db'));
  } finally {
    sqlite.exec('COMMIT');
  }
  await copyFile(paths.keyslots, join(target, 'keyslots.json'));
  const files: Record<string, string> = {};
  for (const name of backedUpFiles) files[name] = await sha256(join(target, name));
  await writeFile(
    join(target, 'manifest.json'),
    JSON.stringify({ format: 'kasane-backup', version: 1, createdAt: now.toISOString(), files }, null, 2),
  );
  return { path: target };
}

/**
 * Puts a backup in place of the current data. The backup is checked first (checksums, the
 * passphrase opens it, every page reads); the data it replaces is kept beside it, not deleted.
 */
export async function restoreBackup(
  ctx: VaultContext,
  backupDir: string,
  passphrase: string,
): Promise<{ previousDataKeptIn: string | null }> {
  let manifest: z.infer<typeof manifestSchema>;
  try {
    manifest = manifestSchema.parse(JSON.parse(await readFile(join(backupDir, 'manifest.json'), 'utf8')));
  } catch {
    throw new KasaneError('VALIDATION', 'バックアップフォルダではないか、manifest.json が壊れています。');
  }
  for (const name of backedUpFiles) {
    const actual = await sha256(join(backupDir, name)).catch(() => null);
    if (actual !== manifest.files[name]) {
      throw new KasaneError(
        'DATABASE_DAMAGED',
        `バックアップの ${name} が壊れているか、書き換えられています。別のバックアップを使ってください。`,
      );
    }
  }
  const slots = await readKeyslots(join(backupDir, 'keyslots.json'));
  const opened = await openAnyKeyslot(
    slots.slots.filter((s) => s.kind === 'passphrase'),
    passphrase,
  );
  if (!opened)
    throw new KasaneError('WRONG_PASSPHRASE', 'このバックアップを作成した時点のパスフレーズではありません。');

  const now = ctx.clock();
  const paths = dataDirPaths(ctx.dataDir);
  await mkdir(ctx.dataDir, { recursive: true, mode: 0o700 });
  const incoming = join(ctx.dataDir, `restoring-${stamp(now)}`);
  await mkdir(incoming, { mode: 0o700 });
  try {
    for (const name of backedUpFiles) await copyFile(join(backupDir, name), join(incoming, name));
    // Opening runs quick_check and any pending migrations on the copy, never on the backup itself.
    const store = await openStore(join(incoming, 'kasane.db'), opened.dataKey).catch(() => {
      throw new KasaneError(
        'DATABASE_DAMAGED',
        'バックアップのデータベースを読めません。別のバックアップを使ってください。',
      );
    });
    await appendAuditEvent(
      store.db,
      {
        userId: opened.slot.userId,
        kind: 'backup.restored',
        detail: { backupCreatedAt: manifest.createdAt, via: ctx.via },
      },
      now,
    );
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();
  } catch (err) {
    await rm(incoming, { recursive: true, force: true });
    throw err;
  } finally {
    opened.dataKey.fill(0);
  }

  let previousDataKeptIn: string | null = null;
  const existing = await readFile(paths.keyslots).then(
    () => true,
    () => false,
  );
  if (existing) {
    previousDataKeptIn = join(ctx.dataDir, `before-restore-${stamp(now)}`);
    await mkdir(previousDataKeptIn, { mode: 0o700 });
    for (const name of ['kasane.db', 'kasane.db-wal', 'kasane.db-shm', 'keyslots.json']) {
      await rename(join(ctx.dataDir, name), join(previousDataKeptIn, name)).catch(() => undefined);
    }
  }
  await rename(join(incoming, 'kasane.db'), paths.database);
  await rename(join(incoming, 'keyslots.json'), paths.keyslots);
  await rm(incoming, { recursive: true, force: true });
  return { previousDataKeptIn };
}
