import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../api';
import { read } from '../queries';
import { SettingsForm } from '../settings/SettingsForm';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import { PageBrand } from '../ui/PageBrand';
import { Stepper } from '../ui/Stepper';
import { CreateVaultStep } from './CreateVaultStep';
import { RecoveryCodeSheet } from './RecoveryCodeSheet';

const steps = ['利用者とパスフレーズ', '回復コード', '事務所の設定'] as const;

interface SetupWizardProps {
  /** The vault now exists and is open: keep this wizard on screen until the last step. */
  onVaultCreated: () => void;
  onFinished: () => void;
}

/** First run: the first user and passphrase, the recovery code (shown once), the office settings. */
export function SetupWizard({ onVaultCreated, onFinished }: SetupWizardProps) {
  const [step, setStep] = useState(0);
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);

  return (
    <main className={layoutStyles.centeredPage}>
      <PageBrand />
      <div className={layoutStyles.centeredCard}>
        <h1 className={layoutStyles.cardTitle}>初期設定</h1>
        <Stepper steps={steps} current={step} />
        {step === 0 && (
          <CreateVaultStep
            onCreated={(code) => {
              onVaultCreated();
              setRecoveryCode(code);
              setStep(1);
            }}
          />
        )}
        {step === 1 && recoveryCode && (
          <RecoveryCodeSheet
            code={recoveryCode}
            intro="パスフレーズを忘れたときのための回復コードです。いま印刷するか書き写して、安全な場所に保管してください。"
            onContinue={() => {
              // Shown once: the code leaves memory as soon as the person confirms it is stored.
              setRecoveryCode(null);
              setStep(2);
            }}
          />
        )}
        {step === 2 && <OfficeSettingsStep onDone={onFinished} />}
      </div>
    </main>
  );
}

function OfficeSettingsStep({ onDone }: { onDone: () => void }) {
  const settings = useQuery(read('settings.get', {}));
  return (
    <section aria-labelledby="office-step-title">
      <h2 id="office-step-title" className={layoutStyles.stepTitle}>
        事務所の設定
      </h2>
      <p className={layoutStyles.stepLead}>
        通知文などの書類に印字される発信者と、会議の名称を設定します。あとから「事務所の設定」画面でも変更できます。
      </p>
      {settings.isPending && <p className="muted">読み込んでいます…</p>}
      {settings.isError && <Notice tone="error">{errorMessage(settings.error)}</Notice>}
      {settings.data && (
        <SettingsForm initial={settings.data} submitLabel="保存して完了" onSaved={onDone} focusFirst />
      )}
    </section>
  );
}
