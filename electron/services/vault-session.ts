import type { OpenStore } from '../../db/open.js';
import type { VaultStatus } from '../ipc/contract.js';
import { acknowledgeConfidentiality, needsAcknowledgement } from './acknowledgement.js';
import { appendAuditEvent } from './audit.js';
import { type Clock, systemClock } from './clock.js';
import { dataDirPaths } from './data-dir.js';
import { prepareDataFolder } from './data-folder.js';
import { claimDataFolder, type DataFolderLock } from './data-folder-lock.js';
import { KasaneError } from './errors.js';
import { type KdfProfile, readKeyslots } from './keyslots.js';
import { getOfficeSettings } from './office-settings.js';
import { describeLoss } from './records-lost.js';
import { backoffSeconds, readUnlockFailures, type UnlockFailure } from './unlock-failures.js';
import { listUsers } from './users.js';
import {
  acceptRecordsLoss,
  closeVault,
  initializeVault,
  isVaultInitialized,
  passphraseUserCount,
  type UnlockedVault,
  unlockVault,
  type VaultContext,
} from './vault.js';
import { completeRecoveryKeys } from './vault-keyslot-changes.js';

export type LockReason = 'user' | 'idle' | 'suspend' | 'screen-lock' | 'quit';
export type Access = 'public' | 'unlocked' | 'acknowledged';

export interface VaultSessionOptions {
  dataDir: string;
  via: VaultContext['via'];
  clock?: Clock;
  kdf?: KdfProfile;
  /** Told after every lock, so the window (or the harness page) can drop what it shows. */
  onLocked?: (reason: LockReason) => void;
}

/**
 * The one open vault of a running app: locked, unlocked by a user, or opened with the recovery code
 * and waiting for a new passphrase. Every IPC call asks it who is signed in and what they may do.
 */
export class VaultSession {
  readonly ctx: VaultContext;
  #vault: UnlockedVault | null = null;
  #method: 'passphrase' | 'recovery' = 'passphrase';
  /** Failures seen by this process: deleting unlock-failures.json does not reset the back-off. */
  #recentFailures: UnlockFailure[] = [];
  #folder: DataFolderLock | null = null;
  #starting: Promise<void> | null = null;
  #autoLockMinutes = 10;
  readonly #onLocked: ((reason: LockReason) => void) | undefined;
  readonly #lockListeners: (() => Promise<void> | void)[] = [];

  constructor(options: VaultSessionOptions) {
    this.ctx = {
      dataDir: options.dataDir,
      via: options.via,
      clock: options.clock ?? systemClock,
      kdf: options.kdf,
    };
    this.#onLocked = options.onLocked;
  }

  now(): Date {
    return this.ctx.clock();
  }

