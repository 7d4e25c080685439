import { Command } from '@commander-js/extra-typings';
import { dataDirOption, runLazily, userOption } from '../shared-options.js';

export const meetings = new Command('meetings')
  .description('会議の一覧を表示する（これからの会議が先）')
  .addOption(dataDirOption())
  .addOption(userOption())
  .option('--json', 'JSON の配列で出力する（meetingNo, caseNo, kind, date, attendeeCount, planRowCount）')
  .action(runLazily(async () => (await import('./meetings.js')).meetingsCommand));
