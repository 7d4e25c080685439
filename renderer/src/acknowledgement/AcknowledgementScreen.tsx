import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { formatWarekiDate } from '../../../electron/domain/office-day';
import type { VaultStatus } from '../../../electron/ipc/contract';
import { call, errorMessage, isCallError } from '../api';
import { read } from '../queries';
import { useSession, useSetStatus } from '../shell/session';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import fieldStyles from '../ui/Field.module.css';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import { PageBrand } from '../ui/PageBrand';
import { useFocusOnMount } from '../ui/useFocusOnMount';
import styles from './AcknowledgementScreen.module.css';

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
    <main className={layoutStyles.centeredPage}>
      <PageBrand>
        <span className={styles.pageBrandSpacer} />
        <span className={styles.pageBrandUser}>利用者：{status.user?.name}</span>
        <Button onClick={() => void lock()}>ロック</Button>
      </PageBrand>
      <div className={layoutStyles.centeredCard}>
        <h1 className={layoutStyles.cardTitle} ref={heading} tabIndex={-1}>
          守秘義務の確認
        </h1>
        <p className={layoutStyles.cardLead}>
          本日最初のロック解除です。業務を始める前に、次の内容を確認してください。
        </p>

        {warning.isPending && <p className="muted">読み込んでいます…</p>}
        {warning.isError && <Notice tone="error">{errorMessage(warning.error)}</Notice>}
        {warning.data && (
          <>
            <section className={styles.text} aria-labelledby="legal-title">
              <h2 id="legal-title" className={styles.title}>
                {warning.data.title}
              </h2>
              <p className={styles.body} data-testid="legal-body">
                {warning.data.body}
              </p>
              <p className={styles.version}>
                文面の版：{warning.data.version}（{formatWarekiDate(warning.data.effectiveFrom)}から適用）
              </p>
            </section>
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                if (!understood || !warning.data) return;
                setError(null);
                acknowledge.mutate(warning.data.version);
              }}
            >
              <label className={fieldStyles.confirmCheck} htmlFor={checkboxId}>
                <input
                  id={checkboxId}
                  type="checkbox"
                  checked={understood}
                  onChange={(event) => setUnderstood(event.target.checked)}
                />
                上記の内容を理解しました
              </label>
              {error && (
                <Notice tone="error" className={styles.formNotice}>
                  {error}
                </Notice>
              )}
              <div className={cx(layoutStyles.actions, layoutStyles.actionsEnd)}>
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
