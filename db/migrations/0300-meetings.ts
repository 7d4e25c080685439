import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_no', 'text', (c) => c.notNull().unique())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('consented', 'unconsented')`))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text')
    .addColumn('end_time', 'text')
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agenda_json', 'text', (c) => c.notNull())
    .addColumn('report_sections_json', 'text', (c) => c.notNull())
    .addColumn('handouts_json', 'text', (c) => c.notNull())
    .addColumn('next_review_on', 'text')
    .addColumn('notice_number', 'text')
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('reply_by', 'text')
    // none: no plan at this meeting; draft: being written; final: the meeting produced the plan.
    .addColumn('plan_status', 'text', (c) =>
      c.notNull().check(sql`plan_status IN ('none', 'draft', 'final')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meetings_household')
    .on('meetings')
    .columns(['household_id', 'held_on'])
    .execute();
  await db.schema.createIndex('meetings_held_on').on('meetings').column('held_on').execute();

  await db.schema
    .createTable('meeting_attendees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('person_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull())
    // Rule 3: why an agency outside the consent's 範囲 attends a 重層的支援会議.
    .addColumn('scope_reason', 'text')
    .execute();
  await db.schema
    .createIndex('meeting_attendees_meeting')
    .on('meeting_attendees')
    .column('meeting_id')
    .execute();

  await db.schema
    .createTable('plan_rows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull().check(sql`target IN ('member', 'crisis', 'other')`))
    .addColumn('member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('member_label', 'text')
    .addColumn('goal', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('discussion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_actions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('roles', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('plan_rows_meeting').on('plan_rows').column('meeting_id').execute();

  await db.schema
    .createTable('meeting_monitors')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addPrimaryKeyConstraint('meeting_monitors_pk', ['meeting_id', 'agency_id'])
    .execute();

  // Every document that left through the 159条 gate (rule 7). The audit log has the ids and counts;
  // the free-text purpose stays here, inside the encrypted file.
  await db.schema
    .createTable('document_issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id').onDelete('cascade'))
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('copies', 'integer', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('purpose_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('names', 'text', (c) => c.notNull().check(sql`names IN ('real', 'masked', 'none')`))
    .addColumn('names_reason', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
