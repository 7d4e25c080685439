import { randomBytes, randomUUID } from 'node:crypto';
import { access, mkdir } from 'node:fs/promises';
import { DatabaseDamagedError, SchemaTooNewError } from '../../db/errors.js';
import { type OpenStore, openStore } from '../../db/open.js';
import { appendAuditEvent } from './audit.js';
import type { Clock } from './clock.js';
import { dataDirPaths } from './data-dir.js';
import { KasaneError } from './errors.js';
import {
  createKeyslot,
  defaultKdfProfile,
  type KdfProfile,
  type Keyslot,
  type KeyslotsFile,
  openAnyKeyslot,
  readKeyslots,
  tuneKdf,
  writeKeyslots,
} from './keyslots.js';
import { generateRecoveryCode, normalizeRecoveryCode } from './recovery-code.js';
import {
  backoffSeconds,
  clearUnlockFailures,
  readUnlockFailures,
  recordUnlockFailure,
} from './unlock-failures.js';

/** Where and how a vault is opened: by the app window, the admin CLI or the test harness. */
export interface VaultContext {
  dataDir: string;
  clock: Clock;
  via: 'app' | 'cli' | 'harness';
  kdf?: KdfProfile;
}

export interface UnlockedVault {
  store: OpenStore;
  dataKey: Buffer;
  /** null when opened with the recovery code: the person must say who they are and set a passphrase. */
  user: { id: string; name: string } | null;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

export async function isVaultInitialized(dataDir: string): Promise<boolean> {
  return exists(dataDirPaths(dataDir).keyslots);
}

async function openStoreOrExplain(path: string, dataKey: Buffer, create = false): Promise<OpenStore> {
  try {
    return await openStore(path, dataKey, { create });
  } catch (err) {
    if (err instanceof DatabaseDamagedError) throw new KasaneError('DATABASE_DAMAGED');
    if (err instanceof SchemaTooNewError) {
      throw new KasaneError('SCHEMA_TOO_NEW', undefined, {
        fileVersion: err.fileVersion,
        knownVersion: err.knownVersion,
      });
    }
    throw err;
  }
}

/** First run: a random data key, the first user's slot, the recovery slot, an empty encrypted store. */
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
  const userId = randomUUID();
  const recoveryCode = generateRecoveryCode();
  const { N, measuredMs } = await tuneKdf(ctx.kdf ?? defaultKdfProfile);
  const slots = [
    await createKeyslot(dataKey, input.passphrase, { kind: 'passphrase', userId, N, now }),
    await createKeyslot(dataKey, normalizeRecoveryCode(recoveryCode), {
      kind: 'recovery',
      userId: null,
      N,
      now,
    }),
  ];
  const store = await openStoreOrExplain(paths.database, dataKey, true);
  try {
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
    await writeKeyslots(paths.keyslots, { format: 'kasane-keyslots', version: 1, slots });
  } catch (err) {
    await store.close();
    throw err;
  }
  return { store, dataKey, user: { id: userId, name: input.userName }, recoveryCode, kdfMs: measuredMs };
}

export type UnlockSecret = { passphrase: string } | { recoveryCode: string };

/**
 * Unwraps the data key and opens the store. A slot that will not open = wrong passphrase (recorded,
 * back-off); a key that opens a slot but not the file = damaged database. Two causes, two messages.
 */
export async function unlockVault(ctx: VaultContext, secret: UnlockSecret): Promise<UnlockedVault> {
  const paths = dataDirPaths(ctx.dataDir);
  const file = await readKeyslots(paths.keyslots);
  const now = ctx.clock();
  const failures = await readUnlockFailures(paths.unlockFailures);
  const wait = backoffSeconds(failures, now);
  if (wait > 0)
    throw new KasaneError('UNLOCK_BACKOFF', `失敗が続いたため、あと${wait}秒待ってから入力してください。`, {
      backoffSeconds: wait,
    });

  const method = 'passphrase' in secret ? 'passphrase' : 'recovery';
  const candidates = file.slots.filter((s) => s.kind === method);
  const opened = await openAnyKeyslot(
    candidates,
    'passphrase' in secret ? secret.passphrase : normalizeRecoveryCode(secret.recoveryCode),
  );
  if (!opened) {
    const after = await recordUnlockFailure(paths.unlockFailures, {
      at: now.toISOString(),
      method,
      via: ctx.via,
    });
    const code = method === 'passphrase' ? 'WRONG_PASSPHRASE' : 'WRONG_RECOVERY_CODE';
    throw new KasaneError(code, undefined, {
      backoffSeconds: backoffSeconds(after, now),
      failures: after.length,
    });
  }

  const store = await openStoreOrExplain(paths.database, opened.dataKey);
  try {
    const user = opened.slot.userId
      ? await store.db
          .selectFrom('users')
          .select(['id', 'name'])
          .where('id', '=', opened.slot.userId)
          .executeTakeFirst()
      : undefined;
    if (opened.slot.userId && !user) throw new KasaneError('KEYSLOTS_DAMAGED');
    await store.db.transaction().execute(async (trx) => {
      for (const f of failures) {
        await appendAuditEvent(
          trx,
          {
            userId: null,
            kind: 'unlock.failed',
            detail: { method: f.method, via: f.via },
            at: new Date(f.at),
          },
          now,
        );
      }
      await appendAuditEvent(
        trx,
        {
          userId: user?.id ?? null,
          kind: method === 'passphrase' ? 'unlock' : 'unlock.recovery',
          detail: { via: ctx.via },
        },
        now,
      );
    });
    if (failures.length > 0) await clearUnlockFailures(paths.unlockFailures);
    return { store, dataKey: opened.dataKey, user: user ?? null };
  } catch (err) {
    await store.close();
    throw err;
  }
}

