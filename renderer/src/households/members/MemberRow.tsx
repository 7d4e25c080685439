import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { ageOn } from '../../../../electron/domain/dates';
import { sexLabels, sexSchema } from '../../../../electron/domain/household';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { DateEcho, readDate } from '../../ui/DateField';
import fieldStyles from '../../ui/Field.module.css';
import householdsStyles from '../households.module.css';
import styles from './MemberRow.module.css';
import type { MembersFormValues } from './memberForm';

interface MemberRowProps {
  index: number;
  rowKey: string;
  label: string;
  count: number;
  register: UseFormRegister<MembersFormValues>;
  errors: FieldErrors<MembersFormValues>['members'];
  birthDateText: string | null | undefined;
  isPrincipal: boolean;
  deceased: boolean;
  today: string;
  onPrincipal: () => void;
  /** 死亡 checked: the member no longer lives in the household (the service refuses both). */
  onDeceased: (deceased: boolean) => void;
  onMove: (direction: -1 | 1) => void;
  /** Only a row not saved yet can be removed here; a registered member is voided (取消) with a reason. */
  onRemove: (() => void) | null;
}

/** One editable 世帯員 row; its letter follows its position. */
export function MemberRow({
  index,
  rowKey,
  label,
  count,
  register,
  errors,
  birthDateText,
  isPrincipal,
  deceased,
  today,
  onPrincipal,
  onDeceased,
  onMove,
  onRemove,
}: MemberRowProps) {
  const rowErrors = errors?.[index];
  const id = (field: string) => `member-${rowKey}-${field}`;
  const input = (
    field: 'name' | 'kana' | 'relationship' | 'birthDate' | 'death',
    caption: string,
    className = '',
  ) => {
    const error = rowErrors?.[field]?.message;
    return (
      <>
        <input
          id={id(field)}
          type="text"
          autoComplete="off"
          className={cx(fieldStyles.input, className)}
          aria-label={`${label}の${caption}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? id(`${field}-error`) : undefined}
          {...register(`members.${index}.${field}`)}
        />
        {error && (
          <p className={cx(fieldStyles.error, styles.memberError)} id={id(`${field}-error`)}>
            {error}
          </p>
        )}
      </>
    );
  };
  const birth = readDate(birthDateText);
  const errorOf = (field: 'livesInHousehold' | 'isKeyPerson' | 'deceased') => {
    const error = rowErrors?.[field]?.message;
    return error ? (
      <p className={cx(fieldStyles.error, styles.memberError)} id={id(`${field}-error`)}>
        {error}
      </p>
    ) : null;
  };
  const check = (field: 'livesInHousehold' | 'isKeyPerson', caption: string) => (
    <td className={styles.memberCheckCell}>
      <input
        type="checkbox"
        aria-label={`${label}の${caption}`}
        aria-invalid={rowErrors?.[field] ? true : undefined}
        aria-describedby={rowErrors?.[field] ? id(`${field}-error`) : undefined}
        {...register(`members.${index}.${field}`)}
      />
      {errorOf(field)}
    </td>
  );
  const deceasedField = register(`members.${index}.deceased`);

  return (
    <tr data-row-key={rowKey} data-testid="member-edit-row">
      <td className={householdsStyles.colLabel}>
        <span className={householdsStyles.memberLabel} aria-hidden="true">
          {label}
        </span>
      </td>
      <td>{input('name', '氏名')}</td>
      <td>{input('kana', 'ふりがな')}</td>
      <td>{input('relationship', '続柄', styles.memberRelationship)}</td>
      <td>
        {input('birthDate', '生年月日', styles.memberBirth)}
        <DateEcho
          text={birthDateText}
          quiet={Boolean(rowErrors?.birthDate)}
          suffix={birth.iso ? `・${ageOn(birth.iso, today)}歳` : ''}
        />
      </td>
      <td>
        <select
          className={cx(fieldStyles.select, styles.memberSex)}
          aria-label={`${label}の性別`}
          {...register(`members.${index}.sex`)}
        >
          {sexSchema.options.map((s) => (
            <option key={s} value={s}>
              {sexLabels[s]}
            </option>
          ))}
        </select>
      </td>
      <td className={styles.memberPrincipalCell}>
        <input
          type="radio"
          name="member-principal"
          className={styles.memberPrincipalRadio}
          aria-label={`${label}が本人`}
          checked={isPrincipal}
          onChange={onPrincipal}
        />
      </td>
      {check('livesInHousehold', '同居')}
      {check('isKeyPerson', 'キーパーソン')}
      <td className={styles.memberDeathCell}>
        <input
          type="checkbox"
          aria-label={`${label}の死亡`}
          aria-invalid={rowErrors?.deceased ? true : undefined}
          aria-describedby={rowErrors?.deceased ? id('deceased-error') : undefined}
          {...deceasedField}
          onChange={(event) => {
            void deceasedField.onChange(event);
            onDeceased(event.target.checked);
          }}
        />
        {errorOf('deceased')}
        {deceased && input('death', '亡くなった日か年（令和2年5月1日、令和2年）', styles.memberDeath)}
      </td>
      <td>
        <div className={styles.memberActions}>
          <Button
            compact
            data-move="up"
            aria-label={`${label}を上へ移動`}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            上へ
          </Button>
          <Button
            compact
            data-move="down"
            aria-label={`${label}を下へ移動`}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            下へ
          </Button>
          {onRemove && (
            <Button compact variant="link" aria-label={`${label}を削除`} onClick={onRemove}>
              削除
            </Button>
          )}
        </div>
      </td>
    </tr>
  );
}
