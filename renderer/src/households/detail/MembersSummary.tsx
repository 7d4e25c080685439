import { ageOn } from '../../../../electron/domain/dates';
import { sexLabels } from '../../../../electron/domain/household';
import { formatWarekiDate, officeDate } from '../../../../electron/domain/office-day';
import type { Member } from '../../../../electron/ipc/schemas/households';
import { Button } from '../../ui/Button';

/** 世帯員 as read-only rows: A, B, C… in the household's order, 本人 marked. */
export function MembersSummary({ members, onEdit }: { members: readonly Member[]; onEdit: () => void }) {
  const today = officeDate(new Date());
  return (
    <section className="panel hh-section" aria-labelledby="hh-members-title">
      <div className="hh-section-head">
        <h2 id="hh-members-title" className="hh-section-title">
          世帯員<span className="hh-section-count">{members.length}人</span>
        </h2>
        <Button onClick={onEdit}>{members.length === 0 ? '世帯員を入力' : '編集'}</Button>
      </div>
      {members.length === 0 ? (
        <p className="muted">世帯員はまだ登録されていません。</p>
      ) : (
        <table className="table hh-members-table">
          <thead>
            <tr>
              <th scope="col" className="hh-col-label">
                記号
              </th>
              <th scope="col">氏名</th>
              <th scope="col">続柄</th>
              <th scope="col">生年月日（年齢）</th>
              <th scope="col">性別</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id} data-testid="member-row">
                <td className="hh-col-label">
                  <span className="member-label">{m.label}</span>
                </td>
                <td>
                  <span className="member-kana">{m.kana}</span>
                  <span className="member-name">{m.name}</span>
                  {m.isPrincipal && <span className="tag member-principal">本人</span>}
                </td>
                <td>{m.relationship || <span className="muted">—</span>}</td>
                <td className="nowrap">
                  {m.birthDate ? (
                    <>
                      {formatWarekiDate(m.birthDate)}
                      <span className="member-age">（{ageOn(m.birthDate, today)}歳）</span>
                    </>
                  ) : (
                    <span className="muted">不明</span>
                  )}
                </td>
                <td className="nowrap">{sexLabels[m.sex]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
