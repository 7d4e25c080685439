import { randomBytes, randomUUID } from 'node:crypto';
import { access, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { latestSchemaVersion } from '../../db/migrations/index.js';
import { type OpenStore, openStore } from '../../db/open.js';
import {
  type AnchorKeeper,
  type AnchorRead,
  anchorFileBytes,
  checkAgainstAnchor,
  keepAnchor,
  type RecordsLost,
  readAnchor,
  readDatabaseHead,
} from './anchor.js';
import { appendAuditEvent, registerAuditKey } from './audit.js';
import type { Clock } from './clock.js';
import { dataDirPaths, vaultFileNames } from './data-dir.js';
import { writeFileDurably } from './durable-files.js';
import { KasaneError } from './errors.js';
import { failpoint } from './failpoint.js';
import { applyJournal } from './file-journal.js';
import {
  createKeyslot,
  defaultKdfProfile,
  type KdfProfile,
  type Keyslot,
  type KeyslotsFile,
  keyslotsMacValid,
  openAnyKeyslot,
  openKeyslot,
  readKeyslots,
  tuneKdf,
  writeKeyslots,
} from './keyslots.js';
import { generateRecoveryCode, normalizeRecoveryCode } from './recovery-code.js';
import { migrateStore } from './store-migration.js';
import { storeRefusal } from './store-refusal.js';
import {
  backoffSeconds,
  readFailuresFile,
  readUnlockFailures,
  reconcileFailures,
  recordUnlockFailure,
  type UnlockFailure,
  writeConsumedFailures,
} from './unlock-failures.js';
import { nameTagFor } from './user-names.js';
import { deriveKey, vaultIdOf } from './vault-keys.js';
import { resolvePendingKeyslots, upgradeKeyslots } from './vault-keyslot-changes.js';

/** Where and how a vault is opened: by the app window, the admin CLI or the test harness. */
export interface VaultContext {
  dataDir: string;
  clock: Clock;
  via: 'app' | 'cli' | 'harness';
  kdf?: KdfProfile;
  /**
   * 'everyPage' (the default): unlock reads every page (quick_check), so damage anywhere is refused
   * before anything is shown. 'pagesRead': only the pages the work reads are checked, each by
   * SQLCipher's page MAC as it is read — a damaged one still refuses (DATABASE_DAMAGED), never a
   * partial answer; the cost no longer grows with the database (the admin CLI's listing commands).
   */
  pageCheck?: 'everyPage' | 'pagesRead';
  /**
   * Runs the pending migrations on the vault's file through another connection (the app's job
   * worker), so a long update never holds this thread; unset (the CLI, most tests), they run here.
   */
  migratePending?: (dataKey: Buffer, now: Date) => Promise<void>;
  /**
   * Reads every page of the vault's file (quick_check) through another connection (the app's job
   * worker) before this thread opens it, refusing damage (DATABASE_DAMAGED) or a newer schema
   * (SCHEMA_TOO_NEW) exactly as the open here would; unset (the CLI, most tests), the open here
   * checks. Only with pageCheck 'everyPage'.
   */
  checkPages?: (dataKey: Buffer) => Promise<void>;
}

export interface UnlockedVault {
  store: OpenStore;
  dataKey: Buffer;
  /** null when opened with the recovery code: the person must say who they are and set a passphrase. */
  user: { id: string; name: string } | null;
  vaultId: string;
  /** The slot that opened it (null right after set-up's first open). */
  slotId: string | null;
  /**
   * Set when the database is behind its anchor: it is open with `query_only`, nothing is written,
   * until the coordinator restores a backup or accepts the loss (acceptRecordsLoss).
   */
  recordsLost: RecordsLost | null;
  /** Writes the anchor after each commit; null while records are lost. */
  keeper: AnchorKeeper | null;
  /** The anchor as found when opening. */
  anchorAtOpen: AnchorRead;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Initialised = a database or a keyslots file is there. Only a folder with neither gets set-up. */
export async function isVaultInitialized(dataDir: string): Promise<boolean> {
  const paths = dataDirPaths(dataDir);
  return (await exists(paths.keyslots)) || (await exists(paths.database));
}

async function openStoreOrExplain(
  path: string,
  dataKey: Buffer,
  options: { create?: boolean; migrate?: boolean; integrity?: 'quick' | 'none' } = {},
): Promise<OpenStore> {
  try {
    return await openStore(path, dataKey, options);
  } catch (err) {
    throw storeRefusal(err) ?? err;
  }
}

/** Names the views not yet flushed in the anchor, closes the store, then the anchor, and wipes the key. */
export async function closeVault(vault: UnlockedVault): Promise<void> {
  try {
    vault.keeper?.flush();
  } finally {
    vault.store.watch.watcher = null;
    try {
      await vault.store.close();
    } finally {
      vault.keeper?.close();
      vault.dataKey.fill(0);
    }
  }
}

async function readKeyslotsOf(dataDir: string): Promise<KeyslotsFile> {
  const paths = dataDirPaths(dataDir);
  try {
    return await readKeyslots(paths.keyslots);
  } catch (err) {
    if (err instanceof KasaneError && err.code === 'NOT_INITIALIZED' && (await exists(paths.database)))
      throw new KasaneError(
        'KEYSLOTS_DAMAGED',
        '鍵ファイル（keyslots.json）が見つかりません。データベースはあります。バックアップの keyslots.json から復元してください。',
      );
    throw err;
  }
}

/**
 * Opens the database with an unwrapped key and compares it with its anchor. Behind its anchor, it
 * stays read-only (no migration, no anchor write); otherwise it is migrated and anchored.
 */
async function openUnlocked(
  ctx: VaultContext,
  dataKey: Buffer,
  opened: { slotId: string | null; userId: string | null },
): Promise<UnlockedVault> {
  const paths = dataDirPaths(ctx.dataDir);
  // Damage first (every page), then the anchor, then the migrations, then keepAnchor.
  const everyPage = ctx.pageCheck !== 'pagesRead';
  if (everyPage && ctx.checkPages) await ctx.checkPages(dataKey);
  const store = await openStoreOrExplain(paths.database, dataKey, {
    migrate: false,
    integrity: everyPage && !ctx.checkPages ? 'quick' : 'none',
  });
  try {
    registerAuditKey(store.sqlite, deriveKey(dataKey, 'audit-chain'));
    const vaultId = vaultIdOf(dataKey);
    const anchorKey = deriveKey(dataKey, 'anchor');
    const anchorAtOpen = readAnchor(paths.anchor, anchorKey);
    const recordsLost = checkAgainstAnchor(store.sqlite, anchorAtOpen);
    const user = opened.userId
      ? ((store.sqlite.prepare('SELECT id, name FROM users WHERE id = ?').get(opened.userId) as
          | { id: string; name: string }
          | undefined) ?? null)
      : null;
    const base = { store, dataKey, user, vaultId, slotId: opened.slotId, anchorAtOpen };
    if (recordsLost) {
      store.sqlite.pragma('query_only = 1');
      return { ...base, recordsLost, keeper: null };
    }
    await migratePending(ctx, store, dataKey);
    const keeper = await keepAnchor(store, paths.anchor, anchorKey, vaultId, anchorAtOpen);
    return { ...base, recordsLost: null, keeper };
  } catch (err) {
    store.watch.watcher = null;
    await store.close();
    throw err;
  }
}

/**
 * Brings the file to this build's schema. With a worker (ctx.migratePending) the steps run there,
 * in its one transaction, while this connection stays idle; this connection's own pass then finds
 * user_version current and only checks the recorded steps. Either way: one transaction, refused in
 * Japanese when the recorded steps do not fit.
 */
async function migratePending(ctx: VaultContext, store: OpenStore, dataKey: Buffer): Promise<void> {
  const version = store.sqlite.pragma('user_version', { simple: true });
  if (ctx.migratePending && version !== latestSchemaVersion) await ctx.migratePending(dataKey, ctx.clock());
  await migrateStore(store.db);
}

/**
 * First run: a random data key, the first user's slot, the recovery slot, an empty encrypted store
 * and its anchor — all made in a staging folder, then moved into place through a journal. A crash
 * at any point leaves either nothing (the person runs set-up again) or a complete vault.
 */
export async function initializeVault(
  ctx: VaultContext,
  input: { userName: string; passphrase: string },
): Promise<UnlockedVault & { recoveryCode: string; kdfMs: number }> {
  const paths = dataDirPaths(ctx.dataDir);
  if ((await exists(paths.keyslots)) || (await exists(paths.database)))
    throw new KasaneError('ALREADY_INITIALIZED');
  await mkdir(ctx.dataDir, { recursive: true, mode: 0o700 });

  const now = ctx.clock();
  const dataKey = randomBytes(32);
  const vaultId = vaultIdOf(dataKey);
  const userId = randomUUID();
  const nameSalt = randomBytes(16).toString('base64');
  const recoveryCode = generateRecoveryCode();
  const { N, measuredMs } = await tuneKdf(ctx.kdf ?? defaultKdfProfile);
  const slots = [
    await createKeyslot(dataKey, input.passphrase, {
      kind: 'passphrase',
      userId,
      nameTag: nameTagFor(nameSalt, input.userName),
      N,
      now,
    }),
    await createKeyslot(dataKey, normalizeRecoveryCode(recoveryCode), {
      kind: 'recovery',
      userId: null,
      nameTag: null,
      N,
      now,
    }),
  ];

  const stagingName = `.staging-${randomBytes(6).toString('hex')}`;
  const staging = join(ctx.dataDir, stagingName);
  await mkdir(staging, { mode: 0o700 });
  try {
    const anchorKey = deriveKey(dataKey, 'anchor');
    const stagedAnchor = join(staging, 'kasane.anchor');
    await writeFileDurably(
      stagedAnchor,
      anchorFileBytes(anchorKey, { vaultId, seq: 1, commits: 0, audit: null, failuresSeq: 0 }),
    );
    const store = await openStoreOrExplain(join(staging, 'kasane.db'), dataKey, { create: true });
    let keeper: AnchorKeeper | null = null;
    try {
      registerAuditKey(store.sqlite, deriveKey(dataKey, 'audit-chain'));
      keeper = await keepAnchor(store, stagedAnchor, anchorKey, vaultId, readAnchor(stagedAnchor, anchorKey));
      await store.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('users')
          .values({ id: userId, name: input.userName, created_at: now.toISOString(), retired_at: null })
          .execute();
        await appendAuditEvent(
          trx,
          { userId, kind: 'vault.initialized', detail: { via: ctx.via, kdfN: N } },
          now,
        );
      });
      store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      store.watch.watcher = null;
      await store.close();
      keeper?.close();
    }
    await writeKeyslots(
      join(staging, 'keyslots.json'),
      { vaultId, generation: 0, nameSalt, slots, rollback: null },
      dataKey,
    );
    await writeConsumedFailures(join(staging, 'unlock-failures.json'), dataKey, vaultId, 0);
    failpoint('setup:staged');
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    dataKey.fill(0);
    throw err;
  }

  // Files of a vault that is gone (its database and keyslots were removed) are set aside, never
  // mixed with the new one: a stray WAL would be replayed into the new database.
  const aside = `before-setup-${randomBytes(4).toString('hex')}`;
  const strays = [];
  for (const name of ['kasane.db-wal', 'kasane.db-shm', 'kasane.anchor', 'unlock-failures.json'])
    if (await exists(join(ctx.dataDir, name)))
      strays.push({ from: name, to: `${aside}/${name}`, optional: true });
  await applyJournal(ctx.dataDir, {
    op: 'setup',
    staging: stagingName,
    moves: [
      ...strays,
      ...vaultFileNames.map((name) => ({ from: `${stagingName}/${name}`, to: name, optional: false })),
    ],
  });

  // A file made a moment ago is a few pages: checked in this open, not worth a worker's start.
  const vault = await openUnlocked({ ...ctx, checkPages: undefined }, dataKey, {
    slotId: slots[0]?.id ?? null,
    userId,
  });
  return { ...vault, recoveryCode, kdfMs: measuredMs };
}

