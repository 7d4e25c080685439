import { type Kysely, sql } from 'kysely';

/**
 * What the yearly statistics' breakdowns need of each household, kept in 受付日 order: one 年度 is one
 * range of this table's key instead of a members and a consents lookup per household by random id,
 * which at 100,000 households outgrew the page cache. Triggers on each source table recompute the
 * figure from its rows in the same statement as the change (as 1070 does for 世帯一覧), so no writer
 * can forget it. Backfilled here. The text is fixed: the triggers must keep meaning what they meant.
 */

/** The 年度 of a 受付日 (fiscalYearOf) and its first and last day (fiscalYearRange), in SQL. */
const fiscalYear = (receivedOn: string) =>
  `(CAST(substr(${receivedOn}, 1, 4) AS INTEGER) - (substr(${receivedOn}, 6, 2) < '04'))`;
const yearStart = (receivedOn: string) => `(${fiscalYear(receivedOn)} || '-04-01')`;
const yearEnd = (receivedOn: string) => `((${fiscalYear(receivedOn)} + 1) || '-03-31')`;

/** 1 when a consent not voided is valid on some day of the 年度 of the 受付日 (rule 13). */
const consented = (id: string, receivedOn: string) => `EXISTS (SELECT 1 FROM consents c
    WHERE c.household_id = ${id} AND c.voided_at IS NULL
      AND max(c.obtained_on, ${yearStart(receivedOn)}) <= ${yearEnd(receivedOn)}
      AND (c.withdrawn_on IS NULL OR c.withdrawn_on > max(c.obtained_on, ${yearStart(receivedOn)})))`;
/** The principal's (本人, or the first member when nobody is marked) birth date. */
const birthDate = (id: string) => `(SELECT m.birth_date FROM members m WHERE m.household_id = ${id}
    AND m.voided_at IS NULL ORDER BY m.is_principal DESC, m.position LIMIT 1)`;
/** 世帯員数: members who live in the household, not voided. */
const memberCount = (id: string) => `(SELECT count(*) FROM members m
    WHERE m.household_id = ${id} AND m.voided_at IS NULL AND m.lives_in_household = 1)`;
/** The household's 課題 as a JSON array, in name order. */
const issues = (id: string) => `(SELECT json_group_array(issue) FROM
    (SELECT hi.issue FROM household_issues hi WHERE hi.household_id = ${id} ORDER BY hi.issue))`;

/** The whole row of every household `h` the condition keeps. */
const rowsOf = (where: string) => `INSERT INTO household_statistics_rows (received_on, household_id,
    consented, referral_agency_id, birth_date, member_count, issues)
  SELECT h.received_on, h.id, ${consented('h.id', 'h.received_on')}, h.referral_agency_id,
    ${birthDate('h.id')}, ${memberCount('h.id')}, ${issues('h.id')}
  FROM households h WHERE ${where}`;

/** In an UPDATE of household_statistics_rows: the row being updated. */
const row = 'household_statistics_rows.household_id';
const rowReceivedOn = 'household_statistics_rows.received_on';
/** The rows of households `ids` (a list of expressions), found by the table's key. */
const rowsFor = (ids: string) =>
  `received_on IN (SELECT received_on FROM households WHERE id IN (${ids})) AND household_id IN (${ids})`;

function triggers(): [string, string, string][] {
  const child = (table: string, columns: string, set: string): [string, string, string][] => [
    [
      `household_statistics_rows_${table}_ai`,
      `AFTER INSERT ON ${table}`,
      `UPDATE household_statistics_rows SET ${set} WHERE ${rowsFor('NEW.household_id')};`,
    ],
    [
      `household_statistics_rows_${table}_ad`,
      `AFTER DELETE ON ${table}`,
      `UPDATE household_statistics_rows SET ${set} WHERE ${rowsFor('OLD.household_id')};`,
    ],
    [
      `household_statistics_rows_${table}_au`,
      `AFTER UPDATE OF ${columns} ON ${table}`,
      `UPDATE household_statistics_rows SET ${set} WHERE ${rowsFor('OLD.household_id, NEW.household_id')};`,
    ],
  ];
  return [
    ['household_statistics_rows_households_ai', 'AFTER INSERT ON households', `${rowsOf('h.id = NEW.id')};`],
    [
      'household_statistics_rows_households_au',
      'AFTER UPDATE OF id, received_on, referral_agency_id ON households',
      `DELETE FROM household_statistics_rows WHERE received_on = OLD.received_on AND household_id = OLD.id;
      ${rowsOf('h.id = NEW.id')};`,
    ],
    [
      'household_statistics_rows_households_ad',
      'AFTER DELETE ON households',
      'DELETE FROM household_statistics_rows WHERE received_on = OLD.received_on AND household_id = OLD.id;',
    ],
    ...child(
      'members',
      'household_id, birth_date, is_principal, position, lives_in_household, voided_at',
      `birth_date = ${birthDate(row)}, member_count = ${memberCount(row)}`,
    ),
    ...child(
      'consents',
      'household_id, obtained_on, withdrawn_on, voided_at',
      `consented = ${consented(row, rowReceivedOn)}`,
    ),
    ...child('household_issues', 'household_id, issue', `issues = ${issues(row)}`),
  ];
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE household_statistics_rows (
    received_on TEXT NOT NULL,
    household_id TEXT NOT NULL,
    consented INTEGER NOT NULL,
    referral_agency_id TEXT,
    birth_date TEXT,
    member_count INTEGER NOT NULL,
    issues TEXT NOT NULL,
    PRIMARY KEY (received_on, household_id)
  ) WITHOUT ROWID`.execute(db);
  for (const [name, event, body] of triggers())
    await sql.raw(`CREATE TRIGGER ${name} ${event} BEGIN ${body} END`).execute(db);
  await sql.raw(rowsOf('1')).execute(db);
}
