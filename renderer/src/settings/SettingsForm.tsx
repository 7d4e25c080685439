import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useLayoutEffect, useState } from 'react';
import { type Path, useForm } from 'react-hook-form';
import { type OfficeSettings, officeSettingsSchema } from '../../../electron/ipc/contract';
import { call } from '../api';
import { read, refresh } from '../queries';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import { describedBy, TextField } from '../ui/Field';
import fieldStyles from '../ui/Field.module.css';
import { Form } from '../ui/Form';
import { applyCallError, invalidFormMessage } from '../ui/formErrors';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import styles from './SettingsForm.module.css';
import { settingsFieldLabels as label } from './settingsLabels';

const fields: readonly Path<OfficeSettings>[] = [
  'municipalityName',
  'departmentName',
  'senderTitle',
  'phone',
  'email',
  'documentNumberPrefix',
  'noticeStyle',
  'replyBusinessDays',
  'addresseeHonorific',
  'deceasedMark',
  'meetingLabels.consented',
  'meetingLabels.unconsented',
  'autoLockMinutes',
  'statisticsThreshold',
  'upcomingMeetingDays',
  'quietHouseholdDays',
  'backupReminderDays',
];

interface SettingsFormProps {
  initial: OfficeSettings;
  submitLabel: string;
  onSaved?: (saved: OfficeSettings) => void;
  onDirtyChange?: (dirty: boolean) => void;
  focusFirst?: boolean;
}

type WholeNumberSetting =
  | 'replyBusinessDays'
  | 'autoLockMinutes'
  | 'statisticsThreshold'
  | 'upcomingMeetingDays'
  | 'quietHouseholdDays'
  | 'backupReminderDays';

