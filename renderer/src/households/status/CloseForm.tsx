import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { type FieldErrors, type UseFormRegister, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { warekiInput } from '../../../../electron/domain/dates';
import { achievementLabels, achievementSchema } from '../../../../electron/domain/monitoring';
import { formatWarekiDate, officeDate } from '../../../../electron/domain/office-day';
import { closeReasons, statusChangeInputSchema } from '../../../../electron/ipc/schemas/households';
import { call, errorMessage } from '../../api';
import { read } from '../../queries';
import { cx } from '../../ui/cx';
import { DateField } from '../../ui/DateField';
import { DialogBody } from '../../ui/Dialog';
import { describedBy, FieldFrame } from '../../ui/Field';
import fieldStyles from '../../ui/Field.module.css';
import { Form } from '../../ui/Form';
import { Notice } from '../../ui/Notice';
import { ConfirmStep } from '../ConfirmStep';
import { RecordFormActions, useRecordForm } from '../recordForm';
import styles from './CloseForm.module.css';

const [, closeSchema] = statusChangeInputSchema.options;
const schema = closeSchema.pick({ on: true, reason: true, handoverAgencyId: true, evaluation: true });
type Values = z.input<typeof schema>;
const handBack = '包括的相談支援事業へ戻す';
const achievements = achievementSchema.options;
/** Blank until the coordinator chooses; the schema refuses it with 「達成状況を選んでください」. */
const unchosen = '' as z.input<typeof achievementSchema>;
type Draft = { planRowId: string; heading: string; goal: string; progress: string };

interface CloseFormProps {
  householdId: string;
  onCancel: () => void;
  onDone: () => void;
}

/**
 * 終結 (rule 20): 終結日 and 終結理由; with a plan, how far each row's 目標 was reached (評価); the
 * 引継ぎ先 when the case goes back to 包括的相談支援事業. Then 「終結してよろしいですか」.
 */
export function CloseForm(props: CloseFormProps) {
  const draft = useQuery(read('evaluations.draft', { householdId: props.householdId }));
  const agencies = useQuery(read('agencies.list', { includeRetired: false }));
  if (draft.isError) return <Notice tone="error">{errorMessage(draft.error)}</Notice>;
  if (!draft.data || !agencies.data) return <p className="muted">支援プランを確かめています…</p>;
  return (
    <CloseFormFields
      {...props}
      rows={draft.data.rows}
      meetingNo={draft.data.meetingNo}
      agencies={agencies.data.map((a) => ({ id: a.id, name: a.name }))}
    />
  );
}

function CloseFormFields({
  householdId,
  onCancel,
  onDone,
  rows,
  meetingNo,
  agencies,
}: CloseFormProps & { rows: Draft[]; meetingNo: string | null; agencies: { id: string; name: string }[] }) {
  const reasonId = useId();
  const handoverId = useId();
  const close = useRecordForm({
    schema,
    defaultValues: {
      on: warekiInput(officeDate(new Date())),
      handoverAgencyId: null,
      evaluation: rows.map((r) => ({
        planRowId: r.planRowId,
        achievement: unchosen,
        comment: '',
      })),
    },
    fields: ['on', 'reason', 'handoverAgencyId'],
    save: (values) =>
      call('households.changeStatus', {
        householdId,
        action: 'close',
        ...values,
        handoverAgencyId: values.reason === handBack ? (values.handoverAgencyId ?? null) : null,
      }),
    onSaved: onDone,
    confirmFirst: () => true,
  });
  const { register, control, formState } = close.form;
  const { errors } = formState;
  const on = useWatch({ control, name: 'on' });
  const reason = useWatch({ control, name: 'reason' });

  if (close.confirming) {
    const values = close.confirming;
    return (
      <ConfirmStep
        question="終結してよろしいですか"
        confirmLabel="終結する"
        busy={close.busy}
        onConfirm={close.saveConfirmed}
        onBack={close.back}
      >
        <dl className={styles.confirmFacts}>
          <dt>終結日</dt>
          <dd>{formatWarekiDate(values.on)}</dd>
          <dt>終結理由</dt>
          <dd>{values.reason}</dd>
          {values.reason === handBack && (
            <>
              <dt>引継ぎ先</dt>
              <dd>{agencies.find((a) => a.id === values.handoverAgencyId)?.name ?? ''}</dd>
            </>
          )}
          {rows.map((r, i) => {
            const achievement = values.evaluation?.[i]?.achievement;
            return (
              <div key={r.planRowId} className={styles.confirmRow}>
                <dt>{r.heading}</dt>
                <dd>{achievement ? achievementLabels[achievement] : ''}</dd>
              </div>
            );
          })}
        </dl>
        <p className="muted small">終結した世帯は、あとから「再開」で支援中に戻せます。</p>
      </ConfirmStep>
    );
  }

  return (
    <Form aria-label="終結の記録" onSubmit={close.onSubmit}>
      <DateField
        label="終結日"
        required
        typed={on}
        error={errors.on?.message}
        data-autofocus
        {...register('on')}
      />
      <FieldFrame id={reasonId} label="終結理由" required error={errors.reason?.message}>
        <select
          id={reasonId}
          className={cx(fieldStyles.select, styles.selectNarrow)}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={describedBy(reasonId, false, errors.reason)}
          {...register('reason')}
        >
          <option value="">選んでください</option>
          {closeReasons.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </FieldFrame>
      {reason === handBack && (
        <FieldFrame id={handoverId} label="引継ぎ先" required error={errors.handoverAgencyId?.message}>
          <select
            id={handoverId}
            className={cx(fieldStyles.select, styles.selectNarrow)}
            aria-invalid={errors.handoverAgencyId ? true : undefined}
            aria-describedby={describedBy(handoverId, false, errors.handoverAgencyId)}
            {...register('handoverAgencyId', { setValueAs: (v: string) => (v === '' ? null : v) })}
          >
            <option value="">選んでください</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </FieldFrame>
      )}
      {rows.length > 0 && (
        <DialogBody scroll>
          <fieldset className={styles.evaluation}>
            <legend>評価（{meetingNo}の支援プラン）</legend>
            {rows.map((r, i) => (
              <EvaluationRow key={r.planRowId} row={r} index={i} register={register} errors={errors} />
            ))}
          </fieldset>
        </DialogBody>
      )}
      <RecordFormActions formError={close.formError} errors={errors} submitLabel="次へ" onCancel={onCancel} />
    </Form>
  );
}

function EvaluationRow({
  row,
  index,
  register,
  errors,
}: {
  row: Draft;
  index: number;
  register: UseFormRegister<Values>;
  errors: FieldErrors<Values>;
}) {
  const id = useId();
  const error = errors.evaluation?.[index]?.achievement;
  return (
    <div className={styles.evaluationRow}>
      <p className={styles.evaluationHeading}>{row.heading}</p>
      <p className="small">目標：{row.goal || '（記載なし）'}</p>
      {row.progress && <p className={cx('muted small', styles.evaluationProgress)}>{row.progress}</p>}
      <FieldFrame id={`${id}-a`} label={`${row.heading} の達成状況`} required error={error?.message}>
        <select
          id={`${id}-a`}
          className={cx(fieldStyles.select, styles.selectNarrow)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(`${id}-a`, false, error)}
          {...register(`evaluation.${index}.achievement`)}
        >
          <option value="">選んでください</option>
          {achievements.map((a) => (
            <option key={a} value={a}>
              {achievementLabels[a]}
            </option>
          ))}
        </select>
      </FieldFrame>
      <FieldFrame id={`${id}-c`} label={`${row.heading} のコメント`}>
        <textarea
          id={`${id}-c`}
          className={fieldStyles.textarea}
          rows={2}
          {...register(`evaluation.${index}.comment`)}
        />
      </FieldFrame>
    </div>
  );
}
