import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import styles from './PasswordStrength.module.css';
import { type Estimate, loadEstimator, passphraseStrength } from './passphraseStrength';

const segments = { empty: 0, short: 1, checking: 0, weak: 1, fair: 2, strong: 3 } as const;

/** zxcvbn, once loaded (the first new-passphrase field on screen starts the load). */
function useEstimator(): Estimate | undefined {
  const [estimate, setEstimate] = useState<Estimate>();
  useEffect(() => {
    let current = true;
    void loadEstimator().then((loaded) => current && setEstimate(() => loaded));
    return () => {
      current = false;
    };
  }, []);
  return estimate;
}

/** The strength hint under a new passphrase; follows the typing without holding up a keystroke. */
export function PasswordStrength({ value, id }: { value: string; id?: string }) {
  const typed = useDeferredValue(value);
  const estimate = useEstimator();
  const strength = useMemo(() => passphraseStrength(typed, estimate), [typed, estimate]);
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
