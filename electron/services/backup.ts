import { createHash, randomBytes } from 'node:crypto';
import { access, copyFile, mkdir, mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DatabaseDamagedError, SchemaTooNewError } from '../../db/errors.js';
import { openStore, type Sqlite } from '../../db/open.js';
import type { Database } from '../../db/schema.js';
import {
  type AnchorRead,
  anchorFileBytes,
  auditHeadSchema,
  checkAgainstAnchor,
  keepAnchor,
  readAnchor,
  readDatabaseHead,
} from './anchor.js';
import { appendAuditEvent, registerAuditKey, verifyAuditChain } from './audit.js';
import { dataDirPaths } from './data-dir.js';
import { syncDirectory, writeFileDurably } from './durable-files.js';
import { KasaneError } from './errors.js';
import { failpoint } from './failpoint.js';
import { applyJournal } from './file-journal.js';
import { type Progress, unwatched } from './jobs/progress.js';
import {
  type KeyslotsFile,
  keyslotsMacValid,
  openAnyKeyslot,
  readKeyslots,
  vaultIdOfFile,
} from './keyslots.js';
import { storeRefusal } from './store-refusal.js';
import { writeConsumedFailures } from './unlock-failures.js';
import { nameTagFor } from './user-names.js';
import type { UnlockedVault, VaultContext } from './vault.js';
import { deriveKey, vaultIdOf } from './vault-keys.js';

/**
 * A backup is a byte copy of the encrypted database (taken with the WAL folded in and writers held
 * off), the keyslots file of that moment, and its own anchor: the head the copy must reach. It
 * stays encrypted: it opens with the passphrases and recovery code that were valid when it was
 * made. The manifest holds checksums and the vault id, never names.
 */

const sha256Hex = /^[0-9a-f]{64}$/;
const manifestSchema = z.union([
  z.object({
    format: z.literal('kasane-backup'),
    version: z.literal(1),
    createdAt: z.string(),
    files: z.object({
      'kasane.db': z.string().regex(sha256Hex),
      'keyslots.json': z.string().regex(sha256Hex),
    }),
  }),
  z.object({
    format: z.literal('kasane-backup'),
    version: z.literal(2),
    createdAt: z.string(),
    vaultId: z.string().regex(/^[0-9a-f]{32}$/),
    head: z.object({ commits: z.number().int().min(0), audit: auditHeadSchema.nullable() }),
    files: z.object({
      'kasane.db': z.string().regex(sha256Hex),
      'keyslots.json': z.string().regex(sha256Hex),
      'kasane.anchor': z.string().regex(sha256Hex),
    }),
  }),
]);
type Manifest = z.infer<typeof manifestSchema>;

