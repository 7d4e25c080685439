import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { consentValidOn } from '../../domain/consent.js';
import { KasaneError } from '../errors.js';
import { householdTitleOf } from '../meetings.js';

/**
 * Rule 4 for lists: a household without consent today (支援会議) appears as 「A氏世帯」 — its 表示名
 * often holds the family name — unless real names were chosen with a reason.
 */

export interface NamesChoice {
  names: 'real' | 'masked';
  namesReason: string;
}

/** Refuses real names of 支援会議 households without a reason; returns the reason to record. */
export function namesReasonFor(choice: NamesChoice, hasUnconsented: boolean): string | null {
  const reason = choice.namesReason.trim() || null;
  if (hasUnconsented && choice.names === 'real' && !reason) throw new KasaneError('NAMES_REASON_REQUIRED');
  return reason;
}

/** 「A氏世帯」 for each household asked, from its 本人's 記号 (the first member when none is marked). */
export async function labelTitles(
  db: Kysely<Database>,
  householdIds: readonly string[],
): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  if (householdIds.length === 0) return titles;
  const members = await db
    .selectFrom('members')
    .select(['household_id', 'label', 'is_principal'])
    .where('household_id', 'in', [...householdIds])
    .where('voided_at', 'is', null)
    .orderBy('household_id')
    .orderBy('position')
    .execute();
  const byHousehold = new Map<string, { label: string; isPrincipal: boolean }[]>();
  for (const m of members) {
    const list = byHousehold.get(m.household_id) ?? [];
    list.push({ label: m.label, isPrincipal: m.is_principal === 1 });
    byHousehold.set(m.household_id, list);
  }
  for (const id of householdIds) titles.set(id, householdTitleOf(byHousehold.get(id) ?? []));
  return titles;
}

/** A file name any file system takes. */
export const safeFileName = (stem: string, extension: string) =>
  `${stem.replace(/[\\/:*?"<>|]/g, '_')}.${extension}`;

/** 20261122: the day a list was made, in its file name. */
export const fileDay = (today: string) => today.replaceAll('-', '');

/** The households among `ids` whose consent is valid on `today` (rule 1: from the records, never a flag). */
export async function consentedOn(
  db: Kysely<Database>,
  ids: readonly string[],
  today: string,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('consents')
    .select(['household_id', 'obtained_on', 'withdrawn_on'])
    .where('household_id', 'in', [...new Set(ids)])
    .where('voided_at', 'is', null)
    .execute();
  return new Set(
    rows
      .filter((r) => consentValidOn({ obtainedOn: r.obtained_on, withdrawnOn: r.withdrawn_on }, today))
      .map((r) => r.household_id),
  );
}
