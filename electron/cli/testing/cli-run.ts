import { spawnSync } from 'node:child_process';
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type OpenStore, openStore } from '../../../db/open.js';
import { registerAuditKey } from '../../services/audit.js';
import { dataDirPaths } from '../../services/data-dir.js';
import { dataKeyOf as dataKeyWith } from '../../services/testing/data-key.js';
import { fastKdf } from '../../services/testing/temp-data-dir.js';
import { deriveKey } from '../../services/vault-keys.js';
import { initializeDataFolder } from '../commands/init.js';
import { cliContext } from '../open-vault.js';

/**
 * What the CLI tests share: the `kasane` command run as a user runs it (its own process, the
 * passphrase from the environment), copies of a prepared data directory, and that directory opened
 * as the app opens it to read what the command wrote.
 */

/** The passphrase the CLI tests set their data directories up with. */
export const testPassphrase = 'correct horse battery staple';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `kasane ARGS` in a process of its own, with KASANE_PASSPHRASE set to the test passphrase and no
 * KASANE_NEW_PASSPHRASE; `env` adds or replaces variables.
 */
export function kasane(args: string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, ['electron/cli/kasane.mjs', ...args], {
    env: { ...process.env, KASANE_PASSPHRASE: testPassphrase, KASANE_NEW_PASSPHRASE: '', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Sets `dir` up as `kasane init` does (its initializeDataFolder), but with
 * the unit tests' fixed cheap key derivation instead of one tuned to the machine. `kasane init` picks
 * scrypt's cost from how fast the machine is at that moment: tuned in a quiet moment (2^18 on a fast
 * PC) and then unlocked by every command of the file under load, import.test's first scenario took
 * 48 s of its 60 s timeout. `kasane init` itself, tuning included, is cli.test's.
 */
export async function initDataDir(
  dir: string,
  { userName = '相談 花子', passphrase = testPassphrase } = {},
): Promise<{ recoveryCode: string }> {
  const { recoveryCode } = await initializeDataFolder(
    { ...cliContext(dir), kdf: fastKdf },
    { userName, passphrase },
  );
  return { recoveryCode };
}

let copies = 0;

/**
 * A copy of the data directory `source` under `root`, and an empty folder beside it for the command's
 * output: each scenario works on its own.
 */
export async function copyOfDataDir(source: string, root: string): Promise<{ dir: string; out: string }> {
  copies += 1;
  const dir = join(root, `copy-${copies}`);
  const out = join(root, `out-${copies}`);
  await cp(source, dir, { recursive: true });
  await mkdir(out);
  return { dir, out };
}

/** The data key of `dir`, opened with the test passphrase. */
export const dataKeyOf = (dir: string): Promise<Buffer> => dataKeyWith(dir, testPassphrase);

/** The columns of a 発行記録 (document_issues as d) that the render tests compare. */
export const issuedColumns = [
  'd.document',
  'd.copies',
  'd.purpose_note',
  'd.names',
  'd.names_reason',
  'd.action',
] as const;

/** `dir`'s encrypted store, opened as the app opens it (the audit chain's key registered), for `use`. */
export async function withStore<T>(dir: string, use: (store: OpenStore) => Promise<T>): Promise<T> {
  const dataKey = await dataKeyOf(dir);
  const store = await openStore(dataDirPaths(dir).database, dataKey);
  registerAuditKey(store.sqlite, deriveKey(dataKey, 'audit-chain'));
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
