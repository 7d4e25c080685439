import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { fastKdf } from '../../electron/services/testing/temp-data-dir.js';
import { VaultSession } from '../../electron/services/vault-session.js';

export const benchPassphrase = 'bench passphrase 123';

/**
 * The loop tools' vault in DIR/vault: set up and filled by `seed` the first time, unlocked (and
 * migrated) after, so each run times the code and not the seeding.
 */
export async function seededVault(
  dir: string,
  seed: (db: Kysely<Database>) => Promise<void>,
): Promise<VaultSession> {
  const session = new VaultSession({ dataDir: join(dir, 'vault'), via: 'cli', kdf: fastKdf });
  const t = performance.now();
  if (!existsSync(join(dir, 'vault', 'kasane.db'))) {
    await session.setup({ userName: 'bench', passphrase: benchPassphrase });
    await seed(session.signedIn().store.db);
    console.error(`seeded in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  } else {
    await session.unlock({ passphrase: benchPassphrase });
    console.error(`unlocked (and migrated) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  return session;
}
