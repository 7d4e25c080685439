import { type ConsentState, consentLabels } from '../../../electron/domain/consent';
import { type HouseholdStatus, statusLabels } from '../../../electron/domain/household';
import { Badge, type BadgeTone } from '../ui/Badge';
import { Tag } from '../ui/Tag';
import styles from './Badges.module.css';

const consentTones: Record<ConsentState, BadgeTone> = {
  granted: 'success',
  none: 'warning',
  withdrawn: 'danger',
};
const statusTones: Record<HouseholdStatus, BadgeTone> = {
  received: 'info',
  active: 'solid',
  closed: 'muted',
};

/** 同意あり / 同意なし / 撤回: the consent state at a glance (derived from the records, rule 1). */
export function ConsentBadge({ consent }: { consent: ConsentState }) {
  return <Badge tone={consentTones[consent]}>{consentLabels[consent]}</Badge>;
}

/** 受付 / 支援中 / 終結 */
export function StatusBadge({ status }: { status: HouseholdStatus }) {
  return <Badge tone={statusTones[status]}>{statusLabels[status]}</Badge>;
}

export function IssueTags({ issues }: { issues: readonly string[] }) {
  if (issues.length === 0) return <span className="muted">—</span>;
  return (
    <span className={styles.issueTags}>
      {issues.map((issue) => (
        <Tag key={issue}>{issue}</Tag>
      ))}
    </span>
  );
}
