/** Where the person is in a short wizard: 1 利用者 → 2 回復コード → 3 事務所の設定. */
export function Stepper({ steps, current }: { steps: readonly string[]; current: number }) {
  return (
    <ol className="stepper" aria-label="手順">
      {steps.map((label, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'todo';
        return (
          <li
            key={label}
            className={`stepper-step stepper-${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="stepper-number" aria-hidden="true">
              {index + 1}
            </span>
            <span className="stepper-label">
              {label}
              {state === 'done' && <span className="visually-hidden">（完了）</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
