import { type Kysely, sql } from 'kysely';

/**
 * 世帯一覧's kept row (1070) under the household's search key: the id of an index entry holds the key
 * in its low bits (db/search-index.ts), so the first page of a search and its rows are one statement,
 * each match one lookup by INTEGER PRIMARY KEY, instead of the matches, their search rows, and then
 * the rows by household id. The row also keeps ふりがな (sort_kana), which the list sorts by.
 *
 * The key is the row's: a new household's row takes the next one, and its search row takes it from
 * there (indexHousehold). The triggers are 1070's, each rewriting the whole figure from its source
 * rows, with the key kept through every rewrite, and one more keeps ふりがな.
 * Backfilled under each household's existing search key. The text is fixed, as 1070's.
 */

const issues = (id: string) => `(SELECT group_concat(t.sort_order || char(30) || hi.issue, char(31))
    FROM household_issues hi JOIN issue_tags t ON t.name = hi.issue WHERE hi.household_id = ${id})`;
const memberCount = (id: string) => `(SELECT count(*) FROM members m
    WHERE m.household_id = ${id} AND m.lives_in_household = 1 AND m.voided_at IS NULL)`;
const lastActivityOn = (id: string, receivedOn: string) => `max(${receivedOn},
    coalesce((SELECT noted_on FROM progress_notes p
      WHERE p.household_id = ${id} AND p.voided_at IS NULL ORDER BY noted_on DESC LIMIT 1), ''),
    coalesce((SELECT max(max(obtained_on, coalesce(withdrawn_on, ''))) FROM consents c
      WHERE c.household_id = ${id} AND c.voided_at IS NULL), ''),
    coalesce((SELECT max(changed_on) FROM status_changes s
      WHERE s.household_id = ${id} AND s.voided_at IS NULL), ''))`;
const consentPeriods = (
  id: string,
) => `(SELECT group_concat(c.obtained_on || '~' || coalesce(c.withdrawn_on, ''), ',')
    FROM consents c WHERE c.household_id = ${id} AND c.voided_at IS NULL)`;
const caseNoDuplicate = (id: string) => `((SELECT count(*) FROM households d
    WHERE d.case_no_key = (SELECT k.case_no_key FROM households k WHERE k.id = ${id})) > 1)`;
const statusChanges = (
  id: string,
) => `(SELECT group_concat(s.id || char(30) || s.status || char(30) || s.changed_on, char(31))
    FROM status_changes s WHERE s.household_id = ${id} AND s.voided_at IS NULL)`;

/**
 * The whole row of every household `h` the condition keeps, under `key` (an expression over `h`;
 * NULL takes the next key).
 */
const rowsOf = (where: string, key: string) => `INSERT OR REPLACE INTO household_list_rows (key, household_id,
    case_no, label, received_on, sort_kana, issues, member_count, last_activity_on, consent_periods,
    case_no_duplicate, status_changes)
  SELECT ${key}, h.id, h.case_no, h.label, h.received_on, h.sort_kana, ${issues('h.id')}, ${memberCount('h.id')},
    ${lastActivityOn('h.id', 'h.received_on')}, ${consentPeriods('h.id')}, ${caseNoDuplicate('h.id')},
    ${statusChanges('h.id')}
  FROM households h WHERE ${where}`;
const keptKey = '(SELECT r.key FROM household_list_rows r WHERE r.household_id = h.id)';

/** In an UPDATE of household_list_rows: the row being updated. */
const row = 'household_list_rows.household_id';
/** The households a child row's change touches: its household before and after. */
const touched = {
  insert: 'household_id = NEW.household_id',
  delete: 'household_id = OLD.household_id',
  update: 'household_id IN (OLD.household_id, NEW.household_id)',
} as const;
const sameKey = (key: string) => `household_id IN (SELECT id FROM households WHERE case_no_key = ${key})`;

