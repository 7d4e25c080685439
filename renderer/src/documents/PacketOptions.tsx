import { type Control, type FieldErrors, type UseFormRegister, useWatch } from 'react-hook-form';
import { type DocumentKey, type FormKey, formCatalogue, isFormKey } from '../../../electron/domain/forms';
import { TextField } from '../ui/Field';
import fieldStyles from '../ui/Field.module.css';
import { Notice } from '../ui/Notice';
import type { PreviewOptions } from './gateTypes';
import styles from './PacketOptions.module.css';

interface PacketOptionsProps {
  document: DocumentKey;
  register: UseFormRegister<PreviewOptions>;
  control: Control<PreviewOptions>;
  errors: FieldErrors<PreviewOptions>;
  /** The 様式 titles as the office names its meetings. */
  titleOf: (key: FormKey) => string;
  /** False for a 別添資料 issued from its household: numbered copies belong to a meeting (rule 8). */
  numberedCopies: boolean;
}

/** 部数 (rule 8) and the other 様式 printed with this one, under the same 配布番号 per recipient. */
export function PacketOptions({
  document,
  register,
  control,
  errors,
  titleOf,
  numberedCopies,
}: PacketOptionsProps) {
  const [copies, together] = useWatch({ control, name: ['copies', 'together'] });
  // The 別添資料 is issued on its own: 様式 printed together are chosen from a 様式's gate.
  const others = isFormKey(document)
    ? formCatalogue.filter((f) => f.key !== document && f.key !== 'form1')
    : [];
  const copiesError =
    errors.copies &&
    (errors.copies.type === 'invalid_type' ? '部数は数字で入力してください' : errors.copies.message);
  const count = 1 + (together?.length ?? 0);
  return (
    <>
      {others.length > 0 && (
        <fieldset className={fieldStyles.group}>
          <legend>一緒に作成する様式</legend>
          <p className={fieldStyles.hint}>
            会議で一緒に配る様式を選ぶと、機関ごとに同じ配布番号で作り、回収チェック表も1枚にまとめます。
          </p>
          {others.map((form) => (
            <label key={form.key} className={fieldStyles.choice}>
              <input type="checkbox" value={form.key} {...register('together')} />
              様式{form.number} {titleOf(form.key)}
            </label>
          ))}
        </fieldset>
      )}
      {numberedCopies ? (
        <TextField
          label="部数"
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          step={1}
          required
          inputClassName={fieldStyles.narrow}
          hint="1〜60部"
          error={copiesError}
          {...register('copies', { valueAsNumber: true })}
        />
      ) : (
        <p className={fieldStyles.hint}>
          部数: 1部。配布番号をつけて配る部数は、会議の画面の「様式」から、その会議の資料として作成します。
        </p>
      )}
      {Number.isInteger(copies) && copies > 1 && (
        <Notice tone="info" className={styles.copiesNote}>
          {copies}部それぞれの右上に配布番号（1〜{copies}
          ）を印字し{count > 1 ? `（${count}種類の様式とも同じ番号）` : ''}
          、別に「回収チェック表」を1枚作成します。会議の終わりに全部数を回収し、会議の「様式」タブで回収を記録してください。
        </Notice>
      )}
    </>
  );
}