async function passphraseInUse(
  file: KeyslotsFile,
  passphrase: string,
  exceptUserId: string,
): Promise<boolean> {
  const others = file.slots.filter((s) => s.kind === 'passphrase' && s.userId !== exceptUserId);
  return (await openAnyKeyslot(others, passphrase)) !== null;
}

function slotCost(file: KeyslotsFile): number {
  return Math.max(...file.slots.map((s) => s.kdf.N));
}

/** Adds a coordinator: a user row and a keyslot of their own wrapping the same data key. */
export async function addUser(
  ctx: VaultContext,
  vault: UnlockedVault,
  actorId: string,
  input: { name: string; passphrase: string },
): Promise<{ id: string; name: string; createdAt: string }> {
  const paths = dataDirPaths(ctx.dataDir);
  const file = await readKeyslots(paths.keyslots);
  const existing = await vault.store.db.selectFrom('users').select('name').execute();
  if (existing.some((u) => u.name.normalize('NFKC') === input.name.normalize('NFKC')))
    throw new KasaneError('USER_EXISTS');
  if (await passphraseInUse(file, input.passphrase, '')) throw new KasaneError('PASSPHRASE_IN_USE');
  const now = ctx.clock();
  const id = randomUUID();
  const slot = await createKeyslot(vault.dataKey, input.passphrase, {
    kind: 'passphrase',
    userId: id,
    N: slotCost(file),
    now,
  });
  await vault.store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({ id, name: input.name, created_at: now.toISOString(), retired_at: null })
      .execute();
    await appendAuditEvent(trx, { userId: actorId, kind: 'user.added', target: { type: 'user', id } }, now);
  });
  await writeKeyslots(paths.keyslots, { ...file, slots: [...file.slots, slot] });
  return { id, name: input.name, createdAt: now.toISOString() };
}

/** Changing a passphrase re-wraps the data key; the database itself is untouched. */
export async function setPassphrase(
  ctx: VaultContext,
  vault: UnlockedVault,
  userId: string,
  newPassphrase: string,
): Promise<void> {
  const paths = dataDirPaths(ctx.dataDir);
  const file = await readKeyslots(paths.keyslots);
  if (await passphraseInUse(file, newPassphrase, userId)) throw new KasaneError('PASSPHRASE_IN_USE');
  const now = ctx.clock();
  const slot = await createKeyslot(vault.dataKey, newPassphrase, {
    kind: 'passphrase',
    userId,
    N: slotCost(file),
    now,
  });
  const slots: Keyslot[] = [
    ...file.slots.filter((s) => !(s.kind === 'passphrase' && s.userId === userId)),
    slot,
  ];
  await appendAuditEvent(
    vault.store.db,
    { userId, kind: 'user.passphraseChanged', target: { type: 'user', id: userId } },
    now,
  );
  await writeKeyslots(paths.keyslots, { ...file, slots });
}

/** A used recovery code is spent: a new one replaces it and is shown once. */
export async function reissueRecoveryCode(
  ctx: VaultContext,
  vault: UnlockedVault,
  actorId: string,
): Promise<string> {
  const paths = dataDirPaths(ctx.dataDir);
  const file = await readKeyslots(paths.keyslots);
  const now = ctx.clock();
  const recoveryCode = generateRecoveryCode();
  const slot = await createKeyslot(vault.dataKey, normalizeRecoveryCode(recoveryCode), {
    kind: 'recovery',
    userId: null,
    N: slotCost(file),
    now,
  });
  await appendAuditEvent(vault.store.db, { userId: actorId, kind: 'recoveryCode.reissued' }, now);
  await writeKeyslots(paths.keyslots, {
    ...file,
    slots: [...file.slots.filter((s) => s.kind !== 'recovery'), slot],
  });
  return recoveryCode;
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
