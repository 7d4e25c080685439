import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { contract } from '../../../electron/ipc/contract';
import { call } from '../api';
import { refresh } from '../queries';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import { TextField } from '../ui/Field';
import fieldStyles from '../ui/Field.module.css';
import { Form } from '../ui/Form';
import { applyCallError } from '../ui/formErrors';
import layoutStyles from '../ui/layout.module.css';
import { NewPassphraseFields } from '../ui/NewPassphraseFields';
import { Notice } from '../ui/Notice';
import styles from './AddUserForm.module.css';

const schema = contract['users.add'].input;
type Values = z.input<typeof schema>;
const empty: Values = { name: '', passphrase: '', passphraseConfirm: '' };

export function AddUserForm() {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, control, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: empty,
  });
  const { errors } = formState;

  const add = useMutation({
    mutationFn: (values: Values) => call('users.add', values),
    onSuccess: (user) => {
      reset(empty);
      setAdded(user.name);
      void refresh(queryClient, ['users.list']);
    },
    onError: (error) =>
      setFormError(
        applyCallError(error, setError, {
          fields: ['name', 'passphrase', 'passphraseConfirm'],
          codes: { USER_EXISTS: 'name' },
        }),
      ),
  });

  return (
    <section className={layoutStyles.panel} aria-labelledby="add-user-title">
      <h2 id="add-user-title" className={layoutStyles.panelTitle}>
        利用者を追加
      </h2>
      <Form
        aria-labelledby="add-user-title"
        onSubmit={handleSubmit((values) => {
          setFormError(null);
          setAdded(null);
          add.mutate(values);
        })}
      >
        <p className={cx(fieldStyles.hint, styles.formLead)}>
          追加する人に同席してもらい、本人にパスフレーズを入力してもらってください。
        </p>
        <TextField
          label="利用者名"
          required
          autoComplete="off"
          error={errors.name?.message}
          {...register('name')}
        />
        <NewPassphraseFields
          control={control}
          register={register}
          names={{ passphrase: 'passphrase', confirm: 'passphraseConfirm' }}
          errors={{ passphrase: errors.passphrase?.message, confirm: errors.passphraseConfirm?.message }}
          label="パスフレーズ"
        />
        {formError && <Notice tone="error">{formError}</Notice>}
        {added && (
          <Notice tone="success">
            「{added}」さんを追加しました。次回から、そのパスフレーズでロックを解除できます。
          </Notice>
        )}
        <div className={layoutStyles.actions}>
          <Button type="submit" variant="primary" busy={add.isPending}>
            追加
          </Button>
          {add.isPending && (
            <p className={layoutStyles.progressNote} role="status">
              暗号鍵を作成しています…
            </p>
          )}
        </div>
      </Form>
    </section>
  );
}
