import { openChecked } from '../../../db/open-checked.js';
import { storeRefusal } from '../store-refusal.js';

/**
 * The unlock's page check in the job worker (task pageCheck): the same open and quick_check as
 * openStore's (db/open-checked.ts), refused as DATABASE_DAMAGED or SCHEMA_TOO_NEW as the in-process
 * open says them, damage before the schema. It loads only the native driver: a worker that runs it
 * never loads kysely, the migrations or zod (each unlock starts one).
 */
export function checkEveryPage(
  databasePath: string,
  dataKey: Buffer,
  knownVersion: number,
): { version: number } {
  try {
    const { sqlite, fileVersion } = openChecked(databasePath, dataKey, { integrity: 'quick', knownVersion });
    sqlite.close();
    return { version: fileVersion };
  } catch (err) {
    throw storeRefusal(err) ?? err;
  }
}
