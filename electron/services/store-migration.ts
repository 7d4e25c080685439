import type { Kysely } from 'kysely';
import { migrations } from '../../db/migrations/index.js';
import { migrate } from '../../db/open.js';
import type { Database } from '../../db/schema.js';
import { storeRefusal } from './store-refusal.js';

/**
 * Runs this build's pending migrations on an open store (the unlock's own connection, or the job
 * worker's): one transaction, refused in Japanese when the file's recorded steps do not fit.
 */
export async function migrateStore(db: Kysely<Database>): Promise<void> {
  try {
    await migrate(db, migrations);
  } catch (err) {
    throw storeRefusal(err) ?? err;
  }
}
