import { consentValidOn } from '../domain/consent.js';
import { formatWareki } from '../domain/dates.js';
import type { ConsentRecord } from '../ipc/schemas/households.js';

/**
 * Rule 2: a 重層的支援会議 only for a household whose consent was obtained on or before the meeting
 * date and not withdrawn; otherwise the meeting is a 支援会議. Returns why not, in Japanese, or null.
 */
export function consentedMeetingRefusal(
  consents: readonly ConsentRecord[],
  heldOn: string,
  label: string,
): string | null {
  if (consents.some((c) => consentValidOn(c, heldOn))) return null;
  const date = formatWareki(heldOn);
  const withdrawn = consents.filter(
    (c) => c.withdrawnOn !== null && c.withdrawnOn <= heldOn && c.obtainedOn <= heldOn,
  );
  if (withdrawn.length > 0) {
    return `${date}の時点で本人同意は撤回されています（撤回日 ${formatWareki(withdrawn.at(-1)?.withdrawnOn ?? heldOn, { weekday: false })}）。同意のない世帯の会議は、社会福祉法第106条の6に基づく「${label}」として開いてください。`;
  }
  const later = consents.find((c) => c.obtainedOn > heldOn);
  if (later) {
    return `本人同意の取得日（${formatWareki(later.obtainedOn, { weekday: false })}）より前の${date}には開けません。その日の会議は「${label}」として開いてください。`;
  }
  return `この世帯には本人同意の記録がありません。同意のない世帯の会議は、社会福祉法第106条の6に基づく「${label}」として開いてください。`;
}
