import { useId } from 'react';
import fieldStyles from '../../ui/Field.module.css';

export interface NoteMember {
  id: string;
  label: string;
  name: string;
  relationship: string;
  deceased: boolean;
}

/** 対象の世帯員: the members the entry is about, as check boxes in the household's order. */
export function MembersConcerned({
  members,
  value,
  onChange,
  error,
}: {
  members: readonly NoteMember[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
}) {
  const id = useId();
  const chosen = new Set(value);
  return (
    <fieldset className={fieldStyles.group} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>対象の世帯員</legend>
      {members.map((m) => (
        <label key={m.id} className={fieldStyles.choice}>
          <input
            type="checkbox"
            checked={chosen.has(m.id)}
            onChange={(e) =>
              onChange(
                members.map((x) => x.id).filter((x) => (x === m.id ? e.target.checked : chosen.has(x))),
              )
            }
          />
          {memberName(m)}
        </label>
      ))}
      {error && (
        <p className={fieldStyles.error} id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** 「A 山田 一郎（本人）」, with 死亡 said. */
export const memberName = (m: NoteMember) =>
  `${m.label} ${m.name}${m.relationship ? `（${m.relationship}）` : ''}${m.deceased ? '・死亡' : ''}`;
