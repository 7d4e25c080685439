import type { ReactNode } from 'react';
import styles from './Badge.module.css';
import { cx } from './cx';

const tones = {
  success: styles.success,
  warning: styles.warning,
  danger: styles.danger,
  info: styles.info,
  solid: styles.solid,
  muted: styles.muted,
};

export type BadgeTone = keyof typeof tones;

/** A record's state at a glance (同意, 状態, 会議の種別): the tone carries the meaning. */
export function Badge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return <span className={cx(styles.badge, tones[tone])}>{children}</span>;
}
