import { useState } from 'react';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Notice } from '../../ui/Notice';
import styles from './ExportBar.module.css';
import { ExportForm, type ExportRequest } from './ExportForm';
import { type ExportFormat, exportFormats, formatLabel } from './formats';

type Outcome = { kind: 'saved'; fileNames: string[] } | { kind: 'notSaved' };

interface ExportBarProps {
  /** The tables on screen; null while none are (or while they are being recounted). */
  shown: { fiscalYears: number[]; threshold: number } | null;
}

/** CSV / Excel / Word: each through the 159条 confirmation, then a one-line result. */
export function ExportBar({ shown }: ExportBarProps) {
  const [request, setRequest] = useState<ExportRequest | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  function open(format: ExportFormat) {
    if (!shown) return;
    setOutcome(null);
    setRequest({ format, fiscalYears: shown.fiscalYears, threshold: shown.threshold });
  }
  function cancel() {
    setRequest(null);
    setOutcome({ kind: 'notSaved' });
  }

  return (
    <div className={styles.export}>
      <div className={styles.exportButtons}>
        <span className={styles.exportLabel}>書き出し</span>
        {exportFormats.map((f) => (
          <Button key={f.format} disabled={!shown} onClick={() => open(f.format)}>
            {f.button}
          </Button>
        ))}
      </div>
      {outcome?.kind === 'saved' && (
        <Notice tone="success" className={styles.exportOutcome}>
          保存しました: {outcome.fileNames.join('、')}
        </Notice>
      )}
      {outcome?.kind === 'notSaved' && (
        <Notice tone="info" className={styles.exportOutcome}>
          保存しませんでした
        </Notice>
      )}
      <Dialog
        open={request !== null}
        title={request ? `統計の書き出し（${formatLabel(request.format)}）` : '統計の書き出し'}
        onClose={cancel}
        busy={busy}
        size="wide"
      >
        {request && (
          <ExportForm
            request={request}
            onCancel={cancel}
            onBusyChange={setBusy}
            onDone={(result) => {
              setRequest(null);
              setOutcome(
                result.saved ? { kind: 'saved', fileNames: result.fileNames } : { kind: 'notSaved' },
              );
            }}
          />
        )}
      </Dialog>
    </div>
  );
}
