import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';
import { writeStatusPeriods } from '../status-periods.js';

/**
 * 年度末継続 looked up every household's latest status change on two days. `status_periods` keeps
 * each household's status as runs of days (db/status-periods.ts), written with the history in the
 * same transaction; the partial index holds the periods that count as open (受付 or 支援中), by their
 * end and start, so the households open on a day are one range of index entries (with the status in
 * it, or SQLite reads each row to test the index's own condition). Backfilled here from the history
 * as it stands.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE status_periods (
    household_id TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    from_on TEXT NOT NULL,
    to_on TEXT NOT NULL,
    PRIMARY KEY (household_id, from_on),
    CHECK (from_on < to_on)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX status_periods_open ON status_periods (to_on, from_on, status)
    WHERE status <> 'closed'`.execute(db);
  await writeStatusPeriods(db as Kysely<Database>, null);
}
