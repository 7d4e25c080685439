import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** The `to_on` of a household's current period: it has not ended. */
export const openEnded = '9999-12-31';

/**
 * `status_periods` (rule 17): each household's status day by day from its 受付日, as runs of days
 * `[from_on, to_on)` with one status. The status on a day is the one householdStatusOn gives (the last
 * change recorded, by id, among those dated on or before it; voided ones out), so 年度末継続 is an
 * indexed count of the periods that contain 31 March. Days before the 受付日, or before any change,
 * are in no period: on them a household is counted nowhere, as before.
 *
 * The one computation the migration backfills with and the services keep it by, in the transaction
 * that changes the history or the 受付日: `householdId` null recomputes every household.
 */
export async function writeStatusPeriods(db: Kysely<Database>, householdId: string | null): Promise<void> {
  const only = (column: string) =>
    householdId === null ? sql`` : sql`AND ${sql.ref(column)} = ${householdId}`;
  await sql`DELETE FROM status_periods WHERE 1 ${only('household_id')}`.execute(db);
  // Each day a change is dated (or the 受付日) may start a period; consecutive days with the same
  // status are one period, which ends where the next begins. A plain INSERT on purpose: under
  // INSERT OR REPLACE, 1111's trigger (INSERT OR IGNORE) would take REPLACE and zero a day's counts.
  await sql`INSERT INTO status_periods (household_id, status, from_on, to_on)
    WITH points AS (
      SELECT s.household_id, s.changed_on AS day FROM status_changes s
        WHERE s.voided_at IS NULL ${only('s.household_id')}
      UNION SELECT h.id, h.received_on FROM households h WHERE 1 ${only('h.id')}
    ), stated AS (
      SELECT p.household_id, p.day,
        (SELECT s.status FROM status_changes s WHERE s.household_id = p.household_id
          AND s.voided_at IS NULL AND s.changed_on <= p.day ORDER BY s.id DESC LIMIT 1) AS status
      FROM points p JOIN households h ON h.id = p.household_id
      WHERE p.day >= h.received_on
    ), marked AS (
      SELECT household_id, day, status,
        lag(status) OVER (PARTITION BY household_id ORDER BY day) AS previous,
        row_number() OVER (PARTITION BY household_id ORDER BY day) AS n
      FROM stated
    ), starts AS (
      SELECT household_id, status, day AS from_on,
        coalesce(lead(day) OVER (PARTITION BY household_id ORDER BY day), ${openEnded}) AS to_on
      FROM marked WHERE n = 1 OR previous IS NOT status
    )
    SELECT household_id, status, from_on, to_on FROM starts WHERE status IS NOT NULL`.execute(db);
}
