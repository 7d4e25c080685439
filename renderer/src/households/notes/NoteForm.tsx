import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { type Path, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import type { Agency } from '../../../../electron/ipc/schemas/agencies';
import { noteReasonRequired, progressNoteFieldsSchema } from '../../../../electron/ipc/schemas/households';
import { AgencyOptions } from '../../agencies/AgencyOptions';
import { call } from '../../api';
import { householdReads, refresh } from '../../queries';
import { useUnsavedChanges } from '../../shell/unsavedChanges';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { DateField } from '../../ui/DateField';
import { describedBy, FieldFrame, TextField } from '../../ui/Field';
import fieldStyles from '../../ui/Field.module.css';
import { Form } from '../../ui/Form';
import { applyCallError, invalidFormMessage } from '../../ui/formErrors';
import layoutStyles from '../../ui/layout.module.css';
import { TextAreaField } from '../../ui/TextAreaField';
import { FormErrorNotice } from '../FormErrorNotice';
import householdsStyles from '../households.module.css';
import styles from './NoteForm.module.css';

const fieldsSchema = progressNoteFieldsSchema.omit({ id: true, householdId: true });
// A 訂正 needs its reason (rule 18), checked here as the service checks it.
const correctionSchema = fieldsSchema.refine((n) => (n.reason ?? '') !== '', noteReasonRequired);
export type NoteValues = z.input<typeof fieldsSchema>;
type Parsed = z.output<typeof fieldsSchema>;
const fields: readonly Path<NoteValues>[] = ['notedOn', 'agencyId', 'staff', 'content', 'nextPlan', 'reason'];

interface NoteFormProps {
  householdId: string;
  /** A 訂正 keeps the note's id: the service keeps the replaced text with the reason (rule 18). */
  noteId?: string;
  initial: NoteValues;
  agencies: readonly Agency[];
  onCancel: () => void;
  onSaved: () => void;
}

/** One 支援経過 entry. Enter is a new line in the text areas; Ctrl+Enter saves. */
export function NoteForm({ householdId, noteId, initial, agencies, onCancel, onSaved }: NoteFormProps) {
  const queryClient = useQueryClient();
  const agencyId = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, setFocus, control, formState } = useForm<
    NoteValues,
    unknown,
    Parsed
  >({
    resolver: zodResolver(noteId ? correctionSchema : fieldsSchema),
    defaultValues: initial,
  });
  const { errors, isDirty } = formState;
  const notedOn = useWatch({ control, name: 'notedOn' });
  useUnsavedChanges(isDirty);
  useEffect(() => setFocus(noteId ? 'content' : 'notedOn'), [setFocus, noteId]);

  const save = useMutation({
    mutationFn: (values: Parsed) =>
      call('progressNotes.save', {
        householdId,
        ...(noteId ? { id: noteId } : {}),
        ...values,
        timeFrom: values.timeFrom ?? '',
        timeTo: values.timeTo ?? '',
        nextOn: values.nextOn ?? '',
      }),
    onSuccess: async () => {
      await refresh(queryClient, householdReads);
      onSaved();
    },
    onError: (error) => setFormError(applyCallError(error, setError, { fields })),
  });

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }

  return (
    <Form
      aria-label={noteId ? '支援経過の訂正' : '支援経過の追加'}
      onKeyDown={onKeyDown}
      onSubmit={handleSubmit(
        (values) => {
          setFormError(null);
          save.mutate(values);
        },
        () => setFormError(invalidFormMessage),
      )}
    >
      <div className={cx(householdsStyles.formGrid, styles.formGrid3)}>
        <DateField
          label="日付"
          required
          typed={notedOn}
          error={errors.notedOn?.message}
          {...register('notedOn')}
        />
        <FieldFrame id={agencyId} label="機関" error={errors.agencyId?.message}>
          <select
            id={agencyId}
            className={fieldStyles.select}
            aria-describedby={describedBy(agencyId, false, errors.agencyId)}
            {...register('agencyId', { setValueAs: (v: string | null) => (v ? v : null) })}
          >
            <option value="">（コーディネーター）</option>
            <AgencyOptions agencies={agencies} keep={initial.agencyId} />
          </select>
        </FieldFrame>
        <TextField label="担当者" autoComplete="off" error={errors.staff?.message} {...register('staff')} />
      </div>
      <TextAreaField
        label="内容"
        required
        rows={5}
        hint="改行はそのまま残ります。Ctrl+Enterで保存します。"
        error={errors.content?.message}
        {...register('content')}
      />
      <TextAreaField label="次の予定" rows={2} error={errors.nextPlan?.message} {...register('nextPlan')} />
      {noteId && (
        <TextAreaField
          label="訂正の理由"
          required
          rows={2}
          hint="保存すると、訂正前の内容と理由は履歴に残ります。"
          error={errors.reason?.message}
          {...register('reason')}
        />
      )}
      <FormErrorNotice message={formError} errors={errors} />
      <div className={layoutStyles.actions}>
        <Button type="submit" variant="primary" busy={save.isPending}>
          保存
        </Button>
        <Button onClick={onCancel}>キャンセル</Button>
      </div>
    </Form>
  );
}
