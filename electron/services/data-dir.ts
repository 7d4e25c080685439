import { join } from 'node:path';

/** Every file Kasane keeps in its data directory. All personal data is inside the encrypted database. */
export function dataDirPaths(dataDir: string) {
  return {
    database: join(dataDir, 'kasane.db'),
    keyslots: join(dataDir, 'keyslots.json'),
    unlockFailures: join(dataDir, 'unlock-failures.json'),
  };
}
