import { type Kysely, sql } from 'kysely';

/**
 * ホーム's 「長く動きのない世帯」 looked up each quiet 支援中 household's latest 支援経過, meeting and
 * status change (three lookups a household, thousands of households). `households.last_activity_on`
 * keeps the latest of those dates over the whole history (voided notes and changes and 中止 meetings
 * out; '' when there is none), and the partial index holds the 支援中 households by it (with what
 * ホーム shows of them; the status leads, or SQLite prefers the index on the status alone), so those
 * without activity since a day are one range of index entries (electron/services/desk.ts).
 *
 * Triggers keep it, so no write path can forget it: a new row can only raise it; a row changed or
 * deleted recomputes the households it belonged to.
 */
const latest = (household: string) => `max(
  coalesce((SELECT max(p.noted_on) FROM progress_notes p WHERE p.household_id = ${household} AND p.voided_at IS NULL), ''),
  coalesce((SELECT max(m.held_on) FROM meetings m WHERE m.household_id = ${household} AND m.cancelled_at IS NULL), ''),
  coalesce((SELECT max(s.changed_on) FROM status_changes s WHERE s.household_id = ${household} AND s.voided_at IS NULL), ''))`;

/** Each source: its table, its date, the column that takes a row out, and the prefix of its triggers. */
const sources = [
  { table: 'progress_notes', on: 'noted_on', out: 'voided_at', name: 'progress_notes_activity' },
  { table: 'meetings', on: 'held_on', out: 'cancelled_at', name: 'meetings_activity' },
  { table: 'status_changes', on: 'changed_on', out: 'voided_at', name: 'status_changes_activity' },
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE households ADD COLUMN last_activity_on TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql.raw(`UPDATE households SET last_activity_on = ${latest('households.id')}`).execute(db);
  for (const { table, on, out, name } of sources) {
    await sql
      .raw(`CREATE TRIGGER ${name}_ai AFTER INSERT ON ${table} WHEN NEW.${out} IS NULL BEGIN
        UPDATE households SET last_activity_on = NEW.${on}
          WHERE id = NEW.household_id AND last_activity_on < NEW.${on};
      END`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER ${name}_au AFTER UPDATE OF household_id, ${on}, ${out} ON ${table} BEGIN
        UPDATE households SET last_activity_on = ${latest('households.id')}
          WHERE id IN (OLD.household_id, NEW.household_id);
      END`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER ${name}_ad AFTER DELETE ON ${table} BEGIN
        UPDATE households SET last_activity_on = ${latest('households.id')} WHERE id = OLD.household_id;
      END`)
      .execute(db);
  }
  await sql`CREATE INDEX households_quiet ON households (status, last_activity_on, id, case_no, label)
    WHERE status = 'active'`.execute(db);
}
