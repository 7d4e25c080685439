import type { OpenStore } from '../../db/open.js';
import type { VaultStatus } from '../ipc/contract.js';
import { acknowledgeConfidentiality, needsAcknowledgement } from './acknowledgement.js';
import { appendAuditEvent } from './audit.js';
import { type Clock, systemClock } from './clock.js';
import { dataDirPaths } from './data-dir.js';
import { KasaneError } from './errors.js';
import type { KdfProfile } from './keyslots.js';
import { getOfficeSettings } from './office-settings.js';
import { backoffSeconds, readUnlockFailures } from './unlock-failures.js';
import { listUsers } from './users.js';
import {
  initializeVault,
  isVaultInitialized,
  reissueRecoveryCode,
  setPassphrase,
  type UnlockedVault,
  unlockVault,
  type VaultContext,
} from './vault.js';

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

  async status(): Promise<VaultStatus> {
    const base = {
      user: null,
      needsAcknowledgement: false,
      backoffSeconds: 0,
      autoLockMinutes: this.#autoLockMinutes,
      recoveryUsers: [],
    };
    const vault = this.#vault;
    if (!vault) {
      if (!(await isVaultInitialized(this.ctx.dataDir))) return { ...base, state: 'uninitialized' };
      const failures = await readUnlockFailures(dataDirPaths(this.ctx.dataDir).unlockFailures);
      return { ...base, state: 'locked', backoffSeconds: backoffSeconds(failures, this.now()) };
    }
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
    if (!vault?.user) return 'public';
    return (await needsAcknowledgement(vault.store.db, vault.user.id, this.now()))
      ? 'unlocked'
      : 'acknowledged';
  }

  /** The open store and the signed-in user; throws LOCKED otherwise. */
  signedIn(): { store: OpenStore; user: { id: string; name: string }; vault: UnlockedVault } {
    const vault = this.#vault;
    if (!vault) throw new KasaneError('LOCKED');
    if (!vault.user) throw new KasaneError('RECOVERY_PENDING');
    return { store: vault.store, user: vault.user, vault };
  }

  async setup(input: {
    userName: string;
    passphrase: string;
  }): Promise<{ recoveryCode: string; status: VaultStatus }> {
    if (this.#vault) throw new KasaneError('ALREADY_INITIALIZED');
    const { recoveryCode, kdfMs: _kdfMs, ...vault } = await initializeVault(this.ctx, input);
    await this.#opened(vault);
    return { recoveryCode, status: await this.status() };
  }

  async unlock(input: { passphrase: string }): Promise<VaultStatus> {
    if (this.#vault) await this.lock('user');
    await this.#opened(await unlockVault(this.ctx, { passphrase: input.passphrase }));
    return this.status();
  }

  async unlockWithRecoveryCode(input: { recoveryCode: string }): Promise<VaultStatus> {
    if (this.#vault) await this.lock('user');
    await this.#opened(await unlockVault(this.ctx, { recoveryCode: input.recoveryCode }));
    return this.status();
  }

  /** After a recovery unlock: the person picks who they are, sets a new passphrase, gets a new code. */
  async completeRecovery(input: {
    userId: string;
    newPassphrase: string;
  }): Promise<{ recoveryCode: string; status: VaultStatus }> {
    const vault = this.#vault;
    if (!vault) throw new KasaneError('LOCKED');
    if (vault.user) throw new KasaneError('VALIDATION', '回復の手続き中ではありません。');
    const user = (await listUsers(vault.store.db)).find((u) => u.id === input.userId);
    if (!user) throw new KasaneError('USER_NOT_FOUND');
    await setPassphrase(this.ctx, vault, user.id, input.newPassphrase);
    const recoveryCode = await reissueRecoveryCode(this.ctx, vault, user.id);
    vault.user = { id: user.id, name: user.name };
    return { recoveryCode, status: await this.status() };
  }

  async acknowledge(textVersion: string): Promise<VaultStatus> {
    const { store, user } = this.signedIn();
    await acknowledgeConfidentiality(store.db, user.id, textVersion, this.now());
    return this.status();
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
        await appendAuditEvent(
          vault.store.db,
          { userId: vault.user?.id ?? null, kind: 'lock', detail: { reason } },
          this.now(),
        );
      } finally {
        await vault.store.close();
        vault.dataKey.fill(0);
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
    if (this.#vault) this.#autoLockMinutes = (await getOfficeSettings(this.#vault.store.db)).autoLockMinutes;
  }

  async #opened(vault: UnlockedVault): Promise<void> {
    this.#vault = vault;
    await this.refreshSettings();
  }
}
