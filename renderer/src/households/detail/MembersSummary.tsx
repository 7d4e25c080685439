import { useState } from 'react';
import { ageOn } from '../../../../electron/domain/dates';
import { sexLabels } from '../../../../electron/domain/household';
import { formatWarekiDate, officeDate } from '../../../../electron/domain/office-day';
import type { MemberDetail, VoidedMember } from '../../../../electron/ipc/schemas/households';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { Dialog } from '../../ui/Dialog';
import layoutStyles from '../../ui/layout.module.css';
import { SortableHeader, useSortedRows } from '../../ui/SortableHeader';
import { Tag } from '../../ui/Tag';
import tableStyles from '../../ui/table.module.css';
import { CorrectionHistory, VoidedMark } from '../corrections/CorrectionHistory';
import { VoidForm } from '../corrections/VoidForm';
import householdsStyles from '../households.module.css';
import { AreaNotice, useNotices } from '../notices';
import styles from './MembersSummary.module.css';

type Version = MemberDetail['corrections'][number]['before'];
const describe = (m: Version) =>
  `${m.label} ${m.name}${m.relationship ? `（${m.relationship}）` : ''}${m.birthDate ? `・${formatWarekiDate(m.birthDate)}生` : ''}・${sexLabels[m.sex]}`;

const memberColumns = {
  label: (m: MemberDetail) => m.label,
  kana: (m: MemberDetail) => m.kana || m.name,
  relationship: (m: MemberDetail) => m.relationship,
  birthDate: (m: MemberDetail) => m.birthDate,
  sex: (m: MemberDetail) => sexLabels[m.sex],
};

/**
 * 世帯員 as read-only rows in the household's order (the headers sort them), 本人 marked, each with its 訂正 history. A member
 * recorded by mistake is voided here (rule 18); voided members stay listed below, struck through.
 */
export function MembersSummary({
  members,
  voidedMembers,
  onEdit,
}: {
  members: readonly MemberDetail[];
  voidedMembers: readonly VoidedMember[];
  onEdit: () => void;
}) {
  const today = officeDate(new Date());
  const notices = useNotices();
  const [voiding, setVoiding] = useState<MemberDetail | null>(null);
  const { rows, sort, sortBy } = useSortedRows(members, memberColumns);
  return (
    <section className={cx(layoutStyles.panel, householdsStyles.section)} aria-labelledby="hh-members-title">
      <div className={householdsStyles.sectionHead}>
        <h2 id="hh-members-title" className={householdsStyles.sectionTitle}>
          世帯員<span className={householdsStyles.sectionCount}>{members.length}人</span>
        </h2>
        <Button onClick={onEdit}>{members.length === 0 ? '世帯員を入力' : '編集'}</Button>
      </div>
      <AreaNotice area="members" className={householdsStyles.sectionNotice} />
      {members.length === 0 ? (
        <p className="muted">世帯員はまだ登録されていません。</p>
      ) : (
        <table className={cx(tableStyles.table, styles.membersTable)}>
          <thead>
            <tr>
              <SortableHeader
                column="label"
                sort={sort}
                onSort={sortBy}
                className={householdsStyles.colLabel}
              >
                記号
              </SortableHeader>
              <SortableHeader column="kana" sort={sort} onSort={sortBy} sortsBy="ふりがな">
                氏名
              </SortableHeader>
              <SortableHeader column="relationship" sort={sort} onSort={sortBy}>
                続柄
              </SortableHeader>
              <SortableHeader column="birthDate" sort={sort} onSort={sortBy} sortsBy="生年月日">
                生年月日（年齢）
              </SortableHeader>
              <SortableHeader column="sex" sort={sort} onSort={sortBy}>
                性別
              </SortableHeader>
              <th scope="col">
                <span className="visually-hidden">取消</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id} data-testid="member-row">
                <td className={householdsStyles.colLabel}>
                  <span className={householdsStyles.memberLabel}>{m.label}</span>
                </td>
                <td>
                  <span className={styles.memberKana}>{m.kana}</span>
                  <span className={styles.memberName}>{m.name}</span>
                  {m.isPrincipal && <Tag className={styles.memberPrincipal}>本人</Tag>}
                  <CorrectionHistory
                    corrections={m.corrections}
                    renderBefore={(b) => <span>{describe(b)}</span>}
                  />
                </td>
                <td>{m.relationship || <span className="muted">—</span>}</td>
                <td className="nowrap">
                  {m.birthDate ? (
                    <>
                      {formatWarekiDate(m.birthDate)}
                      <span className={styles.memberAge}>（{ageOn(m.birthDate, today)}歳）</span>
                    </>
                  ) : (
                    <span className="muted">不明</span>
                  )}
                </td>
                <td className="nowrap">{sexLabels[m.sex]}</td>
                <td className="nowrap">
                  <Button
                    variant="link"
                    aria-label={`${m.label}を取消`}
                    onClick={() => {
                      notices.clear();
                      setVoiding(m);
                    }}
                  >
                    取消
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {voidedMembers.length > 0 && (
        <ul className={styles.voidedMembers} aria-label="取り消した世帯員">
          {voidedMembers.map((m) => (
            <li key={m.id} data-testid="voided-member">
              <span className={householdsStyles.struck}>{describe(m)}</span>
              <VoidedMark voided={m.voided} />
            </li>
          ))}
        </ul>
      )}
      <Dialog open={voiding !== null} title="世帯員を取り消す" onClose={() => setVoiding(null)}>
        {voiding && (
          <VoidForm
            effect={`${voiding.label}は世帯員として数えられなくなり、会議資料や家族構成図にも出なくなります。記号 ${voiding.label} はほかの人には使いません。`}
            voidRecord={(reason) => call('households.voidMember', { id: voiding.id, reason })}
            onCancel={() => setVoiding(null)}
            onDone={() => {
              setVoiding(null);
              notices.show('members', '世帯員を取り消しました。');
            }}
          >
            {describe(voiding)}
          </VoidForm>
        )}
      </Dialog>
    </section>
  );
}
