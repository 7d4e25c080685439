import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { type Path, useFieldArray, useForm } from 'react-hook-form';
import { memberLabel } from '../../../../electron/domain/household';
import { officeDate } from '../../../../electron/domain/office-day';
import { call } from '../../api';
import { householdReads, refresh } from '../../queries';
import { useUnsavedChanges } from '../../shell/unsavedChanges';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { cx } from '../../ui/cx';
import fieldStyles from '../../ui/Field.module.css';
import { Form } from '../../ui/Form';
import { applyCallError, invalidFormMessage } from '../../ui/formErrors';
import layoutStyles from '../../ui/layout.module.css';
import { TextAreaField } from '../../ui/TextAreaField';
import tableStyles from '../../ui/table.module.css';
import { FormErrorNotice } from '../FormErrorNotice';
import { useOpenedHousehold } from '../HouseholdScreen';
import householdsStyles from '../households.module.css';
import { MemberRow } from './MemberRow';
import styles from './MembersEditor.module.css';
import {
  blankMember,
  type MembersFormParsed,
  type MembersFormValues,
  memberFieldNames,
  membersFormSchema,
  toFormMembers,
} from './memberForm';

const maxMembers = 26;

/** Every field a refusal may name, so errors from main land beside their inputs too. */
function memberPaths(count: number): Path<MembersFormValues>[] {
  return Array.from({ length: count }, (_, i) =>
    memberFieldNames.map((f) => `members.${i}.${f}` as const),
  ).flat();
}

/**
 * The 記号 each row shows: a registered member's own (kept through moves, gaps included), and for new
 * rows the letters after every one the household ever used, in row order, as the service gives them.
 */
function rowLabels(
  rows: readonly { id?: string | undefined }[],
  members: readonly { id: string; label: string }[],
  voided: readonly { label: string }[],
): string[] {
  const saved = new Map(members.map((m) => [m.id, m.label]));
  let next = Math.max(-1, ...[...members, ...voided].map((m) => m.label.charCodeAt(0) - 65)) + 1;
  return rows.map((row) => saved.get(row.id ?? '') ?? memberLabel(next++));
}

