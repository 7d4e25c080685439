import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Controller, type Path, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { warekiInput } from '../../../../electron/domain/dates';
import type { Agency } from '../../../../electron/ipc/schemas/agencies';
import {
  type ConsentRecord,
  consentCorrectionInputSchema,
} from '../../../../electron/ipc/schemas/households';
import { call } from '../../api';
import { householdReads, refresh } from '../../queries';
import { Button } from '../../ui/Button';
import { DateField } from '../../ui/DateField';
import { DialogActions } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';
import fieldStyles from '../../ui/Field.module.css';
import { Form } from '../../ui/Form';
import { applyCallError, invalidFormMessage } from '../../ui/formErrors';
import { TextAreaField } from '../../ui/TextAreaField';
import { FormErrorNotice } from '../FormErrorNotice';
import householdsStyles from '../households.module.css';
import { ScopePicker } from './ScopePicker';

const schema = consentCorrectionInputSchema;
type Values = z.input<typeof schema>;
type Parsed = z.output<typeof schema>;
const fields: readonly Path<Values>[] = [
  'obtainedOn',
  'method',
  'obtainedBy',
  'allAgencies',
  'agencyIds',
  'withdrawnOn',
  'withdrawReason',
  'reason',
];

interface CorrectConsentFormProps {
  record: ConsentRecord;
  agencies: readonly Agency[];
  onCancel: () => void;
  onSaved: () => void;
}

/** 訂正 (rule 18): the record's facts as they should have been, and why; the earlier version stays. */
export function CorrectConsentForm({ record, agencies, onCancel, onSaved }: CorrectConsentFormProps) {
  const queryClient = useQueryClient();
  const methodId = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, control, formState } = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(schema),
    defaultValues: {
      consentId: record.id,
      obtainedOn: warekiInput(record.obtainedOn),
      method: record.method,
      obtainedBy: record.obtainedBy,
      allAgencies: record.allAgencies,
      agencyIds: record.agencyIds,
      withdrawnOn: warekiInput(record.withdrawnOn),
      withdrawReason: record.withdrawReason ?? '',
      reason: '',
    },
  });
  const { errors } = formState;
  const obtainedOn = useWatch({ control, name: 'obtainedOn' });
  const withdrawnOn = useWatch({ control, name: 'withdrawnOn' });
  const allAgencies = useWatch({ control, name: 'allAgencies' });

  const save = useMutation({
    mutationFn: (values: Parsed) => call('consents.correct', values),
    onSuccess: async () => {
      await refresh(queryClient, householdReads);
      onSaved();
    },
    onError: (error) => setFormError(applyCallError(error, setError, { fields })),
  });

  return (
    <Form
      aria-label="本人同意の記録の訂正"
      onSubmit={handleSubmit(
        (values) => {
          setFormError(null);
          save.mutate(values);
        },
        () => setFormError(invalidFormMessage),
      )}
    >
      <div className={householdsStyles.formGrid}>
        <DateField
          label="取得日"
          required
          typed={obtainedOn}
          error={errors.obtainedOn?.message}
          data-autofocus
          {...register('obtainedOn')}
        />
        <TextField
          label="取得者"
          autoComplete="off"
          error={errors.obtainedBy?.message}
          {...register('obtainedBy')}
        />
      </div>
      <fieldset
        className={fieldStyles.group}
        aria-describedby={errors.method ? `${methodId}-error` : undefined}
      >
        <legend>方法</legend>
        <label className={fieldStyles.choice}>
          <input type="radio" value="written" {...register('method')} />
          書面
        </label>
        <label className={fieldStyles.choice}>
          <input type="radio" value="oral" {...register('method')} />
          口頭
        </label>
        {record.method === 'unknown' && (
          <label className={fieldStyles.choice}>
            <input type="radio" value="unknown" {...register('method')} />
            不明（移行データ）
          </label>
        )}
        {errors.method && (
          <p className={fieldStyles.error} id={`${methodId}-error`}>
            {errors.method.message}
          </p>
        )}
      </fieldset>
      <Controller
        control={control}
        name="agencyIds"
        render={({ field }) => (
          <ScopePicker
            agencies={agencies}
            allAgencies={allAgencies}
            allAgenciesField={register('allAgencies')}
            value={field.value}
            onChange={field.onChange}
            error={errors.agencyIds?.message}
          />
        )}
      />
      {record.withdrawnOn && (
        <div className={householdsStyles.formGrid}>
          <DateField
            label="撤回日"
            typed={withdrawnOn ?? ''}
            hint="空欄にすると、撤回の記録を取り消します。"
            error={errors.withdrawnOn?.message}
            {...register('withdrawnOn')}
          />
          <TextField
            label="撤回の理由"
            error={errors.withdrawReason?.message}
            {...register('withdrawReason')}
          />
        </div>
      )}
      <TextAreaField
        label="訂正の理由"
        required
        rows={2}
        hint="例：取得日を令和9年と書き誤った。理由は履歴に残ります。"
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
