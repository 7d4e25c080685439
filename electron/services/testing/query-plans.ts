import { type CompiledQuery, Kysely, SqliteDialect } from 'kysely';
import type { Sqlite } from '../../../db/open.js';
import type { Database } from '../../../db/schema.js';

export type PlannedStatement = { sql: string; plan: string[] };

/** SQLite's plan of one statement as it ran, a line per step (EXPLAIN QUERY PLAN's detail). */
export function planOf(sqlite: Sqlite, query: CompiledQuery): string[] {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.parameters as unknown[])) as {
    detail: string;
  }[];
  return rows.map((r) => r.detail);
}

/**
 * Runs `work` on a Kysely over the same connection that notes every statement, and returns what it
 * gave with each statement and its plan: the query-plan tests' one way of seeing what a service reads.
 */
export async function withPlans<T>(
  sqlite: Sqlite,
  work: (db: Kysely<Database>) => Promise<T>,
): Promise<{ result: T; statements: PlannedStatement[] }> {
  const ran: CompiledQuery[] = [];
  const logged = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === 'query') ran.push(event.query);
    },
  });
  const result = await work(logged);
  return { result, statements: ran.map((q) => ({ sql: q.sql, plan: planOf(sqlite, q) })) };
}
