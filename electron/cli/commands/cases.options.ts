import { Command } from '@commander-js/extra-typings';
import { dataDirOption, runLazily } from '../shared-options.js';

export const cases = new Command('cases')
  .description('世帯の一覧を表示する（受付の新しい順）')
  .addOption(dataDirOption())
  .option(
    '--json',
    'JSON の配列で出力する（caseNo, label, consent, status, receivedOn, memberCount, issues）',
  )
  .action(runLazily(async () => (await import('./cases.js')).casesCommand));
