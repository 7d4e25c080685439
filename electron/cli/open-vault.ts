import { KasaneError } from '../services/errors.js';
import { type UnlockedVault, unlockVault, type VaultContext } from '../services/vault.js';
import { CliError } from './cli-error.js';
import { exitCodeFor, exitCodes } from './exit-codes.js';
import { MissingSecretError, readSecret } from './secret-input.js';

export function cliContext(dataDir: string): VaultContext {
  return { dataDir, via: 'cli', clock: () => new Date() };
}

/** Turns a service error into the CLI's exit code and message. */
export function asCliError(err: unknown): CliError {
  if (err instanceof CliError) return err;
  if (err instanceof KasaneError) return new CliError(exitCodeFor(err.code), err.message);
  if (err instanceof MissingSecretError) return new CliError(exitCodes.usage, err.message);
  throw err;
}

/** Unlocks with KASANE_PASSPHRASE (or a prompt); with `userName`, the passphrase must be that user's. */
export async function openVaultForCli(
  ctx: VaultContext,
  userName?: string,
): Promise<UnlockedVault & { user: { id: string; name: string } }> {
  const passphrase = await readSecret('KASANE_PASSPHRASE', 'パスフレーズ: ');
  const vault = await unlockVault(ctx, { passphrase });
  if (!vault.user || (userName !== undefined && vault.user.name !== userName)) {
    await vault.store.close();
    throw new CliError(exitCodes.wrongPassphrase, `利用者「${userName}」のパスフレーズではありません。`);
  }
  return { ...vault, user: vault.user };
}

/** Opens the vault for one command, runs it, and always closes the store and wipes the key. */
export async function withCliVault<T>(
  ctx: VaultContext,
  use: (vault: UnlockedVault & { user: { id: string; name: string } }) => Promise<T>,
  userName?: string,
): Promise<T> {
  const vault = await openVaultForCli(ctx, userName);
  try {
    return await use(vault);
  } finally {
    await vault.store.close();
    vault.dataKey.fill(0);
  }
}
