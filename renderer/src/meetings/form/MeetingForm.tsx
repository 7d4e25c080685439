import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { type Path, useForm, useWatch } from 'react-hook-form';
import { defaultAgenda } from '../../../../electron/domain/meeting';
import type { Agency } from '../../../../electron/ipc/schemas/agencies';
import type { HouseholdDetail } from '../../../../electron/ipc/schemas/households';
import { type MeetingInput, meetingInputSchema } from '../../../../electron/ipc/schemas/meetings';
import { isCallError } from '../../api';
import { useDraftKeptOverLock } from '../../shell/keptDraft';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { DateField, readDate } from '../../ui/DateField';
import { TextField } from '../../ui/Field';
import fieldStyles from '../../ui/Field.module.css';
import { Form } from '../../ui/Form';
import { applyCallError, invalidFormMessage } from '../../ui/formErrors';
import layoutStyles from '../../ui/layout.module.css';
import { Notice } from '../../ui/Notice';
import { TimeField } from '../../ui/TimeField';
import { useKindLabels } from '../labels';
import meetingsStyles from '../meetings.module.css';
import { AttendeesEditor } from './AttendeesEditor';
import { outsideScope } from './consentScope';
import formStyles from './form.module.css';
import type { MeetingFormValues } from './formValues';
import { KindField } from './KindField';
import styles from './MeetingForm.module.css';
import { NoticeNumberField } from './NoticeNumberField';
import { TextListEditor } from './TextListEditor';
import { useKindCheck } from './useKindCheck';

const fields: readonly Path<MeetingFormValues>[] = [
  'kind',
  'meetingNo',
  'heldOn',
  'startTime',
  'endTime',
  'place',
  'agenda',
  'handouts',
  'attendees',
  'noticeNumber',
  'issuedOn',
  'replyBy',
];

interface MeetingFormProps {
  initial: MeetingFormValues;
  household: HouseholdDetail;
  agencies: readonly Agency[];
  /** Editing keeps the saved kind; a new meeting takes the kind the date allows until one is chosen. */
  kindChosen: boolean;
  submitLabel: string;
  /**
   * Saves through the contract with the values as typed (main parses them again); a refusal must
   * carry paths relative to this form.
   */
  save: (values: MeetingFormValues) => Promise<void>;
  onCancel: () => void;
}

