import { type Kysely, sql } from 'kysely';
import { householdSearchText } from '../search-fold.js';

/** Search now folds 異体字 (rule 16): every household's search row is written again with the new folding. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const households = (
    await sql<{
      id: string;
      case_no: string;
      label: string;
    }>`SELECT id, case_no, label FROM households`.execute(db)
  ).rows;
  const members = (
    await sql<{
      household_id: string;
      name: string;
      kana: string;
    }>`SELECT household_id, name, kana FROM members`.execute(db)
  ).rows;
  const byHousehold = Map.groupBy(members, (m) => m.household_id);
  for (const h of households) {
    const texts = [h.case_no, h.label, ...(byHousehold.get(h.id) ?? []).flatMap((m) => [m.name, m.kana])];
    await sql`UPDATE household_search_terms SET text = ${householdSearchText(texts)} WHERE household_id = ${h.id}`.execute(
      db,
    );
  }
}
