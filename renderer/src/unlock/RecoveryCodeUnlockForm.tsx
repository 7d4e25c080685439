import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { contract } from '../../../electron/ipc/contract';
import { call } from '../api';
import { useSetStatus } from '../shell/session';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import { TextField } from '../ui/Field';
import fieldStyles from '../ui/Field.module.css';
import { Form } from '../ui/Form';
import { applyCallError } from '../ui/formErrors';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import { BackoffNotice } from './BackoffNotice';
import { UnlockWaiting } from './UnlockWaiting';
import unlockStyles from './unlock.module.css';
import type { UnlockGuard } from './useUnlockGuard';

const schema = contract['vault.unlockWithRecoveryCode'].input;
type Values = z.input<typeof schema>;

export function RecoveryCodeUnlockForm({ guard, onBack }: { guard: UnlockGuard; onBack: () => void }) {
  const setStatus = useSetStatus();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, setFocus, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { recoveryCode: '' },
  });
  const waiting = guard.remaining > 0;

  useEffect(() => {
    if (!waiting) setFocus('recoveryCode');
  }, [waiting, setFocus]);

  const unlock = useMutation({
    mutationFn: (values: Values) => call('vault.unlockWithRecoveryCode', values),
    onSuccess: setStatus,
    onError: (error) => {
      if (guard.absorb(error)) return;
      setFormError(
        applyCallError(error, setError, {
          fields: ['recoveryCode'],
          codes: { WRONG_RECOVERY_CODE: 'recoveryCode' },
        }),
      );
    },
  });

  return (
    <Form
      aria-labelledby="recovery-unlock-title"
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        unlock.mutate(values);
      })}
    >
      <h1 id="recovery-unlock-title" className={layoutStyles.cardTitle}>
        回復コードで開く
      </h1>
      <p className={layoutStyles.cardLead}>
        初期設定のときに印刷・保管した回復コードを入力してください。開いたあと、新しいパスフレーズを設定します。
      </p>
      <TextField
        label="回復コード"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        hint="ハイフンや空白はあってもなくてもかまいません。"
        inputClassName={fieldStyles.code}
        error={formState.errors.recoveryCode?.message}
        {...register('recoveryCode')}
      />
      <BackoffNotice remaining={guard.remaining} />
      {formError && <Notice tone="error">{formError}</Notice>}
      <div className={cx(layoutStyles.actions, unlockStyles.actions)}>
        <Button
          type="submit"
          variant="primary"
          className={unlockStyles.submit}
          busy={unlock.isPending}
          disabled={waiting}
        >
          {waiting ? `あと${guard.remaining}秒` : '回復コードで開く'}
        </Button>
        <UnlockWaiting pending={unlock.isPending} />
      </div>
      <p className={unlockStyles.alt}>
        <Button variant="link" onClick={onBack}>
          パスフレーズで開く
        </Button>
      </p>
    </Form>
  );
}
