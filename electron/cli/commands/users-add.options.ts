import { Command, Option } from '@commander-js/extra-typings';
import { dataDirOption, runLazily } from '../shared-options.js';

const add = new Command('add')
  .summary('利用者（コーディネーター）を追加する')
  .description(
    '利用者（コーディネーター）を追加する（新しい人のパスフレーズは KASANE_NEW_PASSPHRASE か入力）。--user の人が自分のパスフレーズ（KASANE_PASSPHRASE）で開いて追加する',
  )
  .addOption(dataDirOption())
  .option('--name <NAME>', '追加する利用者の名前')
  .addOption(
    new Option(
      '--user <NAME>',
      '追加の操作をする利用者（一人だけなら省略可）。--name がなければ、以前の書き方として追加する人の名前とみなす',
    ),
  )
  .action(runLazily(async () => (await import('./users-add.js')).usersAddCommand));

export const users = new Command('users').description('利用者の管理').addCommand(add);
