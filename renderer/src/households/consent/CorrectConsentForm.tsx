import { FormProvider, useWatch } from 'react-hook-form';
import { warekiInput } from '../../../../electron/domain/dates';
import type { Agency } from '../../../../electron/ipc/schemas/agencies';
import {
  type ConsentRecord,
  consentCorrectionInputSchema,
} from '../../../../electron/ipc/schemas/households';
import { call } from '../../api';
import { DateField } from '../../ui/DateField';
import { TextField } from '../../ui/Field';
import { Form } from '../../ui/Form';
import householdsStyles from '../households.module.css';
import { CorrectionActions, useRecordForm } from '../recordForm';
import { ConsentFacts } from './ConsentFacts';

interface CorrectConsentFormProps {
  record: ConsentRecord;
  agencies: readonly Agency[];
  onCancel: () => void;
  onSaved: () => void;
}

/** 訂正 (rule 18): the record's facts as they should have been, and why; the earlier version stays. */
export function CorrectConsentForm({ record, agencies, onCancel, onSaved }: CorrectConsentFormProps) {
  const { form, formError, onSubmit, busy } = useRecordForm({
    schema: consentCorrectionInputSchema,
    defaultValues: {
      consentId: record.id,
      obtainedOn: warekiInput(record.obtainedOn),
      method: record.method,
      obtainedBy: record.obtainedBy,
      allAgencies: record.allAgencies,
      agencyIds: record.agencyIds,
      withdrawnOn: warekiInput(record.withdrawnOn),
      withdrawReason: record.withdrawReason ?? '',
      reason: '',
    },
    fields: [
      'obtainedOn',
      'method',
      'obtainedBy',
      'allAgencies',
      'agencyIds',
      'withdrawnOn',
      'withdrawReason',
      'reason',
    ],
    save: (values) => call('consents.correct', values),
    onSaved,
  });
  const { register, control, formState } = form;
  const { errors } = formState;
  const withdrawnOn = useWatch({ control, name: 'withdrawnOn' });

  return (
    <FormProvider {...form}>
      <Form aria-label="本人同意の記録の訂正" onSubmit={onSubmit}>
        <ConsentFacts agencies={agencies} correcting />
        {record.withdrawnOn && (
          <div className={householdsStyles.formGrid}>
            <DateField
              label="撤回日"
              typed={withdrawnOn ?? ''}
              hint="空欄にすると、撤回の記録を取り消します。"
              error={errors.withdrawnOn?.message}
              {...register('withdrawnOn')}
            />
            <TextField
              label="撤回の理由"
              error={errors.withdrawReason?.message}
              {...register('withdrawReason')}
            />
          </div>
        )}
        <CorrectionActions
          reasonField={register('reason')}
          hint="例：取得日を令和9年と書き誤った。理由は履歴に残ります。"
          formError={formError}
          errors={errors}
          busy={busy}
          onCancel={onCancel}
        />
      </Form>
    </FormProvider>
  );
}
