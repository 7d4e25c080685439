import { createBackup, restoreBackup } from '../../services/backup.js';
import { exitCodes } from '../exit-codes.js';
import { cliContext, withCliVault } from '../open-vault.js';
import { readSecret } from '../secret-input.js';

export async function backupCommand(opts: { dataDir: string; out: string }): Promise<number> {
  const ctx = cliContext(opts.dataDir);
  return withCliVault(ctx, async (vault) => {
    const { path } = await createBackup(ctx, vault, vault.user.id, opts.out);
    process.stdout.write(
      `バックアップを作成しました: ${path}\n（暗号化されたままです。作成時点のパスフレーズか回復コードで開けます）\n`,
    );
    return exitCodes.ok;
  });
}

export async function restoreCommand(opts: { dataDir: string; from: string }): Promise<number> {
  const passphrase = await readSecret('KASANE_PASSPHRASE', 'バックアップ作成時点のパスフレーズ: ');
  const { previousDataKeptIn } = await restoreBackup(cliContext(opts.dataDir), opts.from, passphrase);
  process.stdout.write('バックアップから復元しました。\n');
  if (previousDataKeptIn)
    process.stdout.write(`それまでのデータは次のフォルダに残してあります: ${previousDataKeptIn}\n`);
  return exitCodes.ok;
}
