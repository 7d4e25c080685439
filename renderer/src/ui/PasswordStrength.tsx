import { passphraseStrength } from './passphraseStrength';

const segments = { empty: 0, short: 1, weak: 1, fair: 2, strong: 3 } as const;

/** The strength hint under a new passphrase; updates as the person types. */
export function PasswordStrength({ value, id }: { value: string; id?: string }) {
  const strength = passphraseStrength(value);
  const lit = segments[strength.level];
  return (
    <div className="strength" data-level={strength.level} id={id} aria-live="polite">
      <div className="strength-row">
        <div className="strength-meter" aria-hidden="true">
          {[1, 2, 3].map((n) => (
            <span key={n} className={n <= lit ? 'on' : undefined} />
          ))}
        </div>
        <span className="strength-label">強さ：{strength.label || '—'}</span>
      </div>
      <p className="strength-tip">{strength.tip}</p>
    </div>
  );
}
