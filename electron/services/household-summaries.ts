import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type ConsentPeriod, consentState } from '../domain/consent.js';
import type { HouseholdStatus } from '../domain/household.js';
import { householdStatusOn, type StatusChangeFact } from '../domain/status-history.js';
import type { HouseholdSummary } from '../ipc/schemas/households.js';

/**
 * 世帯一覧's row for each household, kept whole by triggers (migration 1070): one read by its id
 * each. One statement for a whole page, whatever its length: the ids go in as one JSON list, so the
 * text never changes and the prepared statement is kept (db/commit-watch.ts), with nothing for
 * Kysely to compile per call. The page's order and each concatenated list's are restored in
 * JavaScript (SQLite would sort the page in a temporary B-tree).
 */
export const summaryColumns = `r.household_id AS id, r.case_no, r.label, r.received_on, r.issues, r.member_count,
  r.last_activity_on, r.consent_periods, r.case_no_duplicate, r.status_changes`;
const fromIds = 'FROM json_each(?) j CROSS JOIN household_list_rows r ON r.household_id = j.value';
const pageStatement = `SELECT ${summaryColumns} ${fromIds}`;
const detailStatement = `SELECT ${summaryColumns}, h.referral_agency_id, h.note ${fromIds}
  CROSS JOIN households h ON h.id = r.household_id`;

export interface SummaryRow {
  id: string;
  case_no: string;
  label: string;
  received_on: string;
  issues: string | null;
  member_count: number;
  last_activity_on: string;
  consent_periods: string | null;
  case_no_duplicate: number;
  status_changes: string | null;
}

/** The rows of these households, in the order given (a missing id has none). */
export async function summaryRows(db: Kysely<Database>, ids: readonly string[]): Promise<SummaryRow[]> {
  if (ids.length === 0) return [];
  const page = CompiledQuery.raw(pageStatement, [JSON.stringify(ids)]);
  const byId = new Map((await db.executeQuery<SummaryRow>(page)).rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One household's row with the columns only its detail shows. */
export async function detailRow(
  db: Kysely<Database>,
  id: string,
): Promise<(SummaryRow & { referral_agency_id: string | null; note: string }) | undefined> {
  const { rows } = await db.executeQuery<SummaryRow & { referral_agency_id: string | null; note: string }>(
    CompiledQuery.raw(detailStatement, [JSON.stringify([id])]),
  );
  return rows[0];
}

/** `2024-04-01~2024-10-01,2025-01-10~` back into consent periods. */
function consentPeriods(text: string | null): ConsentPeriod[] {
  if (!text) return [];
  return text.split(',').map((period) => {
    const [obtainedOn = '', withdrawnOn = ''] = period.split('~');
    return { obtainedOn, withdrawnOn: withdrawnOn || null };
  });
}

/** 課題 in the list's order (issue_tags.sort_order, then name), from `order␞name␟…`. */
function issuesInOrder(text: string | null): string[] {
  if (!text) return [];
  // One 課題 (the usual case) needs no order.
  if (!text.includes('\u001f')) return [text.slice(text.indexOf('\u001e') + 1)];
  return text
    .split('\u001f')
    .map((entry) => {
      const cut = entry.indexOf('\u001e');
      return { order: Number(entry.slice(0, cut)), name: entry.slice(cut + 1) };
    })
    .sort((a, b) => a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((i) => i.name);
}

/**
 * The status on `today`, by the one function over the history that counts (rule 17), from
 * `seq␞status␞on␟…`: read by offsets, without the intermediate arrays of splitting each entry.
 */
function statusOn(text: string | null, today: string): HouseholdStatus {
  const changes: StatusChangeFact[] = [];
  for (let at = 0; text && at < text.length; ) {
    const cut = text.indexOf('\u001f', at);
    const end = cut === -1 ? text.length : cut;
    const a = text.indexOf('\u001e', at);
    const b = text.indexOf('\u001e', a + 1);
    changes.push({
      seq: Number(text.slice(at, a)),
      status: text.slice(a + 1, b) as HouseholdStatus,
      on: text.slice(b + 1, end),
    });
    at = end + 1;
  }
  return householdStatusOn(changes, today) ?? 'received';
}

export function toSummary(r: SummaryRow, today: string): HouseholdSummary {
  return {
    id: r.id,
    caseNo: r.case_no,
    label: r.label,
    consent: consentState(consentPeriods(r.consent_periods), today),
    status: statusOn(r.status_changes, today),
    issues: issuesInOrder(r.issues),
    receivedOn: r.received_on,
    lastActivityOn: r.last_activity_on,
    memberCount: r.member_count,
    caseNoDuplicate: r.case_no_duplicate === 1,
  };
}
