import { Command } from '@commander-js/extra-typings';
import { dataDirOption, runLazily, userOption } from '../shared-options.js';

export const backup = new Command('backup')
  .description('暗号化したままバックアップを作る（アプリは閉じておく）')
  .addOption(dataDirOption())
  .addOption(userOption())
  .requiredOption('--out <DIR>', 'バックアップを置くフォルダ（この中に kasane-backup-日時/ を作る）')
  .action(runLazily(async () => (await import('./backup.js')).backupCommand));
