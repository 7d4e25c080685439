import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { FormKey } from '../../../electron/domain/forms';
import type { MeetingKind } from '../../../electron/domain/meeting';
import { documentPreviewInputSchema } from '../../../electron/ipc/schemas/meetings';
import { call, isCallError } from '../api';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import { DialogActions } from '../ui/Dialog';
import fieldStyles from '../ui/Field.module.css';
import { Form } from '../ui/Form';
import { applyCallError, invalidFormMessage } from '../ui/formErrors';
import { Notice } from '../ui/Notice';
import { TextAreaField } from '../ui/TextAreaField';
import type { Preview, PreviewOptions } from './gateTypes';
import { NoticeOptions } from './NoticeOptions';
import styles from './OptionsStep.module.css';
import { PacketOptions } from './PacketOptions';

interface OptionsStepProps {
  initial: PreviewOptions;
  /** 様式 titles as the office names its meetings. */
  titleOf: (key: FormKey) => string;
  /** False for a 別添資料 issued from its household: numbered copies belong to a meeting (rule 8). */
  numberedCopies: boolean;
  kind: MeetingKind;
  kindLabel: string;
  onPreview: (options: PreviewOptions, preview: Preview) => void;
  onCancel: () => void;
  onBusyChange: (busy: boolean) => void;
}

/**
 * 氏名の表示 (rule 4), then 様式1's number and dates or the packet's 様式 and 部数 (rule 8), then
 * 「プレビュー」: main renders the exact files to be issued.
 */
export function OptionsStep({
  initial,
  titleOf,
  numberedCopies,
  kind,
  kindLabel,
  onPreview,
  onCancel,
  onBusyChange,
}: OptionsStepProps) {
  const id = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const namesGroup = useRef<HTMLFieldSetElement>(null);
  const { register, handleSubmit, setError, control, formState } = useForm<PreviewOptions>({
    resolver: zodResolver(documentPreviewInputSchema),
    defaultValues: initial,
  });
  const { errors } = formState;
  const names = useWatch({ control, name: 'names' });
  const realNamesNeedReason = kind === 'unconsented' && names === 'real';
  // More than one file is rendered off the main thread, with a count and 「中止」.
  const [copies, together, perAgency] = useWatch({ control, name: ['copies', 'together', 'perAgency'] });
  const severalFiles = copies > 1 || together.length > 0 || perAgency;

  // The chosen option has the focus, as in any radio group (also when coming back from the preview).
  useEffect(() => namesGroup.current?.querySelector<HTMLInputElement>('input:checked')?.focus(), []);

  // キャンセル while the worker renders stops the job first and closes once it has stopped, so the
  // next 様式 is not refused as JOB_RUNNING by a render nobody waits for.
  const [closeWhenStopped, setCloseWhenStopped] = useState(false);
  const preview = useMutation({
    mutationFn: (options: PreviewOptions) => call('documents.preview', options),
    onMutate: () => onBusyChange(true),
    onSettled: () => {
      onBusyChange(false);
      if (closeWhenStopped) onCancel();
    },
    onSuccess: (result, options) => onPreview(options, result),
    onError: (error) =>
      setFormError(
        isCallError(error, 'CANCELLED')
          ? error.message
          : applyCallError(error, setError, {
              fields: [
                'names',
                'namesReason',
                'copies',
                'notice.number',
                'notice.issuedOn',
                'notice.replyBy',
              ],
              codes: { NAMES_REASON_REQUIRED: 'namesReason' },
            }),
      ),
  });

  return (
    <Form
      className={styles.options}
      aria-label="氏名の表示と部数"
      onSubmit={handleSubmit(
        (values) => {
          setFormError(null);
          if (realNamesNeedReason && values.namesReason.trim() === '') {
            setError(
              'namesReason',
              { type: 'required', message: '実名を載せる理由を入力してください' },
              { shouldFocus: true },
            );
            return;
          }
          preview.mutate(values);
        },
        () => setFormError(invalidFormMessage),
      )}
    >
      <fieldset
        ref={namesGroup}
        className={cx(fieldStyles.group, styles.names)}
        aria-describedby={`${id}-names-hint`}
      >
        <legend>氏名の表示</legend>
        <p className={fieldStyles.hint} id={`${id}-names-hint`}>
          {kind === 'unconsented'
            ? `${kindLabel}の資料は、世帯員を記号（A氏、B氏…）で表すのが原則です。実名を載せるには理由を記録します。`
            : '世帯員の氏名をそのまま載せるか、記号（A氏、B氏…）で表すかを選びます。'}
        </p>
        <label className={fieldStyles.choice}>
          <input
            type="radio"
            value="masked"
            data-autofocus={initial.names === 'masked' || undefined}
            {...register('names')}
          />
          記号（A氏、B氏…）
        </label>
        <label className={fieldStyles.choice}>
          <input
            type="radio"
            value="real"
            data-autofocus={initial.names === 'real' || undefined}
            {...register('names')}
          />
          実名
        </label>
      </fieldset>
      {realNamesNeedReason && (
        <TextAreaField
          label="実名を載せる理由"
          required
          hint="記録に残ります（例：本人が出席し、本人の了解を得て実名で作成するため）。"
          error={errors.namesReason?.message}
          {...register('namesReason')}
        />
      )}
      {initial.document === 'form1' ? (
        <NoticeOptions register={register} control={control} errors={errors} />
      ) : (
        <PacketOptions
          document={initial.document}
          register={register}
          control={control}
          errors={errors}
          titleOf={titleOf}
          numberedCopies={numberedCopies}
        />
      )}
      {preview.isPending && severalFiles && <JobProgressBar job="render" cancellable />}
      {formError && (
        <Notice tone={isCallError(preview.error, 'CANCELLED') ? 'info' : 'error'}>{formError}</Notice>
      )}
      <DialogActions>
        <Button
          disabled={closeWhenStopped}
          onClick={() => {
            if (!(preview.isPending && severalFiles)) return onCancel();
            setCloseWhenStopped(true);
            void call('jobs.cancel', { job: 'render' }).catch(() => setCloseWhenStopped(false));
          }}
        >
          キャンセル
        </Button>
        <Button type="submit" variant="primary" busy={preview.isPending}>
          プレビュー
        </Button>
      </DialogActions>
    </Form>
  );
}
