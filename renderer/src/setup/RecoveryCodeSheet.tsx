import { type ReactNode, useRef, useState } from 'react';
import { formatWarekiDate } from '../../../electron/domain/office-day';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import fieldStyles from '../ui/Field.module.css';
import layoutStyles from '../ui/layout.module.css';
import { useFocusOnMount } from '../ui/useFocusOnMount';
import styles from './RecoveryCodeSheet.module.css';

interface RecoveryCodeSheetProps {
  code: string;
  /** Why this code is shown now (first set-up, or a replacement after recovery). */
  intro: ReactNode;
  continueLabel?: string;
  onContinue: () => void;
}

/** The recovery code, shown once: large, grouped, printable, and confirmed as stored. */
export function RecoveryCodeSheet({
  code,
  intro,
  continueLabel = '次へ',
  onContinue,
}: RecoveryCodeSheetProps) {
  const [stored, setStored] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const groups = code.split('-').map((text, position) => ({ text, position }));
  const issued = formatWarekiDate(new Date());

  return (
    <section className={styles.sheet} aria-labelledby="recovery-sheet-title">
      <h2 id="recovery-sheet-title" className={layoutStyles.stepTitle} ref={heading} tabIndex={-1}>
        回復コード
      </h2>
      <p className={layoutStyles.stepLead}>{intro}</p>

      <div className={styles.print}>
        <div className={cx(styles.printOnly, styles.printHead)}>
          <p className={styles.printTitle}>かさね 回復コード</p>
          <p>発行日：{issued}</p>
        </div>
        <div className={styles.code} data-testid="recovery-code">
          {groups.map((group) => (
            <span key={group.position} className={styles.group}>
              {group.text}
            </span>
          ))}
        </div>
        <ul className={styles.explain}>
          <li>
            パスフレーズを忘れたときに、ロック解除画面の「回復コードで開く」から入力して、かさねを開きます。
          </li>
          <li>
            このコードがあれば、パスフレーズなしで記録を開けます。鍵のかかる場所に保管し、パソコンの近くに置かないでください。
          </li>
          <li>一度使うと新しい回復コードが発行され、このコードは使えなくなります。</li>
          <li className={styles.noPrint}>この画面を閉じると、このコードは二度と表示されません。</li>
        </ul>
        <dl className={cx(styles.printOnly, styles.printRecord)}>
          <dt>保管場所</dt>
          <dd />
          <dt>保管者</dt>
          <dd />
        </dl>
      </div>

      <div className={cx(layoutStyles.actions, styles.noPrint)}>
        <Button onClick={() => window.print()}>印刷</Button>
        <span className="muted small">印刷すると、回復コードと説明だけが印刷されます。</span>
      </div>

      <label className={cx(fieldStyles.confirmCheck, styles.confirm, styles.noPrint)}>
        <input type="checkbox" checked={stored} onChange={(event) => setStored(event.target.checked)} />
        回復コードを安全な場所に保管しました
      </label>
      <div className={cx(layoutStyles.actions, layoutStyles.actionsEnd, styles.noPrint)}>
        <Button variant="primary" disabled={!stored} onClick={onContinue}>
          {continueLabel}
        </Button>
      </div>
    </section>
  );
}