/** 会議の準備: validated by the contract's schema here and again in main (rules 2 and 3 included). */
export function MeetingForm({
  initial,
  household,
  agencies,
  kindChosen: initiallyChosen,
  submitLabel,
  save,
  onCancel,
}: MeetingFormProps) {
  const labels = useKindLabels();
  const [formError, setFormError] = useState<string | null>(null);
  const [refusedAgencies, setRefusedAgencies] = useState<ReadonlySet<string>>(new Set());
  const kindChosen = useRef(initiallyChosen);
  const { register, handleSubmit, getValues, reset, setError, setValue, setFocus, control, formState } =
    useForm<MeetingFormValues, unknown, MeetingInput>({
      resolver: zodResolver(meetingInputSchema),
      defaultValues: initial,
    });
  const { errors, isDirty, isSubmitted } = formState;
  useDraftKeptOverLock('meeting', { isDirty, getValues, reset });

  const [kind, heldOnText, issuedOn, replyBy, agenda, handouts, attendees] = useWatch({
    control,
    name: ['kind', 'heldOn', 'issuedOn', 'replyBy', 'agenda', 'handouts', 'attendees'],
  });
  const heldOn = readDate(heldOnText).iso;
  const check = useKindCheck(household.id, heldOn);
  const allowed = heldOn && check.data ? check.data.allowed : null;

  useEffect(() => setFocus('heldOn'), [setFocus]);

  // Rule 2: until the person chooses, a new meeting takes the kind the date allows. A kind chosen (or
  // saved) is never switched behind their back: the field says why it cannot stay (rule 18).
  useEffect(() => {
    if (!allowed || kindChosen.current) return;
    const consentedAllowed = allowed.includes('consented');
    if (kind === 'consented' && !consentedAllowed) setValue('kind', 'unconsented', { shouldDirty: true });
    else if (kind === 'unconsented' && consentedAllowed) setValue('kind', 'consented');
  }, [allowed, kind, setValue]);
  const kindRefused = allowed !== null && kind === 'consented' && !allowed.includes('consented');
  const kindRefusal = kindRefused
    ? `この日付では${labels.consented}を開けません。種別を「${labels.unconsented}」に変えるか、日付を戻してください。`
    : undefined;

  // A 会次第 still at the other kind's default follows the kind: a 支援会議 has no 役割分担 item.
  useEffect(() => {
    const current = getValues('agenda');
    const other = defaultAgenda(kind === 'consented' ? 'unconsented' : 'consented', false);
    if (JSON.stringify(current) === JSON.stringify(other)) setValue('agenda', defaultAgenda(kind, false));
  }, [kind, getValues, setValue]);

  const isOutside = (agencyId: string) =>
    kind === 'consented' &&
    (refusedAgencies.has(agencyId) || outsideScope(household.consents, heldOn, agencyId));

  const mutation = useMutation({
    mutationFn: save,
    onError: (error) => {
      if (isCallError(error, 'OUT_OF_SCOPE')) {
        const ids = error.details.agencyIds;
        const refused = new Set(
          Array.isArray(ids) ? ids.filter((v): v is string => typeof v === 'string') : [],
        );
        setRefusedAgencies(refused);
        attendees.forEach((a, index) => {
          if (refused.has(a.agencyId) && a.scopeReason.trim() === '')
            setError(`attendees.${index}.scopeReason`, { type: 'server', message: '理由を入力してください' });
        });
        setFormError(error.message);
        return;
      }
      setFormError(
        applyCallError(error, setError, {
          fields,
          codes: { CONSENT_REQUIRED: 'kind', DUPLICATE_MEETING_NO: 'meetingNo' },
        }),
      );
    },
  });

  /** Rule 3 before sending: every agency outside the 範囲 carries its reason. */
  function missingScopeReasons(values: MeetingInput): boolean {
    let missing = false;
    values.attendees.forEach((a, index) => {
      if (isOutside(a.agencyId) && a.scopeReason.trim() === '') {
        setError(
          `attendees.${index}.scopeReason`,
          { type: 'required', message: '理由を入力してください' },
          { shouldFocus: !missing },
        );
        missing = true;
      }
    });
    return missing;
  }

  const agendaErrors = (errors.agenda as { message?: string }[] | undefined) ?? [];
  const handoutErrors = ((errors.handouts as { message?: string }[] | undefined) ?? []).map((e) =>
    e ? '空の資料名は削除してください' : undefined,
  );

  return (
    <Form
      className={styles.form}
      aria-label="会議の準備"
      onSubmit={handleSubmit(
        (values) => {
          setFormError(null);
          if (kindRefusal) {
            setError('kind', { type: 'required', message: kindRefusal });
            setFormError(kindRefusal);
            return;
          }
          if (missingScopeReasons(values)) {
            setFormError('本人同意の範囲に含まれない機関があります。出席させる理由を記録してください。');
            return;
          }
          const typed = getValues();
          mutation.mutate({ ...typed, noticeNumber: typed.noticeNumber?.trim() ? typed.noticeNumber : null });
        },
        () => setFormError(invalidFormMessage),
      )}
    >
      <fieldset className={styles.formSection}>
        <legend className={styles.formSectionTitle}>会議</legend>
        <div className={styles.formGrid}>
          <div className={fieldStyles.field}>
            <span className={fieldStyles.label}>世帯</span>
            <p className={styles.fixedValue}>
              <span className={meetingsStyles.caseno}>{household.caseNo}</span>
              {household.label}
            </p>
          </div>
          <TextField
            label="会議番号"
            required
            hint="書類のファイル名にも使います。"
            autoComplete="off"
            error={errors.meetingNo?.message}
            inputClassName={formStyles.inputMedium}
            {...register('meetingNo')}
          />
          <div>
            <DateField
              label="日付"
              required
              typed={heldOnText}
              error={errors.heldOn?.message}
              {...register('heldOn')}
            />
            {heldOn && check.data?.dateWarning && (
              <p className={styles.dateWarning} role="status">
                {check.data.dateWarning}
              </p>
            )}
          </div>
          <div className={styles.timeRow}>
            <TimeField
              label="開始時刻"
              hint="例：14:00"
              error={errors.startTime?.message}
              {...register('startTime')}
            />
            <TimeField
              label="終了時刻"
              hint="例：15:30"
              error={errors.endTime?.message}
              {...register('endTime')}
            />
          </div>
          <KindField
            field={register('kind')}
            allowed={allowed}
            reason={check.data?.reason ?? null}
            error={kindRefusal ?? errors.kind?.message}
            onChosen={() => {
              kindChosen.current = true;
            }}
          />
          <TextField
            label="場所"
            hint="例：市役所本庁舎 3階 第2会議室"
            autoComplete="off"
            error={errors.place?.message}
            {...register('place')}
          />
        </div>
      </fieldset>

      <fieldset className={styles.formSection}>
        <legend className={styles.formSectionTitle}>会次第・配布資料</legend>
        <div className={styles.formGrid}>
          <TextListEditor
            legend="会次第"
            hint="様式2に番号付きで載ります。Alt+↑／↓で並べ替えます。"
            values={agenda}
            onChange={(next) => setValue('agenda', next, { shouldDirty: true, shouldValidate: isSubmitted })}
            errors={agendaErrors.map((e) => e?.message)}
            itemName="議事"
            addLabel="議事を追加"
            max={30}
            numbered
          />
          <TextListEditor
            legend="その他の配布資料"
            hint="検討シートや家族構成図など、かさねで作る資料は様式2に自動で載ります。ここにはそれ以外の資料を追加します（会議の終了時に回収します）。"
            values={handouts}
            onChange={(next) =>
              setValue('handouts', next, { shouldDirty: true, shouldValidate: isSubmitted })
            }
            errors={handoutErrors}
            itemName="配布資料"
            addLabel="資料を追加"
            max={20}
          />
        </div>
      </fieldset>

      <fieldset className={styles.formSection}>
        <legend className={styles.formSectionTitle}>出席機関・出席者</legend>
        <AttendeesEditor
          control={control}
          register={register}
          setValue={setValue}
          errors={errors.attendees}
          agencies={agencies}
          isOutside={isOutside}
          consentedLabel={labels.consented}
        />
      </fieldset>

      <fieldset className={styles.formSection}>
        <legend className={styles.formSectionTitle}>開催通知（様式1）</legend>
        <div className={cx(styles.formGrid, styles.formGrid3)}>
          <NoticeNumberField
            field={register('noticeNumber')}
            error={errors.noticeNumber?.message}
            control={control}
          />
          <DateField
            label="発信日"
            required
            typed={issuedOn}
            error={errors.issuedOn?.message}
            {...register('issuedOn')}
          />
          <DateField
            label="回答期限"
            hint="空欄なら通知に載せません。例：令和6年4月1日"
            typed={replyBy}
            error={errors.replyBy?.message}
            {...register('replyBy')}
          />
        </div>
      </fieldset>

      {formError && <Notice tone="error">{formError}</Notice>}
      <div className={layoutStyles.actions}>
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>キャンセル</Button>
      </div>
    </Form>
  );
}
