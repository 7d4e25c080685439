import { type KeyboardEvent, useEffect, useId } from 'react';
import { Controller, type Path, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { contactMeansLabels, contactMeansSchema } from '../../../../electron/domain/progress-note';
import type { Agency } from '../../../../electron/ipc/schemas/agencies';
import {
  noteReasonRequired,
  progressNoteFieldsSchema,
  withNoteOrder,
} from '../../../../electron/ipc/schemas/households';
import { AgencyOptions } from '../../agencies/AgencyOptions';
import { call } from '../../api';
import { useUnsavedChanges } from '../../shell/unsavedChanges';
import { Button } from '../../ui/Button';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { cx } from '../../ui/cx';
import { DateField } from '../../ui/DateField';
import { describedBy, FieldFrame, TextField } from '../../ui/Field';
import fieldStyles from '../../ui/Field.module.css';
import { Form } from '../../ui/Form';
import layoutStyles from '../../ui/layout.module.css';
import { TextAreaField } from '../../ui/TextAreaField';
import { TimeField } from '../../ui/TimeField';
import { FormErrorNotice } from '../FormErrorNotice';
import householdsStyles from '../households.module.css';
import { useRecordForm } from '../recordForm';
import { MembersConcerned, type NoteMember } from './MembersConcerned';
import styles from './NoteForm.module.css';

const fieldsSchema = withNoteOrder(progressNoteFieldsSchema.omit({ id: true, householdId: true }));
/**
 * A new entry says how the contact was made (手段); a 訂正 of an entry written before 手段 was asked
 * may leave it unrecorded. A 訂正 needs its reason (rule 18), checked here as the service checks it.
 */
const newSchema = fieldsSchema.refine((n) => n.means != null, {
  message: '手段を選んでください',
  path: ['means'],
  when: () => true,
});
const correctionSchema = fieldsSchema.refine((n) => (n.reason ?? '') !== '', noteReasonRequired);
export type NoteValues = z.input<typeof fieldsSchema>;
const fields: [Path<NoteValues>, ...Path<NoteValues>[]] = [
  'notedOn',
  'means',
  'timeFrom',
  'timeTo',
  'agencyId',
  'staff',
  'memberIds',
  'content',
  'nextPlan',
  'nextOn',
  'reason',
];

interface NoteFormProps {
  householdId: string;
  /** A 訂正 keeps the note's id: the service keeps the replaced text with the reason (rule 18). */
  noteId?: string;
  initial: NoteValues;
  agencies: readonly Agency[];
  /** The household's members to choose from (and any the note already names). */
  members: readonly NoteMember[];
  onCancel: () => void;
  onSaved: () => void;
}

/** One 支援経過 entry. Enter is a new line in the text areas; Ctrl+Enter saves. */
export function NoteForm({
  householdId,
  noteId,
  initial,
  agencies,
  members,
  onCancel,
  onSaved,
}: NoteFormProps) {
  const agencyId = useId();
  const { form, formError, onSubmit, busy } = useRecordForm({
    schema: noteId ? correctionSchema : newSchema,
    defaultValues: initial,
    fields,
    save: (values) =>
      call('progressNotes.save', {
        householdId,
        ...(noteId ? { id: noteId } : {}),
        ...values,
        timeFrom: values.timeFrom ?? '',
        timeTo: values.timeTo ?? '',
        nextOn: values.nextOn ?? '',
      }),
    onSaved,
  });
  const { register, setFocus, control, formState } = form;
  const { errors, isDirty } = formState;
  const notedOn = useWatch({ control, name: 'notedOn' });
  const nextOn = useWatch({ control, name: 'nextOn' });
  useUnsavedChanges(isDirty);
  useEffect(() => setFocus(noteId ? 'content' : 'notedOn'), [setFocus, noteId]);

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    event.currentTarget.requestSubmit();
  }

  return (
    <Form aria-label={noteId ? '支援経過の訂正' : '支援経過の追加'} onKeyDown={onKeyDown} onSubmit={onSubmit}>
      <div className={cx(householdsStyles.formGrid, styles.whenRow)}>
        <DateField
          label="日付"
          required
          typed={notedOn}
          error={errors.notedOn?.message}
          {...register('notedOn')}
        />
        <TimeField
          label="開始時刻"
          hint="例：10:00"
          error={errors.timeFrom?.message}
          {...register('timeFrom')}
        />
        <TimeField label="終了時刻" hint="例：10:30" error={errors.timeTo?.message} {...register('timeTo')} />
      </div>
      <ChoiceGroup legend="手段" required={!noteId} error={errors.means?.message}>
        {contactMeansSchema.options.map((m) => (
          <label key={m} className={fieldStyles.choice}>
            <input type="radio" value={m} {...register('means')} />
            {contactMeansLabels[m]}
          </label>
        ))}
      </ChoiceGroup>
      <div className={cx(householdsStyles.formGrid, styles.whoRow)}>
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
      {members.length > 0 && (
        <Controller
          control={control}
          name="memberIds"
          render={({ field }) => (
            <MembersConcerned
              members={members}
              value={field.value ?? []}
              onChange={field.onChange}
              error={errors.memberIds?.message}
            />
          )}
        />
      )}
      <TextAreaField
        label="内容"
        required
        rows={5}
        hint="改行はそのまま残ります。Ctrl+Enterで保存します。"
        error={errors.content?.message}
        {...register('content')}
      />
      <div className={cx(householdsStyles.formGrid, styles.nextRow)}>
        <TextAreaField label="次の予定" rows={2} error={errors.nextPlan?.message} {...register('nextPlan')} />
        <DateField
          label="次回予定日"
          typed={nextOn}
          hint="この日が来るとホームの「今日の仕事」に出ます。"
          error={errors.nextOn?.message}
          {...register('nextOn')}
        />
      </div>
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
        <Button type="submit" variant="primary" busy={busy}>
          保存
        </Button>
        <Button onClick={onCancel}>キャンセル</Button>
      </div>
    </Form>
  );
}
