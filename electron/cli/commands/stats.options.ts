import { Command } from '@commander-js/extra-typings';
import { dataDirOption, runLazily, userOption } from '../shared-options.js';

export const stats = new Command('stats')
  .description('年度ごとの匿名統計を書き出す（目的は監査ログに記録）')
  .addOption(dataDirOption())
  .addOption(userOption())
  .requiredOption('--fy <YEARS>', '年度（始まる年の西暦）。2023 や 2023,2024')
  .requiredOption('--format <json|csv|xlsx>', '書き出す形式')
  .requiredOption('--out <FILE>', '書き出すファイル')
  .option('--purpose <TEXT>', '持ち出す目的（必須。監査ログに記録する）')
  .option('--threshold <N>', '1〜N-1件を＊で伏せる（既定は事務所の設定、3以上）')
  .action(runLazily(async () => (await import('./stats.js')).statsCommand));
