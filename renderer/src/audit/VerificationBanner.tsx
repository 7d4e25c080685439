import type { AuditVerification } from '../../../electron/ipc/contract';
import { cx } from '../ui/cx';
import { auditKindLabels } from './auditLabels';
import styles from './VerificationBanner.module.css';

/** The hash chain's verdict: green when intact, red naming the first broken event. */
export function VerificationBanner({ verification }: { verification: AuditVerification }) {
  if (verification.ok) {
    return (
      <div
        className={cx(styles.verification, styles.verificationOk)}
        role="status"
        data-testid="audit-verification"
      >
        <strong>改ざんは検出されませんでした</strong>（{verification.checked}件を検証）
      </div>
    );
  }
  const broken = verification.firstBroken;
  const kind = broken ? (auditKindLabels[broken.kind as keyof typeof auditKindLabels] ?? broken.kind) : '';
  return (
    <div
      className={cx(styles.verification, styles.verificationBroken)}
      role="alert"
      data-testid="audit-verification"
      data-broken="true"
    >
      <strong>監査ログに改ざんまたは破損が見つかりました</strong>
      {broken && (
        <p>
          最初に不一致となった記録：番号 {broken.id}（{kind}）— {broken.reason}
        </p>
      )}
      <p>ログを消したり直したりせず、管理者に連絡してください。（{verification.checked}件を検証）</p>
    </div>
  );
}