/** 事務所の設定: validated by the contract's schema here and again in main. */
export function SettingsForm({
  initial,
  submitLabel,
  onSaved,
  onDirtyChange,
  focusFirst = false,
}: SettingsFormProps) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const honorificId = useId();
  const noticeStyleId = useId();
  const deceasedId = useId();
  const { register, handleSubmit, setError, setFocus, reset, formState } = useForm<OfficeSettings>({
    resolver: zodResolver(officeSettingsSchema),
    defaultValues: initial,
  });
  const { errors, isDirty } = formState;
  /** The office's whole-number settings (days, minutes, a count): one narrow numeric field each. */
  const wholeNumber = (name: WholeNumberSetting, min: number, max: number, hint: string) => (
    <TextField
      label={label[name]}
      type="number"
      inputMode="numeric"
      min={min}
      max={max}
      step={1}
      required
      hint={hint}
      error={errors[name]?.message}
      inputClassName={fieldStyles.narrow}
      {...register(name, { valueAsNumber: true })}
    />
  );

  useEffect(() => {
    if (focusFirst) setFocus('municipalityName');
  }, [focusFirst, setFocus]);

  // In the same commit as the keystroke: a Ctrl+L pressed right after typing must already know.
  useLayoutEffect(() => {
    onDirtyChange?.(isDirty);
    if (isDirty) setSaved(false);
  }, [isDirty, onDirtyChange]);

  const save = useMutation({
    mutationFn: (values: OfficeSettings) => call('settings.save', values),
    onSuccess: (result) => {
      reset(result);
      queryClient.setQueryData(read('settings.get', {}).queryKey, result);
      void refresh(queryClient, ['vault.status']);
      setSaved(true);
      onSaved?.(result);
    },
    onError: (error) => setFormError(applyCallError(error, setError, { fields })),
  });

  return (
    <Form
      aria-label="事務所の設定"
      onSubmit={handleSubmit(
        (values) => {
          setFormError(null);
          setSaved(false);
          save.mutate(values);
        },
        () => {
          setSaved(false);
          setFormError(invalidFormMessage);
        },
      )}
    >
      <fieldset className={styles.formSection}>
        <legend className={styles.formSectionTitle}>発信者</legend>
        <div className={styles.formGrid}>
          <TextField
            label={label.municipalityName}
            required
            hint="例：〇〇市"
            error={errors.municipalityName?.message}
            {...register('municipalityName')}
          />
          <TextField
            label={label.departmentName}
            required
            hint="例：保健福祉部福祉政策課"
            error={errors.departmentName?.message}
            {...register('departmentName')}
          />
          <TextField
            label={label.senderTitle}
            required
            hint="通知文の発信者として印字されます（例：〇〇市保健福祉部福祉政策課長）。"
            error={errors.senderTitle?.message}
            fieldClassName={styles.formGridWide}
            {...register('senderTitle')}
          />
          <TextField
            label={label.phone}
            type="tel"
            required
            hint="通知の担当欄に印字されます（例：0123-45-6789）。担当者には通知を作成した利用者の名前が入ります。"
            error={errors.phone?.message}
            {...register('phone')}
          />
          <TextField
            label={label.email}
            type="email"
            autoComplete="off"
            hint="部署の共用アドレスなど。空欄でもかまいません。"
            error={errors.email?.message}
            fieldClassName={styles.formGridWide}
            {...register('email')}
          />
        </div>
      </fieldset>

      <fieldset className={styles.formSection}>
        <legend className={styles.formSectionTitle}>文書</legend>
        <div className={styles.formGrid}>
          <fieldset
            className={cx(fieldStyles.group, styles.formGridWide)}
            aria-describedby={describedBy(noticeStyleId, true, errors.noticeStyle)}
          >
            <legend>{label.noticeStyle}</legend>
            <p className={fieldStyles.hint} id={`${noticeStyleId}-hint`}>
              開催通知（様式1）の公用文の形式です。番号付きは発信者職名（課長）と「（公印省略）」、事務連絡は課名と担当者で発信します。
            </p>
            <label className={fieldStyles.choice}>
              <input type="radio" value="numbered" {...register('noticeStyle')} />
              文書番号を付ける（〇〇第N号）
            </label>
            <label className={fieldStyles.choice}>
              <input type="radio" value="officeMemo" {...register('noticeStyle')} />
              事務連絡
            </label>
            {errors.noticeStyle && (
              <p className={fieldStyles.error} id={`${noticeStyleId}-error`}>
                {errors.noticeStyle.message}
              </p>
            )}
          </fieldset>
          <TextField
            label={label.documentNumberPrefix}
            hint="「第N号」の前に付ける文字です（例：〇〇福政）。"
            error={errors.documentNumberPrefix?.message}
            {...register('documentNumberPrefix')}
          />
          {wholeNumber(
            'replyBusinessDays',
            1,
            20,
            '開催通知の回答期限を、開催日の何開庁日前にするか（土日・祝日・年末年始を除く）。',
          )}
          <fieldset
            className={fieldStyles.group}
            aria-describedby={describedBy(honorificId, true, errors.addresseeHonorific)}
          >
            <legend>{label.addresseeHonorific}</legend>
            <p className={fieldStyles.hint} id={`${honorificId}-hint`}>
              通知文の宛先の後ろに付けます。
            </p>
            <label className={fieldStyles.choice}>
              <input type="radio" value="様" {...register('addresseeHonorific')} />様
            </label>
            <label className={fieldStyles.choice}>
              <input type="radio" value="殿" {...register('addresseeHonorific')} />殿
            </label>
            {errors.addresseeHonorific && (
              <p className={fieldStyles.error} id={`${honorificId}-error`}>
                {errors.addresseeHonorific.message}
              </p>
            )}
          </fieldset>
          <fieldset className={fieldStyles.group} aria-describedby={`${deceasedId}-hint`}>
            <legend>{label.deceasedMark}</legend>
            <p className={fieldStyles.hint} id={`${deceasedId}-hint`}>
              家族構成図で亡くなった方の記号をどう表すかです。
            </p>
            <label className={fieldStyles.choice}>
              <input type="radio" value="cross" {...register('deceasedMark')} />
              ×を付ける
            </label>
            <label className={fieldStyles.choice}>
              <input type="radio" value="filled" {...register('deceasedMark')} />
              塗りつぶす
            </label>
          </fieldset>
        </div>
      </fieldset>

      <fieldset className={styles.formSection}>
        <legend className={styles.formSectionTitle}>{label.meetingLabels}</legend>
        <p className={cx(fieldStyles.hint, styles.formSectionHint)}>
          画面と書類に表示する会議の名称です。名称を変えても、会議の種類（本人同意の有無による区別）は変わりません。
        </p>
        <div className={styles.formGrid}>
          <TextField
            label="重層的支援会議の表示名"
            required
            hint="同意がある世帯の会議。既定：重層的支援会議"
            error={errors.meetingLabels?.consented?.message}
            {...register('meetingLabels.consented')}
          />
          <TextField
            label="支援会議の表示名"
            required
            hint="同意がない世帯の会議。既定：支援会議"
            error={errors.meetingLabels?.unconsented?.message}
            {...register('meetingLabels.unconsented')}
          />
        </div>
      </fieldset>

      <fieldset className={styles.formSection}>
        <legend className={styles.formSectionTitle}>ロック</legend>
        {wholeNumber(
          'autoLockMinutes',
          1,
          60,
          '操作のない状態がこの分数続くと、自動でロックします（1〜60分）。',
        )}
      </fieldset>

      <fieldset className={styles.formSection}>
        <legend className={styles.formSectionTitle}>統計</legend>
        {wholeNumber(
          'statisticsThreshold',
          3,
          100,
          '匿名統計で、1件以上この数未満の件数を「＊」で隠します（既定10、3以上）。',
        )}
      </fieldset>

      <fieldset className={styles.formSection}>
        <legend className={styles.formSectionTitle}>ホーム（今日の仕事）</legend>
        <div className={styles.formGrid}>
          {wholeNumber(
            'upcomingMeetingDays',
            1,
            90,
            '今日からこの日数先までの会議を、準備の足りないものと一緒に表示します（既定14日）。',
          )}
          {wholeNumber(
            'quietHouseholdDays',
            7,
            365,
            '支援中の世帯で、支援経過も会議もこの日数以上ないものを表示します（既定30日）。',
          )}
          {wholeNumber(
            'backupReminderDays',
            1,
            90,
            '最後のバックアップからこの日数を過ぎると、作成を促します（既定7日）。',
          )}
        </div>
      </fieldset>

      {formError && <Notice tone="error">{formError}</Notice>}
      <div className={layoutStyles.actions}>
        <Button type="submit" variant="primary" busy={save.isPending}>
          {submitLabel}
        </Button>
        {saved && !isDirty && (
          <p className={layoutStyles.savedNote} role="status">
            保存しました
          </p>
        )}
      </div>
    </Form>
  );
}
