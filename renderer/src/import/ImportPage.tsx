import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import type { ImportCounts } from '../../../electron/ipc/schemas/imports';
import { call, errorMessage, isCallError } from '../api';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { PageHeader } from '../shell/PageHeader';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { cx } from '../ui/cx';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import { FilePicker } from './FilePicker';
import styles from './ImportPage.module.css';
import { countsText, ImportCountsList, ImportErrorList } from './ImportReportView';
import { type PickedFile, readPickedFiles } from './pickedFiles';
import { TemplateSection } from './TemplateSection';

const toRequest = (files: readonly PickedFile[]) => ({
  files: files.map(({ name, base64 }) => ({ name, base64 })),
});

/** 取り込み: the office's Excel ledger (or its CSV files) into Kasane, all or nothing. */
export function ImportPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [refused, setRefused] = useState<string[]>([]);
  const [reading, setReading] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [imported, setImported] = useState<ImportCounts | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  const preview = useMutation({
    mutationFn: (picked: PickedFile[]) => call('imports.preview', toRequest(picked)),
  });
  const run = useMutation({
    mutationFn: (picked: PickedFile[]) => call('imports.run', toRequest(picked)),
    onSuccess: (report) => {
      if (!report.ok) return;
      // New households and agencies: every list that may show them reloads when next opened.
      void queryClient.invalidateQueries();
      setImported(report.counts);
      setFiles([]);
      preview.reset();
      requestAnimationFrame(() => doneRef.current?.focus());
    },
  });

  const working = reading || preview.isPending || run.isPending;
  const clean = preview.data?.ok === true && !run.data;

  async function pick(list: File[]) {
    setReading(true);
    setImported(null);
    preview.reset();
    run.reset();
    try {
      const read = await readPickedFiles(list);
      setFiles(read.files);
      setRefused(read.refused);
    } finally {
      setReading(false);
    }
  }

  function clear() {
    setFiles([]);
    setRefused([]);
    preview.reset();
    run.reset();
  }

  return (
    <div className={layoutStyles.page}>
      <PageHeader
        title="取り込み"
        note="Excel の台帳から世帯と世帯員をまとめて登録します。取り込みは監査ログに記録されます。"
      />
      <TemplateSection disabled={working} />

      <section
        className={layoutStyles.panel}
        aria-labelledby="import-files-title"
        aria-busy={working || undefined}
      >
        <h2 id="import-files-title" className={layoutStyles.panelTitle}>
          2. ファイルを選んで内容を確認する
        </h2>
        <FilePicker files={files} disabled={working} onPick={(list) => void pick(list)} onClear={clear} />
        {refused.map((message) => (
          <Notice key={message} tone="error" className={styles.refused}>
            {message}
          </Notice>
        ))}
        <div className={layoutStyles.actions}>
          <Button
            variant="primary"
            disabled={files.length === 0 || working}
            busy={preview.isPending}
            onClick={() => {
              setImported(null);
              run.reset();
              preview.mutate(files);
            }}
          >
            内容を確認
          </Button>
          {reading && (
            <p className={layoutStyles.progressNote} role="status">
              ファイルを読み込んでいます…
            </p>
          )}
        </div>
        {preview.isPending && <JobProgressBar job="import" cancellable />}
        {preview.isError && (
          <Notice tone={isCallError(preview.error, 'CANCELLED') ? 'info' : 'error'}>
            {isCallError(preview.error, 'CANCELLED')
              ? '内容の確認を中止しました。'
              : errorMessage(preview.error)}
          </Notice>
        )}
        {preview.data && !preview.data.ok && (
          <ImportErrorList errors={preview.data.errors} afterRun={false} />
        )}
        {clean && preview.data && (
          <section className={styles.previewOk} aria-labelledby="import-preview-ok-title">
            <h3 id="import-preview-ok-title" className={styles.previewOkTitle}>
              誤りはありません。次の内容を登録できます
            </h3>
            <ImportCountsList counts={preview.data.counts} />
            <p className="muted small">
              まだ何も登録していません。相談経路や同意範囲に一覧にない機関があると、関係機関に分野「その他」で追加します。
            </p>
          </section>
        )}
      </section>

      <section
        className={layoutStyles.panel}
        aria-labelledby="import-run-title"
        aria-busy={run.isPending || undefined}
      >
        <h2 id="import-run-title" className={layoutStyles.panelTitle}>
          3. 取り込む
        </h2>
        <div className={cx(layoutStyles.actions, styles.runActions)}>
          <Button
            variant="primary"
            disabled={!clean || working}
            busy={run.isPending}
            onClick={() => setConfirming(true)}
          >
            取り込む
          </Button>
          {!run.isPending && !clean && !imported && (
            <p className="muted small">「内容を確認」で誤りがなかったときに取り込めます。</p>
          )}
        </div>
        {run.isPending && <JobProgressBar job="import" cancellable />}
        {run.isError && (
          <Notice tone={isCallError(run.error, 'CANCELLED') ? 'info' : 'error'}>
            {errorMessage(run.error)}
          </Notice>
        )}
        {run.data && !run.data.ok && <ImportErrorList errors={run.data.errors} afterRun />}
        {imported && (
          <div ref={doneRef} tabIndex={-1} className={styles.done}>
            <Notice tone="success">
              <p className={styles.doneTitle}>取り込みました</p>
              <p>{countsText(imported)}を登録しました。</p>
              <div className={cx(layoutStyles.actions, styles.doneActions)}>
                <Button variant="primary" onClick={() => void navigate({ to: '/households' })}>
                  世帯一覧を開く
                </Button>
              </div>
            </Notice>
          </div>
        )}
      </section>

      <ConfirmDialog
        open={confirming}
        title="この内容で取り込みますか"
        confirmLabel="取り込む"
        cancelLabel="やめる"
        onConfirm={() => {
          setConfirming(false);
          run.mutate(files);
        }}
        onCancel={() => setConfirming(false)}
      >
        {preview.data && (
          <>
            <p>{countsText(preview.data.counts)}を登録します。</p>
            <p className={cx('muted', 'small', styles.confirmNote)}>
              取り込んだ世帯は、世帯の画面で1件ずつ変更できます。同じ受付番号の世帯をもう一度取り込むことはできません。
            </p>
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}
