import { formatWarekiDateTime } from '../domain/office-day.js';
import type { RecordsLostStatus } from '../ipc/contract.js';
import type { RecordsLost } from './anchor.js';

// Apart from the vault session: the CLI says it too, without loading the app's session.

/** The Japanese account of a loss, for the screen and the CLI alike. */
export function describeLoss(lost: RecordsLost): RecordsLostStatus {
  const confirmed = lost.lastConfirmed
    ? `監査ログ #${lost.lastConfirmed.id}、${formatWarekiDateTime(lost.lastConfirmed.at)}`
    : 'なし';
  const message =
    lost.reason === 'behind'
      ? `最新の記録の一部が失われています（最後に確認できた記録: ${confirmed}）。`
      : lost.reason === 'diverged'
        ? `監査ログの最新の記録が、到達点の記録（kasane.anchor）と一致しません。記録が書き換えられた可能性があります（最後に確認できた記録: ${confirmed}）。`
        : lost.reason === 'anchorMissing'
          ? '到達点の記録（kasane.anchor）が見つからないため、最新の記録がそろっているか確認できません。'
          : '到達点の記録（kasane.anchor）が壊れているため、最新の記録がそろっているか確認できません。';
  const point = (h: RecordsLost['found']) => (h ? { id: h.id, kind: h.kind, at: h.at } : null);
  return {
    reason: lost.reason,
    message,
    lastConfirmed: point(lost.lastConfirmed),
    found: point(lost.found),
    commitsExpected: lost.commitsExpected,
    commitsFound: lost.commitsFound,
  };
}
