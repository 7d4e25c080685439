import { useState } from 'react';
import type { VaultStatus } from '../../../electron/ipc/contract';
import type { KasaneCallError } from '../api';
import { cx } from '../ui/cx';
import { ErrorPanel } from '../ui/ErrorPanel';
import layoutStyles from '../ui/layout.module.css';
import { PageBrand } from '../ui/PageBrand';
import { PassphraseUnlockForm } from './PassphraseUnlockForm';
import { RecoveryCodeUnlockForm } from './RecoveryCodeUnlockForm';
import { fatalUnlockErrors } from './unlockErrors';
import { useUnlockGuard } from './useUnlockGuard';

/** The locked vault: passphrase (or recovery code), back-off countdown, or a designed dead end. */
export function UnlockScreen({ status }: { status: VaultStatus }) {
  const guard = useUnlockGuard(status.backoffSeconds);
  const [mode, setMode] = useState<'passphrase' | 'recoveryCode'>('passphrase');

  return (
    <main className={layoutStyles.centeredPage}>
      <PageBrand />
      <div
        className={
          guard.fatal
            ? layoutStyles.centeredCard
            : cx(layoutStyles.centeredCard, layoutStyles.centeredCardNarrow)
        }
      >
        {guard.fatal ? (
          <UnlockFailure error={guard.fatal} />
        ) : mode === 'passphrase' ? (
          <PassphraseUnlockForm
            guard={guard}
            askUserName={status.userNameRequired}
            onUseRecoveryCode={() => setMode('recoveryCode')}
          />
        ) : (
          <RecoveryCodeUnlockForm guard={guard} onBack={() => setMode('passphrase')} />
        )}
      </div>
    </main>
  );
}

function UnlockFailure({ error }: { error: KasaneCallError }) {
  const design = fatalUnlockErrors[error.code];
  const { fileVersion, knownVersion } = error.details;
  return (
    <ErrorPanel
      title={design?.title ?? 'かさねを開けません'}
      message={error.message}
      steps={design?.steps}
      code={error.code}
    >
      {fileVersion !== undefined && knownVersion !== undefined && (
        <p className="muted small">
          データの版：{String(fileVersion)}／このかさねが扱える版：{String(knownVersion)}
        </p>
      )}
    </ErrorPanel>
  );
}
