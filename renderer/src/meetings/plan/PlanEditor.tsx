import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { planStatusLabels } from '../../../../electron/domain/meeting';
import { type MeetingDetail, saveMeetingPlanInputSchema } from '../../../../electron/ipc/schemas/meetings';
import { call } from '../../api';
import { meetingReads, refresh } from '../../queries';
import { useDraftKeptOverLock } from '../../shell/keptDraft';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import fieldStyles from '../../ui/Field.module.css';
import { Form } from '../../ui/Form';
import { applyCallError, invalidFormMessage } from '../../ui/formErrors';
import layoutStyles from '../../ui/layout.module.css';
import { Notice } from '../../ui/Notice';
import tableStyles from '../../ui/table.module.css';
import { useKindLabels } from '../labels';
import { ReasonDialog } from '../lifecycle/ReasonDialog';
import meetingsStyles from '../meetings.module.css';
import styles from './PlanEditor.module.css';
import { PlanUnfinalizations } from './PlanUnfinalizations';

const statusColour = {
  none: styles.planStatusNone,
  draft: styles.planStatusDraft,
  final: styles.planStatusFinal,
};

type PlanValues = z.input<typeof saveMeetingPlanInputSchema>;
type PlanStatus = PlanValues['status'];

function planValues(m: MeetingDetail): PlanValues {
  return {
    meetingId: m.id,
    status: m.planStatus,
    rows: m.planRows.map((r) => ({
      id: r.id,
      target: r.target,
      memberId: r.memberId,
      goal: r.goal,
      discussion: r.discussion,
      nextActions: r.nextActions,
      roles: r.roles,
    })),
  };
}

const columns = [
  { key: 'goal', label: '目標' },
  { key: 'discussion', label: '検討内容' },
  { key: 'nextActions', label: '当面の取組事項' },
  { key: 'roles', label: '役割分担' },
] as const;

/**
 * 世帯支援プラン: one row per member, then 危機介入 and その他. 目標 and 検討内容 are written before
 * the meeting (様式3); 当面の取組事項 and 役割分担 are its results (様式5). 「確定」 fixes the plan.
 */
export function PlanEditor({ meeting }: { meeting: MeetingDetail }) {
  const queryClient = useQueryClient();
  const labels = useKindLabels();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { register, handleSubmit, getValues, reset, setError, formState } = useForm<PlanValues>({
    resolver: zodResolver(saveMeetingPlanInputSchema),
    defaultValues: planValues(meeting),
  });
  const { errors, isDirty } = formState;
  useDraftKeptOverLock('plan', { isDirty, getValues, reset });
  const status = meeting.planStatus;
  // Rule 18: a 確定 plan (or a 中止 meeting's) is read-only; 「確定を取り消す」 with a reason reopens it.
  const locked = status === 'final' || meeting.cancelled !== null;
  const [unfinalizing, setUnfinalizing] = useState(false);

  const save = useMutation({
    mutationFn: (values: PlanValues) => call('meetings.savePlan', values),
    onSuccess: async (_, values) => {
      reset(values);
      setSaved(values.status === 'final' ? '支援プランを確定しました。' : '支援プランを保存しました。');
      await refresh(queryClient, meetingReads);
    },
    onError: (error) => setFormError(applyCallError(error, setError, { fields: [] })),
  });

  const submitWith = (next: PlanStatus) =>
    handleSubmit(
      (values) => {
        setFormError(null);
        setSaved(null);
        save.mutate({ ...values, status: next });
      },
      () => setFormError(invalidFormMessage),
    );

  const keepStatus: PlanStatus = 'draft';

  return (
    <>
      <Form aria-label="世帯支援プラン" onSubmit={submitWith(keepStatus)}>
        <div className={meetingsStyles.sectionHead}>
          <h2 className={cx(layoutStyles.panelTitle, styles.planTitle)}>
            世帯支援プラン
            <span className={cx(styles.planStatus, statusColour[status])} data-testid="plan-status">
              {planStatusLabels[status]}
            </span>
          </h2>
          <p className="muted small">
            {meeting.kind === 'consented'
              ? '会議の前に目標と検討内容を、会議の後に当面の取組事項と役割分担を入力します。'
              : `${labels.unconsented}では、見守りの体制と次の働きかけを必要に応じて記録します。`}
          </p>
        </div>
        <div className={cx(meetingsStyles.tableWrap, styles.planWrap)}>
          <table className={cx(tableStyles.table, styles.planTable)}>
            <colgroup>
              <col className={styles.planColHead} />
              <col span={4} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  （氏名）
                </th>
                <th scope="colgroup" colSpan={2} className={styles.planPhase}>
                  会議の前（様式3）
                </th>
                <th scope="colgroup" colSpan={2} className={cx(styles.planPhase, styles.planPhaseAfter)}>
                  会議の結果（様式5）
                </th>
              </tr>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {meeting.planRows.map((row, index) => (
                <tr
                  key={row.id}
                  data-testid="plan-row"
                  className={row.target === 'crisis' ? styles.planRowCrisis : undefined}
                >
                  <th scope="row" className={styles.planHeading}>
                    {row.heading}
                  </th>
                  {columns.map((c) => {
                    const error = errors.rows?.[index]?.[c.key]?.message;
                    return (
                      <td key={c.key} className={error ? fieldStyles.invalid : undefined}>
                        <textarea
                          className={cx(fieldStyles.input, fieldStyles.textarea, styles.planCell)}
                          aria-label={`${row.heading} の${c.label}`}
                          aria-invalid={error ? true : undefined}
                          readOnly={locked}
                          {...register(`rows.${index}.${c.key}`)}
                        />
                        {error && <p className={fieldStyles.error}>{error}</p>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {formError && <Notice tone="error">{formError}</Notice>}
        {saved && !isDirty && !meeting.cancelled && <Notice tone="success">{saved}</Notice>}
        {meeting.cancelled ? (
          <p className="muted">中止した会議の支援プランは変更できません。</p>
        ) : status === 'final' ? (
          <div className={layoutStyles.actions}>
            <Button onClick={() => setUnfinalizing(true)}>確定を取り消す</Button>
            <span className="muted small">
              確定した支援プランは読み取り専用です。直すときは、理由を記録して確定を取り消します。
            </span>
          </div>
        ) : (
          <div className={layoutStyles.actions}>
            <Button
              type="submit"
              variant="primary"
              busy={save.isPending && save.variables?.status === keepStatus}
            >
              保存
            </Button>
            <Button onClick={submitWith('final')} busy={save.isPending && save.variables?.status === 'final'}>
              確定
            </Button>
            <span className="muted small">確定すると、会議一覧の「支援プランが未確定」が消えます。</span>
          </div>
        )}
        <PlanUnfinalizations meeting={meeting} />
      </Form>
      <ReasonDialog
        open={unfinalizing}
        title="支援プランの確定の取消"
        reasonLabel="確定を取り消す理由"
        confirmLabel="確定を取り消す"
        act={(reason) => call('meetings.unfinalizePlan', { meetingId: meeting.id, reason })}
        onClose={() => setUnfinalizing(false)}
        onDone={() => {
          setUnfinalizing(false);
          setSaved('確定を取り消しました。支援プランを変更できます。');
          void refresh(queryClient, meetingReads);
        }}
      >
        <p>確定した支援プランを作成中に戻し、変更できるようにします。理由は履歴と監査ログに残ります。</p>
      </ReasonDialog>
    </>
  );
}
