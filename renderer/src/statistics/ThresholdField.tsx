import { useId } from 'react';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import fieldStyles from '../ui/Field.module.css';
import styles from './ThresholdField.module.css';

interface ThresholdFieldProps {
  /** What the person typed (null: untouched); empty means the office setting. */
  text: string | null;
  /** The office setting (the threshold of a count made without an override). */
  officeDefault: number | null;
  error: string | null;
  onChange: (text: string) => void;
}

/** Rule 12's threshold for this count only: 3 or more; the office setting when left empty. */
export function ThresholdField({ text, officeDefault, error, onChange }: ThresholdFieldProps) {
  const id = useId();
  const shown = text ?? (officeDefault === null ? '' : String(officeDefault));
  const n = Number(shown === '' ? officeDefault : shown.normalize('NFKC'));
  const hint = Number.isInteger(n) && n >= 3 ? `1〜${n - 1}件を「＊」にします。` : '3以上の数を入れます。';
  return (
    <div className={cx(fieldStyles.field, error && fieldStyles.invalid)}>
      <label className={fieldStyles.label} htmlFor={id}>
        秘匿の基準
      </label>
      <div className={styles.thresholdRow}>
        <input
          id={id}
          className={cx(fieldStyles.input, styles.thresholdInput)}
          inputMode="numeric"
          autoComplete="off"
          value={shown}
          placeholder={officeDefault === null ? undefined : String(officeDefault)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(event) => onChange(event.target.value)}
        />
        <span>件未満</span>
        {text !== null && officeDefault !== null && text !== String(officeDefault) && (
          <Button variant="link" onClick={() => onChange(String(officeDefault))}>
            事務所の設定（{officeDefault}件）に戻す
          </Button>
        )}
      </div>
      <p className={fieldStyles.hint} id={`${id}-hint`}>
        {hint}
      </p>
      {error && (
        <p className={fieldStyles.error} id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The override from the typed text: null for the office setting, a message when it cannot be used. */
export function parseThreshold(text: string): { value: number | null; error: string | null } {
  const normalized = text.normalize('NFKC').trim();
  if (normalized === '') return { value: null, error: null };
  const n = Number(normalized);
  if (!/^\d+$/.test(normalized) || n < 3 || n > 100)
    return { value: null, error: '秘匿の基準は3以上100以下の整数で入力してください。' };
  return { value: n, error: null };
}
