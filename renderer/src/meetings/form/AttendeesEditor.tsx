import { useEffect, useId, useRef, useState } from 'react';
import {
  type FieldErrors,
  type UseFormRegister,
  type UseFormSetValue,
  useFieldArray,
  useWatch,
} from 'react-hook-form';
import type { Agency } from '../../../../electron/ipc/schemas/agencies';
import { AgencyOptions } from '../../agencies/AgencyOptions';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import fieldStyles from '../../ui/Field.module.css';
import meetingsStyles from '../meetings.module.css';
import styles from './AttendeesEditor.module.css';
import { emptyAttendee, type MeetingFormControl, type MeetingFormValues } from './formValues';

interface AttendeesEditorProps {
  control: MeetingFormControl;
  register: UseFormRegister<MeetingFormValues>;
  setValue: UseFormSetValue<MeetingFormValues>;
  errors: FieldErrors<MeetingFormValues>['attendees'];
  agencies: readonly Agency[];
  /** Rule 3: is this agency outside the consent's 範囲 for this meeting? */
  isOutside: (agencyId: string) => boolean;
  /** The name of the 範囲's meeting kind, for the mark's wording. */
  consentedLabel: string;
}

const maxAttendees = 60;

/** 出席機関・出席者: one row per person (機関, 職名, 氏名); agencies outside the 範囲 need a reason. */
export function AttendeesEditor({
  control,
  register,
  setValue,
  errors,
  agencies,
  isOutside,
  consentedLabel,
}: AttendeesEditorProps) {
  const id = useId();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'attendees' });
  const rows = useWatch({ control, name: 'attendees' });
  const selects = useRef<(HTMLSelectElement | null)[]>([]);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  useEffect(() => {
    if (focusIndex === null) return;
    selects.current[focusIndex]?.focus();
    setFocusIndex(null);
  }, [focusIndex]);

  const outsideCount = rows.filter((r) => isOutside(r.agencyId)).length;
  const listError = errors?.root?.message ?? errors?.message;

  return (
    <fieldset className={cx(fieldStyles.group, styles.attendees)} aria-describedby={`${id}-hint`}>
      <legend>出席機関・出席者</legend>
      <p className={fieldStyles.hint} id={`${id}-hint`}>
        通知（様式1）は機関ごとに作成され、出席者名簿（様式2）にはこの順で載ります。
      </p>
      {outsideCount > 0 && (
        <p className={styles.scopeSummary} role="status">
          本人同意の範囲に含まれない機関が{outsideCount}件あります。{consentedLabel}
          に出席させるには、機関ごとに理由を記録してください（理由は記録に残ります）。
        </p>
      )}
      {fields.length === 0 ? (
        <p className={cx('muted', styles.attendeesEmpty)}>
          まだ出席者がいません。「出席者を追加」から機関を選びます。
        </p>
      ) : (
        <>
          <div className={cx(styles.attendee, styles.attendeeHead)} aria-hidden="true">
            <span className={styles.attendeeNo}>No.</span>
            <span>機関</span>
            <span>職名</span>
            <span>氏名</span>
            <span />
          </div>
          <ol className={styles.attendeeList}>
            {fields.map((field, index) => {
              const row = rows[index] ?? emptyAttendee;
              const outside = isOutside(row.agencyId);
              const rowErrors = errors?.[index];
              const n = index + 1;
              const agencyField = register(`attendees.${index}.agencyId`);
              return (
                <li
                  key={field.id}
                  className={outside ? cx(styles.attendee, styles.isOutside) : styles.attendee}
                  data-testid="attendee-row"
                >
                  <span className={styles.attendeeNo} aria-hidden="true">
                    {n}
                  </span>
                  <div className={rowErrors?.agencyId ? fieldStyles.invalid : undefined}>
                    <select
                      className={fieldStyles.select}
                      aria-label={`出席者 ${n} の機関`}
                      aria-invalid={rowErrors?.agencyId ? true : undefined}
                      {...agencyField}
                      onChange={(event) => {
                        void agencyField.onChange(event);
                        // The agency's 既定の担当者 fills an empty 氏名; a name already typed is kept.
                        const contact = agencies.find((a) => a.id === event.target.value)?.contactPerson;
                        if (contact && !row.personName)
                          setValue(`attendees.${index}.personName`, contact, { shouldDirty: true });
                      }}
                      ref={(el) => {
                        agencyField.ref(el);
                        selects.current[index] = el;
                      }}
                    >
                      <option value="">機関を選んでください</option>
                      <AgencyOptions agencies={agencies} keep={row.agencyId} />
                    </select>
                    {rowErrors?.agencyId && <p className={fieldStyles.error}>機関を選んでください</p>}
                  </div>
                  <div className={rowErrors?.title ? fieldStyles.invalid : undefined}>
                    <input
                      className={fieldStyles.input}
                      aria-label={`出席者 ${n} の職名`}
                      autoComplete="off"
                      {...register(`attendees.${index}.title`)}
                    />
                    {rowErrors?.title && <p className={fieldStyles.error}>{rowErrors.title.message}</p>}
                  </div>
                  <div className={rowErrors?.personName ? fieldStyles.invalid : undefined}>
                    <input
                      className={fieldStyles.input}
                      aria-label={`出席者 ${n} の氏名`}
                      autoComplete="off"
                      {...register(`attendees.${index}.personName`)}
                    />
                    {rowErrors?.personName && (
                      <p className={fieldStyles.error}>{rowErrors.personName.message}</p>
                    )}
                  </div>
                  <span className={cx(meetingsStyles.lineActions, styles.attendeeActions)}>
                    <Button
                      compact
                      aria-label={`出席者 ${n} を上へ`}
                      disabled={index === 0}
                      onClick={() => {
                        move(index, index - 1);
                        setFocusIndex(index - 1);
                      }}
                    >
                      ↑
                    </Button>
                    <Button
                      compact
                      aria-label={`出席者 ${n} を下へ`}
                      disabled={index === fields.length - 1}
                      onClick={() => {
                        move(index, index + 1);
                        setFocusIndex(index + 1);
                      }}
                    >
                      ↓
                    </Button>
                    <Button
                      compact
                      variant="danger-outline"
                      aria-label={`出席者 ${n} を削除`}
                      onClick={() => {
                        remove(index);
                        setFocusIndex(Math.min(index, fields.length - 2));
                      }}
                    >
                      削除
                    </Button>
                  </span>
                  {outside && (
                    <div
                      className={
                        rowErrors?.scopeReason
                          ? cx(styles.scopeReason, fieldStyles.invalid)
                          : styles.scopeReason
                      }
                      data-testid="scope-reason"
                    >
                      <label className={styles.scopeLabel} htmlFor={`${id}-${index}-reason`}>
                        <span className={meetingsStyles.scopeMark}>同意の範囲外</span>
                        出席させる理由<span className={fieldStyles.required}>必須</span>
                      </label>
                      <textarea
                        id={`${id}-${index}-reason`}
                        className={cx(fieldStyles.input, fieldStyles.textarea, styles.scopeTextarea)}
                        aria-invalid={rowErrors?.scopeReason ? true : undefined}
                        aria-describedby={rowErrors?.scopeReason ? `${id}-${index}-reason-error` : undefined}
                        {...register(`attendees.${index}.scopeReason`)}
                      />
                      {rowErrors?.scopeReason && (
                        <p className={fieldStyles.error} id={`${id}-${index}-reason-error`}>
                          {rowErrors.scopeReason.message}
                        </p>
                      )}
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
      {listError && <p className={fieldStyles.error}>{listError}</p>}
      <Button
        compact
        disabled={fields.length >= maxAttendees}
        onClick={() => {
          append({ ...emptyAttendee });
          setFocusIndex(fields.length);
        }}
      >
        出席者を追加
      </Button>
    </fieldset>
  );
}