  /**
   * Takes the data folder (one owner at a time) and finishes what a crash interrupted. Every entry
   * point awaits it; a refusal (another Kasane holds the folder) is retried at the next call.
   */
  async ready(): Promise<void> {
    if (this.#folder) return;
    this.#starting ??= (async () => {
      const lock = await claimDataFolder(this.ctx.dataDir, this.ctx.via, { create: true });
      try {
        await prepareDataFolder(this.ctx.dataDir);
      } catch (err) {
        await lock.release();
        throw err;
      }
      this.#folder = lock;
    })().finally(() => {
      this.#starting = null;
    });
    await this.#starting;
  }

  /** Locks and gives the data folder up (the app quits, the harness stops). */
  async close(): Promise<void> {
    try {
      await this.lock('quit');
    } finally {
      await this.#folder?.release();
      this.#folder = null;
    }
  }

  async status(): Promise<VaultStatus> {
    await this.ready();
    const base = {
      user: null,
      needsAcknowledgement: false,
      backoffSeconds: 0,
      autoLockMinutes: this.#autoLockMinutes,
      recoveryUsers: [],
      userNameRequired: false,
      recordsLost: null,
    };
    const vault = this.#vault;
    if (!vault) {
      if (!(await isVaultInitialized(this.ctx.dataDir))) return { ...base, state: 'uninitialized' };
      const paths = dataDirPaths(this.ctx.dataDir);
      const failures = await readUnlockFailures(paths.unlockFailures);
      const counted = failures.length >= this.#recentFailures.length ? failures : this.#recentFailures;
      const userNameRequired = await readKeyslots(paths.keyslots).then(
        (file) => passphraseUserCount(file) > 1,
        () => false,
      );
      return {
        ...base,
        state: 'locked',
        backoffSeconds: backoffSeconds(counted, this.now()),
        userNameRequired,
      };
    }
    if (vault.recordsLost)
      return {
        ...base,
        state: 'recordsLost',
        user: vault.user,
        recordsLost: describeLoss(vault.recordsLost),
      };
    if (!vault.user)
      return {
        ...base,
        state: 'recovery',
        recoveryUsers: (await listUsers(vault.store.db)).map(({ id, name }) => ({ id, name })),
      };
    return {
      ...base,
      state: 'unlocked',
      user: vault.user,
      needsAcknowledgement: await needsAcknowledgement(vault.store.db, vault.user.id, this.now()),
    };
  }

  async access(): Promise<Access> {
    const vault = this.#vault;
    if (!vault?.user || vault.recordsLost) return 'public';
    return (await needsAcknowledgement(vault.store.db, vault.user.id, this.now()))
      ? 'unlocked'
      : 'acknowledged';
  }

  /** The open store and the signed-in user; throws LOCKED otherwise. */
  signedIn(): { store: OpenStore; user: { id: string; name: string }; vault: UnlockedVault } {
    const vault = this.#vault;
    if (!vault) throw new KasaneError('LOCKED');
    if (vault.recordsLost) throw new KasaneError('RECORDS_LOST');
    if (!vault.user) throw new KasaneError('RECOVERY_PENDING');
    return { store: vault.store, user: vault.user, vault };
  }

  async setup(input: {
    userName: string;
    passphrase: string;
  }): Promise<{ recoveryCode: string; status: VaultStatus }> {
    await this.ready();
    if (this.#vault) throw new KasaneError('ALREADY_INITIALIZED');
    const { recoveryCode, kdfMs: _kdfMs, ...vault } = await initializeVault(this.ctx, input);
    this.#method = 'passphrase';
    await this.#opened(vault);
    return { recoveryCode, status: await this.status() };
  }

  async unlock(input: { passphrase: string; userName?: string }): Promise<VaultStatus> {
    return this.#unlock('passphrase', { passphrase: input.passphrase, userName: input.userName });
  }

  async unlockWithRecoveryCode(input: { recoveryCode: string }): Promise<VaultStatus> {
    return this.#unlock('recovery', { recoveryCode: input.recoveryCode });
  }

  async #unlock(
    method: 'passphrase' | 'recovery',
    secret: Parameters<typeof unlockVault>[1],
  ): Promise<VaultStatus> {
    await this.ready();
    if (this.#vault) await this.lock('user');
    try {
      await this.#opened(await unlockVault(this.ctx, secret, this.#recentFailures));
    } catch (err) {
      if (
        err instanceof KasaneError &&
        (err.code === 'WRONG_PASSPHRASE' || err.code === 'WRONG_RECOVERY_CODE')
      )
        this.#recentFailures = [
          ...this.#recentFailures,
          { at: this.now().toISOString(), method, via: this.ctx.via },
        ].slice(-200);
      throw err;
    }
    this.#recentFailures = [];
    this.#method = method;
    return this.status();
  }

  /** Records were lost and the coordinator chose to go on without restoring: audited, re-anchored. */
  async acceptRecordsLoss(): Promise<VaultStatus> {
    const vault = this.#vault;
    if (!vault) throw new KasaneError('LOCKED');
    if (!vault.recordsLost) throw new KasaneError('NO_RECORDS_LOST');
    await acceptRecordsLoss(this.ctx, vault, this.#method);
    await this.refreshSettings();
    return this.status();
  }

  /** After a recovery unlock: the person picks who they are, sets a new passphrase, gets a new code. */
  async completeRecovery(input: {
    userId: string;
    newPassphrase: string;
  }): Promise<{ recoveryCode: string; status: VaultStatus }> {
    const vault = this.#vault;
    if (!vault) throw new KasaneError('LOCKED');
    if (vault.recordsLost) throw new KasaneError('RECORDS_LOST');
    if (vault.user) throw new KasaneError('NOT_RECOVERING');
    const user = (await listUsers(vault.store.db)).find((u) => u.id === input.userId);
    if (!user) throw new KasaneError('USER_NOT_FOUND');
    const recoveryCode = await completeRecoveryKeys(this.ctx, vault, user.id, input.newPassphrase);
    vault.user = { id: user.id, name: user.name };
    return { recoveryCode, status: await this.status() };
  }

  async acknowledge(textVersion: string): Promise<VaultStatus> {
    const { store, user } = this.signedIn();
    await acknowledgeConfidentiality(store.db, user.id, textVersion, this.now());
    return this.status();
  }

  /** The app's job runner takes the unlock's pending migrations off this thread (createApp). */
  migrateWith(migrate: NonNullable<VaultContext['migratePending']>): void {
    this.ctx.migratePending = migrate;
  }

  /** The app's job runner reads every page at unlock off this thread (createApp). */
  checkPagesWith(check: NonNullable<VaultContext['checkPages']>): void {
    this.ctx.checkPages = check;
  }

  /** Services that hold case data outside the database (previews, temporary files) drop it on lock. */
  onLock(listener: () => Promise<void> | void): void {
    this.#lockListeners.push(listener);
  }

  async lock(reason: LockReason): Promise<VaultStatus> {
    const vault = this.#vault;
    if (vault) {
      this.#vault = null;
      // A failing listener must never keep the vault open.
      for (const listener of this.#lockListeners)
        await Promise.resolve()
          .then(listener)
          .catch(() => undefined);
      try {
        // A database whose records were lost is read-only: its lock is not written either.
        if (!vault.recordsLost)
          await appendAuditEvent(
            vault.store.db,
            { userId: vault.user?.id ?? null, kind: 'lock', detail: { reason } },
            this.now(),
          );
      } finally {
        await closeVault(vault);
      }
      this.#onLocked?.(reason);
    }
    return this.status();
  }

  /** Called with the OS idle time (seconds); locks when it passes the office's auto-lock setting. */
  async lockIfIdle(idleSeconds: number): Promise<boolean> {
    if (!this.#vault || idleSeconds < this.#autoLockMinutes * 60) return false;
    await this.lock('idle');
    return true;
  }

  /** Settings changed: pick up the new auto-lock time. */
  async refreshSettings(): Promise<void> {
    if (this.#vault && !this.#vault.recordsLost)
      this.#autoLockMinutes = (await getOfficeSettings(this.#vault.store.db)).autoLockMinutes;
  }

  async #opened(vault: UnlockedVault): Promise<void> {
    this.#vault = vault;
    await this.refreshSettings();
  }
}
