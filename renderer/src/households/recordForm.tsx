import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type UseFormRegisterReturn,
  useForm,
} from 'react-hook-form';
import type { z } from 'zod';
import { householdReads, refresh } from '../queries';
import { Button } from '../ui/Button';
import { DialogActions } from '../ui/Dialog';
import { applyCallError, invalidFormMessage } from '../ui/formErrors';
import { TextAreaField } from '../ui/TextAreaField';
import { useTwoSteps } from './ConfirmStep';
import { FormErrorNotice } from './FormErrorNotice';

interface RecordFormOptions<V extends FieldValues, P> {
  /** The contract's schema (or the form's part of it): the same errors here as in main. */
  schema: z.ZodType<P, V>;
  defaultValues: DefaultValues<V>;
  /** Every field, first the one focus returns to: main's refusals are placed by these names. */
  fields: readonly [Path<V>, ...Path<V>[]];
  save: (values: P) => Promise<unknown>;
  onSaved: () => void;
  /** Values that need 「よろしいですか」 first (a 撤回, a 終結, a 再開) stop at `confirming`. */
  confirmFirst?: (values: P) => boolean;
}

/**
 * A form that records something about a household: checked by the schema, saved, then every
 * household read is fetched again; a refusal from main goes back to the form, next to its field.
 */
export function useRecordForm<V extends FieldValues, P>({
  schema,
  defaultValues,
  fields,
  save,
  onSaved,
  confirmFirst = () => false,
}: RecordFormOptions<V, P>) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<V, unknown, P>({ resolver: zodResolver(schema), defaultValues });
  const steps = useTwoSteps<P, Path<V>>(form.setFocus, fields[0]);
  const saving = useMutation({
    mutationFn: save,
    onSuccess: async () => {
      await refresh(queryClient, householdReads);
      onSaved();
    },
    onError: (error) => {
      if (steps.confirming) steps.back();
      setFormError(applyCallError(error, form.setError, { fields }));
    },
  });
  const onSubmit = form.handleSubmit(
    (values) => {
      setFormError(null);
      if (confirmFirst(values)) steps.confirm(values);
      else saving.mutate(values);
    },
    () => setFormError(invalidFormMessage),
  );
  return {
    form,
    formError,
    onSubmit,
    busy: saving.isPending,
    /** The checked values waiting for 「よろしいですか」, or null while the form is shown. */
    confirming: steps.confirming,
    saveConfirmed: () => {
      if (steps.confirming) saving.mutate(steps.confirming);
    },
    back: steps.back,
  };
}

/** A dialog form's foot: what went wrong, then the primary button and キャンセル. */
export function RecordFormActions<V extends FieldValues>({
  formError,
  errors,
  submitLabel,
  busy = false,
  onCancel,
}: {
  formError: string | null;
  errors: FieldErrors<V>;
  submitLabel: string;
  busy?: boolean;
  onCancel: () => void;
}) {
  return (
    <>
      <FormErrorNotice message={formError} errors={errors} />
      <DialogActions>
        <Button type="submit" variant="primary" busy={busy}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>キャンセル</Button>
      </DialogActions>
    </>
  );
}

/** The foot of a 訂正 (rule 18): why it is corrected (kept in the history), then 「訂正を保存」. */
export function CorrectionActions<V extends FieldValues>({
  reasonField,
  hint,
  ...actions
}: Omit<Parameters<typeof RecordFormActions<V>>[0], 'submitLabel'> & {
  reasonField: UseFormRegisterReturn<'reason'>;
  hint: string;
}) {
  return (
    <>
      <TextAreaField
        label="訂正の理由"
        required
        rows={2}
        hint={hint}
        error={actions.errors.reason?.message?.toString()}
        {...reasonField}
      />
      <RecordFormActions {...actions} submitLabel="訂正を保存" />
    </>
  );
}
