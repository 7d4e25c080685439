import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { appendAuditEvent } from './audit.js';
import { dataDirPaths } from './data-dir.js';
import { KasaneError } from './errors.js';
import { failpoint } from './failpoint.js';
import { createKeyslot, type Keyslot, type KeyslotsFile, readKeyslots, writeKeyslots } from './keyslots.js';
import { generateRecoveryCode, normalizeRecoveryCode } from './recovery-code.js';
import { nameTagFor, normalizeUserName } from './user-names.js';
import type { UnlockedVault, VaultContext } from './vault.js';

/**
 * Changes that touch both the keyslots file and the database (a new user, a new passphrase, the
 * recovery code) are all-or-nothing:
 *   1. keyslots.json gets the new slots, generation + 1, and `rollback` = the slots before;
 *   2. one database transaction makes the change and records the new generation (vault_head);
 *   3. keyslots.json is rewritten without `rollback`.
 * A crash after 1 leaves `rollback`: at the next unlock the database says whether 2 committed, and
 * the file is completed or put back (resolvePendingKeyslots). While it waits, both the earlier and
 * the new slots open the vault, so nobody is locked out by a crash.
 */

async function dbGeneration(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('vault_head').select('keyslots_generation').executeTakeFirst();
  return row?.keyslots_generation ?? 0;
}

async function fileOf(ctx: VaultContext): Promise<KeyslotsFile> {
  return readKeyslots(dataDirPaths(ctx.dataDir).keyslots);
}

function sealedParts(file: KeyslotsFile, vault: UnlockedVault) {
  return {
    vaultId: vault.vaultId,
    nameSalt: file.nameSalt ?? randomBytes(16).toString('base64'),
  };
}

/** Completes or undoes a change a crash interrupted; returns the file as it stands afterwards. */
export async function resolvePendingKeyslots(
  ctx: VaultContext,
  vault: UnlockedVault,
  file: KeyslotsFile,
): Promise<KeyslotsFile> {
  const path = dataDirPaths(ctx.dataDir).keyslots;
  const generation = await dbGeneration(vault.store.db);
  const now = ctx.clock();
  if (file.rollback) {
    const committed = generation === file.generation;
    const next = committed
      ? { ...file, rollback: null }
      : { ...file, generation: file.rollback.generation, slots: file.rollback.slots, rollback: null };
    await writeKeyslots(path, { ...next, ...sealedParts(file, vault) }, vault.dataKey);
    await appendAuditEvent(
      vault.store.db,
      {
        userId: null,
        kind: 'keyslots.changeResumed',
        detail: { outcome: committed ? 'completed' : 'undone', generation: next.generation },
      },
      now,
    );
    return fileOf(ctx);
  }
  if (file.mac !== null && generation !== file.generation) {
    // A keyslots file from another moment (put back from a backup by hand): used as it is, noted.
    await vault.store.db
      .updateTable('vault_head')
      .set({ keyslots_generation: file.generation })
      .where('id', '=', 1)
      .execute();
    await appendAuditEvent(
      vault.store.db,
      {
        userId: null,
        kind: 'keyslots.replaced',
        detail: { fileGeneration: file.generation, expectedGeneration: generation },
      },
      now,
    );
  }
  return file;
}

/** A first-format file (no vault id, checksum or name tags) is rewritten in the current format. */
export async function upgradeKeyslots(
  ctx: VaultContext,
  vault: UnlockedVault,
  file: KeyslotsFile,
): Promise<void> {
  const needsTags = file.slots.some((s) => s.kind === 'passphrase' && s.nameTag === null);
  if (file.mac !== null && !needsTags) return;
  const parts = sealedParts(file, vault);
  const users = await vault.store.db.selectFrom('users').select(['id', 'name']).execute();
  const slots = file.slots.map((s) => {
    const user = users.find((u) => u.id === s.userId);
    return s.kind === 'passphrase' && user ? { ...s, nameTag: nameTagFor(parts.nameSalt, user.name) } : s;
  });
  await writeKeyslots(
    dataDirPaths(ctx.dataDir).keyslots,
    { ...file, ...parts, generation: await dbGeneration(vault.store.db), slots },
    vault.dataKey,
  );
}

