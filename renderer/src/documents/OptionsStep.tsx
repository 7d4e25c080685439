import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { MeetingKind } from '../../../electron/domain/meeting';
import { documentPreviewInputSchema } from '../../../electron/ipc/schemas/meetings';
import { call } from '../api';
import { Button } from '../ui/Button';
import { DialogActions } from '../ui/Dialog';
import { TextField } from '../ui/Field';
import { Form } from '../ui/Form';
import { applyCallError, invalidFormMessage } from '../ui/formErrors';
import { Notice } from '../ui/Notice';
import { TextAreaField } from '../ui/TextAreaField';
import type { Preview, PreviewOptions } from './gateTypes';

interface OptionsStepProps {
  initial: PreviewOptions;
  kind: MeetingKind;
  kindLabel: string;
  onPreview: (options: PreviewOptions, preview: Preview) => void;
  onCancel: () => void;
  onBusyChange: (busy: boolean) => void;
}

/** 氏名の表示 (rule 4) and 部数 (rule 8), then 「プレビュー」: main renders the exact file to be issued. */
export function OptionsStep({
  initial,
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
  const [names, copies] = useWatch({ control, name: ['names', 'copies'] });
  const realNamesNeedReason = kind === 'unconsented' && names === 'real';

  // The chosen option has the focus, as in any radio group (also when coming back from the preview).
  useEffect(() => namesGroup.current?.querySelector<HTMLInputElement>('input:checked')?.focus(), []);

  const preview = useMutation({
    mutationFn: (options: PreviewOptions) => call('documents.preview', options),
    onMutate: () => onBusyChange(true),
    onSettled: () => onBusyChange(false),
    onSuccess: (result, options) => onPreview(options, result),
    onError: (error) =>
      setFormError(
        applyCallError(error, setError, {
          fields: ['names', 'namesReason', 'copies'],
          codes: { NAMES_REASON_REQUIRED: 'namesReason' },
        }),
      ),
  });

  const copiesError =
    errors.copies &&
    (errors.copies.type === 'invalid_type' ? '部数は数字で入力してください' : errors.copies.message);

  return (
    <Form
      className="doc-options"
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
      <fieldset ref={namesGroup} className="group doc-names" aria-describedby={`${id}-names-hint`}>
        <legend>氏名の表示</legend>
        <p className="field-hint" id={`${id}-names-hint`}>
          {kind === 'unconsented'
            ? `${kindLabel}の資料は、世帯員を記号（A氏、B氏…）で表すのが原則です。実名を載せるには理由を記録します。`
            : '世帯員の氏名をそのまま載せるか、記号（A氏、B氏…）で表すかを選びます。'}
        </p>
        <label className="choice">
          <input
            type="radio"
            value="masked"
            data-autofocus={initial.names === 'masked' || undefined}
            {...register('names')}
          />
          記号（A氏、B氏…）
        </label>
        <label className="choice">
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
      <TextField
        label="部数"
        type="number"
        inputMode="numeric"
        min={1}
        max={60}
        step={1}
        required
        inputClassName="input-narrow"
        hint="1〜60部"
        error={copiesError}
        {...register('copies', { valueAsNumber: true })}
      />
      {Number.isInteger(copies) && copies > 1 && (
        <Notice tone="info" className="doc-copies-note">
          {copies}部それぞれの右上に配布番号（1〜{copies}
          ）を印字し、別に「回収チェック表」を1枚作成します。会議の終わりに全部数を回収し、チェック表で確認してください。
        </Notice>
      )}
      {formError && <Notice tone="error">{formError}</Notice>}
      <DialogActions>
        <Button onClick={onCancel}>キャンセル</Button>
        <Button type="submit" variant="primary" busy={preview.isPending}>
          プレビュー
        </Button>
      </DialogActions>
    </Form>
  );
}
