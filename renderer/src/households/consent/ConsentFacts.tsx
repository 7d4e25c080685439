import { Controller, useFormContext, useWatch } from 'react-hook-form';
import type { ConsentMethod } from '../../../../electron/domain/consent';
import type { Agency } from '../../../../electron/ipc/schemas/agencies';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { DateField } from '../../ui/DateField';
import { TextField } from '../../ui/Field';
import fieldStyles from '../../ui/Field.module.css';
import householdsStyles from '../households.module.css';
import { ScopePicker } from './ScopePicker';

/** The facts of one consent record, as the form holding them (FormProvider) names them. */
interface ConsentFactValues {
  obtainedOn: string;
  method: ConsentMethod;
  obtainedBy: string;
  allAgencies: boolean;
  agencyIds: string[];
}

/**
 * 取得日, 取得者, 方法 (書面/口頭) and 範囲, for recording a consent and for its 訂正. A record imported
 * with 方法 不明 may keep it in a 訂正; a new record never has it.
 */
export function ConsentFacts({ agencies, correcting }: { agencies: readonly Agency[]; correcting: boolean }) {
  const { register, control, formState } = useFormContext<ConsentFactValues>();
  const { errors } = formState;
  const obtainedOn = useWatch({ control, name: 'obtainedOn' });
  const allAgencies = useWatch({ control, name: 'allAgencies' });
  const method = formState.defaultValues?.method;
  return (
    <>
      <div className={householdsStyles.formGrid}>
        <DateField
          label="取得日"
          required
          typed={obtainedOn}
          error={errors.obtainedOn?.message}
          data-autofocus
          {...register('obtainedOn')}
        />
        <TextField
          label="取得者"
          required={!correcting}
          autoComplete="off"
          hint="同意を得た人（例：地域包括支援センター 佐藤）"
          error={errors.obtainedBy?.message}
          {...register('obtainedBy')}
        />
      </div>
      <ChoiceGroup legend="方法" required error={errors.method?.message}>
        <label className={fieldStyles.choice}>
          <input type="radio" value="written" {...register('method')} />
          書面
        </label>
        <label className={fieldStyles.choice}>
          <input type="radio" value="oral" {...register('method')} />
          口頭
        </label>
        {correcting && method === 'unknown' && (
          <label className={fieldStyles.choice}>
            <input type="radio" value="unknown" {...register('method')} />
            不明（移行データ）
          </label>
        )}
      </ChoiceGroup>
      <Controller
        control={control}
        name="agencyIds"
        render={({ field }) => (
          <ScopePicker
            agencies={agencies}
            allAgencies={allAgencies}
            allAgenciesField={register('allAgencies')}
            value={field.value}
            onChange={field.onChange}
            error={errors.agencyIds?.message}
          />
        )}
      />
    </>
  );
}
