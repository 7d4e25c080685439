import { Command, CommanderError } from '@commander-js/extra-typings';
import { CliError } from './cli-error.js';
import { backup } from './commands/backup.options.js';
import { cases } from './commands/cases.options.js';
import { due } from './commands/due.options.js';
import { importFiles } from './commands/import.options.js';
import { init } from './commands/init.options.js';
import { meetings } from './commands/meetings.options.js';
import { passwd } from './commands/passwd.options.js';
import { render } from './commands/render.options.js';
import { restore } from './commands/restore.options.js';
import { settings } from './commands/settings.options.js';
import { stats } from './commands/stats.options.js';
import { users } from './commands/users-add.options.js';
import { acceptLoss, verify } from './commands/verify.options.js';
import { exitCodes } from './exit-codes.js';
import { inJapaneseWithOurExitCodes } from './program-setup.js';

// Each command is declared (name, options, help) in commands/<name>.options.ts; the module that does
// the work is imported only when that command runs.
const program = new Command('kasane')
  .description('かさね 管理コマンド（npm run kasane -- <コマンド> [オプション]）')
  .addCommand(init)
  .addCommand(verify)
  .addCommand(passwd)
  .addCommand(users)
  .addCommand(backup)
  .addCommand(restore)
  .addCommand(acceptLoss)
  .addCommand(importFiles)
  .addCommand(cases)
  .addCommand(meetings)
  .addCommand(due)
  .addCommand(render)
  .addCommand(stats)
  .addCommand(settings)
  .addHelpText(
    'after',
    `
ロックを解除するコマンドは --user で利用者名を指定します（利用者が一人だけなら省略できます）。
パスフレーズは環境変数 KASANE_PASSPHRASE（新しいものは KASANE_NEW_PASSPHRASE）から読みます。
設定されていなければ、端末で入力を求めます（画面には表示されません）。

終了コード: 0 正常 / 1 検査で問題を検出 / 2 使い方の誤り / 3 パスフレーズが違う /
            4 データベースが壊れている・読めない / 5 新しいバージョンのデータ /
            6 取り込みに誤りがあった（何も登録していない） / 7 法律上できない（同意がない等） /
            8 データフォルダを別のかさねが使用中 / 9 鍵ファイルが壊れている /
            10 最新の記録の一部が失われている / 11 別の保管庫のバックアップ /
            12 ファイルの読み書きに失敗した / 70 想定外のエラー

コマンドごとの説明: npm run kasane -- <コマンド> --help`,
  );

inJapaneseWithOurExitCodes(program);

// A reader that stops early (`kasane meetings | head`) closes the pipe: stop quietly, as Unix tools
// do, instead of an unhandled EPIPE with a stack trace (a transaction cut short is rolled back by SQLite).
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(exitCodes.ok);
});

/** The exit code and message for anything a command threw; an unexpected error shows no stack. */
async function failure(err: unknown): Promise<CliError> {
  if (err instanceof CliError) return err;
  if (err instanceof CommanderError)
    return new CliError(err.exitCode === 0 ? exitCodes.ok : exitCodes.usage, '');
  try {
    // Only a command that ran can throw a service error, so its module is already loaded.
    return (await import('./open-vault.js')).asCliError(err);
  } catch {
    // The class name only: a message may quote personal data.
    return new CliError(
      exitCodes.unexpected,
      `想定外のエラーが発生しました（${(err as Error)?.name ?? 'unknown'}）。データの検査結果ではありません。もう一度実行し、続く場合は管理者に連絡してください。`,
    );
  }
}

try {
  await program.parseAsync(process.argv.slice(2), { from: 'user' });
} catch (err) {
  const { exitCode, message } = await failure(err);
  if (message) process.stderr.write(`${message}\n`);
  process.exitCode = exitCode;
}
