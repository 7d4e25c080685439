import { type Kysely, sql } from 'kysely';

/**
 * 家族構成図 and エコマップ (issue 12). Members gain 同居, 死亡 (with a date or only a year) and
 * キーパーソン; existing members live in the household, alive, as before. Relations link two members
 * of one household; ties record how the coordinator sees each agency's link to the household.
 * A document may now concern a household without a meeting (the 別添資料 issued from the case).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE members ADD COLUMN lives_in_household INTEGER NOT NULL DEFAULT 1`.execute(db);
  await sql`ALTER TABLE members ADD COLUMN deceased INTEGER NOT NULL DEFAULT 0`.execute(db);
  await sql`ALTER TABLE members ADD COLUMN death_date TEXT`.execute(db);
  await sql`ALTER TABLE members ADD COLUMN death_year INTEGER`.execute(db);
  await sql`ALTER TABLE members ADD COLUMN is_key_person INTEGER NOT NULL DEFAULT 0`.execute(db);

  await db.schema
    .createTable('member_relations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind IN ('parentChild', 'married', 'commonLaw', 'divorced', 'separated')`),
    )
    // 親子: member_id is the parent of other_member_id.
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('other_member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('year', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addCheckConstraint('member_relations_two_people', sql`member_id <> other_member_id`)
    .execute();
  await db.schema
    .createIndex('member_relations_household')
    .on('member_relations')
    .columns(['household_id', 'position'])
    .execute();

  await db.schema
    .createTable('eco_map_ties')
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id').onDelete('cascade'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('strength', 'text', (c) =>
      c.notNull().check(sql`strength IN ('strong', 'normal', 'weak', 'stress')`),
    )
    .addColumn('direction', 'text', (c) =>
      c.notNull().check(sql`direction IN ('none', 'toHousehold', 'toAgency', 'both')`),
    )
    .addPrimaryKeyConstraint('eco_map_ties_pk', ['household_id', 'agency_id'])
    .execute();

  await sql`ALTER TABLE document_issues ADD COLUMN household_id TEXT REFERENCES households(id) ON DELETE SET NULL`.execute(
    db,
  );
}