const fileSha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
const stamp = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function flush(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** What writing a backup needs: one connection to the store, and what the anchor is made from. */
export interface BackupSource {
  db: Kysely<Database>;
  sqlite: Sqlite;
  dataDir: string;
  anchorKey: Buffer;
  vaultId: string;
  failuresSeq: number;
  via: VaultContext['via'];
  actorId: string;
  now: Date;
}

export async function createBackup(
  ctx: VaultContext,
  vault: UnlockedVault,
  actorId: string,
  outDir: string,
): Promise<{ path: string }> {
  return writeBackup(
    {
      db: vault.store.db,
      sqlite: vault.store.sqlite,
      dataDir: ctx.dataDir,
      anchorKey: deriveKey(vault.dataKey, 'anchor'),
      vaultId: vault.vaultId,
      failuresSeq: vault.keeper?.failuresSeq ?? 0,
      via: ctx.via,
      actorId,
      now: ctx.clock(),
    },
    outDir,
  );
}

/** Copies of the database are made in pieces of this size, each counted as its pages. */
const copyChunk = 1024 * 1024;
const pageBytes = 4096;

/**
 * The database copied piece by piece while writers are held off, hashed as it is written, with a
 * count of pages for the progress bar. Returns the copy's SHA-256.
 */
async function copyDatabase(from: string, to: string, progress: Progress): Promise<string> {
  const source = await open(from, 'r');
  const target = await open(to, 'wx', 0o600);
  try {
    const { size } = await source.stat();
    const total = Math.ceil(size / pageBytes);
    const hash = createHash('sha256');
    const buffer = Buffer.alloc(copyChunk);
    let copied = 0;
    progress.report('copying', 0, total, 'ページ');
    while (copied < size) {
      const { bytesRead } = await source.read(buffer, 0, Math.min(copyChunk, size - copied), copied);
      if (bytesRead === 0) break;
      const piece = buffer.subarray(0, bytesRead);
      hash.update(piece);
      await target.write(piece, 0, bytesRead, copied);
      copied += bytesRead;
      progress.report('copying', Math.ceil(copied / pageBytes), total, 'ページ');
    }
    await target.sync();
    return hash.digest('hex');
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
}

/**
 * Writes a backup of the store `from` into a new folder under `outDir` (the app runs this in the job
 * worker, with its own connection; the CLI in its process). A backup that fails or is stopped
 * leaves no folder behind.
 */
export async function writeBackup(
  from: BackupSource,
  outDir: string,
  progress: Progress = unwatched,
): Promise<{ path: string }> {
  const { now } = from;
  const target = join(outDir, `kasane-backup-${stamp(now)}`);
  await mkdir(outDir, { recursive: true });
  await mkdir(target, { mode: 0o700 }).catch((err: NodeJS.ErrnoException) => {
    throw err.code === 'EEXIST'
      ? new KasaneError('BACKUP_EXISTS')
      : new KasaneError('FILE_OPERATION_FAILED', 'バックアップ先のフォルダを作成できません。');
  });
  try {
    await appendAuditEvent(
      from.db,
      { userId: from.actorId, kind: 'backup.created', detail: { via: from.via } },
      now,
    );
    const paths = dataDirPaths(from.dataDir);
    const { sqlite } = from;
    let head: ReturnType<typeof readDatabaseHead>;
    let databaseHash: string;
    for (let attempt = 1; ; attempt++) {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        // Another connection (the app's, or a job's) may have committed between the checkpoint and
        // the lock: then the file alone is not the head yet, so fold the WAL in again.
        if ((await walBytes(paths.database)) > 0) {
          if (attempt < 5) continue;
          throw new KasaneError(
            'FILE_OPERATION_FAILED',
            'ほかの書き込みが続いたため、バックアップを作成できませんでした。もう一度実行してください。',
          );
        }
        head = readDatabaseHead(sqlite);
        databaseHash = await copyDatabase(paths.database, join(target, 'kasane.db'), progress);
        break;
      } finally {
        sqlite.exec('COMMIT');
      }
    }
    await copyFile(paths.keyslots, join(target, 'keyslots.json'));
    await writeFileDurably(
      join(target, 'kasane.anchor'),
      anchorFileBytes(from.anchorKey, {
        vaultId: from.vaultId,
        seq: 1,
        ...head,
        failuresSeq: from.failuresSeq,
      }),
    );
    await flush(join(target, 'keyslots.json'));
    const files = {
      'kasane.db': databaseHash,
      'keyslots.json': await fileSha256(join(target, 'keyslots.json')),
      'kasane.anchor': await fileSha256(join(target, 'kasane.anchor')),
    };
    const manifest: Manifest = {
      format: 'kasane-backup',
      version: 2,
      createdAt: now.toISOString(),
      vaultId: from.vaultId,
      head,
      files,
    };
    await writeFileDurably(join(target, 'manifest.json'), JSON.stringify(manifest, null, 2));
    await syncDirectory(target);
    return { path: target };
  } catch (err) {
    await rm(target, { recursive: true, force: true });
    throw err;
  }
}

const walBytes = (database: string) =>
  stat(`${database}-wal`).then(
    (s) => s.size,
    () => 0,
  );

/** What `verify --backup` reports and restore relies on. */
export interface BackupCheck {
  createdAt: string;
  vaultId: string;
  /** false for a backup of the first format, which carries no head to check against. */
  anchored: boolean;
  head: { commits: number; audit: { id: number; at: string } | null };
  auditChecked: number;
}

interface OpenedBackup {
  manifest: Manifest;
  keyslots: KeyslotsFile;
  dataKey: Buffer;
  userId: string | null;
  vaultId: string;
}

/** Manifest, checksums, the passphrase, the keyslots MAC: everything short of opening the copy. */
async function openBackup(backupDir: string, passphrase: string, userName?: string): Promise<OpenedBackup> {
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(await readFile(join(backupDir, 'manifest.json'), 'utf8')));
  } catch {
    throw new KasaneError('NOT_A_BACKUP');
  }
  for (const [name, expected] of Object.entries(manifest.files)) {
    const actual = await fileSha256(join(backupDir, name)).catch(() => null);
    if (actual !== expected) {
      throw new KasaneError(
        'DATABASE_DAMAGED',
        `バックアップの ${name} が壊れているか、書き換えられています。別のバックアップを使ってください。`,
      );
    }
  }
  const keyslots = await readKeyslots(join(backupDir, 'keyslots.json'));
  const candidates = keyslots.slots.filter((s) => s.kind === 'passphrase');
  const name = userName?.trim() ?? '';
  const chosen =
    name && keyslots.nameSalt
      ? candidates.filter((s) => s.nameTag === nameTagFor(keyslots.nameSalt ?? '', name))
      : candidates;
  const opened = chosen.length > 0 ? await openAnyKeyslot(chosen, passphrase) : null;
  if (!opened)
    throw new KasaneError('WRONG_PASSPHRASE', 'このバックアップを作成した時点のパスフレーズではありません。');
  if (!keyslotsMacValid(keyslots, opened.dataKey)) {
    opened.dataKey.fill(0);
    throw new KasaneError(
      'KEYSLOTS_DAMAGED',
      'バックアップの鍵ファイル（keyslots.json）が、作成されたときと一致しません。別のバックアップを使ってください。',
    );
  }
  const vaultId = vaultIdOf(opened.dataKey);
  if (manifest.version === 2 && manifest.vaultId !== vaultId) {
    opened.dataKey.fill(0);
    throw new KasaneError('DATABASE_DAMAGED', 'バックアップの manifest.json が書き換えられています。');
  }
  return { manifest, keyslots, dataKey: opened.dataKey, userId: opened.slot.userId, vaultId };
}