export type UnlockSecret = { passphrase: string; userName?: string } | { recoveryCode: string };

/** Every slot that may open the vault now: the current ones and, mid-change, the earlier ones. */
function slotsOfKind(file: KeyslotsFile, kind: Keyslot['kind']): Keyslot[] {
  const all = [...file.slots, ...(file.rollback?.slots ?? [])].filter((s) => s.kind === kind);
  return all.filter((s, i) => all.findIndex((t) => t.id === s.id) === i);
}

/** How many people have a passphrase slot (the unlock screen asks for a name when more than one). */
export function passphraseUserCount(file: KeyslotsFile): number {
  return new Set(slotsOfKind(file, 'passphrase').map((s) => s.userId)).size;
}

/**
 * The named user's slots only. Without a name, the only user's. A name that matches nobody costs
 * the same key derivation as one that does, so neither the answer nor its timing says which.
 */
function chooseSlots(file: KeyslotsFile, userName: string | undefined): Keyslot[] {
  const candidates = slotsOfKind(file, 'passphrase');
  const name = userName?.trim() ?? '';
  if (name === '') {
    if (passphraseUserCount(file) > 1) throw new KasaneError('USER_NAME_REQUIRED');
    return candidates;
  }
  if (!file.nameSalt) return candidates;
  const tag = nameTagFor(file.nameSalt, name);
  return candidates.filter((s) => s.nameTag === tag);
}

