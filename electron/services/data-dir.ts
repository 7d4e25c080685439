import { join, resolve } from 'node:path';

/** Every file Kasane keeps in its data directory. All personal data is inside the encrypted database. */
export function dataDirPaths(dataDir: string) {
  return {
    database: join(dataDir, 'kasane.db'),
    keyslots: join(dataDir, 'keyslots.json'),
    unlockFailures: join(dataDir, 'unlock-failures.json'),
    /** How far the database had got (anchor.ts). */
    anchor: join(dataDir, 'kasane.anchor'),
  };
}

/** The files of one vault, by name, in the order a multi-file change installs them (keyslots last). */
export const vaultFileNames = [
  'kasane.db',
  'kasane.anchor',
  'unlock-failures.json',
  'keyslots.json',
] as const;

/** The value of `--data-dir DIR` or `--data-dir=DIR` on a command line, if given. */
function dataDirFlag(argv: readonly string[]): string | null {
  for (const [i, arg] of argv.entries()) {
    if (arg === '--data-dir') return argv[i + 1] ?? null;
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
  }
  return null;
}

/**
 * The app's data folder: an explicit `--data-dir` on its command line; else, in a development
 * build only, `KASANE_DATA_DIR`; else the per-user folder. A packaged build ignores the variable so
 * that a stray environment setting cannot point the office's app at another folder.
 */
export function resolveAppDataDir(input: {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  isPackaged: boolean;
  userData: string;
}): string {
  const flag = dataDirFlag(input.argv);
  if (flag) return resolve(flag);
  const fromEnv = input.env.KASANE_DATA_DIR;
  if (!input.isPackaged && fromEnv) return resolve(fromEnv);
  return join(input.userData, 'data');
}