/**
 * Opens a copy of the backup's database (never the backup itself) and checks every page, the
 * audit chain and, for a backup that carries one, that the copy reaches its head.
 */
async function checkCopy(opened: OpenedBackup, backupDir: string, copyPath: string): Promise<BackupCheck> {
  await copyFile(join(backupDir, 'kasane.db'), copyPath);
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(copyPath, opened.dataKey, { migrate: false });
  } catch (err) {
    if (err instanceof SchemaTooNewError) throw new KasaneError('SCHEMA_TOO_NEW');
    if (err instanceof DatabaseDamagedError)
      throw new KasaneError(
        'DATABASE_DAMAGED',
        'バックアップのデータベースを読めません。別のバックアップを使ってください。',
      );
    throw err;
  }
  try {
    registerAuditKey(store.sqlite, deriveKey(opened.dataKey, 'audit-chain'));
    const problems = (store.sqlite.pragma('integrity_check') as { integrity_check: string }[]).filter(
      (r) => r.integrity_check !== 'ok',
    );
    if (problems.length > 0)
      throw new KasaneError(
        'DATABASE_DAMAGED',
        'バックアップのデータベースを読めません。別のバックアップを使ってください。',
      );
    const chain = await verifyAuditChain(store.db);
    if (!chain.ok && chain.firstBroken)
      throw new KasaneError(
        'AUDIT_BROKEN',
        `バックアップの監査ログに改ざんを検出しました。最初に壊れている記録: #${chain.firstBroken.id}（${chain.firstBroken.kind}）— ${chain.firstBroken.reason}`,
      );
    let anchorRead: AnchorRead | null = null;
    if (opened.manifest.version === 2) {
      anchorRead = readAnchor(join(backupDir, 'kasane.anchor'), deriveKey(opened.dataKey, 'anchor'));
      if (checkAgainstAnchor(store.sqlite, anchorRead))
        throw new KasaneError(
          'RECORDS_LOST',
          'バックアップのデータベースが、作成されたときの到達点（kasane.anchor）に達していません。別のバックアップを使ってください。',
        );
    }
    const head = readDatabaseHead(store.sqlite);
    return {
      createdAt: opened.manifest.createdAt,
      vaultId: opened.vaultId,
      anchored: anchorRead !== null,
      head: { commits: head.commits, audit: head.audit ? { id: head.audit.id, at: head.audit.at } : null },
      auditChecked: chain.checked,
    };
  } finally {
    store.watch.watcher = null;
    await store.close();
  }
}

