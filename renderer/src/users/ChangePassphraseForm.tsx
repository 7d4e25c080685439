import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { contract } from '../../../electron/ipc/contract';
import { call } from '../api';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { Form } from '../ui/Form';
import { applyCallError } from '../ui/formErrors';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import { PasswordStrength } from '../ui/PasswordStrength';

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
  const newPassphrase = useWatch({ control, name: 'newPassphrase' });
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
        <TextField
          label="新しいパスフレーズ"
          type="password"
          required
          autoComplete="new-password"
          hint="12文字以上。"
          error={errors.newPassphrase?.message}
          after={<PasswordStrength value={newPassphrase} />}
          {...register('newPassphrase')}
        />
        <TextField
          label="新しいパスフレーズ（確認）"
          type="password"
          required
          autoComplete="new-password"
          error={errors.newPassphraseConfirm?.message}
          {...register('newPassphraseConfirm')}
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
