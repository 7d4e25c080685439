import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KdfProfile } from '../keyslots.js';

/** A fresh directory for one test's real encrypted files; removed afterwards. */
export async function tempDataDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kasane-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Unit tests use a cheap KDF so each unlock takes milliseconds; so do the CLI tests' data directories (initDataDir). */
export const fastKdf: KdfProfile = { kind: 'fixed', N: 1024 };
