import { FormProvider } from 'react-hook-form';
import { warekiInput } from '../../../../electron/domain/dates';
import { officeDate } from '../../../../electron/domain/office-day';
import type { Agency } from '../../../../electron/ipc/schemas/agencies';
import { consentInputSchema } from '../../../../electron/ipc/schemas/households';
import { call } from '../../api';
import { Form } from '../../ui/Form';
import { RecordFormActions, useRecordForm } from '../recordForm';
import { ConsentFacts } from './ConsentFacts';

// The contract's schema, plus the service's rule that a consent names its 範囲, checked before sending.
const schema = consentInputSchema
  .omit({ householdId: true })
  .refine((v) => v.allAgencies === true || (v.agencyIds?.length ?? 0) > 0, {
    message: '情報を共有してよい機関を選ぶか、「出席する全機関」を選んでください。',
    path: ['agencyIds'],
    // Shown together with the other fields' errors, not only once they are all right.
    when: () => true,
  });

interface AddConsentFormProps {
  householdId: string;
  agencies: readonly Agency[];
  onCancel: () => void;
  onSaved: () => void;
}

/** 取得日, 方法 (書面/口頭), 取得者, 範囲 (agencies, or 出席する全機関). */
export function AddConsentForm({ householdId, agencies, onCancel, onSaved }: AddConsentFormProps) {
  const { form, formError, onSubmit, busy } = useRecordForm({
    schema,
    defaultValues: {
      obtainedOn: warekiInput(officeDate(new Date())),
      obtainedBy: '',
      allAgencies: false,
      agencyIds: [],
    },
    fields: ['obtainedOn', 'method', 'obtainedBy', 'allAgencies', 'agencyIds'],
    save: (values) => call('consents.add', { householdId, ...values }),
    onSaved,
  });
  return (
    <FormProvider {...form}>
      <Form aria-label="本人同意の記録" onSubmit={onSubmit}>
        <ConsentFacts agencies={agencies} correcting={false} />
        <RecordFormActions
          formError={formError}
          errors={form.formState.errors}
          submitLabel="記録する"
          busy={busy}
          onCancel={onCancel}
        />
      </Form>
    </FormProvider>
  );
}
