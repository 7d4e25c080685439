import { cx } from '../ui/cx';
import noticeStyles from '../ui/Notice.module.css';
import styles from './BackoffNotice.module.css';
/** The live countdown after repeated failures. Announced once; the number itself is not read out every second. */
export function BackoffNotice({ remaining }: { remaining: number }) {
  if (remaining <= 0) return null;
  return (
    <div className={cx(noticeStyles.notice, noticeStyles.warning, styles.backoff)}>
      <span className="visually-hidden" role="status">
        失敗が続いたため、しばらく待ってから入力してください。
      </span>
      <span aria-hidden="true">
        失敗が続いたため、あと<strong className={styles.backoffSeconds}>{remaining}</strong>
        秒は入力できません。
      </span>
    </div>
  );
}
