import { consentOn, inConsentScope } from '../../../../electron/domain/consent';
import type { ConsentRecord } from '../../../../electron/ipc/schemas/households';

/**
 * Rule 3 as the form shows it before saving: is the agency outside the 範囲 of the consent valid on
 * the meeting date? Main checks again on save (OUT_OF_SCOPE) and has the last word.
 */
export function outsideScope(
  consents: readonly ConsentRecord[],
  heldOn: string | null,
  agencyId: string,
): boolean {
  if (!heldOn || agencyId === '') return false;
  const consent = consentOn(consents, heldOn);
  // No consent: the meeting can only be a 支援会議, where no 範囲 applies.
  return consent !== null && !inConsentScope(consent, agencyId);
}
