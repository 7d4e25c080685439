import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { MeetingKind } from '../../../../electron/domain/meeting';
import { cx } from '../../ui/cx';
import fieldStyles from '../../ui/Field.module.css';
import { useKindLabels } from '../labels';
import meetingsStyles from '../meetings.module.css';
import styles from './KindField.module.css';

interface KindFieldProps {
  field: UseFormRegisterReturn<'kind'>;
  /** Kinds allowed on the chosen date (rule 2); null until a date is entered. */
  allowed: readonly MeetingKind[] | null;
  /** Why a 重層的支援会議 cannot be held on that date, from main. */
  reason: string | null;
  error?: string | undefined;
  onChosen: () => void;
}

/** 種別: a 重層的支援会議 only where consent is valid on the date; otherwise it is disabled, with the reason. */
export function KindField({ field, allowed, reason, error, onChosen }: KindFieldProps) {
  const id = useId();
  const labels = useKindLabels();
  const consentedRefused = allowed !== null && !allowed.includes('consented');
  const describedBy = [
    `${id}-hint`,
    consentedRefused && reason ? `${id}-reason` : '',
    error ? `${id}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset className={fieldStyles.group} aria-describedby={describedBy}>
      <legend>
        種別<span className={cx(fieldStyles.required, styles.legendRequired)}>必須</span>
      </legend>
      <p className={fieldStyles.hint} id={`${id}-hint`}>
        本人同意が会議の日に有効な世帯だけ、{labels.consented}を開けます。
        {allowed === null && '日付を入力すると、開ける種別を確認します。'}
      </p>
      <div className={meetingsStyles.kindChoices}>
        <label className={cx(fieldStyles.choice, consentedRefused && styles.disabled)}>
          <input type="radio" value="consented" disabled={consentedRefused} {...field} onClick={onChosen} />
          {labels.consented}
        </label>
        <label className={fieldStyles.choice}>
          <input type="radio" value="unconsented" {...field} onClick={onChosen} />
          {labels.unconsented}
        </label>
      </div>
      {consentedRefused && reason && (
        <p className={meetingsStyles.kindReason} id={`${id}-reason`} data-testid="kind-refusal">
          {reason}
        </p>
      )}
      {error && (
        <p className={fieldStyles.error} id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
