import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { warekiInput } from '../../../../electron/domain/dates';
import {
  type MonitoringStatus,
  monitoringStatusLabels,
  monitoringStatusSchema,
} from '../../../../electron/domain/monitoring';
import { formatWarekiDate, officeDate } from '../../../../electron/domain/office-day';
import type { CurrentPlan } from '../../../../electron/ipc/schemas/monitoring';
import { monitoringInputSchema } from '../../../../electron/ipc/schemas/monitoring';
import { call, errorMessage } from '../../api';
import { read, refresh } from '../../queries';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { DateField } from '../../ui/DateField';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { describedBy, FieldFrame } from '../../ui/Field';
import fieldStyles from '../../ui/Field.module.css';
import { Form } from '../../ui/Form';
import { applyCallError, invalidFormMessage } from '../../ui/formErrors';
import layoutStyles from '../../ui/layout.module.css';
import { Notice } from '../../ui/Notice';
import { FormErrorNotice } from '../FormErrorNotice';
import styles from './MonitoringSection.module.css';

type Row = NonNullable<CurrentPlan>['rows'][number];

/** Each 実施状況 with its own colour, named so the stylesheet checks can see every class in use. */
const statusClass: Record<MonitoringStatus, string | undefined> = {
  ongoing: styles.ongoing,
  achieved: styles.achieved,
  partlyAchieved: styles.partlyAchieved,
  notDone: styles.notDone,
  needsReview: styles.needsReview,
};

/**
 * モニタリング (rule 19) on the household's page: each row of the current (確定) plan with its latest
 * 実施状況, and 「記録する」 for a dated entry. The desk and the next 様式3 read what is recorded here.
 */
