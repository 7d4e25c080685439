import { MutationCache, QueryCache, QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { VaultStatus } from '../../electron/ipc/contract';
import { AcknowledgementScreen } from './acknowledgement/AcknowledgementScreen';
import { call, errorMessage, isCallError } from './api';
import { freshness } from './queries';
import { SetupWizard } from './setup/SetupWizard';
import { createLockShelf } from './shell/lockShelf';
import { Shell } from './shell/Shell';
import { SessionContext, statusQuery, useSession } from './shell/session';
import { Button } from './ui/Button';
import { ConfirmDialog } from './ui/ConfirmDialog';
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
  // Bumped on every lock: the whole signed-in tree unmounts, so no form or screen keeps its data
  // but what the shelf keeps for the same person's unlock (the route and restorable drafts, in memory).
  const [epoch, setEpoch] = useState(0);
  const [shelf] = useState(createLockShelf);
  const [askingLock, setAskingLock] = useState(false);

  onLocked.current = (statusAfter) => {
    const showing = queryClient.getQueryData(statusQuery.queryKey);
    if (!statusAfter && showing?.state === 'locked') return;
    shelf.keep(showing?.state === 'unlocked' ? (showing.user?.id ?? null) : null);
    queryClient.clear();
    if (statusAfter) queryClient.setQueryData(statusQuery.queryKey, statusAfter);
    setEpoch((n) => n + 1);
  };

  useEffect(() => window.kasane.onLocked(() => onLocked.current()), []);

  const lockNow = useMemo(
    () => async () => {
      try {
        onLocked.current(await call('vault.lock', {}));
      } catch {
        onLocked.current();
      }
    },
    [],
  );

  const session = useMemo(
    () => ({
      shelf,
      locked: (statusAfter?: VaultStatus) => onLocked.current(statusAfter),
      lock: async () => {
        // A form that cannot get its changes back after the unlock: ask before losing them.
        if (shelf.anyLost()) setAskingLock(true);
        else await lockNow();
      },
    }),
    [shelf, lockNow],
  );

  return (
    <QueryClientProvider client={queryClient}>
      <SessionContext value={session}>
        <Gate key={epoch} />
        <ConfirmDialog
          open={askingLock}
          title="ロックすると失われる変更があります"
          confirmLabel="変更を破棄してロック"
          cancelLabel="この画面に戻る"
          onConfirm={() => {
            setAskingLock(false);
            void lockNow();
          }}
          onCancel={() => setAskingLock(false)}
        >
          <p>
            開いている入力欄（ダイアログや一覧の中の編集）の変更は、ロックを解除したあとに戻せません。保存してからロックしてください。
          </p>
          <p className="muted">ページの入力欄に書きかけの内容は、ロックを解除すると元に戻ります。</p>
        </ConfirmDialog>
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
