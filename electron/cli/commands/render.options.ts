import { Command } from '@commander-js/extra-typings';
import { dataDirOption, runLazily, userOption } from '../shared-options.js';

export const render = new Command('render')
  .summary('重層会議様式を Word 文書で書き出す（目的は監査ログに記録）')
  .description(
    '重層会議様式を Word 文書で書き出す（目的は監査ログに記録。支援会議は既定で記号表示、' +
      '実名には --names-reason が必要。2部以上は配布番号つきの各部と回収チェック表）',
  )
  .addOption(dataDirOption())
  .addOption(userOption())
  .requiredOption('--meeting <NO>', '会議番号')
  .requiredOption('--form <N>', '様式の番号（1〜5）')
  .requiredOption('--out <FILE.docx>', '書き出す Word 文書')
  .option('--purpose <TEXT>', '持ち出す目的（必須。監査ログに記録する）')
  .option('--names <real|masked>', '氏名を実名（real）か記号（masked）で載せる（既定: 支援会議は masked）')
  .option('--names-reason <TEXT>', '支援会議の資料に実名を載せる理由')
  .option('--copies <N>', '部数（2部以上で配布番号つきの各部と回収チェック表）')
  .action(runLazily(async () => (await import('./render.js')).renderCommand));
