import { ChoiceGroup } from '../../ui/ChoiceGroup';
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
  const chosen = new Set(value);
  return (
    <ChoiceGroup legend="対象の世帯員" error={error}>
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
    </ChoiceGroup>
  );
}

/** 「A 山田 一郎（本人）」, with 死亡 said. */
export const memberName = (m: NoteMember) =>
  `${m.label} ${m.name}${m.relationship ? `（${m.relationship}）` : ''}${m.deceased ? '・死亡' : ''}`;
