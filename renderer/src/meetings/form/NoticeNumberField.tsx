import { useQuery } from '@tanstack/react-query';
import { type UseFormRegisterReturn, useWatch } from 'react-hook-form';
import { read } from '../../queries';
import { TextField } from '../../ui/Field';
import fieldStyles from '../../ui/Field.module.css';
import formStyles from './form.module.css';
import type { MeetingFormControl } from './formValues';

interface NoticeNumberFieldProps {
  field: UseFormRegisterReturn<'noticeNumber'>;
  control: MeetingFormControl;
  error?: string | undefined;
}

/** 文書番号: the number after the office's prefix; empty means the notice goes out as 事務連絡. */
export function NoticeNumberField({ field, control, error }: NoticeNumberFieldProps) {
  const settings = useQuery(read('settings.get', {}));
  const value = useWatch({ control, name: 'noticeNumber' }) ?? '';
  const prefix = settings.data?.documentNumberPrefix ?? '';
  const number = value.trim();
  const printed = number === '' ? '事務連絡' : `${prefix}${number}${number.endsWith('号') ? '' : '号'}`;
  return (
    <TextField
      label="文書番号"
      hint="番号だけを入力します。空欄なら「事務連絡」として発信します。"
      autoComplete="off"
      error={error}
      inputClassName={formStyles.inputMedium}
      after={
        <output className={fieldStyles.echo} aria-live="polite">
          通知には「{printed}」と載ります
        </output>
      }
      {...field}
    />
  );
}
