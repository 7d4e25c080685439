import { Option } from '@commander-js/extra-typings';

/** Every command works on one data folder; scripts pass it explicitly, never by a default. */
export const dataDirOption = () =>
  new Option(
    '--data-dir <DIR>',
    'データフォルダ（kasane.db と keyslots.json のある場所）',
  ).makeOptionMandatory();

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
