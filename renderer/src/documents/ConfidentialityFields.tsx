import { useId } from 'react';
import type { FieldErrors, FieldValues, UseFormRegister } from 'react-hook-form';
import { purposes } from '../../../electron/ipc/schemas/meetings';
import { cx } from '../ui/cx';
import fieldStyles from '../ui/Field.module.css';
import { SelectField } from '../ui/SelectField';
import { TextAreaField } from '../ui/TextAreaField';
import styles from './ConfidentialityFields.module.css';

/** The fields every 159条 confirmation has, whatever leaves: a 様式 or a statistics export. */
interface ConfirmationValues {
  purpose?: string;
  purposeNote: string;
  warningAcknowledged?: boolean;
}

interface ConfidentialityFieldsProps<T extends FieldValues> {
  /** From main (resources/legal), never written in a component; undefined while it loads. */
  warning: { title: string; body: string } | undefined;
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  purpose: unknown;
  testId: string;
}

export const purposeChosen = (purpose: unknown) => purposes.some((p) => p === purpose);

/**
 * Rule 7, one confirmation for every way a secret can leave: the warning in full, the purpose
 * (free text required for その他) and the person's acknowledgement.
 */
export function ConfidentialityFields<T extends FieldValues>(props: ConfidentialityFieldsProps<T>) {
  const id = useId();
  // Every form that uses this has these three fields; the cast only names them.
  const register = props.register as unknown as UseFormRegister<ConfirmationValues>;
  const errors = props.errors as FieldErrors<ConfirmationValues>;
  const other = props.purpose === 'その他';
  return (
    <>
      <section className={styles.warning} aria-labelledby={`${id}-warning`} data-testid={props.testId}>
        {props.warning ? (
          <>
            <h3 id={`${id}-warning`} className={styles.warningTitle}>
              {props.warning.title}
            </h3>
            <p className={styles.warningBody}>{props.warning.body}</p>
          </>
        ) : (
          <p className="muted">守秘義務の警告を読み込んでいます…</p>
        )}
      </section>
      <div className={styles.purpose}>
        <SelectField
          label="使用目的"
          required
          error={errors.purpose?.message}
          data-autofocus
          {...register('purpose')}
        >
          <option value="">選んでください</option>
          {purposes.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label="目的の詳細"
          required={other}
          hint={
            other ? '「その他」の場合は具体的に入力します。' : '必要に応じて入力します（記録に残ります）。'
          }
          error={errors.purposeNote?.message}
          rows={2}
          {...register('purposeNote')}
        />
      </div>
      <label className={cx(fieldStyles.confirmCheck, styles.acknowledge)}>
        <input type="checkbox" {...register('warningAcknowledged')} />
        上記の守秘義務を理解し、目的の範囲でのみ使用します
      </label>
      {errors.warningAcknowledged && (
        <p className={fieldStyles.error}>{errors.warningAcknowledged.message}</p>
      )}
    </>
  );
}
