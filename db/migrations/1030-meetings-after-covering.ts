import { type Kysely, sql } from 'kysely';

/**
 * ホーム's 会議の後の作業 looks at every meeting held before the day and keeps those not 移行データ
 * whose 様式4 is missing: with `migrated` and `id` in the held-on index, SQLite tests each meeting and
 * probes its 様式4 from index entries alone, and reads only the rows it lists. The statistics read
 * the same leading columns, so one index serves both.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX meetings_held_counts`.execute(db);
  await sql`CREATE INDEX meetings_held_counts ON meetings (held_on, kind, plan_status, cancelled_at, migrated, id)
    WHERE cancelled_at IS NULL`.execute(db);
}
