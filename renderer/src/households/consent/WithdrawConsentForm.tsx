import { useWatch } from 'react-hook-form';
import { methodLabels } from '../../../../electron/domain/consent';
import { warekiInput } from '../../../../electron/domain/dates';
import { formatWarekiDate, officeDate } from '../../../../electron/domain/office-day';
import {
  type ConsentRecord,
  consentWithdrawalInputSchema,
} from '../../../../electron/ipc/schemas/households';
import { call } from '../../api';
import { DateField } from '../../ui/DateField';
import { Form } from '../../ui/Form';
import { TextAreaField } from '../../ui/TextAreaField';
import { ConfirmStep } from '../ConfirmStep';
import { RecordFormActions, useRecordForm } from '../recordForm';

interface WithdrawConsentFormProps {
  record: ConsentRecord;
  onCancel: () => void;
  onSaved: () => void;
}

/** 撤回日 and 理由, then an explicit second step: sharing stops from that day. */
export function WithdrawConsentForm({ record, onCancel, onSaved }: WithdrawConsentFormProps) {
  const withdrawal = useRecordForm({
    schema: consentWithdrawalInputSchema.omit({ consentId: true }),
    defaultValues: { withdrawnOn: warekiInput(officeDate(new Date())), reason: '' },
    fields: ['withdrawnOn', 'reason'],
    save: (values) => call('consents.withdraw', { consentId: record.id, ...values }),
    onSaved,
    confirmFirst: () => true,
  });
  const { register, control, formState } = withdrawal.form;
  const withdrawnOn = useWatch({ control, name: 'withdrawnOn' });

  if (withdrawal.confirming) {
    return (
      <ConfirmStep
        question="同意の撤回を記録してよろしいですか。"
        confirmLabel="撤回を記録する"
        busy={withdrawal.busy}
        onConfirm={withdrawal.saveConfirmed}
        onBack={withdrawal.back}
      >
        <p>
          {formatWarekiDate(withdrawal.confirming.withdrawnOn)}
          から、この同意による情報の共有を止めます。ほかに有効な同意がなければ、この世帯は支援会議の対象になります。
        </p>
      </ConfirmStep>
    );
  }

  return (
    <Form aria-label="同意の撤回" onSubmit={withdrawal.onSubmit}>
      <p className="muted">
        対象：{formatWarekiDate(record.obtainedOn)}に{methodLabels[record.method]}で取得（取得者{' '}
        {record.obtainedBy}）
      </p>
      <DateField
        label="撤回日"
        required
        typed={withdrawnOn}
        error={formState.errors.withdrawnOn?.message}
        data-autofocus
        {...register('withdrawnOn')}
      />
      <TextAreaField
        label="理由"
        required
        rows={3}
        hint="本人からの申し出の内容など。"
        error={formState.errors.reason?.message}
        {...register('reason')}
      />
      <RecordFormActions
        formError={withdrawal.formError}
        errors={formState.errors}
        submitLabel="次へ"
        onCancel={onCancel}
      />
    </Form>
  );
}