/** Name → (event, what it runs). Child tables: one trigger per event, updating only their figures. */
function triggers(): [string, string, string][] {
  const child = (table: string, columns: string, set: string): [string, string, string][] => [
    [
      `household_list_rows_${table}_ai`,
      `AFTER INSERT ON ${table}`,
      `UPDATE household_list_rows SET ${set} WHERE ${touched.insert};`,
    ],
    [
      `household_list_rows_${table}_ad`,
      `AFTER DELETE ON ${table}`,
      `UPDATE household_list_rows SET ${set} WHERE ${touched.delete};`,
    ],
    [
      `household_list_rows_${table}_au`,
      `AFTER UPDATE OF ${columns} ON ${table}`,
      `UPDATE household_list_rows SET ${set} WHERE ${touched.update};`,
    ],
  ];
  return [
    [
      'household_list_rows_households_ai',
      'AFTER INSERT ON households',
      `${rowsOf('h.id = NEW.id', keptKey)};
      UPDATE household_list_rows SET case_no_duplicate = 1 WHERE ${sameKey('NEW.case_no_key')} AND household_id <> NEW.id;`,
    ],
    [
      'household_list_rows_households_au',
      'AFTER UPDATE OF id, case_no, label, received_on, case_no_key ON households',
      `UPDATE household_list_rows SET household_id = NEW.id WHERE household_id = OLD.id AND OLD.id <> NEW.id;
      ${rowsOf('h.id = NEW.id', keptKey)};
      UPDATE household_list_rows SET case_no_duplicate = ${caseNoDuplicate(row)}
        WHERE household_id IN (SELECT id FROM households WHERE case_no_key IN (OLD.case_no_key, NEW.case_no_key))
          AND OLD.case_no_key <> NEW.case_no_key;`,
    ],
    [
      'household_list_rows_households_kana',
      'AFTER UPDATE OF sort_kana ON households',
      'UPDATE household_list_rows SET sort_kana = NEW.sort_kana WHERE household_id = NEW.id;',
    ],
    [
      'household_list_rows_households_ad',
      'AFTER DELETE ON households',
      `DELETE FROM household_list_rows WHERE household_id = OLD.id;
      UPDATE household_list_rows SET case_no_duplicate = ${caseNoDuplicate(row)} WHERE ${sameKey('OLD.case_no_key')};`,
    ],
    ...child('household_issues', 'household_id, issue', `issues = ${issues(row)}`),
    [
      'household_list_rows_issue_tags_au',
      'AFTER UPDATE OF name, sort_order ON issue_tags',
      `UPDATE household_list_rows SET issues = ${issues(row)}
        WHERE household_id IN (SELECT household_id FROM household_issues WHERE issue IN (OLD.name, NEW.name));`,
    ],
    ...child('members', 'household_id, lives_in_household, voided_at', `member_count = ${memberCount(row)}`),
    ...child(
      'progress_notes',
      'household_id, noted_on, voided_at',
      `last_activity_on = ${lastActivityOn(row, 'household_list_rows.received_on')}`,
    ),
    ...child(
      'consents',
      'household_id, obtained_on, withdrawn_on, voided_at',
      `consent_periods = ${consentPeriods(row)}, last_activity_on = ${lastActivityOn(row, 'household_list_rows.received_on')}`,
    ),
    ...child(
      'status_changes',
      'id, household_id, status, changed_on, voided_at',
      `status_changes = ${statusChanges(row)}, last_activity_on = ${lastActivityOn(row, 'household_list_rows.received_on')}`,
    ),
  ];
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // 1070's triggers have the same names as these.
  for (const [name] of triggers()) await sql.raw(`DROP TRIGGER IF EXISTS ${name}`).execute(db);
  await sql`DROP TABLE IF EXISTS household_list_rows`.execute(db);
  await sql`CREATE TABLE household_list_rows (
    key INTEGER PRIMARY KEY,
    household_id TEXT NOT NULL UNIQUE,
    case_no TEXT NOT NULL,
    label TEXT NOT NULL,
    received_on TEXT NOT NULL,
    sort_kana TEXT NOT NULL,
    issues TEXT,
    member_count INTEGER NOT NULL,
    last_activity_on TEXT NOT NULL,
    consent_periods TEXT,
    case_no_duplicate INTEGER NOT NULL,
    status_changes TEXT
  )`.execute(db);
  for (const [name, event, body] of triggers())
    await sql.raw(`CREATE TRIGGER ${name} ${event} BEGIN ${body} END`).execute(db);
  // Households with a search row first, under its key; any without one after them, under new keys.
  await sql
    .raw(
      rowsOf(
        'h.id IN (SELECT household_id FROM household_search_terms) ORDER BY h.rowid',
        '(SELECT t.key FROM household_search_terms t WHERE t.household_id = h.id)',
      ),
    )
    .execute(db);
  await sql
    .raw(rowsOf('h.id NOT IN (SELECT household_id FROM household_search_terms) ORDER BY h.rowid', 'NULL'))
    .execute(db);
}
