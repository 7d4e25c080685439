import { Command } from '@commander-js/extra-typings';
import { dataDirOption, runLazily } from '../shared-options.js';

export const settings = new Command('settings')
  .description(
    '事務所の設定を表示する（--json で JSON）。--set 項目=値 で変更する（設定画面と同じ検査をし、' +
      '変えた項目を監査ログに記録する）。項目名は README の「事務所の設定」の表のとおり',
  )
  .addOption(dataDirOption())
  .option('--json', 'JSON で表示する（項目名は英字のキー）')
  .option(
    '--set <KEY=VALUE...>',
    '変更する項目と値（いくつでも）。例: --set municipalityName=鹿屋市 phone=0994-31-1113',
  )
  .action(runLazily(async () => (await import('./settings.js')).settingsCommand));
