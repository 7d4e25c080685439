import { Command } from '@commander-js/extra-typings';
import { dataDirOption, runLazily } from '../shared-options.js';

export const init = new Command('init')
  .description('データフォルダを初期設定し、回復コードを一度だけ表示する')
  .addOption(dataDirOption())
  .requiredOption('--user <NAME>', '最初の利用者（コーディネーター）の名前')
  .action(runLazily(async () => (await import('./init.js')).initCommand));
