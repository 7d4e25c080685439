import { useEffect, useState } from 'react';
import { type JobKind, jobLabels, jobStepLabels, progressCount } from '../../../electron/domain/jobs';
import { type JobProgress, jobProgressSchema } from '../../../electron/ipc/schemas/jobs';
import { call } from '../api';
import { Button } from '../ui/Button';
import styles from './JobProgressBar.module.css';

/** The latest progress main reported for `job` while `active` (parsed by the contract's schema). */
export function useJobProgress(job: JobKind, active: boolean): JobProgress | null {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return;
    }
    return window.kasane.onProgress((event) => {
      const parsed = jobProgressSchema.safeParse(event);
      if (parsed.success && parsed.data.job === job) setProgress(parsed.data);
    });
  }, [job, active]);
  return progress;
}

/**
 * What the person may do meanwhile: the import runs behind any screen; a render runs inside the
 * 159条 gate (a modal), where 「中止」 is the choice to know about.
 */
const meanwhile = {
  import: '処理中も、ほかの画面を開けます。',
  render: '中止すると、作成途中のファイルは捨て、何も発行しません。',
  backup: '処理中も、ほかの画面を開けます。',
  verify: '処理中も、ほかの画面を開けます。',
} as const;

/**
 * 「登録しています 1,234 / 3,000 世帯」 with a bar, while a long job runs in the worker; 「中止」 where
 * the job can be cancelled (the import rolls back, the render stops). The window stays usable.
 */
export function JobProgressBar({
  job,
  cancellable = false,
}: {
  job: keyof typeof meanwhile;
  /** 「中止」: the import and the render only. */
  cancellable?: boolean;
}) {
  const progress = useJobProgress(job, true);
  const [cancelling, setCancelling] = useState(false);
  const counted = progress !== null && progress.total > 0;
  const step = progress ? jobStepLabels[progress.step] : jobStepLabels.starting;
  return (
    <div className={styles.job}>
      <div className={styles.line}>
        <p className={styles.step} role="status" aria-live="polite">
          {cancelling ? '中止しています…' : `${step}…`}
          {counted && !cancelling && (
            <span className={styles.count}>
              {progressCount(progress.done, progress.total, progress.unit)}
            </span>
          )}
        </p>
        {cancellable && (job === 'import' || job === 'render') && (
          <Button
            disabled={cancelling}
            onClick={() => {
              setCancelling(true);
              void call('jobs.cancel', { job }).catch(() => setCancelling(false));
            }}
          >
            中止
          </Button>
        )}
      </div>
      <progress
        className={styles.bar}
        aria-label={`${jobLabels[job]}の進み具合`}
        {...(counted ? { max: progress.total, value: progress.done } : {})}
      />
      <p className="muted small">{meanwhile[job]}</p>
    </div>
  );
}
