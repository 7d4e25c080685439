import { Option } from '@commander-js/extra-typings';

/** Every command works on one data folder; scripts pass it explicitly, never by a default. */
export const dataDirOption = () =>
  new Option(
    '--data-dir <DIR>',
    'データフォルダ（kasane.db と keyslots.json のある場所）',
  ).makeOptionMandatory();

/**
 * Who unlocks: every command that opens the vault names its user, so only that user's keyslot is
 * tried. May be left out when exactly one user is registered.
 */
export const userOption = () =>
  new Option('--user <NAME>', 'ロックを解除する利用者の名前（利用者が一人だけなら省略できます）');

/**
 * A command's action that loads its module only when that command runs (start-up stays small), and
 * makes the module's result the exit code. The module's parameters are checked against the options.
 */
export function runLazily<A extends unknown[]>(load: () => Promise<(...args: A) => Promise<number>>) {
  return async (...args: A): Promise<void> => {
    const run = await load();
    process.exitCode = await run(...args);
  };
}
