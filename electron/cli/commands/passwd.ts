import { passphraseSchema } from '../../ipc/contract.js';
import { setPassphrase } from '../../services/vault-keyslot-changes.js';
import { CliError } from '../cli-error.js';
import { exitCodes } from '../exit-codes.js';
import { cliContext, withCliVault } from '../open-vault.js';
import { readSecret } from '../secret-input.js';

/** Re-wraps the data key under a new passphrase; the database is not rewritten. */
export async function passwdCommand(opts: { dataDir: string; user: string }): Promise<number> {
  const ctx = cliContext(opts.dataDir);
  return withCliVault(
    ctx,
    async (vault) => {
      const next = passphraseSchema.safeParse(
        await readSecret('KASANE_NEW_PASSPHRASE', '新しいパスフレーズ（12文字以上）: ', true),
      );
      if (!next.success)
        throw new CliError(
          exitCodes.usage,
          next.error.issues[0]?.message ?? 'パスフレーズが正しくありません。',
        );
      await setPassphrase(ctx, vault, vault.user.id, next.data);
      process.stdout.write(`利用者「${opts.user}」のパスフレーズを変更しました。\n`);
      return exitCodes.ok;
    },
    opts.user,
  );
}
