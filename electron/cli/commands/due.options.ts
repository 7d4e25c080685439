import { Command, Option } from '@commander-js/extra-typings';
import { dataDirOption, runLazily } from '../shared-options.js';

export const due = new Command('due')
  .description(
    'ホーム「今日の仕事」と同じ内容を表示する（これからの会議、未作成の報告、見直し、動きのない世帯…）',
  )
  .addOption(dataDirOption())
  .addOption(new Option('--as-of <YYYY-MM-DD>', 'この日の時点で表示する（省略時は今日）'))
  .option(
    '--json',
    'JSON で出力する（upcomingMeetings, reportsMissing, plansUnconfirmed, reviewsDue, quietHouseholds, copiesOutstanding, backup）',
  )
  .action(runLazily(async () => (await import('./due.js')).dueCommand));
