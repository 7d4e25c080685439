import type { ReactNode } from 'react';

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
    <section className="error-panel" role="alert" aria-labelledby="error-panel-title">
      <h2 id="error-panel-title" className="error-panel-title">
        {title}
      </h2>
      <p className="error-panel-message">{message}</p>
      {steps.length > 0 && (
        <>
          <h3 className="error-panel-subtitle">次の手順</h3>
          <ol className="error-panel-steps">
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      )}
      {children}
      {code && <p className="error-panel-code">エラーコード：{code}</p>}
    </section>
  );
}
