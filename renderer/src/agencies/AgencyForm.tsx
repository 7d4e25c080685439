import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type Path, useForm } from 'react-hook-form';
import { type AgencyField, agencyFields } from '../../../electron/domain/agency';
import { type Agency, type AgencyInput, agencyInputSchema } from '../../../electron/ipc/schemas/agencies';
import { call } from '../api';
import { refresh } from '../queries';
import { useUnsavedChanges } from '../shell/unsavedChanges';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import { TextField } from '../ui/Field';
import { Form } from '../ui/Form';
import { applyCallError, invalidFormMessage } from '../ui/formErrors';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import { SelectField } from '../ui/SelectField';
import styles from './AgencyForm.module.css';

/** The form allows 「選んでください」 (''); the schema refuses it with 「分野を選んでください」. */
type Values = Omit<AgencyInput, 'field' | 'id'> & { field: AgencyField | '' };

const fields: readonly Path<Values>[] = [
  'field',
  'name',
  'department',
  'phone',
  'email',
  'address',
  'contactPerson',
];

function valuesOf(agency: Agency | null, field: AgencyField | ''): Values {
  if (!agency) {
    return { field, name: '', department: '', phone: '', email: '', address: '', contactPerson: '' };
  }
  const { id: _id, retired: _retired, inUse: _inUse, ...values } = agency;
  return values;
}

interface AgencyFormProps {
  /** null: a new agency. */
  agency: Agency | null;
  /** 分野 preselected for a new agency (the one the list is filtered to). */
  defaultField: AgencyField | '';
  onSaved: (name: string) => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

/** Add or edit one agency; validated by the contract's schema here and again in main. */
export function AgencyForm({ agency, defaultField, onSaved, onCancel, onDirtyChange }: AgencyFormProps) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, setFocus, formState } = useForm<Values, unknown, AgencyInput>({
    resolver: zodResolver<Values, unknown, AgencyInput>(agencyInputSchema),
    defaultValues: valuesOf(agency, defaultField),
  });
  const { errors, isDirty } = formState;
  useUnsavedChanges(isDirty);
  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);

  useEffect(() => {
    setFocus(agency || defaultField ? 'name' : 'field');
  }, [agency, defaultField, setFocus]);

  const save = useMutation({
    mutationFn: (values: AgencyInput) =>
      call('agencies.save', agency ? { ...values, id: agency.id } : values),
    onSuccess: (_result, values) => {
      void refresh(queryClient, ['agencies.list']);
      onSaved(values.name);
    },
    onError: (error) => setFormError(applyCallError(error, setError, { fields })),
  });

  const titleId = agency ? 'agency-edit-title' : 'agency-add-title';
  return (
    <section className={cx(layoutStyles.panel, styles.editor)} aria-labelledby={titleId}>
      <h2 id={titleId} className={layoutStyles.panelTitle}>
        {agency ? `関係機関を編集：${agency.name}` : '関係機関を追加'}
      </h2>
      <Form
        aria-labelledby={titleId}
        onSubmit={handleSubmit(
          (values) => {
            setFormError(null);
            save.mutate(values);
          },
          () => setFormError(invalidFormMessage),
        )}
      >
        <div className={styles.formGrid}>
          <SelectField label="分野" required error={errors.field?.message} {...register('field')}>
            <option value="">選んでください</option>
            {agencyFields.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </SelectField>
          <TextField
            label="機関名"
            required
            autoComplete="off"
            error={errors.name?.message}
            {...register('name')}
          />
          <TextField
            label="部署"
            autoComplete="off"
            hint="同じ機関の別の部署は、部署名を変えて別に登録できます。"
            error={errors.department?.message}
            {...register('department')}
          />
          <TextField
            label="既定の担当者"
            autoComplete="off"
            hint="会議の出席者を選んだときに最初に入る名前です。"
            error={errors.contactPerson?.message}
            {...register('contactPerson')}
          />
          <TextField
            label="電話"
            type="tel"
            autoComplete="off"
            error={errors.phone?.message}
            {...register('phone')}
          />
          <TextField
            label="メール"
            type="email"
            autoComplete="off"
            error={errors.email?.message}
            {...register('email')}
          />
          <TextField
            label="住所"
            autoComplete="off"
            error={errors.address?.message}
            fieldClassName={styles.formFull}
            {...register('address')}
          />
        </div>
        {formError && <Notice tone="error">{formError}</Notice>}
        <div className={layoutStyles.actions}>
          <Button type="submit" variant="primary" busy={save.isPending}>
            保存
          </Button>
          <Button onClick={onCancel} disabled={save.isPending}>
            取消
          </Button>
        </div>
      </Form>
    </section>
  );
}