const wrongUserOrPassphrase = '利用者名またはパスフレーズが違います。入力し直してください。';

/**
 * Unwraps the data key and opens the store. A slot that will not open = wrong passphrase (recorded,
 * back-off); a key that opens a slot but not the file = damaged database; a keyslots file that is
 * not what it was written as = damaged keyslots. Each has its own message.
 * `recentFailures` are the failures this process has seen (a deleted file does not reset them).
 */
export async function unlockVault(
  ctx: VaultContext,
  secret: UnlockSecret,
  recentFailures: readonly UnlockFailure[] = [],
): Promise<UnlockedVault> {
  const paths = dataDirPaths(ctx.dataDir);
  const file = await readKeyslotsOf(ctx.dataDir);
  const now = ctx.clock();
  const failures = await readUnlockFailures(paths.unlockFailures);
  const wait = backoffSeconds(failures.length >= recentFailures.length ? failures : recentFailures, now);
  if (wait > 0)
    throw new KasaneError('UNLOCK_BACKOFF', `失敗が続いたため、あと${wait}秒待ってから入力してください。`, {
      backoffSeconds: wait,
    });

  const method = 'passphrase' in secret ? 'passphrase' : 'recovery';
  const typed = 'passphrase' in secret ? secret.passphrase : normalizeRecoveryCode(secret.recoveryCode);
  const named = 'passphrase' in secret && (secret.userName?.trim() ?? '') !== '';
  const chosen = 'passphrase' in secret ? chooseSlots(file, secret.userName) : slotsOfKind(file, 'recovery');
  let opened: Awaited<ReturnType<typeof openAnyKeyslot>> = null;
  if (chosen.length > 0) opened = await openAnyKeyslot(chosen, typed);
  else {
    const decoy = file.slots.find((s) => s.kind === 'passphrase') ?? file.slots[0];
    if (decoy) await openKeyslot(decoy, `${typed}\u0000decoy`);
  }
  if (!opened) {
    const after = await recordUnlockFailure(paths.unlockFailures, {
      at: now.toISOString(),
      method,
      via: ctx.via,
    });
    const all = [...recentFailures, { at: now.toISOString(), method, via: ctx.via }];
    const counted = after.length >= all.length ? after : all;
    const code = method === 'passphrase' ? 'WRONG_PASSPHRASE' : 'WRONG_RECOVERY_CODE';
    throw new KasaneError(code, named ? wrongUserOrPassphrase : undefined, {
      backoffSeconds: backoffSeconds(counted, now),
      failures: counted.length,
    });
  }
  if (!keyslotsMacValid(file, opened.dataKey)) {
    opened.dataKey.fill(0);
    throw new KasaneError(
      'KEYSLOTS_DAMAGED',
      '鍵ファイルが壊れています（keyslots.json の内容が、作成されたときと一致しません）。パスフレーズの誤りではありません。バックアップの keyslots.json から復元してください。',
    );
  }

  const vault = await openUnlocked(ctx, opened.dataKey, {
    slotId: opened.slot.id,
    userId: opened.slot.userId,
  });
  if (vault.recordsLost) return vault;
  try {
    await completeUnlock(ctx, vault, file, method);
  } catch (err) {
    await closeVault(vault);
    throw err;
  }
  return vault;
}

