import { isDamagedPageError } from '../../db/open.js';
import { type Context, createContext } from '../services/context.js';
import { prepareDataFolder } from '../services/data-folder.js';
import { claimDataFolder } from '../services/data-folder-lock.js';
import { errorMessages, KasaneError } from '../services/errors.js';
import { describeLoss } from '../services/records-lost.js';
import { closeVault, type UnlockedVault, unlockVault, type VaultContext } from '../services/vault.js';
import { CliError } from './cli-error.js';
import { exitCodeFor, exitCodes } from './exit-codes.js';
import { MissingSecretError, readSecret } from './secret-input.js';

/** A command's vault context, with the user named by --user (absent: the only user). */
export type CliContext = VaultContext & { userName?: string };

/**
 * `pageCheck: 'pagesRead'` for the commands that list and print (cases, meetings, due, stats, render,
 * settings): their start-up then stays the same however large the database grows. Every other
 * command reads every page at unlock, and verify and backup check every page again themselves.
 */
export function cliContext(
  dataDir: string,
  user?: string,
  options: { pageCheck?: VaultContext['pageCheck'] } = {},
): CliContext {
  const userName = user?.trim() ? user.trim() : undefined;
  return { dataDir, via: 'cli', clock: () => new Date(), ...(userName ? { userName } : {}), ...options };
}

/** Errors of the file system itself (disk full, no permission, file in use) — never a verdict on the data. */
const fileSystemCodes = new Set([
  'ENOSPC',
  'EACCES',
  'EPERM',
  'EBUSY',
  'EROFS',
  'EIO',
  'EMFILE',
  'ENOTDIR',
  'EISDIR',
]);

/** Turns a service error into the CLI's exit code and message. */
export function asCliError(err: unknown): CliError {
  if (err instanceof CliError) return err;
  if (err instanceof KasaneError) return new CliError(exitCodeFor(err.code), err.message);
  // A page the command read failed its check: the same refusal as damage found at unlock.
  if (isDamagedPageError(err))
    return new CliError(exitCodeFor('DATABASE_DAMAGED'), errorMessages.DATABASE_DAMAGED);
  if (err instanceof MissingSecretError) return new CliError(exitCodes.usage, err.message);
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && fileSystemCodes.has(code))
    return new CliError(exitCodes.fileOperationFailed, `${errorMessages.FILE_OPERATION_FAILED}（${code}）`);
  throw err;
}

/**
 * Runs a command as the one owner of the data folder: refused while the app or another command
 * holds it; a multi-file change a crash interrupted is finished first.
 */
export async function withDataFolder<T>(
  ctx: VaultContext,
  use: () => Promise<T>,
  options: { create: boolean } = { create: false },
): Promise<T> {
  const lock = await claimDataFolder(ctx.dataDir, 'cli', options);
  try {
    await prepareDataFolder(ctx.dataDir);
    return await use();
  } finally {
    await lock.release();
  }
}

export type CliVault = UnlockedVault & { user: { id: string; name: string } };

/**
 * Unlocks with KASANE_PASSPHRASE (or a prompt) as `userName` — who may be left out when only one
 * user is registered. A database behind its anchor is refused (RECORDS_LOST) unless the command
 * only reads and says so (`allowRecordsLost`).
 */
export async function openVaultForCli(
  ctx: VaultContext,
  userName?: string,
  options: { allowRecordsLost?: boolean } = {},
): Promise<CliVault> {
  const passphrase = await readSecret('KASANE_PASSPHRASE', 'パスフレーズ: ');
  const vault = await unlockVault(ctx, { passphrase, userName });
  if (!vault.user) {
    await closeVault(vault);
    throw new CliError(exitCodes.wrongPassphrase, 'パスフレーズが違います。');
  }
  if (vault.recordsLost && !options.allowRecordsLost) {
    const { message } = describeLoss(vault.recordsLost);
    await closeVault(vault);
    throw new KasaneError(
      'RECORDS_LOST',
      `${message}\n最新のバックアップから restore で復元するか、失われたことを確認したうえで accept-loss を実行してください。それまで書き込みはしません。`,
    );
  }
  return { ...vault, user: vault.user };
}

/** Opens the vault for one command, runs it, and always closes the store and wipes the key. */
export async function withCliVault<T>(
  ctx: CliContext,
  use: (vault: CliVault) => Promise<T>,
  userName: string | undefined = ctx.userName,
  options: { allowRecordsLost?: boolean } = {},
): Promise<T> {
  return withDataFolder(ctx, async () => {
    const vault = await openVaultForCli(ctx, userName, options);
    try {
      return await use(vault);
    } finally {
      await closeVault(vault);
    }
  });
}

/** The services' context for one command: the unlocked store, the signed-in user, the moment now. */
export function serviceContext(vault: CliVault, now: Date): Context {
  return createContext({ db: vault.store.db, user: vault.user, now });
}
