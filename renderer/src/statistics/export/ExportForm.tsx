import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { fiscalYearLabel } from '../../../../electron/domain/fiscal-year';
import { statisticsExportInputSchema } from '../../../../electron/ipc/schemas/statistics';
import { call, errorMessage } from '../../api';
import { ConfidentialityFields, purposeChosen } from '../../documents/ConfidentialityFields';
import { read } from '../../queries';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { DialogActions } from '../../ui/Dialog';
import { Form } from '../../ui/Form';
import { applyCallError } from '../../ui/formErrors';
import { Notice } from '../../ui/Notice';
import styles from './ExportForm.module.css';
import { type ExportFormat, formatLabel } from './formats';

type ExportValues = z.input<typeof statisticsExportInputSchema>;
type ExportInput = z.output<typeof statisticsExportInputSchema>;

export interface ExportRequest {
  format: ExportFormat;
  fiscalYears: number[];
  threshold: number;
}

interface ExportFormProps {
  request: ExportRequest;
  onCancel: () => void;
  onDone: (result: { saved: boolean; fileNames: string[] }) => void;
  onBusyChange: (busy: boolean) => void;
}

/**
 * Rule 7 for statistics: what leaves (and what never does), the 159条 warning as main gives it,
 * the purpose and a ticked acknowledgement; only then 「保存」.
 */
export function ExportForm({ request, onCancel, onDone, onBusyChange }: ExportFormProps) {
  const warning = useQuery(read('legal.confidentialityWarning', {}));
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, control, formState } = useForm<
    ExportValues,
    unknown,
    ExportInput
  >({
    resolver: zodResolver(statisticsExportInputSchema),
    defaultValues: {
      fiscalYears: request.fiscalYears,
      threshold: request.threshold,
      format: request.format,
      purposeNote: '',
    },
  });
  const { errors } = formState;
  const [purpose, acknowledged] = useWatch({ control, name: ['purpose', 'warningAcknowledged'] });
  const ready = warning.isSuccess && purposeChosen(purpose) && acknowledged === true;

  const save = useMutation({
    mutationFn: (values: ExportInput) => call('statistics.export', values),
    onMutate: () => onBusyChange(true),
    onSettled: () => onBusyChange(false),
    onSuccess: onDone,
    onError: (error) =>
      setFormError(
        applyCallError(error, setError, { fields: ['purpose', 'purposeNote', 'warningAcknowledged'] }),
      ),
  });

  return (
    <Form
      aria-label="守秘義務の確認と使用目的"
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      })}
    >
      <dl className={styles.exportFacts}>
        <dt>形式</dt>
        <dd>{formatLabel(request.format)}</dd>
        <dt>年度</dt>
        <dd>{request.fiscalYears.map(fiscalYearLabel).join('・')}</dd>
        <dt>秘匿の基準</dt>
        <dd>
          1〜{request.threshold - 1}件を「＊」（{request.threshold}件未満）
        </dd>
        <dt>含まないもの</dt>
        <dd>氏名、受付番号、生年月日（年代のみ）、住所、月より細かい日付</dd>
      </dl>
      {warning.isError && <Notice tone="error">{errorMessage(warning.error)}</Notice>}
      <ConfidentialityFields
        warning={warning.data}
        register={register}
        errors={errors}
        purpose={purpose}
        testId="export-warning"
      />
      {formError && <Notice tone="error">{formError}</Notice>}
      <p className={cx('muted', 'small', styles.exportReady)} aria-live="polite">
        {ready
          ? '保存すると、形式・年度・目的が監査ログに記録されます。'
          : '使用目的を選び、確認欄にチェックすると保存できます。'}
      </p>
      <DialogActions>
        <Button onClick={onCancel} disabled={save.isPending}>
          やめる
        </Button>
        <Button type="submit" variant="primary" disabled={!ready} busy={save.isPending}>
          保存
        </Button>
      </DialogActions>
    </Form>
  );
}
