import { type MouseEvent, useState } from 'react';
import type { AgencyGroup } from '../../../electron/domain/agency';
import type { Agency } from '../../../electron/ipc/schemas/agencies';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import { SortableHeader } from '../ui/SortableHeader';
import { nextSort, type SortState, sortRows } from '../ui/sort';
import { Tag } from '../ui/Tag';
import tableStyles from '../ui/table.module.css';
import styles from './AgencyTable.module.css';

interface AgencyTableProps {
  groups: readonly AgencyGroup<Agency>[];
  /** A call for one agency is running: its buttons wait. */
  busyId: string | null;
  onEdit: (agency: Agency, event: MouseEvent<HTMLButtonElement>) => void;
  onSetRetired: (agency: Agency, retired: boolean) => void;
  onDelete: (agency: Agency) => void;
}

const columns = {
  機関名: (a: Agency) => a.name,
  部署: (a: Agency) => a.department,
  電話: (a: Agency) => a.phone,
  メール: (a: Agency) => a.email,
  既定の担当者: (a: Agency) => a.contactPerson,
  状態: (a: Agency) => (a.retired ? '使用終了' : '使用中'),
};
type Column = keyof typeof columns;
const columnCount = Object.keys(columns).length + 1;

/** The agencies grouped under their 分野, with the actions each row allows; a header sorts inside each group. */
export function AgencyTable({ groups, busyId, onEdit, onSetRetired, onDelete }: AgencyTableProps) {
  const [sort, setSort] = useState<SortState<Column> | null>(null);
  const onSort = (column: Column) => setSort((current) => nextSort(current, column));
  return (
    <div className={tableStyles.wrap}>
      <table className={cx(tableStyles.table, styles.table)}>
        <thead>
          <tr>
            {(Object.keys(columns) as Column[]).map((c) => (
              <SortableHeader key={c} column={c} sort={sort} onSort={onSort}>
                {c}
              </SortableHeader>
            ))}
            <th scope="col">操作</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.field}>
            <tr className={styles.groupRow}>
              <th scope="rowgroup" colSpan={columnCount}>
                {group.field}
                <span className={styles.groupCount}>{group.agencies.length}件</span>
              </th>
            </tr>
            {sortRows(group.agencies, columns, sort).map((agency) => (
              <AgencyRow
                key={agency.id}
                agency={agency}
                busy={busyId === agency.id}
                onEdit={onEdit}
                onSetRetired={onSetRetired}
                onDelete={onDelete}
              />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

interface AgencyRowProps extends Omit<AgencyTableProps, 'groups' | 'busyId'> {
  agency: Agency;
  busy: boolean;
}

function AgencyRow({ agency, busy, onEdit, onSetRetired, onDelete }: AgencyRowProps) {
  const named = <span className="visually-hidden">：{agency.name}</span>;
  return (
    <tr className={agency.retired ? styles.rowRetired : undefined} data-testid="agency-row">
      <td>
        <span className={styles.name}>{agency.name}</span>
        {agency.address && <span className={styles.address}>{agency.address}</span>}
      </td>
      <td>{agency.department}</td>
      <td className="nowrap">{agency.phone}</td>
      <td className={styles.email}>{agency.email}</td>
      <td>{agency.contactPerson}</td>
      <td className="nowrap">
        {agency.retired ? <Tag tone="muted">使用終了</Tag> : <Tag>使用中</Tag>}
        {agency.inUse && <span className={styles.inUse}>記録あり</span>}
      </td>
      <td className={styles.actionsCell}>
        <div className={styles.rowActions}>
          <Button compact onClick={(event) => onEdit(agency, event)} disabled={busy}>
            編集{named}
          </Button>
          <Button compact onClick={() => onSetRetired(agency, !agency.retired)} busy={busy}>
            {agency.retired ? '使用を再開' : '使用終了にする'}
            {named}
          </Button>
          {!agency.inUse && (
            <Button compact variant="danger-outline" onClick={() => onDelete(agency)} disabled={busy}>
              削除{named}
            </Button>
          )}
        </div>
      </td>
    </tr>
  );
}
