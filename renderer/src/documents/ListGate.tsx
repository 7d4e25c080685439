import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { ListFormat } from '../../../electron/ipc/schemas/lists';
import { errorMessage, isCallError } from '../api';
import { Button } from '../ui/Button';
import { Dialog, DialogActions } from '../ui/Dialog';
import fieldStyles from '../ui/Field.module.css';
import { Notice } from '../ui/Notice';
import { Stepper } from '../ui/Stepper';
import { TextAreaField } from '../ui/TextAreaField';
import { ConfirmStep } from './ConfirmStep';
import type { IssueOutcome, Preview } from './gateTypes';
import { LeavingSummary, namesDetail } from './IssueSummary';
import styles from './ListGate.module.css';
import { PreviewStep } from './PreviewStep';
import { ResultStep } from './ResultStep';

/** What the coordinator chose before the list is rendered (rule 4 and the file format). */
export interface ListChoice {
  format: ListFormat;
  names: 'real' | 'masked';
  namesReason: string;
}

type Step =
  | { name: 'options' }
  | { name: 'preview' | 'confirm'; preview: Preview; choice: ListChoice }
  | { name: 'result'; preview: Preview; choice: ListChoice; outcome: IssueOutcome };

const stepIndex = { options: 0, preview: 1, confirm: 2, result: 3 } as const;
const formatNames: Record<ListFormat, string> = { docx: 'Word', xlsx: 'Excel' };

interface ListGateProps {
  open: boolean;
  /** 「世帯一覧」: the dialog's title and what the summary says is leaving. */
  title: string;
  /** Word only (ケース記録), or Word and Excel (a table). */
  formats: readonly ListFormat[];
  /** The conditions the list was made with, as the coordinator set them on the screen. */
  conditions?: string;
  /** Renders the list in main with the choice; the gate keeps the bytes until they are issued. */
  render: (choice: ListChoice) => Promise<Preview>;
  onClose: () => void;
}

/**
 * The 159条 gate for a list (世帯一覧, 会議一覧, ケース記録): format and 氏名の表示 → the page as it
 * will print → the warning, the purpose and the acknowledgement → 保存 or 開く. The same steps, the
 * same confirmation and the same audit as a 様式.
 */
export function ListGate({ open, title, formats, conditions, render, onClose }: ListGateProps) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={open} title={`${title}の印刷・書き出し`} onClose={onClose} busy={busy} size="full">
      {open && (
        <ListGateSteps
          title={title}
          formats={formats}
          {...(conditions ? { conditions } : {})}
          render={render}
          onClose={onClose}
          onBusyChange={setBusy}
        />
      )}
    </Dialog>
  );
}

function ListGateSteps({
  title,
  formats,
  conditions,
  render,
  onClose,
  onBusyChange,
}: Omit<ListGateProps, 'open'> & { onBusyChange: (busy: boolean) => void }) {
  const [step, setStep] = useState<Step>({ name: 'options' });
  const [choice, setChoice] = useState<ListChoice>({
    format: formats[0] ?? 'docx',
    names: 'masked',
    namesReason: '',
  });
  const openLabel = `${formatNames[choice.format]}で開く`;
  return (
    <div>
      <Stepper
        tight
        steps={['形式と氏名の表示', 'プレビュー', '守秘義務の確認', '完了']}
        current={stepIndex[step.name]}
      />
      {step.name === 'options' && (
        <ListOptions
          initial={choice}
          formats={formats}
          render={render}
          onBusyChange={onBusyChange}
          onCancel={onClose}
          onPreview={(chosen, preview) => {
            setChoice(chosen);
            setStep({ name: 'preview', preview, choice: chosen });
          }}
        />
      )}
      {step.name === 'preview' && (
        <PreviewStep
          preview={step.preview}
          title={title}
          onBack={() => setStep({ name: 'options' })}
          onNext={() => setStep({ name: 'confirm', preview: step.preview, choice: step.choice })}
        />
      )}
      {step.name === 'confirm' && (
        <ConfirmStep
          preview={step.preview}
          openLabel={openLabel}
          summary={
            <ListSummary
              title={title}
              choice={step.choice}
              {...(conditions ? { conditions } : {})}
              fileNames={step.preview.fileNames}
            />
          }
          onBusyChange={onBusyChange}
          onBack={() => setStep({ name: 'preview', preview: step.preview, choice: step.choice })}
          onIssued={(outcome) =>
            setStep({ name: 'result', preview: step.preview, choice: step.choice, outcome })
          }
        />
      )}
      {step.name === 'result' && (
        <ResultStep
          outcome={step.outcome}
          appName={formatNames[step.choice.format]}
          onRetry={() => setStep({ name: 'confirm', preview: step.preview, choice: step.choice })}
          onClose={onClose}
        />
      )}
    </div>
  );
}

