import styles from './PasswordStrength.module.css';
import { passphraseStrength } from './passphraseStrength';

const segments = { empty: 0, short: 1, weak: 1, fair: 2, strong: 3 } as const;

/** The strength hint under a new passphrase; updates as the person types. */
export function PasswordStrength({ value, id }: { value: string; id?: string }) {
  const strength = passphraseStrength(value);
  const lit = segments[strength.level];
  return (
    <div className={styles.strength} data-level={strength.level} id={id} aria-live="polite">
      <div className={styles.row}>
        <div className={styles.meter} aria-hidden="true">
          {[1, 2, 3].map((n) => (
            <span key={n} className={n <= lit ? styles.on : undefined} />
          ))}
        </div>
        <span className={styles.label}>強さ：{strength.label || '—'}</span>
      </div>
      <p className={styles.tip}>{strength.tip}</p>
    </div>
  );
}
