import { DatabaseDamagedError, MigrationHistoryError, SchemaTooNewError } from '../../db/errors.js';
import { KasaneError } from './errors.js';

/**
 * The store's own refusals (db/errors.ts) as the coordinator reads them; null for anything else.
 * Apart from the migrations (store-migration.ts) so that the job worker's page check maps its
 * refusals without loading them.
 */
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
