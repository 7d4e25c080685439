import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Path, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { methodLabels } from '../../../../electron/domain/consent';
import { warekiInput } from '../../../../electron/domain/dates';
import { formatWarekiDate, officeDate } from '../../../../electron/domain/office-day';
import {
  type ConsentRecord,
  consentWithdrawalInputSchema,
} from '../../../../electron/ipc/schemas/households';
import { call } from '../../api';
import { householdReads, refresh } from '../../queries';
import { Button } from '../../ui/Button';
import { DateField } from '../../ui/DateField';
import { DialogActions } from '../../ui/Dialog';
import { Form } from '../../ui/Form';
import { applyCallError, invalidFormMessage } from '../../ui/formErrors';
import { TextAreaField } from '../../ui/TextAreaField';
import { ConfirmStep, useTwoSteps } from '../ConfirmStep';
import { FormErrorNotice } from '../FormErrorNotice';

const schema = consentWithdrawalInputSchema.omit({ consentId: true });
type Values = z.input<typeof schema>;
type Parsed = z.output<typeof schema>;
const fields: readonly Path<Values>[] = ['withdrawnOn', 'reason'];

interface WithdrawConsentFormProps {
  record: ConsentRecord;
  onCancel: () => void;
  onSaved: () => void;
}

/** 撤回日 and 理由, then an explicit second step: sharing stops from that day. */
export function WithdrawConsentForm({ record, onCancel, onSaved }: WithdrawConsentFormProps) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, setFocus, control, formState } = useForm<Values, unknown, Parsed>(
    {
      resolver: zodResolver(schema),
      defaultValues: { withdrawnOn: warekiInput(officeDate(new Date())), reason: '' },
    },
  );
  const { errors } = formState;
  const steps = useTwoSteps<Parsed, Path<Values>>(setFocus, 'withdrawnOn');
  const withdrawnOn = useWatch({ control, name: 'withdrawnOn' });

  const withdraw = useMutation({
    mutationFn: (values: Parsed) => call('consents.withdraw', { consentId: record.id, ...values }),
    onSuccess: async () => {
      await refresh(queryClient, householdReads);
      onSaved();
    },
    onError: (error) => {
      steps.back();
      setFormError(applyCallError(error, setError, { fields }));
    },
  });

  if (steps.confirming) {
    const values = steps.confirming;
    return (
      <ConfirmStep
        question="同意の撤回を記録してよろしいですか。"
        confirmLabel="撤回を記録する"
        busy={withdraw.isPending}
        onConfirm={() => withdraw.mutate(values)}
        onBack={steps.back}
      >
        <p>
          {formatWarekiDate(values.withdrawnOn)}
          から、この同意による情報の共有を止めます。ほかに有効な同意がなければ、この世帯は支援会議の対象になります。
        </p>
      </ConfirmStep>
    );
  }

  return (
    <Form
      aria-label="同意の撤回"
      onSubmit={handleSubmit(
        (values) => {
          setFormError(null);
          steps.confirm(values);
        },
        () => setFormError(invalidFormMessage),
      )}
    >
      <p className="muted">
        対象：{formatWarekiDate(record.obtainedOn)}に{methodLabels[record.method]}で取得（取得者{' '}
        {record.obtainedBy}）
      </p>
      <DateField
        label="撤回日"
        required
        typed={withdrawnOn}
        error={errors.withdrawnOn?.message}
        data-autofocus
        {...register('withdrawnOn')}
      />
      <TextAreaField
        label="理由"
        required
        rows={3}
        hint="本人からの申し出の内容など。"
        error={errors.reason?.message}
        {...register('reason')}
      />
      <FormErrorNotice message={formError} errors={errors} />
      <DialogActions>
        <Button type="submit" variant="primary">
          次へ
        </Button>
        <Button onClick={onCancel}>キャンセル</Button>
      </DialogActions>
    </Form>
  );
}
