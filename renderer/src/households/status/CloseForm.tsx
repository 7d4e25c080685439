import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { type Path, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { warekiInput } from '../../../../electron/domain/dates';
import { formatWarekiDate, officeDate } from '../../../../electron/domain/office-day';
import { closeReasons, statusChangeInputSchema } from '../../../../electron/ipc/schemas/households';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { DateField } from '../../ui/DateField';
import { DialogActions } from '../../ui/Dialog';
import { describedBy, FieldFrame } from '../../ui/Field';
import fieldStyles from '../../ui/Field.module.css';
import { Form } from '../../ui/Form';
import { applyCallError, invalidFormMessage } from '../../ui/formErrors';
import { ConfirmStep, useTwoSteps } from '../ConfirmStep';
import { FormErrorNotice } from '../FormErrorNotice';
import styles from './CloseForm.module.css';
import { useStatusChange } from './useStatusChange';

const [, closeSchema] = statusChangeInputSchema.options;
const schema = closeSchema.pick({ on: true, reason: true });
type Values = z.input<typeof schema>;
type Parsed = z.output<typeof schema>;
const fields: readonly Path<Values>[] = ['on', 'reason'];

interface CloseFormProps {
  householdId: string;
  onCancel: () => void;
  onDone: () => void;
}

/** 終結: 終結日 and 終結理由, then 「終結してよろしいですか」. */
export function CloseForm({ householdId, onCancel, onDone }: CloseFormProps) {
  const reasonId = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, setFocus, control, formState } = useForm<Values, unknown, Parsed>(
    {
      resolver: zodResolver(schema),
      defaultValues: { on: warekiInput(officeDate(new Date())) },
    },
  );
  const { errors } = formState;
  const on = useWatch({ control, name: 'on' });
  const steps = useTwoSteps<Parsed, Path<Values>>(setFocus, 'on');
  const change = useStatusChange(onDone, (error) => {
    steps.back();
    setFormError(applyCallError(error, setError, { fields }));
  });

  if (steps.confirming) {
    const values = steps.confirming;
    return (
      <ConfirmStep
        question="終結してよろしいですか"
        confirmLabel="終結する"
        busy={change.isPending}
        onConfirm={() => change.mutate({ householdId, action: 'close', ...values })}
        onBack={steps.back}
      >
        <dl className={styles.confirmFacts}>
          <dt>終結日</dt>
          <dd>{formatWarekiDate(values.on)}</dd>
          <dt>終結理由</dt>
          <dd>{values.reason}</dd>
        </dl>
        <p className="muted small">終結した世帯は、あとから「再開」で支援中に戻せます。</p>
      </ConfirmStep>
    );
  }

  return (
    <Form
      aria-label="終結の記録"
      onSubmit={handleSubmit(
        (values) => {
          setFormError(null);
          steps.confirm(values);
        },
        () => setFormError(invalidFormMessage),
      )}
    >
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
      <FormErrorNotice message={formError} errors={errors} />
      <DialogActions>
        <Button type="submit" variant="primary">
          次へ
        </Button>
        <Button onClick={onCancel}>キャンセル</Button>
      </DialogActions>
    </Form>
  );
}
