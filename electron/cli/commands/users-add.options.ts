import { Command } from '@commander-js/extra-typings';
import { dataDirOption, runLazily } from '../shared-options.js';

const add = new Command('add')
  .summary('利用者（コーディネーター）を追加する')
  .description(
    '利用者（コーディネーター）を追加する（新しい人のパスフレーズは KASANE_NEW_PASSPHRASE か入力）',
  )
  .addOption(dataDirOption())
  .requiredOption('--user <NAME>', '追加する利用者の名前')
  .action(runLazily(async () => (await import('./users-add.js')).usersAddCommand));

export const users = new Command('users').description('利用者の管理').addCommand(add);
