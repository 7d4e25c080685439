import type { ReactNode } from 'react';
import { cx } from './cx';
import styles from './Notice.module.css';

const tones = { info: styles.info, success: styles.success, warning: styles.warning, error: styles.error };
type Tone = keyof typeof tones;

/** A one-line (or short) message in a tinted box. Errors are announced at once, others politely. */
export function Notice({
  tone = 'info',
  children,
  className,
}: {
  tone?: Tone;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cx(styles.notice, tones[tone], className)} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
