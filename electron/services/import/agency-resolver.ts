import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { findOrAddAgency } from '../agencies.js';

/** A new agency the 出席者 sheet gives no 分野 for (the ledger names agencies by text only). */
const newAgencyField = 'その他';

/**
 * Agencies named by text anywhere in the ledger (相談経路, 同意範囲, 出席者): found by name, or
 * added once, with the 分野 the 出席者 sheet gives for that name. Counts what it added.
 */
export class AgencyResolver {
  readonly #ids = new Map<string, string>();
  #added = 0;

  constructor(
    private readonly trx: Kysely<Database>,
    private readonly newAgencyFields: ReadonlyMap<string, string>,
    private readonly now: Date,
  ) {}

  get added(): number {
    return this.#added;
  }

  async idOf(name: string): Promise<string> {
    const known = this.#ids.get(name);
    if (known !== undefined) return known;
    const field = this.newAgencyFields.get(name) ?? newAgencyField;
    const found = await findOrAddAgency(this.trx, name, field, this.now);
    if (found.added) this.#added += 1;
    this.#ids.set(name, found.id);
    return found.id;
  }
}
