import { useEffect, useState } from 'react';
import { jobProgressSchema } from '../../../electron/ipc/schemas/jobs';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import styles from './UnlockWaiting.module.css';

export const migratingMessage =
  'かさねの更新後、最初のロック解除です。記録を新しい形に整えています（数分かかることがあります）。画面を閉じずにお待ちください。';

/**
 * What the unlock screen says while the unlock runs: 「確認しています…」, or — once main reports the
 * `migrate` job (the first unlock after an update, which may take minutes) — why it takes long.
 * It listens from the moment the form is shown, so the job's first report cannot come before it.
 */
export function UnlockWaiting({ pending }: { pending: boolean }) {
  const [migrating, setMigrating] = useState(false);
  useEffect(
    () =>
      window.kasane.onProgress((event) => {
        const parsed = jobProgressSchema.safeParse(event);
        if (parsed.success && parsed.data.job === 'migrate') setMigrating(true);
      }),
    [],
  );
  useEffect(() => {
    if (!pending) setMigrating(false);
  }, [pending]);
  if (!pending) return null;
  if (migrating) return <Notice className={styles.migrating}>{migratingMessage}</Notice>;
  return (
    <p className={layoutStyles.progressNote} role="status">
      確認しています…
    </p>
  );
}
