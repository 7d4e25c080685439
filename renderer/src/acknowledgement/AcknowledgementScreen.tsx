import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { VaultStatus } from '../../../electron/ipc/contract';
import { call, errorMessage, isCallError } from '../api';
import { useSession, useSetStatus } from '../shell/session';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { PageBrand } from '../ui/PageBrand';
import { useFocusOnMount } from '../ui/useFocusOnMount';
import './acknowledgement.css';
import { formatWarekiDate } from '../../../electron/domain/office-day';
import { read } from '../queries';

/**
 * Domain rule 5: the 社会福祉法159条 warning, acknowledged at the first unlock of each day. The text
 * comes only from resources/legal through main; there is no way past this screen but to confirm.
 */
export function AcknowledgementScreen({ status }: { status: VaultStatus }) {
  const { lock } = useSession();
  const setStatus = useSetStatus();
  const checkboxId = useId();
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);

  const warning = useQuery(read('legal.confidentialityWarning', {}));
  const acknowledge = useMutation({
    mutationFn: (textVersion: string) => call('acknowledgement.acknowledge', { textVersion }),
    onSuccess: setStatus,
    onError: (e) => {
      setError(errorMessage(e));
      if (isCallError(e, 'STALE_TEXT')) {
        // The text changed while it was on screen: show the new one and ask again.
        setUnderstood(false);
        void warning.refetch();
      }
    },
  });

  return (
    <main className="centered-page">
      <PageBrand>
        <span className="page-brand-spacer" />
        <span className="page-brand-user">利用者：{status.user?.name}</span>
        <Button onClick={() => void lock()}>ロック</Button>
      </PageBrand>
      <div className="centered-card ack-card">
        <h1 className="card-title" ref={heading} tabIndex={-1}>
          守秘義務の確認
        </h1>
        <p className="card-lead">本日最初のロック解除です。業務を始める前に、次の内容を確認してください。</p>

        {warning.isPending && <p className="muted">読み込んでいます…</p>}
        {warning.isError && <Notice tone="error">{errorMessage(warning.error)}</Notice>}
        {warning.data && (
          <>
            <section className="legal-text" aria-labelledby="legal-title">
              <h2 id="legal-title" className="legal-title">
                {warning.data.title}
              </h2>
              <p className="legal-body">{warning.data.body}</p>
              <p className="legal-version">
                文面の版：{warning.data.version}（{formatWarekiDate(warning.data.effectiveFrom)}から適用）
              </p>
            </section>
            <form
              className="ack-form"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                if (!understood || !warning.data) return;
                setError(null);
                acknowledge.mutate(warning.data.version);
              }}
            >
              <label className="confirm-check" htmlFor={checkboxId}>
                <input
                  id={checkboxId}
                  type="checkbox"
                  checked={understood}
                  onChange={(event) => setUnderstood(event.target.checked)}
                />
                上記の内容を理解しました
              </label>
              {error && <Notice tone="error">{error}</Notice>}
              <div className="actions actions-end">
                <Button type="submit" variant="primary" disabled={!understood} busy={acknowledge.isPending}>
                  確認して開始
                </Button>
              </div>
            </form>
          </>
        )}
      </div>
    </main>
  );
}
