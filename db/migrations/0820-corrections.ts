import { type Kysely, sql } from 'kysely';

/**
 * consents gains `voided_at`, and 方法 may be 不明 ('unknown'): the ledger's 本人同意 says nothing about
 * how consent was given, yet round 1 recorded every imported consent as 書面. Those (取得者
 * 「（移行データ）」, 方法 書面) become 不明. SQLite cannot change a CHECK in place, so the two tables
 * are rebuilt; consent_agencies is copied first so dropping consents cascades into nothing.
 */
async function rebuildConsents(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consents_v2')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id').onDelete('cascade'))
    .addColumn('obtained_on', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method IN ('written', 'oral', 'unknown')`))
    .addColumn('obtained_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('all_agencies', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('withdrawn_on', 'text')
    .addColumn('withdraw_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .execute();
  await sql`INSERT INTO consents_v2 (id, household_id, obtained_on, method, obtained_by, all_agencies, withdrawn_on, withdraw_reason, created_at)
    SELECT id, household_id, obtained_on,
      CASE WHEN obtained_by = '（移行データ）' AND method = 'written' THEN 'unknown' ELSE method END,
      obtained_by, all_agencies, withdrawn_on, withdraw_reason, created_at
    FROM consents`.execute(db);
  await db.schema
    .createTable('consent_agencies_v2')
    .addColumn('consent_id', 'text', (c) => c.notNull().references('consents_v2.id').onDelete('cascade'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addPrimaryKeyConstraint('consent_agencies_v2_pk', ['consent_id', 'agency_id'])
    .execute();
  await sql`INSERT INTO consent_agencies_v2 (consent_id, agency_id) SELECT consent_id, agency_id FROM consent_agencies`.execute(
    db,
  );
  await db.schema.dropTable('consent_agencies').execute();
  await db.schema.dropTable('consents').execute();
  await sql`ALTER TABLE consents_v2 RENAME TO consents`.execute(db);
  await sql`ALTER TABLE consent_agencies_v2 RENAME TO consent_agencies`.execute(db);
  await db.schema.createIndex('consents_household').on('consents').column('household_id').execute();
}

/**
 * Rule 18: a consent record, a status change, a member and a 支援経過 entry are corrected by 取消 (void)
 * or 訂正 (edit), each with a reason. The record stays where it is (voided rows get `voided_at` and no
 * longer count); every correction keeps the version before it in `record_corrections`, so the
 * history shows what was there. Round 1's 支援経過 revisions move there too, marked as having no reason.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('record_corrections')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id').onDelete('cascade'))
    .addColumn('target_type', 'text', (c) =>
      c.notNull().check(sql`target_type IN ('consent', 'statusChange', 'member', 'progressNote')`),
    )
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action IN ('void', 'correct')`))
    // Empty only for round-1 支援経過 edits, which were saved without one.
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('record_corrections_target')
    .on('record_corrections')
    .columns(['target_type', 'target_id', 'id'])
    .execute();
  await db.schema
    .createIndex('record_corrections_household')
    .on('record_corrections')
    .column('household_id')
    .execute();

  for (const table of ['status_changes', 'members', 'progress_notes']) {
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN voided_at TEXT`.execute(db);
  }
  await rebuildConsents(db);

  await sql`INSERT INTO record_corrections (household_id, target_type, target_id, action, reason, before_json, user_id, created_at)
    SELECT n.household_id, 'progressNote', r.note_id, 'correct', '',
      json_object('notedOn', r.noted_on, 'agencyId', r.agency_id, 'staff', r.staff, 'content', r.content, 'nextPlan', r.next_plan),
      r.user_id, r.replaced_at
    FROM progress_note_revisions r JOIN progress_notes n ON n.id = r.note_id
    ORDER BY r.replaced_at, r.id`.execute(db);
  await db.schema.dropTable('progress_note_revisions').execute();
}
