import { Command } from '@commander-js/extra-typings';
import { dataDirOption, runLazily, userOption } from '../shared-options.js';

export const cases = new Command('cases')
  .description('世帯の一覧を表示する（受付の新しい順）')
  .addOption(dataDirOption())
  .addOption(userOption())
  .option(
    '--search <query>',
    '受付番号・表示名・氏名・ふりがなで探す（画面の検索と同じ：異体字・全角半角・カタカナを区別しない。吉田で𠮷田も）',
  )
  .option(
    '--json',
    'JSON の配列で出力する（caseNo, label, consent, status, receivedOn, memberCount, issues）',
  )
  .action(runLazily(async () => (await import('./cases.js')).casesCommand));
