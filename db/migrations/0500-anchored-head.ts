import { type Kysely, sql } from 'kysely';

/**
 * The anchored head (issue 11): a commit counter the vault bumps in every changing transaction and
 * records, with the newest audit event, in `kasane.anchor` outside the database; and the audit
 * chain's format per event (1 = SHA-256 as first shipped, 2 = HMAC keyed from the data key).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_events ADD COLUMN chain INTEGER NOT NULL DEFAULT 1`.execute(db);
  await db.schema
    .createTable('vault_head')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('commits', 'integer', (c) => c.notNull())
    .addColumn('keyslots_generation', 'integer', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO vault_head (id, commits, keyslots_generation) VALUES (1, 0, 0)`.execute(db);
  await sql`CREATE TRIGGER vault_head_no_delete BEFORE DELETE ON vault_head
    BEGIN SELECT RAISE(ABORT, 'vault_head is permanent'); END`.execute(db);
}
