import { useEffect, useId, useRef, useState } from 'react';
import { type FieldErrors, type UseFormRegister, useFieldArray, useWatch } from 'react-hook-form';
import type { Agency } from '../../../../electron/ipc/schemas/agencies';
import { AgencyOptions } from '../../agencies/AgencyOptions';
import { Button } from '../../ui/Button';
import { emptyAttendee, type MeetingFormControl, type MeetingFormValues } from './formValues';

interface AttendeesEditorProps {
  control: MeetingFormControl;
  register: UseFormRegister<MeetingFormValues>;
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
    <fieldset className="group mt-attendees" aria-describedby={`${id}-hint`}>
      <legend>出席機関・出席者</legend>
      <p className="field-hint" id={`${id}-hint`}>
        通知（様式1）は機関ごとに作成され、出席者名簿（様式2）にはこの順で載ります。
      </p>
      {outsideCount > 0 && (
        <p className="mt-scope-summary" role="status">
          本人同意の範囲に含まれない機関が{outsideCount}件あります。{consentedLabel}
          に出席させるには、機関ごとに理由を記録してください（理由は記録に残ります）。
        </p>
      )}
      {fields.length === 0 ? (
        <p className="muted mt-attendees-empty">まだ出席者がいません。「出席者を追加」から機関を選びます。</p>
      ) : (
        <>
          <div className="mt-attendee mt-attendee-head" aria-hidden="true">
            <span className="mt-attendee-no">No.</span>
            <span>機関</span>
            <span>職名</span>
            <span>氏名</span>
            <span />
          </div>
          <ol className="mt-attendee-list">
            {fields.map((field, index) => {
              const row = rows[index] ?? emptyAttendee;
              const outside = isOutside(row.agencyId);
              const rowErrors = errors?.[index];
              const n = index + 1;
              const agencyField = register(`attendees.${index}.agencyId`);
              return (
                <li
                  key={field.id}
                  className={outside ? 'mt-attendee is-outside' : 'mt-attendee'}
                  data-testid="attendee-row"
                >
                  <span className="mt-attendee-no" aria-hidden="true">
                    {n}
                  </span>
                  <div
                    className={rowErrors?.agencyId ? 'mt-attendee-cell field-invalid' : 'mt-attendee-cell'}
                  >
                    <select
                      className="select"
                      aria-label={`出席者 ${n} の機関`}
                      aria-invalid={rowErrors?.agencyId ? true : undefined}
                      {...agencyField}
                      ref={(el) => {
                        agencyField.ref(el);
                        selects.current[index] = el;
                      }}
                    >
                      <option value="">機関を選んでください</option>
                      <AgencyOptions agencies={agencies} keep={row.agencyId} />
                    </select>
                    {rowErrors?.agencyId && <p className="field-error">機関を選んでください</p>}
                  </div>
                  <div className={rowErrors?.title ? 'mt-attendee-cell field-invalid' : 'mt-attendee-cell'}>
                    <input
                      className="input"
                      aria-label={`出席者 ${n} の職名`}
                      autoComplete="off"
                      {...register(`attendees.${index}.title`)}
                    />
                    {rowErrors?.title && <p className="field-error">{rowErrors.title.message}</p>}
                  </div>
                  <div
                    className={rowErrors?.personName ? 'mt-attendee-cell field-invalid' : 'mt-attendee-cell'}
                  >
                    <input
                      className="input"
                      aria-label={`出席者 ${n} の氏名`}
                      autoComplete="off"
                      {...register(`attendees.${index}.personName`)}
                    />
                    {rowErrors?.personName && <p className="field-error">{rowErrors.personName.message}</p>}
                  </div>
                  <span className="mt-line-actions">
                    <Button
                      className="btn-compact"
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
                      className="btn-compact"
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
                      className="btn-compact btn-compact-danger"
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
                      className={rowErrors?.scopeReason ? 'mt-scope-reason field-invalid' : 'mt-scope-reason'}
                      data-testid="scope-reason"
                    >
                      <label className="mt-scope-label" htmlFor={`${id}-${index}-reason`}>
                        <span className="mt-scope-mark">同意の範囲外</span>
                        出席させる理由<span className="field-required">必須</span>
                      </label>
                      <textarea
                        id={`${id}-${index}-reason`}
                        className="input textarea mt-scope-textarea"
                        aria-invalid={rowErrors?.scopeReason ? true : undefined}
                        aria-describedby={rowErrors?.scopeReason ? `${id}-${index}-reason-error` : undefined}
                        {...register(`attendees.${index}.scopeReason`)}
                      />
                      {rowErrors?.scopeReason && (
                        <p className="field-error" id={`${id}-${index}-reason-error`}>
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
      {listError && <p className="field-error">{listError}</p>}
      <Button
        className="btn-compact"
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
