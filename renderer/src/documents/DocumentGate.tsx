import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type DocumentKey,
  evaluationSheet,
  type FormKey,
  formOf,
  formTitle,
  isFormKey,
} from '../../../electron/domain/forms';
import type { MeetingKind } from '../../../electron/domain/meeting';
import { refresh } from '../queries';
import { Dialog } from '../ui/Dialog';
import { Stepper } from '../ui/Stepper';
import { ConfirmStep } from './ConfirmStep';
import type { IssueOutcome, Preview, PreviewOptions } from './gateTypes';
import { IssueSummary } from './IssueSummary';
import { OptionsStep } from './OptionsStep';
import { PreviewStep } from './PreviewStep';
import { ResultStep } from './ResultStep';

type Step =
  | { name: 'options' }
  | { name: 'preview' | 'confirm'; preview: Preview }
  | { name: 'result'; preview: Preview; outcome: IssueOutcome };

const stepIndex = { options: 0, preview: 1, confirm: 2, result: 3 } as const;

interface DocumentGateProps {
  /** The document to issue; null keeps the gate closed. */
  document: DocumentKey | null;
  title: string;
  /** The meeting a 様式 (or a 別添資料 handed out there) belongs to. */
  meetingId?: string;
  /** The household a 別添資料 issued on its own is about (one copy; today's consent decides the kind). */
  householdId?: string;
  /** The 終結 whose 評価シート is issued (from the household's history). */
  evaluationId?: string;
  /** Whether numbered copies can be made; by default only for a meeting's documents (rule 8). */
  numberedCopies?: boolean;
  kind: MeetingKind;
  kindLabel: string;
  /** The meeting's 通知番号, 様式1's 第N号 unless another is typed. */
  noticeNumber: string | null;
  onClose: () => void;
}

/**
 * The 159条 gate, the only way a 様式 leaves Kasane (rules 4, 7, 8): names and copies → the exact
 * file previewed → the warning, the purpose and the acknowledgement → 保存 or Wordで開く.
 */
export function DocumentGate({
  document,
  title,
  meetingId,
  householdId,
  evaluationId,
  numberedCopies,
  kind,
  kindLabel,
  noticeNumber,
  onClose,
}: DocumentGateProps) {
  const [busy, setBusy] = useState(false);
  const heading = !document
    ? ''
    : isFormKey(document)
      ? `様式${formOf(document).number} ${title}`
      : document === evaluationSheet.key
        ? title
        : `別添資料 ${title}`;
  return (
    <Dialog open={document !== null} title={heading} onClose={onClose} busy={busy} size="full">
      {document && (
        <GateSteps
          key={document}
          onBusyChange={setBusy}
          document={document}
          title={title}
          {...(meetingId ? { meetingId } : {})}
          {...(householdId ? { householdId } : {})}
          {...(evaluationId ? { evaluationId } : {})}
          numberedCopies={numberedCopies ?? meetingId !== undefined}
          kind={kind}
          kindLabel={kindLabel}
          noticeNumber={noticeNumber}
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}

function GateSteps({
  document,
  title,
  meetingId,
  householdId,
  evaluationId,
  numberedCopies,
  kind,
  kindLabel,
  noticeNumber,
  onClose,
  onBusyChange,
}: Omit<DocumentGateProps, 'document' | 'numberedCopies'> & {
  document: DocumentKey;
  numberedCopies: boolean;
  onBusyChange: (busy: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>({ name: 'options' });
  // Rule 4: a 支援会議's documents show members by label unless real names are chosen.
  const [options, setOptions] = useState<PreviewOptions>({
    ...(meetingId ? { meetingId } : {}),
    ...(householdId ? { householdId } : {}),
    ...(evaluationId ? { evaluationId } : {}),
    document,
    together: [],
    names: kind === 'unconsented' ? 'masked' : 'real',
    namesReason: '',
    copies: 1,
    perAgency: false,
    notice: { number: noticeNumber ?? '', issuedOn: '', replyBy: '' },
  });
  const titleOf = (key: FormKey) => formTitle(key, kindLabel);

  return (
    <div>
      <Stepper
        tight
        steps={[
          document === 'form1' ? '氏名の表示と通知の日付' : '氏名の表示と部数',
          'プレビュー',
          '守秘義務の確認',
          '完了',
        ]}
        current={stepIndex[step.name]}
      />
      {step.name === 'options' && (
        <OptionsStep
          initial={options}
          titleOf={titleOf}
          kind={kind}
          kindLabel={kindLabel}
          numberedCopies={numberedCopies}
          onBusyChange={onBusyChange}
          onCancel={onClose}
          onPreview={(chosen, preview) => {
            setOptions(chosen);
            setStep({ name: 'preview', preview });
          }}
        />
      )}
      {step.name === 'preview' && (
        <PreviewStep
          preview={step.preview}
          title={title}
          onBack={() => setStep({ name: 'options' })}
          onNext={() => setStep({ name: 'confirm', preview: step.preview })}
        />
      )}
      {step.name === 'confirm' && (
        <ConfirmStep
          preview={step.preview}
          summary={
            <IssueSummary
              titles={[title, ...options.together.map(titleOf)]}
              options={options}
              fileNames={step.preview.fileNames}
            />
          }
          onBusyChange={onBusyChange}
          onBack={() => setStep({ name: 'preview', preview: step.preview })}
          onIssued={(outcome) => {
            if (outcome.done) void refresh(queryClient, ['meetings.list', 'copies.list', 'desk.get']);
            setStep({ name: 'result', preview: step.preview, outcome });
          }}
        />
      )}
      {step.name === 'result' && (
        <ResultStep
          outcome={step.outcome}
          onRetry={() => setStep({ name: 'confirm', preview: step.preview })}
          onClose={onClose}
        />
      )}
    </div>
  );
}
