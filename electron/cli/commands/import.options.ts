import { Command } from '@commander-js/extra-typings';
import { dataDirOption, runLazily, userOption } from '../shared-options.js';

export const importFiles = new Command('import')
  .summary('移行用テンプレート（.xlsx）か CSV を取り込む（すべてか、何も登録しないか）')
  .description(
    '移行用テンプレート（.xlsx）か CSV（世帯.csv・世帯員.csv、またはそれらの入ったフォルダ）を取り込む。' +
      'すべて取り込むか、誤りがあれば何も登録せずに誤りをすべて表示する',
  )
  .addOption(dataDirOption())
  .addOption(userOption())
  .argument('[PATH...]', '取り込むファイル（.xlsx・.csv）かフォルダ')
  .option('--dry-run', '確認だけして登録しない')
  .action(runLazily(async () => (await import('./import.js')).importCommand));
