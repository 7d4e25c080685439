import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { contract, type VaultStatus } from '../../../electron/ipc/contract';
import { call } from '../api';
import { RecoveryCodeSheet } from '../setup/RecoveryCodeSheet';
import { useSession, useSetStatus } from '../shell/session';
import { Button } from '../ui/Button';
import { describedBy } from '../ui/Field';
import fieldStyles from '../ui/Field.module.css';
import { Form } from '../ui/Form';
import { applyCallError } from '../ui/formErrors';
import layoutStyles from '../ui/layout.module.css';
import { NewPassphraseFields } from '../ui/NewPassphraseFields';
import { Notice } from '../ui/Notice';
import { PageBrand } from '../ui/PageBrand';
import { Stepper } from '../ui/Stepper';
import styles from './RecoveryFlow.module.css';

const schema = contract['vault.completeRecovery'].input;
type Values = z.input<typeof schema>;

interface RecoveryFlowProps {
  status: VaultStatus;
  /** The new passphrase is set and the vault is open: keep this flow on screen for the new code. */
  onPassphraseSet: () => void;
  onFinished: () => void;
}

/** Opened with the recovery code: say who you are, set a new passphrase, store the new code. */
export function RecoveryFlow({ status, onPassphraseSet, onFinished }: RecoveryFlowProps) {
  const [newCode, setNewCode] = useState<string | null>(null);
  const setStatus = useSetStatus();
  return (
    <main className={layoutStyles.centeredPage}>
      <PageBrand />
      <div className={layoutStyles.centeredCard}>
        <h1 className={layoutStyles.cardTitle}>回復コードで開きました</h1>
        <Stepper steps={['利用者と新しいパスフレーズ', '新しい回復コード']} current={newCode ? 1 : 0} />
        {newCode ? (
          <RecoveryCodeSheet
            code={newCode}
            intro="新しい回復コードです。使った回復コードはもう使えません。新しいコードを印刷するか書き写して、古いものと入れ替えて保管してください。"
            continueLabel="続ける"
            onContinue={() => {
              setNewCode(null);
              onFinished();
            }}
          />
        ) : (
          <NewPassphraseForm
            users={status.recoveryUsers}
            onDone={(result) => {
              onPassphraseSet();
              setNewCode(result.recoveryCode);
              setStatus(result.status);
            }}
          />
        )}
      </div>
    </main>
  );
}

function NewPassphraseForm({
  users,
  onDone,
}: {
  users: VaultStatus['recoveryUsers'];
  onDone: (result: { recoveryCode: string; status: VaultStatus }) => void;
}) {
  const { lock } = useSession();
  const userGroupId = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, setFocus, control, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      userId: users.length === 1 ? users[0]?.id : '',
      newPassphrase: '',
      newPassphraseConfirm: '',
    },
  });
  const { errors } = formState;

  useEffect(() => setFocus(users.length === 1 ? 'newPassphrase' : 'userId'), [setFocus, users.length]);

  const complete = useMutation({
    mutationFn: (values: Values) => call('vault.completeRecovery', values),
    onSuccess: onDone,
    onError: (error) =>
      setFormError(
        applyCallError(error, setError, {
          fields: ['userId', 'newPassphrase', 'newPassphraseConfirm'],
          codes: { USER_NOT_FOUND: 'userId' },
        }),
      ),
  });

  return (
    <Form
      aria-labelledby="new-passphrase-title"
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        complete.mutate(values);
      })}
    >
      <h2 id="new-passphrase-title" className={layoutStyles.stepTitle}>
        利用者と新しいパスフレーズ
      </h2>
      <p className={layoutStyles.stepLead}>あなたの名前を選び、新しいパスフレーズを決めてください。</p>
      <fieldset
        className={fieldStyles.group}
        aria-describedby={describedBy(userGroupId, false, errors.userId)}
      >
        <legend>利用者</legend>
        <div className={styles.userChoices}>
          {users.map((user) => (
            <label key={user.id} className={fieldStyles.choice}>
              <input type="radio" value={user.id} {...register('userId')} />
              {user.name}
            </label>
          ))}
        </div>
        {errors.userId && (
          <p className={fieldStyles.error} id={`${userGroupId}-error`}>
            {errors.userId.type === 'server' ? errors.userId.message : '利用者を選んでください'}
          </p>
        )}
      </fieldset>
      <NewPassphraseFields
        control={control}
        register={register}
        names={{ passphrase: 'newPassphrase', confirm: 'newPassphraseConfirm' }}
        errors={{ passphrase: errors.newPassphrase?.message, confirm: errors.newPassphraseConfirm?.message }}
        label="新しいパスフレーズ"
      />
      {formError && <Notice tone="error">{formError}</Notice>}
      <div className={layoutStyles.actions}>
        <Button type="submit" variant="primary" busy={complete.isPending}>
          設定する
        </Button>
        {complete.isPending && (
          <p className={layoutStyles.progressNote} role="status">
            暗号鍵を作成しています…
          </p>
        )}
        <span className={layoutStyles.actionsSpacer} />
        <Button onClick={() => void lock()}>やめてロックする</Button>
      </div>
    </Form>
  );
}
