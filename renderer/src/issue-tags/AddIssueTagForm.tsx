import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { contract } from '../../../electron/ipc/contract';
import { call } from '../api';
import { refresh } from '../queries';
import { useUnsavedChanges } from '../shell/unsavedChanges';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { Form } from '../ui/Form';
import { applyCallError } from '../ui/formErrors';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';

const schema = contract['issueTags.add'].input;
type Values = z.input<typeof schema>;
type Parsed = z.output<typeof schema>;
const empty: Values = { name: '' };

/** A new 課題 for the office's list; the name is trimmed, and a name already in use is refused. */
export function AddIssueTagForm({ onAdded }: { onAdded: (name: string) => void }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(schema),
    defaultValues: empty,
  });
  const { errors, isDirty } = formState;
  useUnsavedChanges(isDirty);

  const add = useMutation({
    mutationFn: (values: Parsed) => call('issueTags.add', values),
    onSuccess: (result) => {
      reset(empty);
      onAdded(result.name);
      void refresh(queryClient, ['issueTags.list']);
    },
    onError: (error) => setFormError(applyCallError(error, setError, { fields: ['name'] })),
  });

  return (
    <section className={layoutStyles.panel} aria-labelledby="issue-tag-add-title">
      <h2 id="issue-tag-add-title" className={layoutStyles.panelTitle}>
        課題を追加
      </h2>
      <Form
        aria-labelledby="issue-tag-add-title"
        onSubmit={handleSubmit((values) => {
          setFormError(null);
          add.mutate(values);
        })}
      >
        <TextField
          label="課題名"
          required
          autoComplete="off"
          hint="40文字以内。前後の空白は取り除きます。"
          error={errors.name?.message}
          {...register('name')}
        />
        {formError && <Notice tone="error">{formError}</Notice>}
        <div className={layoutStyles.actions}>
          <Button type="submit" variant="primary" busy={add.isPending}>
            追加
          </Button>
        </div>
      </Form>
    </section>
  );
}
