import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { contract } from '../../../electron/ipc/contract';
import { call, isCallError } from '../api';
import { useSetStatus } from '../shell/session';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import { TextField } from '../ui/Field';
import { Form } from '../ui/Form';
import { applyCallError } from '../ui/formErrors';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import { BackoffNotice } from './BackoffNotice';
import { UnlockWaiting } from './UnlockWaiting';
import unlockStyles from './unlock.module.css';
import type { UnlockGuard } from './useUnlockGuard';

const schema = contract['vault.unlock'].input;
type Values = z.input<typeof schema>;

/**
 * Passphrase unlock. With more than one user the person also types their 利用者名, and only that
 * user's slot is tried: nobody can learn whether a passphrase is a colleague's.
 */
export function PassphraseUnlockForm({
  guard,
  askUserName,
  onUseRecoveryCode,
}: {
  guard: UnlockGuard;
  askUserName: boolean;
  onUseRecoveryCode: () => void;
}) {
  const setStatus = useSetStatus();
  const [formError, setFormError] = useState<string | null>(null);
  const [lastChance, setLastChance] = useState(false);
  const { register, handleSubmit, setError, setFocus, resetField, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { userName: '', passphrase: '' },
  });
  const waiting = guard.remaining > 0;

  useEffect(() => {
    if (!waiting) setFocus(askUserName ? 'userName' : 'passphrase');
  }, [waiting, askUserName, setFocus]);

  const unlock = useMutation({
    mutationFn: ({ userName, passphrase }: Values) =>
      call('vault.unlock', askUserName ? { userName, passphrase } : { passphrase }),
    onSuccess: setStatus,
    onError: (error) => {
      resetField('passphrase');
      setLastChance(isCallError(error, 'WRONG_PASSPHRASE') && error.details.failures === 2);
      if (guard.absorb(error)) return;
      setFormError(
        applyCallError(error, setError, {
          fields: ['userName', 'passphrase'],
          codes: { WRONG_PASSPHRASE: 'passphrase', USER_NAME_REQUIRED: 'userName' },
        }),
      );
    },
  });

  return (
    <Form
      aria-labelledby="unlock-title"
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        unlock.mutate(values);
      })}
    >
      <h1 id="unlock-title" className={layoutStyles.cardTitle}>
        ロックされています
      </h1>
      <p className={layoutStyles.cardLead}>
        {askUserName
          ? '利用者名とパスフレーズを入力して解除してください。'
          : 'パスフレーズを入力して、ロックを解除してください。'}
      </p>
      {askUserName && (
        <TextField
          label="利用者名"
          autoComplete="off"
          spellCheck={false}
          error={formState.errors.userName?.message}
          {...register('userName')}
        />
      )}
      <TextField
        label="パスフレーズ"
        type="password"
        autoComplete="current-password"
        error={formState.errors.passphrase?.message}
        hint={lastChance ? 'あと1回間違えると、しばらく入力できなくなります。' : undefined}
        {...register('passphrase')}
      />
      <BackoffNotice remaining={guard.remaining} />
      {formError && <Notice tone="error">{formError}</Notice>}
      <div className={cx(layoutStyles.actions, unlockStyles.actions)}>
        <Button
          type="submit"
          variant="primary"
          className={unlockStyles.submit}
          data-testid="unlock-submit"
          busy={unlock.isPending}
          disabled={waiting}
        >
          {waiting ? `あと${guard.remaining}秒` : '解除'}
        </Button>
        <UnlockWaiting pending={unlock.isPending} />
      </div>
      <p className={unlockStyles.alt}>
        パスフレーズを忘れたときは
        <Button variant="link" onClick={onUseRecoveryCode}>
          回復コードで開く
        </Button>
      </p>
    </Form>
  );
}
