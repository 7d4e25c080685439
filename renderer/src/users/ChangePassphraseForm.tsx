import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { contract } from '../../../electron/ipc/contract';
import { call } from '../api';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { Form } from '../ui/Form';
import { applyCallError } from '../ui/formErrors';
import layoutStyles from '../ui/layout.module.css';
import { NewPassphraseFields } from '../ui/NewPassphraseFields';
import { Notice } from '../ui/Notice';

const schema = contract['users.changePassphrase'].input;
type Values = z.input<typeof schema>;
const empty: Values = { currentPassphrase: '', newPassphrase: '', newPassphraseConfirm: '' };

export function ChangePassphraseForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const { register, handleSubmit, setError, reset, control, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: empty,
  });
  const { errors } = formState;

  const change = useMutation({
    mutationFn: (values: Values) => call('users.changePassphrase', values),
    onSuccess: () => {
      reset(empty);
      setChanged(true);
    },
    onError: (error) =>
      setFormError(
        applyCallError(error, setError, {
          fields: ['currentPassphrase', 'newPassphrase', 'newPassphraseConfirm'],
          codes: { WRONG_PASSPHRASE: 'currentPassphrase' },
        }),
      ),
  });

  return (
    <section className={layoutStyles.panel} aria-labelledby="change-passphrase-title">
      <h2 id="change-passphrase-title" className={layoutStyles.panelTitle}>
        自分のパスフレーズを変更
      </h2>
      <Form
        aria-labelledby="change-passphrase-title"
        onSubmit={handleSubmit((values) => {
          setFormError(null);
          setChanged(false);
          change.mutate(values);
        })}
      >
        <TextField
          label="現在のパスフレーズ"
          type="password"
          required
          autoComplete="current-password"
          error={errors.currentPassphrase?.message}
          {...register('currentPassphrase')}
        />
        <NewPassphraseFields
          control={control}
          register={register}
          names={{ passphrase: 'newPassphrase', confirm: 'newPassphraseConfirm' }}
          errors={{
            passphrase: errors.newPassphrase?.message,
            confirm: errors.newPassphraseConfirm?.message,
          }}
          label="新しいパスフレーズ"
        />
        {formError && <Notice tone="error">{formError}</Notice>}
        {changed && (
          <Notice tone="success">
            パスフレーズを変更しました。次回のロック解除から新しいパスフレーズを使います。
          </Notice>
        )}
        <div className={layoutStyles.actions}>
          <Button type="submit" variant="primary" busy={change.isPending}>
            変更
          </Button>
          {change.isPending && (
            <p className={layoutStyles.progressNote} role="status">
              暗号鍵を作成しています…
            </p>
          )}
        </div>
      </Form>
    </section>
  );
}
