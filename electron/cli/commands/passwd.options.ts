import { Command } from '@commander-js/extra-typings';
import { dataDirOption, runLazily } from '../shared-options.js';

export const passwd = new Command('passwd')
  .summary('利用者のパスフレーズを変更する')
  .description('利用者のパスフレーズを変更する（新しいものは KASANE_NEW_PASSPHRASE か入力）')
  .addOption(dataDirOption())
  .requiredOption('--user <NAME>', 'パスフレーズを変更する利用者（その人の今のパスフレーズで開く）')
  .action(runLazily(async () => (await import('./passwd.js')).passwdCommand));
