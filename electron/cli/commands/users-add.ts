import { passphraseSchema, userNameSchema } from '../../ipc/contract.js';
import { addUser } from '../../services/vault.js';
import { CliError } from '../cli-error.js';
import { exitCodes } from '../exit-codes.js';
import { cliContext, withCliVault } from '../open-vault.js';
import { readSecret } from '../secret-input.js';

/** An existing user (KASANE_PASSPHRASE) adds a coordinator with their own passphrase (KASANE_NEW_PASSPHRASE). */
export async function usersAddCommand(opts: { dataDir: string; user: string }): Promise<number> {
  const name = userNameSchema.safeParse(opts.user);
  if (!name.success)
    throw new CliError(exitCodes.usage, name.error.issues[0]?.message ?? '利用者名が正しくありません。');
  const ctx = cliContext(opts.dataDir);
  return withCliVault(ctx, async (vault) => {
    const passphrase = passphraseSchema.safeParse(
      await readSecret('KASANE_NEW_PASSPHRASE', `「${name.data}」さんのパスフレーズ（12文字以上）: `, true),
    );
    if (!passphrase.success)
      throw new CliError(
        exitCodes.usage,
        passphrase.error.issues[0]?.message ?? 'パスフレーズが正しくありません。',
      );
    await addUser(ctx, vault, vault.user.id, { name: name.data, passphrase: passphrase.data });
    process.stdout.write(`利用者「${name.data}」を追加しました。\n`);
    return exitCodes.ok;
  });
}