function ListOptions({
  initial,
  formats,
  render,
  onPreview,
  onCancel,
  onBusyChange,
}: {
  initial: ListChoice;
  formats: readonly ListFormat[];
  render: (choice: ListChoice) => Promise<Preview>;
  onPreview: (choice: ListChoice, preview: Preview) => void;
  onCancel: () => void;
  onBusyChange: (busy: boolean) => void;
}) {
  const id = useId();
  const [choice, setChoice] = useState(initial);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const preview = useMutation({
    mutationFn: render,
    onMutate: () => onBusyChange(true),
    onSettled: () => onBusyChange(false),
    onSuccess: (result, chosen) => onPreview(chosen, result),
    onError: (error) => {
      if (isCallError(error) && error.code === 'NAMES_REASON_REQUIRED') setReasonError(error.message);
      else setFormError(errorMessage(error));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setReasonError(null);
    if (choice.names === 'real' && choice.namesReason.trim() === '') {
      setReasonError('実名を載せる理由を入力してください');
      return;
    }
    preview.mutate(choice);
  };
  return (
    <form className={styles.options} aria-label="形式と氏名の表示" onSubmit={submit} noValidate>
      {formats.length > 1 && (
        <fieldset className={fieldStyles.group}>
          <legend>形式</legend>
          {formats.map((format) => (
            <label key={format} className={fieldStyles.choice}>
              <input
                type="radio"
                name={`${id}-format`}
                value={format}
                checked={choice.format === format}
                data-autofocus={choice.format === format || undefined}
                onChange={() => setChoice({ ...choice, format })}
              />
              {format === 'docx' ? 'Word（印刷用・A4）' : 'Excel（表として使う・A4で印刷できる）'}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset className={fieldStyles.group} aria-describedby={`${id}-names-hint`}>
        <legend>本人同意のない世帯の表示</legend>
        <p className={fieldStyles.hint} id={`${id}-names-hint`}>
          本人同意のない世帯（支援会議で扱う世帯）は、記号（A氏世帯、A氏…）で表すのが原則です。実名を載せるには理由を記録します。同意のある世帯は画面と同じ表示名で載ります。
        </p>
        <label className={fieldStyles.choice}>
          <input
            type="radio"
            name={`${id}-names`}
            value="masked"
            checked={choice.names === 'masked'}
            data-autofocus={(formats.length === 1 && choice.names === 'masked') || undefined}
            onChange={() => setChoice({ ...choice, names: 'masked' })}
          />
          記号（A氏世帯、A氏…）
        </label>
        <label className={fieldStyles.choice}>
          <input
            type="radio"
            name={`${id}-names`}
            value="real"
            checked={choice.names === 'real'}
            onChange={() => setChoice({ ...choice, names: 'real' })}
          />
          実名
        </label>
      </fieldset>
      {choice.names === 'real' && (
        <TextAreaField
          label="実名を載せる理由"
          required
          hint="記録に残ります（例：庁内の引継ぎで、世帯を取り違えないため）。"
          error={reasonError ?? undefined}
          value={choice.namesReason}
          maxLength={500}
          onChange={(e) => setChoice({ ...choice, namesReason: e.target.value })}
        />
      )}
      {formError && <Notice tone="error">{formError}</Notice>}
      <DialogActions>
        <Button onClick={onCancel}>キャンセル</Button>
        <Button type="submit" variant="primary" busy={preview.isPending}>
          プレビュー
        </Button>
      </DialogActions>
    </form>
  );
}

/** What is about to leave, as the audit log will record it: the list, format, names, files. */
function ListSummary({
  title,
  choice,
  conditions,
  fileNames,
}: {
  title: string;
  choice: ListChoice;
  conditions?: string;
  fileNames: readonly string[];
}) {
  return (
    <LeavingSummary
      facts={[
        { term: '一覧', detail: title },
        ...(conditions ? [{ term: '条件', detail: conditions }] : []),
        { term: '形式', detail: formatNames[choice.format] },
        {
          term: '氏名の表示',
          detail: namesDetail(choice.names === 'real', choice.namesReason, '同意のない世帯は記号'),
        },
      ]}
      fileNames={fileNames}
    />
  );
}
