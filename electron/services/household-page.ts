import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { consentValidOn } from '../domain/consent.js';
import { fiscalYearRange } from '../domain/fiscal-year.js';
import { usualDirection } from '../domain/household.js';
import type { ParsedInput } from '../ipc/contract.js';
import type { HouseholdSummary } from '../ipc/schemas/households.js';
import type { Context } from './context.js';
import { searchHouseholdIds, searchPage } from './household-search.js';
import { summaryRows, toSummary } from './household-summaries.js';

// 世帯一覧 apart from the rest of the household services: `kasane cases` loads this module alone,
// without the schemas and services that change a household.

async function householdsWithValidConsent(db: Kysely<Database>, today: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('consents')
    .select(['household_id', 'obtained_on', 'withdrawn_on'])
    .where('obtained_on', '<=', today)
    .where('voided_at', 'is', null)
    .execute();
  return new Set(
    rows
      .filter((r) => consentValidOn({ obtainedOn: r.obtained_on, withdrawnOn: r.withdrawn_on }, today))
      .map((r) => r.household_id),
  );
}

/**
 * One page of 世帯一覧. The filters and the order pick the page's ids first; the summary columns
 * (each a small subquery) are then computed for those rows only.
 */
export async function listHouseholds(
  ctx: Pick<Context, 'db' | 'today'>,
  input: ParsedInput<'households.list'>,
): Promise<HouseholdSummary[]> {
  const { db, today } = ctx;
  const fiscalYear = input.fiscalYear ? fiscalYearRange(input.fiscalYear) : undefined;
  const filters = {
    status: input.status,
    issue: input.issue,
    receivedFrom: fiscalYear?.start,
    receivedTo: fiscalYear?.end,
  };
  // The track is today's consent state, which the domain decides: it filters the ordered ids here.
  const consented = input.track ? await householdsWithValidConsent(db, today) : null;
  const onTrack = (id: string) => consented === null || consented.has(id) === (input.track === 'consented');
  if (input.query.trim() && !consented && input.sort !== 'caseNo')
    return (
      await searchPage(db, {
        query: input.query,
        sort: input.sort,
        direction: input.direction,
        limit: input.limit,
        filters,
      })
    ).map((row) => toSummary(row, today));
  let ids: string[];
  if (input.query.trim()) {
    ids = await searchHouseholdIds(db, {
      query: input.query,
      sort: input.sort,
      direction: input.direction,
      limit: consented ? null : input.limit,
      filters,
    });
  } else {
    let page = db.selectFrom('households as h').select('h.id');
    if (filters.status) page = page.where('h.status', '=', filters.status);
    if (filters.issue)
      page = page.where(
        'h.id',
        'in',
        db.selectFrom('household_issues').select('household_id').where('issue', '=', filters.issue),
      );
    if (fiscalYear)
      page = page.where('h.received_on', '>=', fiscalYear.start).where('h.received_on', '<=', fiscalYear.end);
    const direction = (input.direction ?? usualDirection[input.sort]) === 'ascending' ? 'asc' : 'desc';
    page =
      input.sort === 'caseNo'
        ? page.orderBy('h.case_no', direction)
        : page
            .orderBy(input.sort === 'kana' ? 'h.sort_kana' : 'h.received_on', direction)
            .orderBy('h.case_no', direction);
    ids = (await (consented ? page : page.limit(input.limit)).execute()).map((r) => r.id);
  }
  ids = ids.filter(onTrack).slice(0, input.limit);
  if (ids.length === 0) return [];
  return (await summaryRows(db, ids)).map((row) => toSummary(row, today));
}
