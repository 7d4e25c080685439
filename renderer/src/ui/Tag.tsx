import type { ReactNode } from 'react';
import { cx } from './cx';
import styles from './Tag.module.css';

const tones = {
  primary: styles.primary,
  success: styles.success,
  warning: styles.warning,
  danger: styles.danger,
  muted: styles.muted,
};

/** A short word on a soft pill (課題, 本人, 有効, 撤回済み); `className` only places it. */
export function Tag({
  tone = 'primary',
  className,
  title,
  children,
}: {
  tone?: keyof typeof tones;
  className?: string;
  /** Said on hover: what the word means here. */
  title?: string;
  children: ReactNode;
}) {
  return (
    <span className={cx(styles.tag, tones[tone], className)} title={title}>
      {children}
    </span>
  );
}