/** What an unlock writes once the database is trusted: pending changes, failures, the unlock event. */
async function completeUnlock(
  ctx: VaultContext,
  vault: UnlockedVault,
  file: KeyslotsFile,
  method: 'passphrase' | 'recovery',
): Promise<void> {
  const paths = dataDirPaths(ctx.dataDir);
  const now = ctx.clock();
  const current = await resolvePendingKeyslots(ctx, vault, file);
  if (vault.slotId && !current.slots.some((s) => s.id === vault.slotId))
    throw new KasaneError(
      'WRONG_PASSPHRASE',
      'このパスフレーズを登録する操作は途中で止まったため、取り消されました。それまでのパスフレーズで開いてください。',
    );
  const slot = current.slots.find((s) => s.id === vault.slotId);
  if (slot?.userId && !vault.user) {
    vault.user =
      (await vault.store.db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('id', '=', slot.userId)
        .executeTakeFirst()) ?? null;
    if (!vault.user) throw new KasaneError('KEYSLOTS_DAMAGED');
  }

  const anchored = vault.anchorAtOpen.state === 'ok' ? vault.anchorAtOpen.record.failuresSeq : null;
  const failures = reconcileFailures(
    await readFailuresFile(paths.unlockFailures),
    vault.dataKey,
    vault.vaultId,
    anchored,
  );
  if (vault.keeper) vault.keeper.failuresSeq = failures.consumed;
  await vault.store.db.transaction().execute(async (trx) => {
    for (const f of failures.pending) {
      await appendAuditEvent(
        trx,
        { userId: null, kind: 'unlock.failed', detail: { method: f.method, via: f.via }, at: new Date(f.at) },
        now,
      );
    }
    if (failures.tampered)
      await appendAuditEvent(
        trx,
        {
          userId: null,
          kind: 'unlock.failuresMissing',
          detail: { reason: failures.tampered, expected: anchored, via: ctx.via },
        },
        now,
      );
    await appendAuditEvent(
      trx,
      {
        userId: vault.user?.id ?? null,
        kind: method === 'passphrase' ? 'unlock' : 'unlock.recovery',
        detail: { via: ctx.via },
      },
      now,
    );
  });
  await writeConsumedFailures(paths.unlockFailures, vault.dataKey, vault.vaultId, failures.consumed);
  await upgradeKeyslots(ctx, vault, current);
}

