import { useWatch } from 'react-hook-form';
import { warekiInput } from '../../../../electron/domain/dates';
import { formatWarekiDate, officeDate } from '../../../../electron/domain/office-day';
import { statusChangeInputSchema } from '../../../../electron/ipc/schemas/households';
import { call } from '../../api';
import { DateField } from '../../ui/DateField';
import { Form } from '../../ui/Form';
import { ConfirmStep } from '../ConfirmStep';
import { RecordFormActions, useRecordForm } from '../recordForm';

const [startSchema] = statusChangeInputSchema.options;

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
  const text = wording[action];
  const change = useRecordForm({
    schema: startSchema.pick({ on: true }),
    defaultValues: { on: warekiInput(officeDate(new Date())) },
    fields: ['on'],
    save: ({ on }) => call('households.changeStatus', { householdId, action, on }),
    onSaved: onDone,
    confirmFirst: () => text.question !== null,
  });
  const { register, control, formState } = change.form;
  const on = useWatch({ control, name: 'on' });

  if (change.confirming) {
    return (
      <ConfirmStep
        question={text.question ?? ''}
        confirmLabel="再開する"
        busy={change.busy}
        onConfirm={change.saveConfirmed}
        onBack={change.back}
      >
        <p>{formatWarekiDate(change.confirming.on)}から「支援中」に戻します。終結の記録は経過に残ります。</p>
      </ConfirmStep>
    );
  }

  return (
    <Form aria-label={text.form} onSubmit={change.onSubmit}>
      <DateField
        label={text.dateLabel}
        required
        typed={on}
        error={formState.errors.on?.message}
        data-autofocus
        {...register('on')}
      />
      <RecordFormActions
        formError={change.formError}
        errors={formState.errors}
        submitLabel={text.submit}
        busy={change.busy}
        onCancel={onCancel}
      />
    </Form>
  );
}
