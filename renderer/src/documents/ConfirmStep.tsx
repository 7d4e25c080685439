import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { documentIssueInputSchema } from '../../../electron/ipc/schemas/meetings';
import { call } from '../api';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import { DialogActions } from '../ui/Dialog';
import { Form } from '../ui/Form';
import { applyCallError } from '../ui/formErrors';
import { Notice } from '../ui/Notice';
import { ConfidentialityFields, purposeChosen } from './ConfidentialityFields';
import styles from './ConfirmStep.module.css';
import type { IssueAction, IssueOutcome, Preview } from './gateTypes';

type IssueValues = z.input<typeof documentIssueInputSchema>;
type IssueInput = z.output<typeof documentIssueInputSchema>;

interface ConfirmStepProps {
  preview: Preview;
  /** What is about to leave: shown beside the confirmation. */
  summary: ReactNode;
  /** The second button: 「Wordで開く」 unless the file is another kind (「Excelで開く」). */
  openLabel?: string;
  onBack: () => void;
  onIssued: (outcome: IssueOutcome) => void;
  onBusyChange: (busy: boolean) => void;
}

/**
 * Rule 7: the warning in full (from main, never written here), the purpose, and the person's
 * acknowledgement; only then 「保存」 or 「Wordで開く」.
 */
export function ConfirmStep({
  preview,
  summary,
  openLabel = 'Wordで開く',
  onBack,
  onIssued,
  onBusyChange,
}: ConfirmStepProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, setFocus, control, formState } = useForm<
    IssueValues,
    unknown,
    IssueInput
  >({
    resolver: zodResolver(documentIssueInputSchema),
    defaultValues: { previewId: preview.previewId, action: 'save', purposeNote: '' },
  });
  const { errors } = formState;
  const [purpose, acknowledged] = useWatch({ control, name: ['purpose', 'warningAcknowledged'] });
  const ready = purposeChosen(purpose) && acknowledged === true;

  useEffect(() => setFocus('purpose'), [setFocus]);

  const issue = useMutation({
    mutationFn: (values: IssueInput) => call('documents.issue', values),
    onMutate: () => onBusyChange(true),
    onSettled: () => onBusyChange(false),
    onSuccess: (result, values) => onIssued({ action: values.action, ...result }),
    onError: (error) =>
      setFormError(
        applyCallError(error, setError, { fields: ['purpose', 'purposeNote', 'warningAcknowledged'] }),
      ),
  });

  const submit = (action: IssueAction) =>
    handleSubmit((values) => {
      setFormError(null);
      issue.mutate({ ...values, action });
    });

  return (
    <div className={styles.confirmLayout}>
      <Form aria-label="守秘義務の確認と使用目的" onSubmit={submit('save')}>
        <ConfidentialityFields
          warning={preview.warning}
          register={register}
          errors={errors}
          purpose={purpose}
          testId="gate-warning"
        />
        {formError && <Notice tone="error">{formError}</Notice>}
        <p className={cx('muted', 'small', styles.readyHint)} aria-live="polite">
          {ready
            ? '保存すると、様式・部数・目的が監査ログに記録されます。'
            : '使用目的を選び、確認欄にチェックすると保存できます。'}
        </p>
        <DialogActions>
          <Button onClick={onBack} disabled={issue.isPending}>
            プレビューに戻る
          </Button>
          <Button
            disabled={!ready}
            busy={issue.isPending && issue.variables?.action === 'openInWord'}
            onClick={submit('openInWord')}
          >
            {openLabel}
          </Button>
          <Button
            type="submit"
            variant="primary"
            disabled={!ready}
            busy={issue.isPending && issue.variables?.action === 'save'}
          >
            保存
          </Button>
        </DialogActions>
      </Form>
      {summary}
    </div>
  );
}
