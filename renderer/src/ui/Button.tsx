import type { ButtonHTMLAttributes, Ref } from 'react';
import styles from './Button.module.css';
import { cx } from './cx';

const variants = {
  primary: styles.primary,
  secondary: styles.secondary,
  danger: styles.danger,
  /** Secondary with a red edge: remove a row, a line, a record. */
  'danger-outline': styles.dangerOutline,
  link: styles.link,
  quiet: styles.quiet,
};

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: keyof typeof variants;
  /** Smaller, for actions inside table rows and list lines. */
  compact?: boolean;
  /** Shows a spinner and disables the button while a call is running. */
  busy?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  variant = 'secondary',
  busy = false,
  compact = false,
  type = 'button',
  className,
  disabled,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cx(styles.button, variants[variant], compact && styles.compact, className)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy && <Spinner />}
      {children}
    </button>
  );
}

/** The turning circle shown while a call runs (inside a busy button, or beside a progress note). */
export function Spinner() {
  return <span className={styles.spinner} aria-hidden="true" />;
}
