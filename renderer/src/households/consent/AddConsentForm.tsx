import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Controller, type Path, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { warekiInput } from '../../../../electron/domain/dates';
import { officeDate } from '../../../../electron/domain/office-day';
import type { Agency } from '../../../../electron/ipc/schemas/agencies';
import { consentInputSchema } from '../../../../electron/ipc/schemas/households';
import { call } from '../../api';
import { householdReads, refresh } from '../../queries';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { DateField } from '../../ui/DateField';
import { DialogActions } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';
import fieldStyles from '../../ui/Field.module.css';
import { Form } from '../../ui/Form';
import { applyCallError, invalidFormMessage } from '../../ui/formErrors';
import { FormErrorNotice } from '../FormErrorNotice';
import householdsStyles from '../households.module.css';
import consentStyles from './consent.module.css';
import { ScopePicker } from './ScopePicker';

// The contract's schema, plus the service's rule that a consent names its 範囲, checked before sending.
const schema = consentInputSchema
  .omit({ householdId: true })
  .refine((v) => v.allAgencies === true || (v.agencyIds?.length ?? 0) > 0, {
    message: '情報を共有してよい機関を選ぶか、「出席する全機関」を選んでください。',
    path: ['agencyIds'],
    // Shown together with the other fields' errors, not only once they are all right.
    when: () => true,
  });
type Values = z.input<typeof schema>;
type Parsed = z.output<typeof schema>;
const fields: readonly Path<Values>[] = ['obtainedOn', 'method', 'obtainedBy', 'allAgencies', 'agencyIds'];

interface AddConsentFormProps {
  householdId: string;
  agencies: readonly Agency[];
  onCancel: () => void;
  onSaved: () => void;
}

/** 取得日, 方法 (書面/口頭), 取得者, 範囲 (agencies, or 出席する全機関). */
export function AddConsentForm({ householdId, agencies, onCancel, onSaved }: AddConsentFormProps) {
  const queryClient = useQueryClient();
  const methodId = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, control, formState } = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(schema),
    defaultValues: {
      obtainedOn: warekiInput(officeDate(new Date())),
      obtainedBy: '',
      allAgencies: false,
      agencyIds: [],
    },
  });
  const { errors } = formState;
  const obtainedOn = useWatch({ control, name: 'obtainedOn' });
  const allAgencies = useWatch({ control, name: 'allAgencies' });

  const add = useMutation({
    mutationFn: (values: Parsed) => call('consents.add', { householdId, ...values }),
    onSuccess: async () => {
      await refresh(queryClient, householdReads);
      onSaved();
    },
    onError: (error) => setFormError(applyCallError(error, setError, { fields })),
  });

  return (
    <Form
      aria-label="本人同意の記録"
      onSubmit={handleSubmit(
        (values) => {
          setFormError(null);
          add.mutate(values);
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
          required
          autoComplete="off"
          hint="同意を得た人（例：地域包括支援センター 佐藤）"
          error={errors.obtainedBy?.message}
          {...register('obtainedBy')}
        />
      </div>
      <fieldset
        className={fieldStyles.group}
        aria-describedby={errors.method ? `${methodId}-error` : undefined}
      >
        <legend>
          方法<span className={cx(fieldStyles.required, consentStyles.legendRequired)}>必須</span>
        </legend>
        <label className={fieldStyles.choice}>
          <input type="radio" value="written" {...register('method')} />
          書面
        </label>
        <label className={fieldStyles.choice}>
          <input type="radio" value="oral" {...register('method')} />
          口頭
        </label>
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
      <FormErrorNotice message={formError} errors={errors} />
      <DialogActions>
        <Button type="submit" variant="primary" busy={add.isPending}>
          記録する
        </Button>
        <Button onClick={onCancel}>キャンセル</Button>
      </DialogActions>
    </Form>
  );
}
