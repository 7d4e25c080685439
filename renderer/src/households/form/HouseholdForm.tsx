import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Controller, type Path, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import type { Agency } from '../../../../electron/ipc/schemas/agencies';
import { type HouseholdInput, householdInputSchema } from '../../../../electron/ipc/schemas/households';
import { AgencyOptions } from '../../agencies/AgencyOptions';
import { useDraftKeptOverLock } from '../../shell/keptDraft';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { DateField } from '../../ui/DateField';
import { describedBy, FieldFrame, TextField } from '../../ui/Field';
import fieldStyles from '../../ui/Field.module.css';
import { Form } from '../../ui/Form';
import { applyCallError, invalidFormMessage } from '../../ui/formErrors';
import layoutStyles from '../../ui/layout.module.css';
import { TagPicker } from '../../ui/TagPicker';
import { TextAreaField } from '../../ui/TextAreaField';
import { FormErrorNotice } from '../FormErrorNotice';
import householdsStyles from '../households.module.css';
import styles from './HouseholdForm.module.css';

export type HouseholdFormValues = z.input<typeof householdInputSchema>;

const fields: readonly Path<HouseholdFormValues>[] = [
  'caseNo',
  'receivedOn',
  'label',
  'referralAgencyId',
  'issues',
  'note',
];

interface HouseholdFormProps {
  initial: HouseholdFormValues;
  /** Loaded before the form mounts, so the selects show the saved choice from the start. */
  agencies: readonly Agency[];
  issueTags: readonly { name: string; retired: boolean }[];
  submitLabel: string;
  /** Saves through the contract and moves on; a refusal must carry paths relative to this form. */
  save: (values: HouseholdInput) => Promise<void>;
  onCancel: () => void;
}

/** 受付番号, 受付日, 表示名, 相談経路, 課題, 備考 — validated by the contract's schema, here and in main. */
export function HouseholdForm({
  initial,
  agencies,
  issueTags,
  submitLabel,
  save,
  onCancel,
}: HouseholdFormProps) {
  const referralId = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, getValues, reset, setError, setFocus, control, formState } = useForm<
    HouseholdFormValues,
    unknown,
    HouseholdInput
  >({ resolver: zodResolver(householdInputSchema), defaultValues: initial });
  const { errors, isDirty } = formState;
  const receivedOn = useWatch({ control, name: 'receivedOn' });
  useDraftKeptOverLock('household', { isDirty, getValues, reset });

  useEffect(() => setFocus('caseNo'), [setFocus]);

  const mutation = useMutation({
    mutationFn: save,
    onError: (error) =>
      setFormError(
        applyCallError(error, setError, {
          fields,
          codes: { DUPLICATE_CASE_NO: 'caseNo', UNKNOWN_ISSUE: 'issues' },
        }),
      ),
  });

  const retiredTags = new Set(issueTags.filter((t) => t.retired).map((t) => t.name));

  return (
    <Form
      aria-label="世帯の基本情報"
      onSubmit={handleSubmit(
        (values) => {
          setFormError(null);
          mutation.mutate(values);
        },
        () => setFormError(invalidFormMessage),
      )}
    >
      <div className={householdsStyles.formGrid}>
        <TextField
          label="受付番号"
          required
          autoComplete="off"
          hint="例：R6-001（空白は使えません）"
          inputClassName={cx(fieldStyles.code, styles.inputCaseNo)}
          error={errors.caseNo?.message}
          {...register('caseNo')}
        />
        <DateField
          label="受付日"
          required
          typed={receivedOn}
          error={errors.receivedOn?.message}
          {...register('receivedOn')}
        />
        <TextField
          label="表示名"
          required
          autoComplete="off"
          hint="一覧や会議で世帯を呼ぶ名前です（例：山田さん世帯）。"
          error={errors.label?.message}
          {...register('label')}
        />
        <FieldFrame
          id={referralId}
          label="相談経路"
          hint="この世帯をつないだ機関です。直接の相談なら「なし」。"
          error={errors.referralAgencyId?.message}
        >
          <select
            id={referralId}
            className={fieldStyles.select}
            aria-describedby={describedBy(referralId, true, errors.referralAgencyId)}
            {...register('referralAgencyId', { setValueAs: (v: string | null) => (v ? v : null) })}
          >
            <option value="">なし</option>
            <AgencyOptions agencies={agencies} keep={initial.referralAgencyId} />
          </select>
        </FieldFrame>
      </div>
      <Controller
        control={control}
        name="issues"
        render={({ field }) => (
          <TagPicker
            legend="課題"
            hint="当てはまるものをすべて選びます（複数可）。"
            options={issueTags.map((t) => t.name)}
            retired={retiredTags}
            value={field.value}
            onChange={field.onChange}
            error={errors.issues?.message}
          />
        )}
      />
      <TextAreaField
        label="備考"
        rows={4}
        hint="受付時の状況など。5,000文字まで。"
        error={errors.note?.message}
        {...register('note')}
      />
      <FormErrorNotice message={formError} errors={errors} />
      <div className={layoutStyles.actions}>
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>キャンセル</Button>
      </div>
    </Form>
  );
}
