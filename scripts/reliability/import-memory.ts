import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fastKdf } from '../../electron/services/testing/temp-data-dir.js';
import { VaultSession } from '../../electron/services/vault-session.js';
import { writeLedger } from './ledger.js';

/** Issue 11: memory stays under this for any file the import accepts. */
export const importMemoryBudgetMb = 500;

/**
 * The largest ledger the limits accept: 3 members per household puts 世帯員 and 出席者 at 49,998
 * rows (the limit is 50,000 a sheet, header included), 家族関係 and プラン at 33,332, about
 * 200,000 rows in all, 9 MB of CSV.
 */
export const largestLedger = { households: 16_666, perHousehold: 3 } as const;

const root = resolve(import.meta.dirname, '../..');
const passphrase = 'import memory passphrase';

export interface ImportMemoryReport {
  /** Peak resident memory of the `kasane import` process (every thread), in MB. */
  peakMb: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Writes a ledger as CSV files, then imports it with `kasane import` in a child process of its
 * own and reads that process's peak RSS (getrusage maxrss, reported as it exits).
 */
export async function measureImportMemory(size: {
  households: number;
  perHousehold: number;
}): Promise<ImportMemoryReport> {
  const dir = await mkdtemp(join(tmpdir(), 'kasane-import-memory-'));
  try {
    const dataDir = join(dir, 'data');
    // A fast key derivation: the peak is the import's, not scrypt's.
    const session = new VaultSession({ dataDir, via: 'app', kdf: fastKdf });
    await session.setup({ userName: '移行 担当', passphrase });
    await session.close();
    const ledger = join(dir, 'ledger');
    await mkdir(ledger);
    await writeLedger(ledger, size.households, size.perHousehold);
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(
        process.execPath,
        [join(root, 'scripts/reliability/peak-rss.mjs'), 'import', '--data-dir', dataDir, ledger],
        {
          cwd: root,
          env: { ...process.env, KASANE_PASSPHRASE: passphrase },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
      });
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
    const peakKb = Number(/peak-rss-kb (\d+)\s*$/.exec(run.stderr)?.[1] ?? Number.NaN);
    return {
      peakMb: Math.round(peakKb / 1024),
      code: run.code,
      stdout: run.stdout,
      stderr: run.stderr.replace(/\s*peak-rss-kb \d+\s*$/, ''),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
