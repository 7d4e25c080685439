import { type Control, type FieldErrors, type UseFormRegister, useWatch } from 'react-hook-form';
import { DateField } from '../ui/DateField';
import { TextField } from '../ui/Field';
import fieldStyles from '../ui/Field.module.css';
import type { PreviewOptions } from './gateTypes';

interface NoticeOptionsProps {
  register: UseFormRegister<PreviewOptions>;
  control: Control<PreviewOptions>;
  errors: FieldErrors<PreviewOptions>;
}

/**
 * 様式1's 公用文 fields for this issue. Left empty, each takes its default: the meeting's 通知番号,
 * today as 発信日, and the 回答期限 the office's settings give (開庁日 before the meeting).
 */
export function NoticeOptions({ register, control, errors }: NoticeOptionsProps) {
  const [issuedOn, replyBy] = useWatch({ control, name: ['notice.issuedOn', 'notice.replyBy'] });
  return (
    <fieldset className={fieldStyles.group}>
      <legend>通知の番号と日付</legend>
      <TextField
        label="文書番号（第N号の N）"
        inputMode="numeric"
        inputClassName={fieldStyles.narrow}
        hint="空欄なら会議の通知番号。番号のない「事務連絡」の様式では使いません。"
        error={errors.notice?.number?.message}
        {...register('notice.number')}
      />
      <DateField
        label="発信日"
        typed={issuedOn}
        hint="空欄なら今日（作成する日）。"
        error={errors.notice?.issuedOn?.message}
        {...register('notice.issuedOn')}
      />
      <DateField
        label="出欠の回答期限"
        typed={replyBy}
        hint="空欄なら開催日の何開庁日か前（事務所の設定。土日・祝日・年末年始を除く）。"
        error={errors.notice?.replyBy?.message}
        {...register('notice.replyBy')}
      />
      <label className={fieldStyles.choice}>
        <input type="checkbox" {...register('perAgency')} />
        宛先の機関ごとに別のファイルにする
      </label>
    </fieldset>
  );
}