/** `verify --backup DIR`: the backup opens with this passphrase, reads, and reaches its head. */
export async function verifyBackup(
  backupDir: string,
  passphrase: string,
  userName?: string,
): Promise<BackupCheck> {
  const opened = await openBackup(backupDir, passphrase, userName);
  const scratch = await mkdtemp(join(tmpdir(), 'kasane-verify-'));
  try {
    return await checkCopy(opened, backupDir, join(scratch, 'kasane.db'));
  } finally {
    opened.dataKey.fill(0);
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Whether the current data folder holds this vault, another one, or none (or cannot tell). */
async function currentVault(dataDir: string, backupKey: Buffer): Promise<'none' | 'same' | 'other'> {
  const paths = dataDirPaths(dataDir);
  if (!(await exists(paths.keyslots)) && !(await exists(paths.database))) return 'none';
  const backupId = vaultIdOf(backupKey);
  if ((await vaultIdOfFile(paths.keyslots)) === backupId) return 'same';
  // A damaged keyslots file may not say; an anchor that authenticates with the backup's key does.
  const anchor = readAnchor(paths.anchor, deriveKey(backupKey, 'anchor'));
  if (anchor.state === 'ok' && anchor.record.vaultId === backupId) return 'same';
  return 'other';
}

/**
 * Puts a backup in place of the current data. The backup is checked first (checksums, passphrase,
 * every page, its head); a backup of another vault needs `replaceVault`. The restored copy is
 * prepared in full beside the data, then swapped in through a journal, so a crash at any step
 * leaves the old data or the restored data, never a mixture. The data it replaces is kept in
 * `before-restore-…/`. The caller holds the data-folder lock.
 */
export async function restoreBackup(
  ctx: VaultContext,
  backupDir: string,
  passphrase: string,
  options: { userName?: string; replaceVault?: boolean } = {},
): Promise<{ previousDataKeptIn: string | null; replacedVault: boolean }> {
  const opened = await openBackup(backupDir, passphrase, options.userName);
  try {
    const current = await currentVault(ctx.dataDir, opened.dataKey);
    if (current === 'other' && !options.replaceVault) throw new KasaneError('BACKUP_OF_OTHER_VAULT');

    const now = ctx.clock();
    await mkdir(ctx.dataDir, { recursive: true, mode: 0o700 });
    const stagingName = `.staging-${randomBytes(6).toString('hex')}`;
    const staging = join(ctx.dataDir, stagingName);
    await mkdir(staging, { mode: 0o700 });
    try {
      await checkCopy(opened, backupDir, join(staging, 'kasane.db'));
      await copyFile(join(backupDir, 'keyslots.json'), join(staging, 'keyslots.json'));
      await flush(join(staging, 'keyslots.json'));
      const anchorKey = deriveKey(opened.dataKey, 'anchor');
      const backupAnchor =
        opened.manifest.version === 2 ? readAnchor(join(backupDir, 'kasane.anchor'), anchorKey) : null;
      const failuresSeq = backupAnchor?.state === 'ok' ? backupAnchor.record.failuresSeq : 0;
      // Opening runs any pending migrations on the copy; the restore is the copy's next commit.
      const store = await openStore(join(staging, 'kasane.db'), opened.dataKey).catch((err: unknown) => {
        throw storeRefusal(err) ?? err;
      });
      try {
        registerAuditKey(store.sqlite, deriveKey(opened.dataKey, 'audit-chain'));
        const stagedAnchor = join(staging, 'kasane.anchor');
        const keeper = await keepAnchor(store, stagedAnchor, anchorKey, opened.vaultId, { state: 'missing' });
        keeper.failuresSeq = failuresSeq;
        try {
          await appendAuditEvent(
            store.db,
            {
              userId: opened.userId,
              kind: 'backup.restored',
              detail: {
                backupCreatedAt: opened.manifest.createdAt,
                via: ctx.via,
                replacedVault: current === 'other',
              },
            },
            now,
          );
          store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
        } finally {
          store.watch.watcher = null;
          keeper.close();
        }
      } finally {
        await store.close();
      }
      await writeConsumedFailures(
        join(staging, 'unlock-failures.json'),
        opened.dataKey,
        opened.vaultId,
        failuresSeq,
      );
      failpoint('restore:staged');
    } catch (err) {
      await rm(staging, { recursive: true, force: true });
      throw err;
    }

    const aside = `before-restore-${stamp(now)}-${randomBytes(2).toString('hex')}`;
    const existing = [];
    for (const name of [
      'kasane.db',
      'kasane.db-wal',
      'kasane.db-shm',
      'kasane.anchor',
      'unlock-failures.json',
      'keyslots.json',
    ])
      if (await exists(join(ctx.dataDir, name)))
        existing.push({ from: name, to: `${aside}/${name}`, optional: true });
    const incoming = ['kasane.db', 'kasane.anchor', 'unlock-failures.json', 'keyslots.json'].map((name) => ({
      from: `${stagingName}/${name}`,
      to: name,
      optional: false,
    }));
    await applyJournal(ctx.dataDir, {
      op: 'restore',
      staging: stagingName,
      moves: [...existing, ...incoming],
    });
    return {
      previousDataKeptIn: existing.length > 0 ? join(ctx.dataDir, aside) : null,
      replacedVault: current === 'other',
    };
  } finally {
    opened.dataKey.fill(0);
  }
}
