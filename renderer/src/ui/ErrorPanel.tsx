import type { ReactNode } from 'react';
import styles from './ErrorPanel.module.css';

interface ErrorPanelProps {
  title: string;
  message: string;
  steps?: readonly string[];
  code?: string;
  children?: ReactNode;
}

/** A designed dead end: what happened, what to do next, and the code to tell the administrator. */
export function ErrorPanel({ title, message, steps = [], code, children }: ErrorPanelProps) {
  return (
    <section className={styles.panel} role="alert" aria-labelledby="error-panel-title">
      <h2 id="error-panel-title" className={styles.title}>
        {title}
      </h2>
      <p className={styles.message}>{message}</p>
      {steps.length > 0 && (
        <>
          <h3 className={styles.subtitle}>次の手順</h3>
          <ol className={styles.steps}>
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      )}
      {children}
      {code && <p className={styles.code}>エラーコード：{code}</p>}
    </section>
  );
}
