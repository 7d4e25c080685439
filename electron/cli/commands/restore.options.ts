import { Command } from '@commander-js/extra-typings';
import { dataDirOption, runLazily } from '../shared-options.js';

export const restore = new Command('restore')
  .summary('バックアップから復元する（それまでのデータは残す）')
  .description('バックアップから復元する（それまでのデータは before-restore-… に残す）')
  .addOption(dataDirOption())
  .requiredOption('--from <BACKUP>', '復元するバックアップのフォルダ（kasane-backup-…）')
  .action(runLazily(async () => (await import('./restore.js')).restoreCommand));
