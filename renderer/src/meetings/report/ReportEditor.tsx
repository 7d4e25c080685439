import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { warekiInput } from '../../../../electron/domain/dates';
import { type MeetingDetail, saveReportInputSchema } from '../../../../electron/ipc/schemas/meetings';
import { call } from '../../api';
import { meetingReads, read, refresh } from '../../queries';
import { useDraftKeptOverLock } from '../../shell/keptDraft';
import { Button } from '../../ui/Button';
import { DateField } from '../../ui/DateField';
import { Form } from '../../ui/Form';
import { applyCallError, invalidFormMessage } from '../../ui/formErrors';
import layoutStyles from '../../ui/layout.module.css';
import { Notice } from '../../ui/Notice';
import meetingsStyles from '../meetings.module.css';
import { MonitoringPicker } from './MonitoringPicker';
import styles from './ReportEditor.module.css';
import { ReportSection } from './ReportSection';

type ReportValues = z.input<typeof saveReportInputSchema>;

const maxSections = 20;

function reportValues(m: MeetingDetail): ReportValues {
  return {
    meetingId: m.id,
    reportSections: m.reportSections.map((s) => ({ ...s })),
    nextReviewOn: warekiInput(m.nextReviewOn),
    monitoringAgencyIds: [...m.monitoringAgencyIds],
  };
}

/** 会議報告（様式4）: 報告事項 sections, 次回見直し予定日 and the agencies that monitor (様式5's foot). */
export function ReportEditor({ meeting }: { meeting: MeetingDetail }) {
  const queryClient = useQueryClient();
  const agencies = useQuery(read('agencies.list', { includeRetired: true }));
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, getValues, reset, setError, control, formState } = useForm<ReportValues>({
    resolver: zodResolver(saveReportInputSchema),
    defaultValues: reportValues(meeting),
  });
  const { errors, isDirty } = formState;
  useDraftKeptOverLock('report', { isDirty, getValues, reset });
  const sections = useFieldArray({ control, name: 'reportSections' });
  const nextReviewOn = useWatch({ control, name: 'nextReviewOn' });

  const save = useMutation({
    mutationFn: (values: ReportValues) => call('meetings.saveReport', values),
    onSuccess: async (_, values) => {
      reset(values);
      setSaved(true);
      await refresh(queryClient, meetingReads);
    },
    onError: (error) =>
      setFormError(applyCallError(error, setError, { fields: ['nextReviewOn', 'monitoringAgencyIds'] })),
  });

  return (
    <Form
      className={styles.report}
      aria-label="会議報告"
      onSubmit={handleSubmit(
        (values) => {
          setFormError(null);
          setSaved(false);
          save.mutate(values);
        },
        () => setFormError(invalidFormMessage),
      )}
    >
      <section className={layoutStyles.panel} aria-labelledby="mt-report-title">
        <div className={meetingsStyles.sectionHead}>
          <h2 id="mt-report-title" className={layoutStyles.panelTitle}>
            報告事項
          </h2>
          <p className="muted small">様式4（会議報告シート）に番号付きで載ります。</p>
        </div>
        <ol className={styles.reportSections}>
          {sections.fields.map((field, index) => (
            <ReportSection
              key={field.id}
              index={index}
              count={sections.fields.length}
              register={register}
              errors={errors.reportSections?.[index]}
              onMove={(to) => sections.move(index, to)}
              onRemove={() => sections.remove(index)}
            />
          ))}
        </ol>
        <Button
          compact
          disabled={sections.fields.length >= maxSections}
          onClick={() => sections.append({ title: '', body: '' })}
        >
          報告事項を追加
        </Button>
      </section>
      <section className={layoutStyles.panel} aria-labelledby="mt-monitoring-title">
        <h2 id="mt-monitoring-title" className={layoutStyles.panelTitle}>
          見直しとモニタリング
        </h2>
        <DateField
          label="次回見直し予定日"
          typed={nextReviewOn}
          error={errors.nextReviewOn?.message}
          {...register('nextReviewOn')}
        />
        <Controller
          control={control}
          name="monitoringAgencyIds"
          render={({ field }) => (
            <MonitoringPicker
              agencies={agencies.data ?? []}
              attending={meeting.attendees.map((a) => a.agencyId)}
              value={field.value}
              onChange={field.onChange}
            />
          )}
        />
      </section>
      {formError && <Notice tone="error">{formError}</Notice>}
      {saved && !isDirty && <Notice tone="success">会議報告を保存しました。</Notice>}
      <div className={layoutStyles.actions}>
        <Button type="submit" variant="primary" busy={save.isPending}>
          保存
        </Button>
      </div>
    </Form>
  );
}
