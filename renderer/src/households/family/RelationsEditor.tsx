import { useId, useState } from 'react';
import { formatWarekiYear } from '../../../../electron/domain/dates';
import {
  isPartnerKind,
  type RelationKind,
  relationKindLabels,
  relationKinds,
} from '../../../../electron/domain/family';
import type { ChannelInput } from '../../../../electron/ipc/contract';
import type { Relation } from '../../../../electron/ipc/schemas/family';
import type { MemberDetail } from '../../../../electron/ipc/schemas/households';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import fieldStyles from '../../ui/Field.module.css';
import { SortableHeader, useSortedRows } from '../../ui/SortableHeader';
import tableStyles from '../../ui/table.module.css';
import styles from './Family.module.css';

interface RelationsEditorProps {
  members: readonly MemberDetail[];
  relations: readonly Relation[];
  busy: boolean;
  /** Saves the whole list; resolves false when it was refused (the message is shown by the caller). */
  onSave: (relations: RelationDraft[]) => Promise<boolean>;
}

/** A relation as the contract takes it (年 as typed: 2008 or 平成20年). */
export type RelationDraft = ChannelInput<'family.saveRelations'>['relations'][number];

const who = (m: MemberDetail | undefined) =>
  m ? `${m.label} ${m.name}${m.relationship ? `（${m.relationship}）` : ''}` : '？';

/** One relation as a sentence: 「A 山田 太郎 は B 山田 一郎 の親」, 「A … と C … は 離婚（平成20年）」. */
function describeRelation(r: Relation, byId: Map<string, MemberDetail>): string {
  const a = who(byId.get(r.memberId));
  const b = who(byId.get(r.otherMemberId));
  if (r.kind === 'parentChild') return `${a} は ${b} の親`;
  return `${a} と ${b} は ${relationKindLabels[r.kind]}${r.year !== null ? `（${formatWarekiYear(r.year)}）` : ''}`;
}

const toInput = (r: Relation): RelationDraft => ({
  kind: r.kind,
  memberId: r.memberId,
  otherMemberId: r.otherMemberId,
  year: r.year,
});

/** 家族関係: chosen from the registered members, never drawn by hand. Each change is saved at once. */
export function RelationsEditor({ members, relations, busy, onSave }: RelationsEditorProps) {
  const id = useId();
  const byId = new Map(members.map((m) => [m.id, m]));
  const [kind, setKind] = useState<RelationKind>('parentChild');
  const [memberId, setMemberId] = useState('');
  const [otherMemberId, setOtherMemberId] = useState('');
  const [year, setYear] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Relation | null>(null);
  const listed = useSortedRows(relations, {
    kind: (r: Relation) => relationKindLabels[r.kind],
    text: (r: Relation) => describeRelation(r, byId),
  });
  const partner = isPartnerKind(kind);

  async function add() {
    if (!memberId || !otherMemberId) {
      setProblem(partner ? '関係のあるふたりを選んでください。' : '親と子を選んでください。');
      return;
    }
    if (memberId === otherMemberId) {
      setProblem('同じ人どうしの関係は登録できません。');
      return;
    }
    setProblem(null);
    const next = [
      ...relations.map(toInput),
      { kind, memberId, otherMemberId, year: partner && year.trim() ? year.trim() : null },
    ];
    if (await onSave(next)) {
      setOtherMemberId('');
      setYear('');
    }
  }

  const options = (
    <>
      <option value="">選んでください</option>
      {members.map((m) => (
        <option key={m.id} value={m.id}>
          {who(m)}
        </option>
      ))}
    </>
  );

  return (
    <div className={styles.relations}>
      <h3 className={styles.subTitle}>家族関係</h3>
      {relations.length === 0 ? (
        <p className={fieldStyles.hint}>
          まだ登録されていません。下で関係を選んで追加すると、右の図に描かれます。
        </p>
      ) : (
        <table className={tableStyles.table} aria-label="登録済みの家族関係">
          <thead>
            <tr>
              <SortableHeader column="kind" sort={listed.sort} onSort={listed.sortBy}>
                関係
              </SortableHeader>
              <SortableHeader column="text" sort={listed.sort} onSort={listed.sortBy}>
                内容
              </SortableHeader>
              <th scope="col">
                <span className="visually-hidden">削除</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {listed.rows.map((r) => (
              <tr key={r.id} data-testid="relation-row">
                <td>{relationKindLabels[r.kind]}</td>
                <td>{describeRelation(r, byId)}</td>
                <td>
                  <Button
                    compact
                    variant="link"
                    aria-label={`${describeRelation(r, byId)} を削除`}
                    onClick={() => setRemoving(r)}
                  >
                    削除
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <fieldset className={styles.addRelation} aria-describedby={`${id}-hint`}>
        <legend>関係を追加</legend>
        <p className={fieldStyles.hint} id={`${id}-hint`}>
          親子は「親」と「子」を、夫婦・内縁・離婚・別居はふたりを選びます。新しく入力した世帯員は、保存してから選べます。
        </p>
        <div className={styles.addRow}>
          <div className={styles.inline}>
            <label htmlFor={`${id}-kind`}>関係</label>
            <select
              id={`${id}-kind`}
              className={fieldStyles.select}
              value={kind}
              onChange={(e) => setKind(e.target.value as RelationKind)}
            >
              {relationKinds.map((k) => (
                <option key={k} value={k}>
                  {k === 'parentChild' ? '親子（親 → 子）' : relationKindLabels[k]}
                </option>
              ))}
            </select>
          </div>
          <div className={styles.inline}>
            <label htmlFor={`${id}-member`}>{partner ? 'ひとり目' : '親'}</label>
            <select
              id={`${id}-member`}
              className={fieldStyles.select}
              value={memberId}
              onChange={(e) => setMemberId(e.target.value)}
            >
              {options}
            </select>
          </div>
          <div className={styles.inline}>
            <label htmlFor={`${id}-other`}>{partner ? 'ふたり目' : '子'}</label>
            <select
              id={`${id}-other`}
              className={fieldStyles.select}
              value={otherMemberId}
              onChange={(e) => setOtherMemberId(e.target.value)}
            >
              {options}
            </select>
          </div>
          {partner && (
            <div className={styles.inline}>
              <label htmlFor={`${id}-year`}>年（任意）</label>
              <input
                id={`${id}-year`}
                className={fieldStyles.input}
                size={10}
                placeholder="平成20年"
                value={year}
                onChange={(e) => setYear(e.target.value)}
              />
            </div>
          )}
          <Button variant="primary" busy={busy} onClick={() => void add()}>
            追加
          </Button>
        </div>
        {problem && (
          <p className={fieldStyles.error} role="alert">
            {problem}
          </p>
        )}
      </fieldset>
      <ConfirmDialog
        open={removing !== null}
        title="この家族関係を削除しますか"
        confirmLabel="削除する"
        cancelLabel="削除しない"
        busy={busy}
        onConfirm={() => {
          const gone = removing;
          setRemoving(null);
          if (gone) void onSave(relations.filter((r) => r.id !== gone.id).map(toInput));
        }}
        onCancel={() => setRemoving(null)}
      >
        <p>
          {removing ? describeRelation(removing, byId) : ''}
          。図からも消えます（削除は監査ログに記録されます）。
        </p>
      </ConfirmDialog>
    </div>
  );
}
