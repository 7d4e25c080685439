import { type ConsentState, consentLabels } from '../../../electron/domain/consent';
import { type HouseholdStatus, statusLabels } from '../../../electron/domain/household';

/** 同意あり / 同意なし / 撤回: the consent state at a glance (derived from the records, rule 1). */
export function ConsentBadge({ consent }: { consent: ConsentState }) {
  return <span className={`badge badge-consent-${consent}`}>{consentLabels[consent]}</span>;
}

/** 受付 / 支援中 / 終結 */
export function StatusBadge({ status }: { status: HouseholdStatus }) {
  return <span className={`badge badge-status-${status}`}>{statusLabels[status]}</span>;
}

export function IssueTags({ issues }: { issues: readonly string[] }) {
  if (issues.length === 0) return <span className="muted">—</span>;
  return (
    <span className="issue-tags">
      {issues.map((issue) => (
        <span key={issue} className="tag">
          {issue}
        </span>
      ))}
    </span>
  );
}
