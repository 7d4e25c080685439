import { join } from 'node:path';
import type { JobTask } from '../../electron/services/jobs/tasks.js';
import { defaultOfficeSettings } from '../../electron/services/office-settings.js';
import { deriveKey } from '../../electron/services/vault-keys.js';
import type { VaultSession } from '../../electron/services/vault-session.js';

/** The bench's multi-copy render, as the gate starts it for several files: 14 numbered copies of 様式2–5. */
export const renderJob = (meetingId: string): JobTask => ({
  kind: 'render',
  office: defaultOfficeSettings,
  request: { meetingId, forms: [2, 3, 4, 5], names: 'real', copies: 14, perAgency: false },
  fonts: false,
});

/** A バックアップ of the whole vault under `dir` into `outDir`, as the app starts it. */
export function backupJob(session: VaultSession, dir: string, outDir: string): JobTask {
  const { vault } = session.signedIn();
  return {
    kind: 'backup',
    outDir,
    dataDir: join(dir, 'vault'),
    via: 'app',
    anchorKey: new Uint8Array(deriveKey(vault.dataKey, 'anchor')),
    vaultId: vault.vaultId,
    failuresSeq: vault.keeper?.failuresSeq ?? 0,
  };
}

/** The settings openStore gives the encrypted file (db/open.ts), for a plain copy opened beside it. */
export const storePragmas = [
  'journal_mode = WAL',
  'synchronous = FULL',
  'foreign_keys = ON',
  'temp_store = MEMORY',
  'cache_size = -32768',
] as const;
