import { passphraseSchema, userNameSchema } from '../../ipc/contract.js';
import { addUser } from '../../services/vault-keyslot-changes.js';
import { CliError } from '../cli-error.js';
import { exitCodes } from '../exit-codes.js';
import { cliContext, withCliVault } from '../open-vault.js';
import { readSecret } from '../secret-input.js';

/**
 * An existing user (--user, KASANE_PASSPHRASE) adds a coordinator (--name) with their own
 * passphrase (KASANE_NEW_PASSPHRASE). Without --name, --user is the new person's name (as the
 * command was first written) and the only registered user adds them.
 */
export async function usersAddCommand(opts: {
  dataDir: string;
  user?: string;
  name?: string;
}): Promise<number> {
  const legacy = opts.name === undefined;
  if (legacy && opts.user === undefined) throw new CliError(exitCodes.usage, '--name を指定してください。');
  const name = userNameSchema.safeParse(legacy ? opts.user : opts.name);
  if (!name.success)
    throw new CliError(exitCodes.usage, name.error.issues[0]?.message ?? '利用者名が正しくありません。');
  const ctx = cliContext(opts.dataDir, legacy ? undefined : opts.user);
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
