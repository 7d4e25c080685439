import { Command, Option } from '@commander-js/extra-typings';
import { CliError } from '../cli-error.js';
import { exitCodes } from '../exit-codes.js';
import { runLazily, userOption } from '../shared-options.js';

export const verify = new Command('verify')
  .summary('データベース・記録の到達点・監査ログを検査する（--backup でバックアップを検査する）')
  .description(
    'データベースの整合性、記録の到達点（kasane.anchor）、監査ログの改ざんを検査する。--backup DIR では、そのバックアップを作成時点のパスフレーズで開いて同じ検査をする',
  )
  .addOption(new Option('--data-dir <DIR>', 'データフォルダ（kasane.db と keyslots.json のある場所）'))
  .addOption(new Option('--backup <DIR>', '検査するバックアップのフォルダ（kasane-backup-…）'))
  .addOption(userOption())
  // One of the two folders is needed; refused before any heavy module loads.
  .hook('preAction', (command) => {
    const { dataDir, backup } = command.opts();
    if (!dataDir && !backup)
      throw new CliError(
        exitCodes.usage,
        '--data-dir（バックアップを検査するときは --backup）を指定してください。',
      );
  })
  .action(runLazily(async () => (await import('./verify.js')).verifyCommand));

export const acceptLoss = new Command('accept-loss')
  .summary('失われた記録を確認したうえで、残っているデータで使い続ける（監査ログに記録）')
  .description(
    '「最新の記録の一部が失われています」のあと、バックアップから復元しないと決めたときに使う。失われたことを監査ログに記録し、記録の到達点を今のデータに合わせる',
  )
  .requiredOption('--data-dir <DIR>', 'データフォルダ（kasane.db と keyslots.json のある場所）')
  .addOption(userOption())
  .action(runLazily(async () => (await import('./verify.js')).acceptLossCommand));
