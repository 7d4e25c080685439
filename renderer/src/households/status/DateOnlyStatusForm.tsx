import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { warekiInput } from '../../../../electron/domain/dates';
import { formatWarekiDate, officeDate } from '../../../../electron/domain/office-day';
import { statusChangeInputSchema } from '../../../../electron/ipc/schemas/households';
import { Button } from '../../ui/Button';
import { DateField } from '../../ui/DateField';
import { DialogActions } from '../../ui/Dialog';
import { Form } from '../../ui/Form';
import { applyCallError, invalidFormMessage } from '../../ui/formErrors';
import { ConfirmStep, useTwoSteps } from '../ConfirmStep';
import { FormErrorNotice } from '../FormErrorNotice';
import { useStatusChange } from './useStatusChange';

const [startSchema] = statusChangeInputSchema.options;
const schema = startSchema.pick({ on: true });
type Values = z.input<typeof schema>;
type Parsed = z.output<typeof schema>;

const wording = {
  start: { form: '支援開始の記録', dateLabel: '支援開始日', submit: '支援を開始する', question: null },
  reopen: {
    form: '再開の記録',
    dateLabel: '再開日',
    submit: '次へ',
    question: '終結した世帯の支援を再開してよろしいですか。',
  },
} as const;

interface DateOnlyStatusFormProps {
  householdId: string;
  action: 'start' | 'reopen';
  onCancel: () => void;
  onDone: () => void;
}

/** 支援開始 (one step) and 再開 (asks once more): a date, nothing else. */
export function DateOnlyStatusForm({ householdId, action, onCancel, onDone }: DateOnlyStatusFormProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, setFocus, control, formState } = useForm<Values, unknown, Parsed>(
    {
      resolver: zodResolver(schema),
      defaultValues: { on: warekiInput(officeDate(new Date())) },
    },
  );
  const on = useWatch({ control, name: 'on' });
  const steps = useTwoSteps<Parsed, 'on'>(setFocus, 'on');
  const change = useStatusChange(onDone, (error) => {
    steps.back();
    setFormError(applyCallError(error, setError, { fields: ['on'] }));
  });
  const text = wording[action];

  if (steps.confirming) {
    const values = steps.confirming;
    return (
      <ConfirmStep
        question={text.question ?? ''}
        confirmLabel="再開する"
        busy={change.isPending}
        onConfirm={() => change.mutate({ householdId, action, on: values.on })}
        onBack={steps.back}
      >
        <p>{formatWarekiDate(values.on)}から「支援中」に戻します。終結の記録は経過に残ります。</p>
      </ConfirmStep>
    );
  }

  return (
    <Form
      aria-label={text.form}
      onSubmit={handleSubmit(
        (values) => {
          setFormError(null);
          if (text.question) steps.confirm(values);
          else change.mutate({ householdId, action, on: values.on });
        },
        () => setFormError(invalidFormMessage),
      )}
    >
      <DateField
        label={text.dateLabel}
        required
        typed={on}
        error={formState.errors.on?.message}
        data-autofocus
        {...register('on')}
      />
      <FormErrorNotice message={formError} errors={formState.errors} />
      <DialogActions>
        <Button type="submit" variant="primary" busy={change.isPending}>
          {text.submit}
        </Button>
        <Button onClick={onCancel}>キャンセル</Button>
      </DialogActions>
    </Form>
  );
}
