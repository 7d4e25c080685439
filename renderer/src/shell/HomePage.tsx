import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { formatWarekiDateTime } from '../../../electron/domain/office-day';
import { errorMessage } from '../api';
import { VerificationBanner } from '../audit/VerificationBanner';
import { TodaysWork } from '../desk/TodaysWork';
import { read } from '../queries';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import styles from './HomePage.module.css';
import { PageHeader } from './PageHeader';

interface HomePageProps {
  user: { id: string; name: string };
  autoLockMinutes: number;
}

/** 今日の仕事 first; then who is signed in, when this account was last opened, and whether the audit chain is intact. */
export function HomePage({ user, autoLockMinutes }: HomePageProps) {
  const navigate = useNavigate();
  const unlocks = useQuery(read('audit.list', { kind: 'unlock', userId: user.id, limit: 2 }));
  const failures = useQuery(read('audit.list', { kind: 'unlock.failed', limit: 100, verify: false }));
  const [current, previous] = unlocks.data?.events ?? [];
  const failedSincePrevious = previous
    ? (failures.data?.events.filter((e) => e.at > previous.at).length ?? 0)
    : (failures.data?.events.length ?? 0);

  return (
    <div className={styles.home}>
      <PageHeader title="ホーム" />
      <TodaysWork />
      {unlocks.isError && <Notice tone="error">{errorMessage(unlocks.error)}</Notice>}
      <div className={styles.grid}>
        <section className={layoutStyles.panel} aria-labelledby="home-user">
          <h2 id="home-user" className={styles.cardTitle}>
            利用中の利用者
          </h2>
          <p className={styles.cardValue}>{user.name}</p>
          <p className="muted small">操作のない状態が{autoLockMinutes}分続くと、自動でロックします。</p>
        </section>
        <section className={layoutStyles.panel} aria-labelledby="home-unlock">
          <h2 id="home-unlock" className={styles.cardTitle}>
            ロック解除の記録
          </h2>
          {unlocks.isPending ? (
            <p className="muted">読み込んでいます…</p>
          ) : (
            <dl className={styles.facts}>
              <dt>今回</dt>
              <dd>{current ? formatWarekiDateTime(current.at) : '初期設定から利用中'}</dd>
              <dt>前回</dt>
              <dd>{previous ? formatWarekiDateTime(previous.at) : '記録はありません'}</dd>
              <dt>{previous ? '前回以降の失敗' : 'これまでの失敗'}</dt>
              <dd className={failedSincePrevious > 0 ? styles.attention : undefined}>
                {failedSincePrevious}回
              </dd>
            </dl>
          )}
          {failedSincePrevious > 0 && (
            <p className="muted small">
              心当たりのない失敗があれば、パスフレーズを変更し、管理者に連絡してください。
            </p>
          )}
        </section>
        <section className={cx(layoutStyles.panel, styles.cardWide)} aria-labelledby="home-audit">
          <h2 id="home-audit" className={styles.cardTitle}>
            監査ログの検証
          </h2>
          {unlocks.data?.verification && <VerificationBanner verification={unlocks.data.verification} />}
          <div className={layoutStyles.actions}>
            <Button onClick={() => void navigate({ to: '/audit' })}>監査ログを開く</Button>
          </div>
        </section>
      </div>
    </div>
  );
}