/** 世帯員の編集: add, move, fix (with a reason once registered); the whole ordered list is saved. */
export function MembersEditor() {
  const household = useOpenedHousehold();
  const navigate = useNavigate();
  const params = { householdId: household.id };
  const queryClient = useQueryClient();
  const today = officeDate(new Date());
  const [formError, setFormError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const [moved, setMoved] = useState<{ key: string; direction: 'up' | 'down' } | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const table = useRef<HTMLTableSectionElement>(null);
  const { register, handleSubmit, setError, setFocus, setValue, watch, control, formState } = useForm<
    MembersFormValues,
    unknown,
    MembersFormParsed
  >({
    resolver: zodResolver(membersFormSchema),
    defaultValues: { members: toFormMembers(household.members), reason: '' },
  });
  const { fields, append, remove, move } = useFieldArray({ control, name: 'members', keyName: 'key' });
  // Read at render time: useWatch can keep the order from before a move (rows reorder in place).
  const rows = watch('members');
  const { errors, isDirty } = formState;
  const labels = rowLabels(rows, household.members, household.voidedMembers);
  useUnsavedChanges(isDirty);

  useEffect(() => setFocus('members.0.name'), [setFocus]);

  // After a move, focus follows the moved row's button (or its other button at the top or bottom).
  useEffect(() => {
    if (!moved) return;
    const row = table.current?.querySelector(`tr[data-row-key="${moved.key}"]`);
    const same = row?.querySelector<HTMLButtonElement>(`[data-move="${moved.direction}"]`);
    const other = row?.querySelector<HTMLButtonElement>(
      `[data-move="${moved.direction === 'up' ? 'down' : 'up'}"]`,
    );
    (same && !same.disabled ? same : other)?.focus();
    setMoved(null);
  }, [moved]);

  const save = useMutation({
    mutationFn: (values: MembersFormParsed) =>
      call('households.saveMembers', {
        householdId: household.id,
        members: values.members,
        ...(values.reason ? { reason: values.reason } : {}),
      }),
    onSuccess: async () => {
      await refresh(queryClient, householdReads);
      await navigate({
        to: '/households/$householdId',
        params,
        state: { flash: '世帯員を保存しました。' },
        ignoreBlocker: true,
      });
    },
    onError: (error) =>
      setFormError(applyCallError(error, setError, { fields: [...memberPaths(fields.length), 'reason'] })),
  });

  function makePrincipal(index: number | null) {
    fields.forEach((_, i) => {
      setValue(`members.${i}.isPrincipal`, i === index, { shouldDirty: true });
    });
  }

  const listError = errors.members?.root?.message ?? errors.members?.message;
  const removingRow = removing === null ? undefined : rows[removing];
  const noPrincipal = !rows.some((r) => r?.isPrincipal);

  return (
    <section
      className={cx(layoutStyles.panel, householdsStyles.section)}
      aria-labelledby="hh-members-edit-title"
    >
      <h2 id="hh-members-edit-title" className={layoutStyles.panelTitle}>
        世帯員の編集
      </h2>
      <p className={cx(fieldStyles.hint, styles.membersHint)}>
        新しい世帯員には、まだ使っていない記号が A、B、C…
        の順に付きます。登録した世帯員の記号は並べ替えても変わりません（会議資料や支援プランは記号で表示されます）。間違って登録した世帯員は、世帯の詳細で「取消」にします。生年月日は和暦でも西暦でも入力できます。
      </p>
      <Form
        aria-label="世帯員"
        onSubmit={handleSubmit(
          (values) => {
            setFormError(null);
            save.mutate(values);
          },
          () => setFormError(invalidFormMessage),
        )}
      >
        <div className={tableStyles.wrap}>
          <table className={cx(tableStyles.table, styles.membersEditor)}>
            <thead>
              <tr>
                <th scope="col" className={householdsStyles.colLabel}>
                  記号
                </th>
                <th scope="col">
                  氏名<span className={cx(fieldStyles.required, styles.thRequired)}>必須</span>
                </th>
                <th scope="col">ふりがな</th>
                <th scope="col">続柄</th>
                <th scope="col">生年月日</th>
                <th scope="col">性別</th>
                <th scope="col">本人</th>
                <th scope="col">同居</th>
                <th scope="col" className={styles.thWrap}>
                  <span className="nowrap">キー</span>
                  <wbr />
                  <span className="nowrap">パーソン</span>
                </th>
                <th scope="col" className={styles.thWrap}>
                  <span className="nowrap">死亡</span>
                  <wbr />
                  <span className="nowrap">（日・年）</span>
                </th>
                <th scope="col">
                  <span className="visually-hidden">並べ替えと削除</span>
                </th>
              </tr>
            </thead>
            <tbody ref={table}>
              {fields.map((field, index) => (
                <MemberRow
                  key={field.key}
                  index={index}
                  rowKey={field.key}
                  label={labels[index] ?? ''}
                  count={fields.length}
                  register={register}
                  errors={errors.members}
                  birthDateText={rows[index]?.birthDate}
                  isPrincipal={rows[index]?.isPrincipal ?? false}
                  deceased={rows[index]?.deceased ?? false}
                  today={today}
                  onPrincipal={() => makePrincipal(index)}
                  onDeceased={(deceased) => {
                    if (deceased) setValue(`members.${index}.livesInHousehold`, false, { shouldDirty: true });
                  }}
                  onMove={(direction) => {
                    move(index, index + direction);
                    setMoved({ key: field.key, direction: direction === -1 ? 'up' : 'down' });
                  }}
                  onRemove={rows[index]?.id ? null : () => setRemoving(index)}
                />
              ))}
            </tbody>
          </table>
        </div>
        <div className={styles.membersBelow}>
          <Button
            ref={addButton}
            disabled={fields.length >= maxMembers}
            onClick={() =>
              append(blankMember(fields.length === 0), { focusName: `members.${fields.length}.name` })
            }
          >
            世帯員を追加
          </Button>
          <label className={fieldStyles.choice}>
            <input
              type="radio"
              name="member-principal"
              checked={noPrincipal}
              onChange={() => makePrincipal(null)}
            />
            本人を指定しない
          </label>
          {fields.length >= maxMembers && <span className="muted small">世帯員は26人までです。</span>}
        </div>
        {listError && <p className={fieldStyles.error}>{listError}</p>}
        {household.members.length > 0 && (
          <TextAreaField
            label="訂正の理由（登録済みの世帯員を変えたとき）"
            rows={2}
            hint="登録済みの世帯員の内容を変えると訂正として記録され、変更前の内容と理由が履歴に残ります。"
            error={errors.reason?.message}
            {...register('reason')}
          />
        )}
        <FormErrorNotice message={formError} errors={errors} />
        <div className={layoutStyles.actions}>
          <Button type="submit" variant="primary" busy={save.isPending}>
            保存
          </Button>
          <Button onClick={() => void navigate({ to: '/households/$householdId', params })}>
            キャンセル
          </Button>
        </div>
      </Form>
      <ConfirmDialog
        open={removing !== null}
        title={removing === null ? '' : `${labels[removing] ?? ''}を世帯員から外しますか`}
        confirmLabel="外す"
        cancelLabel="外さない"
        onConfirm={() => {
          if (removing !== null) remove(removing);
          setRemoving(null);
          addButton.current?.focus();
        }}
        onCancel={() => setRemoving(null)}
      >
        <p>
          {removingRow?.name ? `「${removingRow.name}」` : 'この行'}
          を一覧から外します。まだ保存していない行なので、記録には何も残りません。
        </p>
      </ConfirmDialog>
    </section>
  );
}
