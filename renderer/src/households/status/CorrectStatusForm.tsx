import { useId } from 'react';
import { useWatch } from 'react-hook-form';
import { warekiInput } from '../../../../electron/domain/dates';
import { statusActionLabels } from '../../../../electron/domain/status-history';
import {
  closeReasons,
  type StatusChangeRecord,
  statusChangeCorrectionInputSchema,
} from '../../../../electron/ipc/schemas/households';
import { call } from '../../api';
import { DateField } from '../../ui/DateField';
import { describedBy, FieldFrame } from '../../ui/Field';
import fieldStyles from '../../ui/Field.module.css';
import { Form } from '../../ui/Form';
import { CorrectionActions, useRecordForm } from '../recordForm';

/** 訂正 of a 支援開始, 終結 or 再開: its date (and 終結理由), with why; it keeps its place in the history. */
export function CorrectStatusForm({
  change,
  onCancel,
  onDone,
}: {
  change: StatusChangeRecord;
  onCancel: () => void;
  onDone: () => void;
}) {
  const closeReasonId = useId();
  const label = statusActionLabels[change.action];
  const { form, formError, onSubmit, busy } = useRecordForm({
    schema: statusChangeCorrectionInputSchema,
    defaultValues: {
      id: change.id,
      on: warekiInput(change.on),
      ...(change.action === 'close' && change.closeReason
        ? { closeReason: change.closeReason as (typeof closeReasons)[number] }
        : {}),
      reason: '',
    },
    fields: ['on', 'closeReason', 'reason'],
    save: (values) => call('households.correctStatusChange', values),
    onSaved: onDone,
  });
  const { register, control, formState } = form;
  const { errors } = formState;
  const on = useWatch({ control, name: 'on' });
  return (
    <Form aria-label={`${label}の訂正`} onSubmit={onSubmit}>
      <DateField
        label={`${label}日`}
        required
        typed={on}
        error={errors.on?.message}
        data-autofocus
        {...register('on')}
      />
      {change.action === 'close' && (
        <FieldFrame id={closeReasonId} label="終結理由" error={errors.closeReason?.message}>
          <select
            id={closeReasonId}
            className={fieldStyles.select}
            aria-describedby={describedBy(closeReasonId, false, errors.closeReason)}
            {...register('closeReason')}
          >
            {closeReasons.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </FieldFrame>
      )}
      <CorrectionActions
        reasonField={register('reason')}
        hint="理由は履歴に残ります。"
        formError={formError}
        errors={errors}
        busy={busy}
        onCancel={onCancel}
      />
    </Form>
  );
}
