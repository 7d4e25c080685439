import type { MouseEvent } from 'react';
import type { AgencyGroup } from '../../../electron/domain/agency';
import type { Agency } from '../../../electron/ipc/schemas/agencies';
import { Button } from '../ui/Button';

interface AgencyTableProps {
  groups: readonly AgencyGroup<Agency>[];
  /** A call for one agency is running: its buttons wait. */
  busyId: string | null;
  onEdit: (agency: Agency, event: MouseEvent<HTMLButtonElement>) => void;
  onSetRetired: (agency: Agency, retired: boolean) => void;
  onDelete: (agency: Agency) => void;
}

const columns = ['機関名', '部署', '電話', 'メール', '既定の担当者', '状態', '操作'] as const;

/** The agencies grouped under their 分野, with the actions each row allows. */
export function AgencyTable({ groups, busyId, onEdit, onSetRetired, onDelete }: AgencyTableProps) {
  return (
    <div className="table-wrap">
      <table className="table agency-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.field}>
            <tr className="agency-group-row">
              <th scope="rowgroup" colSpan={columns.length}>
                {group.field}
                <span className="agency-group-count">{group.agencies.length}件</span>
              </th>
            </tr>
            {group.agencies.map((agency) => (
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
    <tr className={agency.retired ? 'agency-row-retired' : undefined} data-testid="agency-row">
      <td>
        <span className="agency-name">{agency.name}</span>
        {agency.address && <span className="agency-address">{agency.address}</span>}
      </td>
      <td>{agency.department}</td>
      <td className="nowrap">{agency.phone}</td>
      <td className="agency-email">{agency.email}</td>
      <td>{agency.contactPerson}</td>
      <td className="nowrap">
        {agency.retired ? (
          <span className="tag tag-retired">使用終了</span>
        ) : (
          <span className="tag">使用中</span>
        )}
        {agency.inUse && <span className="agency-in-use">記録あり</span>}
      </td>
      <td className="agency-actions-cell">
        <div className="agency-row-actions">
          <Button className="btn-compact" onClick={(event) => onEdit(agency, event)} disabled={busy}>
            編集{named}
          </Button>
          <Button className="btn-compact" onClick={() => onSetRetired(agency, !agency.retired)} busy={busy}>
            {agency.retired ? '使用を再開' : '使用終了にする'}
            {named}
          </Button>
          {!agency.inUse && (
            <Button
              className="btn-compact btn-compact-danger"
              onClick={() => onDelete(agency)}
              disabled={busy}
            >
              削除{named}
            </Button>
          )}
        </div>
      </td>
    </tr>
  );
}
