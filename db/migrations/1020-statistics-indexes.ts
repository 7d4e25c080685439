import { type Kysely, sql } from 'kysely';

/**
 * The fiscal-year statistics are a few aggregate queries (electron/services/statistics/report.ts);
 * these covering indexes let each read only index entries: the households of a 年度, each one's
 * latest status change on a day, its principal and 世帯員数, its consent periods, and the meetings
 * held. Partial indexes leave voided records (and 中止 meetings) out, as the queries do; the column
 * they test is in each index too, or SQLite reads the row to test it (it does not infer it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (statement: ReturnType<typeof sql>) => statement.execute(db);
  await run(
    sql`CREATE INDEX households_received_referral ON households (received_on, id, referral_agency_id)`,
  );
  await run(sql`CREATE INDEX status_changes_history ON status_changes (household_id, id, changed_on, status, voided_at)
    WHERE voided_at IS NULL`);
  await run(sql`CREATE INDEX members_principal ON members
    (household_id, is_principal DESC, position, birth_date, lives_in_household, voided_at) WHERE voided_at IS NULL`);
  await run(sql`CREATE INDEX consents_period ON consents (household_id, obtained_on, withdrawn_on, voided_at)
    WHERE voided_at IS NULL`);
  await run(sql`CREATE INDEX meetings_held_counts ON meetings (held_on, kind, plan_status, cancelled_at)
    WHERE cancelled_at IS NULL`);
}
