import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { type Path, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { warekiInput } from '../../../../electron/domain/dates';
import { statusActionLabels } from '../../../../electron/domain/status-history';
import {
  closeReasons,
  type StatusChangeRecord,
  statusChangeCorrectionInputSchema,
} from '../../../../electron/ipc/schemas/households';
import { call } from '../../api';
import { householdReads, refresh } from '../../queries';
import { Button } from '../../ui/Button';
import { DateField } from '../../ui/DateField';
import { DialogActions } from '../../ui/Dialog';
import { describedBy, FieldFrame } from '../../ui/Field';
import fieldStyles from '../../ui/Field.module.css';
import { Form } from '../../ui/Form';
import { applyCallError, invalidFormMessage } from '../../ui/formErrors';
import { TextAreaField } from '../../ui/TextAreaField';
import { FormErrorNotice } from '../FormErrorNotice';

const schema = statusChangeCorrectionInputSchema;
type Values = z.input<typeof schema>;
type Parsed = z.output<typeof schema>;
const fields: readonly Path<Values>[] = ['on', 'closeReason', 'reason'];

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
  const queryClient = useQueryClient();
  const closeReasonId = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const label = statusActionLabels[change.action];
  const { register, handleSubmit, setError, control, formState } = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(schema),
    defaultValues: {
      id: change.id,
      on: warekiInput(change.on),
      ...(change.action === 'close' && change.closeReason
        ? { closeReason: change.closeReason as Values['closeReason'] }
        : {}),
      reason: '',
    },
  });
  const { errors } = formState;
  const on = useWatch({ control, name: 'on' });
  const save = useMutation({
    mutationFn: (values: Parsed) => call('households.correctStatusChange', values),
    onSuccess: async () => {
      await refresh(queryClient, householdReads);
      onDone();
    },
    onError: (error) => setFormError(applyCallError(error, setError, { fields })),
  });
  return (
    <Form
      aria-label={`${label}の訂正`}
      onSubmit={handleSubmit(
        (values) => {
          setFormError(null);
          save.mutate(values);
        },
        () => setFormError(invalidFormMessage),
      )}
    >
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
      <TextAreaField
        label="訂正の理由"
        required
        rows={2}
        hint="理由は履歴に残ります。"
        error={errors.reason?.message}
        {...register('reason')}
      />
      <FormErrorNotice message={formError} errors={errors} />
      <DialogActions>
        <Button type="submit" variant="primary" busy={save.isPending}>
          訂正を保存
        </Button>
        <Button onClick={onCancel}>キャンセル</Button>
      </DialogActions>
    </Form>
  );
}