/** Steps 1–3 above around `writeDb`, which runs inside the database transaction of step 2. */
async function changeKeyslots(
  ctx: VaultContext,
  vault: UnlockedVault,
  name: string,
  nextSlots: (file: KeyslotsFile, nameSalt: string) => Promise<Keyslot[]>,
  writeDb: (trx: Kysely<Database>) => Promise<void>,
): Promise<void> {
  const path = dataDirPaths(ctx.dataDir).keyslots;
  const file = await fileOf(ctx);
  const parts = sealedParts(file, vault);
  const slots = await nextSlots(file, parts.nameSalt);
  const generation = file.generation + 1;
  await writeKeyslots(
    path,
    { ...parts, generation, slots, rollback: { generation: file.generation, slots: file.slots } },
    vault.dataKey,
  );
  failpoint(`${name}:keyslots-staged`);
  try {
    await vault.store.db.transaction().execute(async (trx) => {
      await writeDb(trx);
      await trx
        .updateTable('vault_head')
        .set({ keyslots_generation: generation })
        .where('id', '=', 1)
        .execute();
    });
  } catch (err) {
    await writeKeyslots(path, { ...file, ...parts, rollback: null }, vault.dataKey);
    throw err;
  }
  failpoint(`${name}:committed`);
  await writeKeyslots(path, { ...parts, generation, slots, rollback: null }, vault.dataKey);
}

const slotCost = (file: KeyslotsFile) => Math.max(...file.slots.map((s) => s.kdf.N));

/**
 * Adds a coordinator: a user row and a keyslot of their own wrapping the same data key. Nobody's
 * passphrase is compared with anyone else's: unlock names the user, so two people may happen to
 * choose the same passphrase without either learning it.
 */
export async function addUser(
  ctx: VaultContext,
  vault: UnlockedVault,
  actorId: string,
  input: { name: string; passphrase: string },
): Promise<{ id: string; name: string; createdAt: string }> {
  const existing = await vault.store.db.selectFrom('users').select('name').execute();
  const wanted = normalizeUserName(input.name);
  if (existing.some((u) => normalizeUserName(u.name) === wanted)) throw new KasaneError('USER_EXISTS');
  const now = ctx.clock();
  const id = randomUUID();
  await changeKeyslots(
    ctx,
    vault,
    'addUser',
    async (file, nameSalt) => [
      ...file.slots,
      await createKeyslot(vault.dataKey, input.passphrase, {
        kind: 'passphrase',
        userId: id,
        nameTag: nameTagFor(nameSalt, input.name),
        N: slotCost(file),
        now,
      }),
    ],
    async (trx) => {
      await trx
        .insertInto('users')
        .values({ id, name: input.name, created_at: now.toISOString(), retired_at: null })
        .execute();
      await appendAuditEvent(trx, { userId: actorId, kind: 'user.added', target: { type: 'user', id } }, now);
    },
  );
  return { id, name: input.name, createdAt: now.toISOString() };
}

async function userName(vault: UnlockedVault, userId: string): Promise<string> {
  const row = await vault.store.db
    .selectFrom('users')
    .select('name')
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) throw new KasaneError('USER_NOT_FOUND');
  return row.name;
}

/** Changing a passphrase re-wraps the data key; the database itself is untouched. */
export async function setPassphrase(
  ctx: VaultContext,
  vault: UnlockedVault,
  userId: string,
  newPassphrase: string,
): Promise<void> {
  const name = await userName(vault, userId);
  const now = ctx.clock();
  await changeKeyslots(
    ctx,
    vault,
    'setPassphrase',
    async (file, nameSalt) => [
      ...file.slots.filter((s) => !(s.kind === 'passphrase' && s.userId === userId)),
      await createKeyslot(vault.dataKey, newPassphrase, {
        kind: 'passphrase',
        userId,
        nameTag: nameTagFor(nameSalt, name),
        N: slotCost(file),
        now,
      }),
    ],
    (trx) =>
      appendAuditEvent(
        trx,
        { userId, kind: 'user.passphraseChanged', target: { type: 'user', id: userId } },
        now,
      ),
  );
}

/**
 * After a recovery unlock: the person's new passphrase and a new recovery code (a used code is
 * spent) in one change, so a crash never leaves one without the other. Returns the new code.
 */
export async function completeRecoveryKeys(
  ctx: VaultContext,
  vault: UnlockedVault,
  userId: string,
  newPassphrase: string,
): Promise<string> {
  const name = await userName(vault, userId);
  const now = ctx.clock();
  const recoveryCode = generateRecoveryCode();
  await changeKeyslots(
    ctx,
    vault,
    'recovery',
    async (file, nameSalt) => [
      ...file.slots.filter((s) => s.kind !== 'recovery' && !(s.kind === 'passphrase' && s.userId === userId)),
      await createKeyslot(vault.dataKey, newPassphrase, {
        kind: 'passphrase',
        userId,
        nameTag: nameTagFor(nameSalt, name),
        N: slotCost(file),
        now,
      }),
      await createKeyslot(vault.dataKey, normalizeRecoveryCode(recoveryCode), {
        kind: 'recovery',
        userId: null,
        nameTag: null,
        N: slotCost(file),
        now,
      }),
    ],
    async (trx) => {
      await appendAuditEvent(
        trx,
        { userId, kind: 'user.passphraseChanged', target: { type: 'user', id: userId } },
        now,
      );
      await appendAuditEvent(trx, { userId, kind: 'recoveryCode.reissued' }, now);
    },
  );
  return recoveryCode;
}
