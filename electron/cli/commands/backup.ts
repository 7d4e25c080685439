import { createBackup } from '../../services/backup.js';
import { exitCodes } from '../exit-codes.js';
import { cliContext, withCliVault } from '../open-vault.js';

export async function backupCommand(opts: { dataDir: string; out: string; user?: string }): Promise<number> {
  const ctx = cliContext(opts.dataDir, opts.user);
  return withCliVault(ctx, async (vault) => {
    const { path } = await createBackup(ctx, vault, vault.user.id, opts.out);
    process.stdout.write(
      `バックアップを作成しました: ${path}\n（暗号化されたままです。作成時点のパスフレーズか回復コードで開けます）\n`,
    );
    return exitCodes.ok;
  });
}
