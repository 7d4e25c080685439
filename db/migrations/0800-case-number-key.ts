import { type Kysely, sql } from 'kysely';
import { caseNoKey } from '../case-number-key.js';

/**
 * 受付番号 are unique after normalisation (rule 18), enforced by a unique index on `case_no_key`.
 * A round-1 file may already hold numbers that only now count as the same (C2023-001 and
 * Ｃ２０２３－００１). Nothing is changed or dropped: in each such group the household registered
 * first keeps the number, the others are marked `case_no_duplicate = 1` and left out of the unique
 * index, and the screens and the CLI name them until the coordinator gives each its own number.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE households ADD COLUMN case_no_key TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE households ADD COLUMN case_no_duplicate INTEGER NOT NULL DEFAULT 0`.execute(db);
  const rows = (
    await sql<{
      id: string;
      case_no: string;
    }>`SELECT id, case_no FROM households ORDER BY created_at, rowid`.execute(db)
  ).rows;
  const seen = new Set<string>();
  for (const row of rows) {
    const key = caseNoKey(row.case_no);
    const duplicate = seen.has(key) ? 1 : 0;
    seen.add(key);
    await sql`UPDATE households SET case_no_key = ${key}, case_no_duplicate = ${duplicate} WHERE id = ${row.id}`.execute(
      db,
    );
  }
  await sql`CREATE UNIQUE INDEX households_case_no_key ON households (case_no_key) WHERE case_no_duplicate = 0`.execute(
    db,
  );
  await sql`CREATE INDEX households_case_no_key_all ON households (case_no_key, created_at)`.execute(db);
}
