import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('department', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_person', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('agencies_name_department', ['name', 'department'])
    .execute();

  await db.schema
    .createTable('issue_tags')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();

  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_no', 'text', (c) => c.notNull().unique())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('referral_agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('received', 'active', 'closed')`))
    .addColumn('closed_on', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    // The principal's ふりがな in hiragana, kept by the members service, so 世帯一覧 sorts on an index.
    .addColumn('sort_kana', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('households_received_on')
    .on('households')
    .columns(['received_on', 'case_no'])
    .execute();
  await db.schema
    .createIndex('households_sort_kana')
    .on('households')
    .columns(['sort_kana', 'case_no'])
    .execute();

  await db.schema
    .createTable('household_issues')
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id').onDelete('cascade'))
    .addColumn('issue', 'text', (c) => c.notNull().references('issue_tags.name'))
    .addPrimaryKeyConstraint('household_issues_pk', ['household_id', 'issue'])
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kana', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('relationship', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('birth_date', 'text')
    .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex IN ('male', 'female', 'other', 'unknown')`))
    .addColumn('is_principal', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('members_household_label', ['household_id', 'label'])
    .execute();

  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id').onDelete('cascade'))
    .addColumn('obtained_on', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method IN ('written', 'oral')`))
    .addColumn('obtained_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('all_agencies', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('withdrawn_on', 'text')
    .addColumn('withdraw_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consents_household').on('consents').column('household_id').execute();

  await db.schema
    .createTable('consent_agencies')
    .addColumn('consent_id', 'text', (c) => c.notNull().references('consents.id').onDelete('cascade'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addPrimaryKeyConstraint('consent_agencies_pk', ['consent_id', 'agency_id'])
    .execute();

  await db.schema
    .createTable('status_changes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('progress_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id').onDelete('cascade'))
    .addColumn('noted_on', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('staff', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('next_plan', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('progress_notes_household')
    .on('progress_notes')
    .columns(['household_id', 'noted_on'])
    .execute();

  await db.schema
    .createTable('progress_note_revisions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('note_id', 'text', (c) => c.notNull().references('progress_notes.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('noted_on', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text')
    .addColumn('staff', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('next_plan', 'text', (c) => c.notNull())
    .addColumn('replaced_at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .execute();

  await db.schema
    .createIndex('status_changes_household')
    .on('status_changes')
    .column('household_id')
    .execute();

  // Substring search over 受付番号, 表示名, 氏名, ふりがな: one normalised row per household (texts
  // joined by U+0001, which no query contains), indexed by an FTS5 trigram table kept in step by triggers.
  await db.schema
    .createTable('household_search_terms')
    .addColumn('household_id', 'text', (c) => c.primaryKey().references('households.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE VIRTUAL TABLE household_search USING fts5(text, content = 'household_search_terms', content_rowid = 'rowid', tokenize = 'trigram')`.execute(
    db,
  );
  await sql`CREATE TRIGGER household_search_ai AFTER INSERT ON household_search_terms BEGIN
    INSERT INTO household_search(rowid, text) VALUES (new.rowid, new.text); END`.execute(db);
  await sql`CREATE TRIGGER household_search_ad AFTER DELETE ON household_search_terms BEGIN
    INSERT INTO household_search(household_search, rowid, text) VALUES ('delete', old.rowid, old.text); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER household_search_au AFTER UPDATE ON household_search_terms BEGIN
    INSERT INTO household_search(household_search, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO household_search(rowid, text) VALUES (new.rowid, new.text); END`.execute(db);
}
