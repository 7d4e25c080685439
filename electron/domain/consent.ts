import { z } from 'zod';
import type { MeetingKind } from './meeting.js';

/**
 * 本人同意 is a history of records (rule 1). A record is valid on a day when it was obtained on or
 * before that day and not withdrawn on or before it: sharing stops from the 撤回日. Every screen, the
 * list filter, the statistics and the meeting rules ask these functions, never their own copy.
 */

export const consentStateSchema = z.enum(['granted', 'none', 'withdrawn']);
export type ConsentState = z.infer<typeof consentStateSchema>;
export const consentLabels: Record<ConsentState, string> = {
  granted: '同意あり',
  none: '同意なし',
  withdrawn: '撤回',
};

/**
 * 方法 as recorded: 書面 or 口頭 when the coordinator records it; 不明 when an imported ledger did not
 * say (its 同意方法 column empty or absent) — never assumed to be 書面.
 */
export const consentMethodSchema = z.enum(['written', 'oral', 'unknown'], {
  message: '方法を選んでください',
});
export type ConsentMethod = z.infer<typeof consentMethodSchema>;
export const methodLabels: Record<ConsentMethod, string> = { written: '書面', oral: '口頭', unknown: '不明' };
/** A consent recorded on screen: the coordinator knows how it was given. */
export const recordedConsentMethodSchema = z.enum(['written', 'oral'], { message: '方法を選んでください' });

export interface ConsentPeriod {
  obtainedOn: string;
  withdrawnOn: string | null;
}

export function consentValidOn(record: ConsentPeriod, day: string): boolean {
  return record.obtainedOn <= day && (record.withdrawnOn === null || record.withdrawnOn > day);
}

/** Valid on at least one day from `start` to `end` (rule 13: the 年度 a household counts in). */
export function consentValidDuring(record: ConsentPeriod, start: string, end: string): boolean {
  const from = record.obtainedOn > start ? record.obtainedOn : start;
  return from <= end && (record.withdrawnOn === null || record.withdrawnOn > from);
}

/** granted: a valid record on the day; withdrawn: records obtained but none valid; none: nothing yet. */
export function consentState(records: readonly ConsentPeriod[], day: string): ConsentState {
  if (records.some((r) => consentValidOn(r, day))) return 'granted';
  return records.some((r) => r.obtainedOn <= day) ? 'withdrawn' : 'none';
}

/** The record in force on the day (the latest valid one), or null. */
export function consentOn<R extends ConsentPeriod>(records: readonly R[], day: string): R | null {
  return records.filter((r) => consentValidOn(r, day)).at(-1) ?? null;
}

export interface ConsentScope {
  allAgencies: boolean;
  agencyIds: readonly string[];
}

/** Rule 3: may this agency receive the household's information under this consent's 範囲? */
export function inConsentScope(scope: ConsentScope, agencyId: string): boolean {
  return scope.allAgencies || scope.agencyIds.includes(agencyId);
}

/**
 * Rule 3 at a meeting: a 支援会議 has no 範囲 (106条の6); a 重層的支援会議 needs the agency inside the
 * 範囲 of the consent valid on the meeting date (and without one it cannot be held at all).
 */
export function agencyInScope(consent: ConsentScope | null, agencyId: string, kind: MeetingKind): boolean {
  if (kind === 'unconsented') return true;
  return consent !== null && inConsentScope(consent, agencyId);
}
