import { restoreBackup } from '../../services/backup.js';
import { exitCodes } from '../exit-codes.js';
import { cliContext } from '../open-vault.js';
import { readSecret } from '../secret-input.js';

export async function restoreCommand(opts: { dataDir: string; from: string }): Promise<number> {
  const passphrase = await readSecret('KASANE_PASSPHRASE', 'バックアップ作成時点のパスフレーズ: ');
  const { previousDataKeptIn } = await restoreBackup(cliContext(opts.dataDir), opts.from, passphrase);
  process.stdout.write('バックアップから復元しました。\n');
  if (previousDataKeptIn)
    process.stdout.write(`それまでのデータは次のフォルダに残してあります: ${previousDataKeptIn}\n`);
  return exitCodes.ok;
}