/**
 * The coordinator's choice when records were lost and no backup is to be restored: the database
 * is used as it is. The loss (what the anchor vouched for, what was found) is an audit event, and
 * the anchor starts again from here.
 */
export async function acceptRecordsLoss(
  ctx: VaultContext,
  vault: UnlockedVault,
  method: 'passphrase' | 'recovery',
): Promise<void> {
  const lost = vault.recordsLost;
  if (!lost) throw new KasaneError('NO_RECORDS_LOST');
  const paths = dataDirPaths(ctx.dataDir);
  const anchorKey = deriveKey(vault.dataKey, 'anchor');
  vault.store.sqlite.pragma('query_only = 0');
  await migratePending(ctx, vault.store, vault.dataKey);
  const previous = vault.anchorAtOpen.state === 'ok' ? vault.anchorAtOpen.record : null;
  const head = readDatabaseHead(vault.store.sqlite);
  await writeFileDurably(
    paths.anchor,
    anchorFileBytes(anchorKey, {
      vaultId: vault.vaultId,
      seq: (previous?.seq ?? 0) + 1,
      commits: head.commits,
      audit: head.audit,
      failuresSeq: previous?.failuresSeq ?? 0,
    }),
  );
  const anchorNow = readAnchor(paths.anchor, anchorKey);
  vault.keeper = await keepAnchor(vault.store, paths.anchor, anchorKey, vault.vaultId, anchorNow);
  vault.recordsLost = null;
  await appendAuditEvent(
    vault.store.db,
    {
      userId: vault.user?.id ?? null,
      kind: 'records.lossAccepted',
      detail: {
        reason: lost.reason,
        lastConfirmedId: lost.lastConfirmed?.id ?? null,
        foundId: lost.found?.id ?? null,
        commitsExpected: lost.commitsExpected,
        commitsFound: lost.commitsFound,
        via: ctx.via,
      },
    },
    ctx.clock(),
  );
  vault.anchorAtOpen = anchorNow;
  await completeUnlock(ctx, vault, await readKeyslotsOf(ctx.dataDir), method);
}

export async function checkPassphrase(
  ctx: VaultContext,
  userId: string,
  passphrase: string,
): Promise<boolean> {
  const file = await readKeyslots(dataDirPaths(ctx.dataDir).keyslots);
  const own = file.slots.filter((s) => s.kind === 'passphrase' && s.userId === userId);
  return (await openAnyKeyslot(own, passphrase)) !== null;
}
