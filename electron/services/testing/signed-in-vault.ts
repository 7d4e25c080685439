import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { VaultSession } from '../vault-session.js';
import { fastKdf, tempDataDir } from './temp-data-dir.js';

/** A real encrypted vault in a temp dir, set up and signed in, for service tests. */
export async function signedInVault(now: () => Date = () => new Date('2026-11-22T01:00:00Z')): Promise<{
  dir: string;
  session: VaultSession;
  db: Kysely<Database>;
  userId: string;
  close: () => Promise<void>;
}> {
  const { dir, cleanup } = await tempDataDir();
  const session = new VaultSession({ dataDir: dir, via: 'app', kdf: fastKdf, clock: now });
  const { status } = await session.setup({ userName: '相談 花子', passphrase: 'correct horse battery' });
  return {
    dir,
    session,
    db: session.signedIn().store.db,
    userId: status.user?.id ?? '',
    close: async () => {
      await session.lock('user');
      await cleanup();
    },
  };
}
