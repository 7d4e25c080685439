import { type Kysely, sql } from 'kysely';

/**
 * 年度末継続 counted the households open on a day by walking every open period that ends after it:
 * at 100,000 households, two walks of some 60,000 index entries per 年度. A period is open on `day`
 * when it starts by then and ends after it (from_on < to_on), so the count is the periods started by
 * `day` less those ended by it: the sum of one row per day. `status_open_days` holds, for each day,
 * how many open periods (受付 or 支援中, as status_periods_open) start and end on it. Triggers on
 * status_periods move each period's two days in the same statement as the period, whichever writer
 * writes it; a day with neither is removed, so the table equals a recount. Backfilled here.
 */
const open = (period: 'NEW' | 'OLD') => `${period}.status <> 'closed'`;
const count = (period: 'NEW' | 'OLD', by: 1 | -1) => `
  INSERT OR IGNORE INTO status_open_days (day, starts, ends) VALUES (${period}.from_on, 0, 0), (${period}.to_on, 0, 0);
  UPDATE status_open_days SET starts = starts + ${by} WHERE day = ${period}.from_on;
  UPDATE status_open_days SET ends = ends + ${by} WHERE day = ${period}.to_on;
  DELETE FROM status_open_days WHERE day IN (${period}.from_on, ${period}.to_on) AND starts = 0 AND ends = 0;`;

const triggers: [string, string, string][] = [
  ['status_open_days_ai', `AFTER INSERT ON status_periods WHEN ${open('NEW')}`, count('NEW', 1)],
  ['status_open_days_ad', `AFTER DELETE ON status_periods WHEN ${open('OLD')}`, count('OLD', -1)],
  ['status_open_days_au_old', `AFTER UPDATE ON status_periods WHEN ${open('OLD')}`, count('OLD', -1)],
  ['status_open_days_au_new', `AFTER UPDATE ON status_periods WHEN ${open('NEW')}`, count('NEW', 1)],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE status_open_days (
    day TEXT PRIMARY KEY NOT NULL,
    starts INTEGER NOT NULL,
    ends INTEGER NOT NULL
  ) WITHOUT ROWID`.execute(db);
  for (const [name, event, body] of triggers)
    await sql.raw(`CREATE TRIGGER ${name} ${event} BEGIN ${body} END`).execute(db);
  await sql`INSERT INTO status_open_days (day, starts, ends)
    SELECT day, sum(starts), sum(ends) FROM (
      SELECT from_on AS day, 1 AS starts, 0 AS ends FROM status_periods WHERE status <> 'closed'
      UNION ALL SELECT to_on, 0, 1 FROM status_periods WHERE status <> 'closed')
    GROUP BY day`.execute(db);
}
