import { MutationCache, QueryCache, QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { VaultStatus } from '../../electron/ipc/contract';
import { AcknowledgementScreen } from './acknowledgement/AcknowledgementScreen';
import { call, errorMessage, isCallError } from './api';
import { freshness } from './queries';
import { SetupWizard } from './setup/SetupWizard';
import { Shell } from './shell/Shell';
import { SessionContext, statusQuery, useSession } from './shell/session';
import { Button } from './ui/Button';
import { ErrorPanel } from './ui/ErrorPanel';
import layoutStyles from './ui/layout.module.css';
import { RecordsLostScreen } from './unlock/RecordsLostScreen';
import { RecoveryFlow } from './unlock/RecoveryFlow';
import { UnlockScreen } from './unlock/UnlockScreen';

export function App() {
  const onLocked = useRef<(statusAfter?: VaultStatus) => void>(() => {});
  const [queryClient] = useState(() => {
    const onError = (error: unknown) => {
      // LOCKED: main locked while we were not told. NEEDS_ACKNOWLEDGEMENT: the office day changed
      // (domain rule 5). Either way the gate must show another screen.
      if (isCallError(error, 'LOCKED')) onLocked.current();
      else if (isCallError(error, 'NEEDS_ACKNOWLEDGEMENT'))
        void client.invalidateQueries({ queryKey: statusQuery.queryKey });
    };
    const client: QueryClient = new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: freshness,
    });
    return client;
  });
  // Bumped on every lock: the whole signed-in tree unmounts, so no form or screen keeps its data.
  const [epoch, setEpoch] = useState(0);

  onLocked.current = (statusAfter) => {
    const showing = queryClient.getQueryData(statusQuery.queryKey);
    if (!statusAfter && showing?.state === 'locked') return;
    queryClient.clear();
    if (statusAfter) queryClient.setQueryData(statusQuery.queryKey, statusAfter);
    setEpoch((n) => n + 1);
  };

  useEffect(() => window.kasane.onLocked(() => onLocked.current()), []);

  const session = useMemo(
    () => ({
      locked: (statusAfter?: VaultStatus) => onLocked.current(statusAfter),
      lock: async () => {
        try {
          onLocked.current(await call('vault.lock', {}));
        } catch {
          onLocked.current();
        }
      },
    }),
    [],
  );

  return (
    <QueryClientProvider client={queryClient}>
      <SessionContext value={session}>
        <Gate key={epoch} />
      </SessionContext>
    </QueryClientProvider>
  );
}

type Held = 'setup' | 'recovery' | null;

/** Picks the one screen the vault's state allows. Nothing signed-in renders while locked. */
function Gate() {
  const status = useQuery(statusQuery);
  const { lock } = useSession();
  // Set-up and recovery show a recovery code after the vault is already open: hold the flow until done.
  const [held, setHeld] = useState<Held>(null);
  const state = status.data?.state;

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (
        !(event.ctrlKey || event.metaKey) ||
        event.altKey ||
        event.shiftKey ||
        event.key.toLowerCase() !== 'l'
      )
        return;
      if (event.isComposing) return;
      event.preventDefault();
      if (state === 'unlocked' || state === 'recovery' || state === 'recordsLost') void lock();
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [state, lock]);

  if (status.isPending) {
    return (
      <main className={layoutStyles.splash} aria-busy="true">
        <p className={layoutStyles.splashBrand}>かさね</p>
        <p className="muted">読み込んでいます…</p>
      </main>
    );
  }
  if (status.isError) {
    return (
      <main className={layoutStyles.centeredPage}>
        <div className={layoutStyles.centeredCard}>
          <ErrorPanel
            title="かさねを開始できません"
            message={errorMessage(status.error)}
            steps={[
              'もう一度読み込んでください。',
              '続く場合は、かさねを終了して起動し直し、管理者に連絡してください。',
            ]}
            code={isCallError(status.error) ? status.error.code : undefined}
          >
            <div className={layoutStyles.actions}>
              <Button variant="primary" onClick={() => void status.refetch()}>
                もう一度読み込む
              </Button>
            </div>
          </ErrorPanel>
        </div>
      </main>
    );
  }

  const current = status.data;
  if (current.state === 'locked') return <UnlockScreen status={current} />;
  if (current.state === 'recordsLost') return <RecordsLostScreen status={current} />;
  if (current.state === 'uninitialized' || held === 'setup') {
    return <SetupWizard onVaultCreated={() => setHeld('setup')} onFinished={() => setHeld(null)} />;
  }
  if (current.state === 'recovery' || held === 'recovery') {
    return (
      <RecoveryFlow
        status={current}
        onPassphraseSet={() => setHeld('recovery')}
        onFinished={() => setHeld(null)}
      />
    );
  }
  if (current.needsAcknowledgement || !current.user) return <AcknowledgementScreen status={current} />;
  return <Shell user={current.user} autoLockMinutes={current.autoLockMinutes} />;
}
