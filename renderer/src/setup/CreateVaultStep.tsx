import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { contract } from '../../../electron/ipc/contract';
import { call } from '../api';
import { useSetStatus } from '../shell/session';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { Form } from '../ui/Form';
import { applyCallError } from '../ui/formErrors';
import layoutStyles from '../ui/layout.module.css';
import { NewPassphraseFields } from '../ui/NewPassphraseFields';
import { Notice } from '../ui/Notice';
import { minPassphraseLength } from '../ui/passphraseStrength';

const schema = contract['vault.setup'].input;
type Values = z.input<typeof schema>;

export function CreateVaultStep({ onCreated }: { onCreated: (recoveryCode: string) => void }) {
  const setStatus = useSetStatus();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, setFocus, control, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { userName: '', passphrase: '', passphraseConfirm: '' },
  });
  const { errors } = formState;

  useEffect(() => setFocus('userName'), [setFocus]);

  const setup = useMutation({
    mutationFn: (values: Values) => call('vault.setup', values),
    onSuccess: (result) => {
      onCreated(result.recoveryCode);
      setStatus(result.status);
    },
    onError: (error) =>
      setFormError(
        applyCallError(error, setError, { fields: ['userName', 'passphrase', 'passphraseConfirm'] }),
      ),
  });

  return (
    <Form
      aria-labelledby="create-step-title"
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        setup.mutate(values);
      })}
    >
      <h2 id="create-step-title" className={layoutStyles.stepTitle}>
        利用者とパスフレーズ
      </h2>
      <p className={layoutStyles.stepLead}>
        この端末でかさねを使う人の名前と、ロックを解除するためのパスフレーズを決めます。記録はすべてこのパスフレーズで守られた暗号化ファイルに保存されます。
      </p>
      <TextField
        label="利用者名"
        required
        autoComplete="off"
        hint="画面や記録に表示される名前です（例：福祉 花子）。"
        error={errors.userName?.message}
        readOnly={setup.isPending}
        {...register('userName')}
      />
      <NewPassphraseFields
        control={control}
        register={register}
        names={{ passphrase: 'passphrase', confirm: 'passphraseConfirm' }}
        errors={{ passphrase: errors.passphrase?.message, confirm: errors.passphraseConfirm?.message }}
        label="パスフレーズ"
        hint={`${minPassphraseLength}文字以上。ほかで使っていない、あなただけが知っている文にしてください。`}
        readOnly={setup.isPending}
      />
      {formError && <Notice tone="error">{formError}</Notice>}
      <div className={layoutStyles.actions}>
        <Button type="submit" variant="primary" busy={setup.isPending}>
          次へ
        </Button>
        {setup.isPending && (
          <p className={layoutStyles.progressNote} role="status">
            暗号鍵を作成しています…
          </p>
        )}
      </div>
    </Form>
  );
}
