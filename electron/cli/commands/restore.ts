import { restoreBackup } from '../../services/backup.js';
import { exitCodes } from '../exit-codes.js';
import { cliContext, withDataFolder } from '../open-vault.js';
import { readSecret } from '../secret-input.js';

/**
 * Restores as the one owner of the data folder (refused while the app runs). A backup of another
 * vault needs --replace-vault; either way the passphrase is the backup's own.
 */
export async function restoreCommand(opts: {
  dataDir: string;
  from: string;
  user?: string;
  replaceVault?: boolean;
}): Promise<number> {
  const ctx = cliContext(opts.dataDir, opts.user);
  const passphrase = await readSecret('KASANE_PASSPHRASE', 'バックアップ作成時点のパスフレーズ: ');
  const { previousDataKeptIn, replacedVault } = await withDataFolder(
    ctx,
    () =>
      restoreBackup(ctx, opts.from, passphrase, {
        ...(ctx.userName ? { userName: ctx.userName } : {}),
        replaceVault: opts.replaceVault ?? false,
      }),
    { create: true },
  );
  process.stdout.write(
    replacedVault ? '別の保管庫のバックアップで置き換えました。\n' : 'バックアップから復元しました。\n',
  );
  if (previousDataKeptIn)
    process.stdout.write(`それまでのデータは次のフォルダに残してあります: ${previousDataKeptIn}\n`);
  return exitCodes.ok;
}
