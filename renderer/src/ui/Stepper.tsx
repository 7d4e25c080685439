import { cx } from './cx';
import styles from './Stepper.module.css';

const states = { done: styles.done, current: styles.current, todo: undefined };

interface StepperProps {
  steps: readonly string[];
  current: number;
  /** Less room below (inside a dialog). */
  tight?: boolean;
}

/** Where the person is in a short wizard: 1 利用者 → 2 回復コード → 3 事務所の設定. */
export function Stepper({ steps, current, tight = false }: StepperProps) {
  return (
    <ol className={cx(styles.stepper, tight && styles.tight)} aria-label="手順">
      {steps.map((label, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'todo';
        return (
          <li
            key={label}
            className={cx(styles.step, states[state])}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className={styles.number} aria-hidden="true">
              {index + 1}
            </span>
            <span className={styles.label}>
              {label}
              {state === 'done' && <span className="visually-hidden">（完了）</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
