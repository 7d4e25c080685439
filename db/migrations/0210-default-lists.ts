import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import defaults from '../../resources/default-lists.json' with { type: 'json' };

/** The office starts with domain.md's 課題 list and generic agency types; both are editable later. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = new Date().toISOString();
  for (const [i, name] of defaults.issueTags.entries()) {
    await sql`INSERT INTO issue_tags (name, sort_order) VALUES (${name}, ${(i + 1) * 10})`.execute(db);
  }
  for (const a of defaults.agencies) {
    await sql`INSERT INTO agencies (id, field, name, created_at) VALUES (${randomUUID()}, ${a.field}, ${a.name}, ${now})`.execute(
      db,
    );
  }
}