export function MonitoringSection({ householdId }: { householdId: string }) {
  const plan = useQuery(read('monitoring.currentPlan', { householdId }));
  const [recording, setRecording] = useState<Row | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const titleId = useId();
  return (
    <section className={cx(layoutStyles.panel, styles.section)} aria-labelledby={titleId} id="monitoring">
      <h2 id={titleId} className={layoutStyles.panelTitle}>
        支援プランとモニタリング
      </h2>
      {plan.isError && <Notice tone="error">{errorMessage(plan.error)}</Notice>}
      {plan.isSuccess && plan.data === null && (
        <p className="muted">
          確定した支援プランはまだありません。会議でプランを確定すると、ここで実施状況を記録できます。
        </p>
      )}
      {done && <Notice tone="success">{done}</Notice>}
      {plan.data && (
        <>
          <p className="muted small">
            {plan.data.meetingNo}（{formatWarekiDate(plan.data.heldOn)}）の支援プラン
            {plan.data.nextReviewOn && ` ・ 次回見直し予定日 ${formatWarekiDate(plan.data.nextReviewOn)}`}
          </p>
          <ul className={styles.rows}>
            {plan.data.rows.map((row) => {
              const [latest, ...earlier] = row.entries;
              return (
                <li key={row.id} className={styles.row} aria-label={row.heading}>
                  <div className={styles.head}>
                    <span className={styles.heading}>{row.heading}</span>
                    {latest ? (
                      <span className={statusClass[latest.status]} data-testid="latest-status">
                        {monitoringStatusLabels[latest.status]}
                      </span>
                    ) : (
                      <span className={styles.none}>未記録</span>
                    )}
                    <Button
                      onClick={() => {
                        setDone(null);
                        setRecording(row);
                      }}
                    >
                      記録する
                    </Button>
                  </div>
                  <p className={styles.goal}>目標：{row.goal || '（記載なし）'}</p>
                  {row.nextActions && <p className={styles.actions}>取組：{row.nextActions}</p>}
                  {latest && (
                    <p className={styles.entry}>
                      {formatWarekiDate(latest.checkedOn)}
                      {latest.agencyName && ` ${latest.agencyName}`}
                      {latest.note && `：${latest.note}`}
                    </p>
                  )}
                  {earlier.length > 0 && (
                    <details className={styles.earlier}>
                      <summary>以前の記録（{earlier.length}件）</summary>
                      <ul>
                        {earlier.map((e) => (
                          <li key={e.id}>
                            {formatWarekiDate(e.checkedOn)} {monitoringStatusLabels[e.status]}
                            {e.agencyName && ` ${e.agencyName}`}
                            {e.note && `：${e.note}`}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <Dialog open={recording !== null} title="モニタリングの記録" onClose={() => setRecording(null)}>
        {recording && (
          <MonitoringForm
            row={recording}
            onCancel={() => setRecording(null)}
            onDone={() => {
              setDone(`${recording.heading}の実施状況を記録しました。`);
              setRecording(null);
            }}
          />
        )}
      </Dialog>
    </section>
  );
}

const schema = monitoringInputSchema.omit({ planRowId: true });
type Values = z.input<typeof schema>;
type Parsed = z.output<typeof schema>;

function MonitoringForm({ row, onCancel, onDone }: { row: Row; onCancel: () => void; onDone: () => void }) {
  const queryClient = useQueryClient();
  const statusId = useId();
  const agencyId = useId();
  const noteId = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const agencies = useQuery(read('agencies.list', { includeRetired: false }));
  const { register, handleSubmit, setError, control, formState } = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(schema),
    defaultValues: { checkedOn: warekiInput(officeDate(new Date())), note: '', agencyId: null },
  });
  const { errors } = formState;
  const checkedOn = useWatch({ control, name: 'checkedOn' });
  const save = useMutation({
    mutationFn: (values: Parsed) => call('monitoring.add', { planRowId: row.id, ...values }),
    onSuccess: async () => {
      await refresh(queryClient, ['monitoring.currentPlan', 'evaluations.draft', 'desk.get', 'meetings.get']);
      onDone();
    },
    onError: (error) => setFormError(applyCallError(error, setError, { fields: ['checkedOn', 'status'] })),
  });
  return (
    <Form
      aria-label="モニタリングの記録"
      onSubmit={handleSubmit(
        (values) => {
          setFormError(null);
          save.mutate(values);
        },
        () => setFormError(invalidFormMessage),
      )}
    >
      <p className={styles.formRow}>
        <strong>{row.heading}</strong> 目標：{row.goal || '（記載なし）'}
      </p>
      <DateField
        label="確認した日"
        required
        typed={checkedOn}
        error={errors.checkedOn?.message}
        data-autofocus
        {...register('checkedOn')}
      />
      <FieldFrame id={statusId} label="実施状況" required error={errors.status?.message}>
        <select
          id={statusId}
          className={fieldStyles.select}
          aria-invalid={errors.status ? true : undefined}
          aria-describedby={describedBy(statusId, false, errors.status)}
          {...register('status')}
        >
          <option value="">選んでください</option>
          {monitoringStatusSchema.options.map((s) => (
            <option key={s} value={s}>
              {monitoringStatusLabels[s]}
            </option>
          ))}
        </select>
      </FieldFrame>
      <FieldFrame id={agencyId} label="報告した機関">
        <select
          id={agencyId}
          className={fieldStyles.select}
          {...register('agencyId', { setValueAs: (v: string | null) => (v ? v : null) })}
        >
          <option value="">（相談員が確認）</option>
          {(agencies.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </FieldFrame>
      <FieldFrame id={noteId} label="メモ" error={errors.note?.message}>
        <textarea id={noteId} className={fieldStyles.textarea} rows={3} {...register('note')} />
      </FieldFrame>
      <FormErrorNotice message={formError} errors={errors} />
      <DialogActions>
        <Button type="submit" variant="primary" busy={save.isPending}>
          記録する
        </Button>
        <Button onClick={onCancel}>キャンセル</Button>
      </DialogActions>
    </Form>
  );
}
