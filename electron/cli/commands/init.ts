import { passphraseSchema, userNameSchema } from '../../ipc/contract.js';
import { closeVault, initializeVault } from '../../services/vault.js';
import { CliError } from '../cli-error.js';
import { exitCodes } from '../exit-codes.js';
import { type CliContext, cliContext, withDataFolder } from '../open-vault.js';
import { readSecret } from '../secret-input.js';

export async function initCommand(opts: { dataDir: string; user: string }): Promise<number> {
  const name = userNameSchema.safeParse(opts.user);
  if (!name.success)
    throw new CliError(exitCodes.usage, name.error.issues[0]?.message ?? '利用者名が正しくありません。');
  const passphrase = passphraseSchema.safeParse(
    await readSecret('KASANE_PASSPHRASE', '新しいパスフレーズ（12文字以上）: ', true),
  );
  if (!passphrase.success)
    throw new CliError(
      exitCodes.usage,
      passphrase.error.issues[0]?.message ?? 'パスフレーズが正しくありません。',
    );

  const vault = await initializeDataFolder(cliContext(opts.dataDir), {
    userName: name.data,
    passphrase: passphrase.data,
  });
  process.stdout.write(
    [
      `初期設定が完了しました: ${opts.dataDir}`,
      `鍵の導出時間（この PC で計測）: ${Math.round(vault.kdfMs)} ms`,
      '',
      '回復コード（この一度だけ表示します。印刷するか書き写して、鍵のかかる場所に保管してください）:',
      '',
      `    ${vault.recoveryCode}`,
      '',
    ].join('\n'),
  );
  return exitCodes.ok;
}

/** Sets a new data folder up under its lock and closes it again; the CLI tests call it with a cheap KDF. */
export async function initializeDataFolder(ctx: CliContext, first: { userName: string; passphrase: string }) {
  return withDataFolder(
    ctx,
    async () => {
      const opened = await initializeVault(ctx, first);
      await closeVault(opened);
      return opened;
    },
    { create: true },
  );
}
