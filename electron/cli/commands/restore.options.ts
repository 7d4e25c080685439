import { Command } from '@commander-js/extra-typings';
import { dataDirOption, runLazily, userOption } from '../shared-options.js';

export const restore = new Command('restore')
  .summary('バックアップから復元する（それまでのデータは残す）')
  .description('バックアップから復元する（それまでのデータは before-restore-… に残す）')
  .addOption(dataDirOption())
  .requiredOption('--from <BACKUP>', '復元するバックアップのフォルダ（kasane-backup-…）')
  .addOption(userOption())
  .option(
    '--replace-vault',
    '別の保管庫（別の事務所や作り直す前のデータ）のバックアップで置き換える（そのバックアップのパスフレーズで）',
  )
  .action(runLazily(async () => (await import('./restore.js')).restoreCommand));
