import type { Kysely } from 'kysely';
import { DatabaseDamagedError, MigrationHistoryError, SchemaTooNewError } from '../../db/errors.js';
import { migrations } from '../../db/migrations/index.js';
import { migrate } from '../../db/open.js';
import type { Database } from '../../db/schema.js';
import { KasaneError } from './errors.js';

/** The store's own refusals (db/errors.ts) as the coordinator reads them; null for anything else. */
export function storeRefusal(err: unknown): KasaneError | null {
  if (err instanceof DatabaseDamagedError) return new KasaneError('DATABASE_DAMAGED');
  if (err instanceof SchemaTooNewError)
    return new KasaneError('SCHEMA_TOO_NEW', undefined, {
      fileVersion: err.fileVersion,
      knownVersion: err.knownVersion,
    });
  if (err instanceof MigrationHistoryError)
    return new KasaneError('MIGRATION_HISTORY_MISMATCH', undefined, {
      found: err.found,
      expected: err.expected,
    });
  return null;
}

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
