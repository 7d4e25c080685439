import { useEffect, useRef } from 'react';
import type { HouseholdListSort } from '../../../../electron/domain/household';
import { formatWarekiDate } from '../../../../electron/domain/office-day';
import type { HouseholdSummary } from '../../../../electron/ipc/schemas/households';
import { cx } from '../../ui/cx';
import { SortableHeader } from '../../ui/SortableHeader';
import type { SortState } from '../../ui/sort';
import { Tag } from '../../ui/Tag';
import tableStyles from '../../ui/table.module.css';
import { ConsentBadge, IssueTags, StatusBadge } from '../Badges';
import styles from './HouseholdTable.module.css';

interface HouseholdTableProps {
  rows: readonly HouseholdSummary[];
  highlightedId: string | null;
  onOpen: (id: string) => void;
  /** The order of the whole list (the service sorts before the page is cut), not of these rows. */
  sort: SortState<HouseholdListSort>;
  onSort: (column: HouseholdListSort) => void;
}

/**
 * 世帯一覧 rows. The 表示名 button opens a household and covers its whole row for the mouse; the
 * highlighted row (arrow keys in the search box) stays scrolled into view. 受付番号, 表示名 (by the
 * principal's ふりがな) and 受付日 sort the whole list at the service; the other columns are filters.
 */
export function HouseholdTable({ rows, highlightedId, onOpen, sort, onSort }: HouseholdTableProps) {
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    if (!highlightedId) return;
    body.current
      ?.querySelector(`tr[data-household-id="${highlightedId}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [highlightedId]);

  return (
    <div className={tableStyles.wrap}>
      <table className={cx(tableStyles.table, styles.table)}>
        <thead>
          <tr>
            <SortableHeader column="caseNo" sort={sort} onSort={onSort}>
              受付番号
            </SortableHeader>
            <SortableHeader column="kana" sort={sort} onSort={onSort} sortsBy="本人のふりがな">
              表示名
            </SortableHeader>
            <th scope="col">同意</th>
            <th scope="col">状態</th>
            <th scope="col">課題</th>
            <SortableHeader column="receivedOn" sort={sort} onSort={onSort}>
              受付日
            </SortableHeader>
            <th scope="col">最終更新</th>
            <th scope="col" className={tableStyles.num}>
              世帯員数
            </th>
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.map((row) => (
            <tr
              key={row.id}
              data-household-id={row.id}
              data-testid="household-row"
              className={cx(styles.row, row.id === highlightedId && styles.highlighted)}
              data-highlighted={row.id === highlightedId || undefined}
            >
              <td className={cx('nowrap', styles.caseno)}>
                {row.caseNo}
                {row.caseNoDuplicate && (
                  <Tag
                    tone="danger"
                    className={styles.casenoDuplicate}
                    title="ほかの世帯と同じ受付番号とみなされます。番号を直してください。"
                  >
                    番号重複
                  </Tag>
                )}
              </td>
              <td>
                <button type="button" className={styles.open} onClick={() => onOpen(row.id)}>
                  {row.label}
                </button>
              </td>
              <td className="nowrap">
                <ConsentBadge consent={row.consent} />
              </td>
              <td className="nowrap">
                <StatusBadge status={row.status} />
              </td>
              <td>
                <IssueTags issues={row.issues} />
              </td>
              <td className="nowrap">{formatWarekiDate(row.receivedOn)}</td>
              <td className="nowrap">{formatWarekiDate(row.lastActivityOn)}</td>
              <td className={cx(tableStyles.num, 'nowrap')}>{row.memberCount}人</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
