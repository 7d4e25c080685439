import { type Control, type FieldValues, type Path, type UseFormRegister, useWatch } from 'react-hook-form';
import { TextField } from './Field';
import { PasswordStrength } from './PasswordStrength';
import { minPassphraseLength } from './passphraseStrength';

interface NewPassphraseFieldsProps<T extends FieldValues> {
  control: Control<T>;
  register: UseFormRegister<T>;
  /** The form's names for the passphrase and its confirmation. */
  names: { passphrase: Path<T>; confirm: Path<T> };
  errors: { passphrase?: string | undefined; confirm?: string | undefined };
  /** 「パスフレーズ」 when setting the first one, 「新しいパスフレーズ」 when replacing one. */
  label: string;
  hint?: string;
  readOnly?: boolean;
}

/**
 * A new passphrase and its confirmation, with the strength hint under the first: the same pair in
 * 初期設定, 利用者の追加, パスフレーズの変更 and 回復コードで開いたとき.
 */
export function NewPassphraseFields<T extends FieldValues>({
  control,
  register,
  names,
  errors,
  label,
  hint = `${minPassphraseLength}文字以上。`,
  readOnly,
}: NewPassphraseFieldsProps<T>) {
  const typed = useWatch({ control, name: names.passphrase });
  return (
    <>
      <TextField
        label={label}
        type="password"
        required
        autoComplete="new-password"
        hint={hint}
        error={errors.passphrase}
        readOnly={readOnly}
        after={<PasswordStrength value={typeof typed === 'string' ? typed : ''} />}
        {...register(names.passphrase)}
      />
      <TextField
        label={`${label}（確認）`}
        type="password"
        required
        autoComplete="new-password"
        hint="確認のため、もう一度入力してください。"
        error={errors.confirm}
        readOnly={readOnly}
        {...register(names.confirm)}
      />
    </>
  );
}
