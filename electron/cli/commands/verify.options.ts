import { Command } from '@commander-js/extra-typings';
import { dataDirOption, runLazily } from '../shared-options.js';

export const verify = new Command('verify')
  .description('データベースの整合性と監査ログの改ざんを検査する')
  .addOption(dataDirOption())
  .action(runLazily(async () => (await import('./verify.js')).verifyCommand));
