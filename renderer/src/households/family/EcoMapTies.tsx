import {
  ecoMapSourceLabels,
  type SupportDirection,
  supportDirectionLabels,
  supportDirections,
  type TieStrength,
  tieStrengthLabels,
  tieStrengths,
} from '../../../../electron/domain/family';
import type { EcoMapTie } from '../../../../electron/ipc/schemas/family';
import fieldStyles from '../../ui/Field.module.css';
import { SortableHeader, useSortedRows } from '../../ui/SortableHeader';
import tableStyles from '../../ui/table.module.css';
import styles from './Family.module.css';

interface EcoMapTiesProps {
  ties: readonly EcoMapTie[];
  busy: boolean;
  onChange: (tie: { agencyId: string; strength: TieStrength; direction: SupportDirection }) => void;
}

/** The agencies on the エコマップ (from 相談経路, meetings, 支援経過 and 役割分担), each tie set here. */
const tieColumns = {
  agency: (t: EcoMapTie) => t.agencyName,
  strength: (t: EcoMapTie) => tieStrengths.indexOf(t.strength),
  direction: (t: EcoMapTie) => supportDirections.indexOf(t.direction),
};

export function EcoMapTies({ ties, busy, onChange }: EcoMapTiesProps) {
  const { rows, sort, sortBy } = useSortedRows(ties, tieColumns);
  return (
    <div>
      <h3 className={styles.subTitle}>エコマップの関係機関</h3>
      {ties.length === 0 ? (
        <p className={fieldStyles.hint}>
          相談経路・会議の出席機関・支援経過・支援プランの役割分担に機関が登録されると、ここに並びます。
        </p>
      ) : (
        <table className={tableStyles.table} aria-label="エコマップの関係機関">
          <thead>
            <tr>
              <SortableHeader column="agency" sort={sort} onSort={sortBy}>
                機関
              </SortableHeader>
              <SortableHeader column="strength" sort={sort} onSort={sortBy}>
                つながりの強さ
              </SortableHeader>
              <SortableHeader column="direction" sort={sort} onSort={sortBy}>
                支援の向き
              </SortableHeader>
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <tr key={t.agencyId}>
                <td>
                  {t.agencyName}
                  <span className={styles.sources}>
                    {t.sources.map((s) => ecoMapSourceLabels[s]).join('・')}
                  </span>
                </td>
                <td>
                  <select
                    className={fieldStyles.select}
                    aria-label={`${t.agencyName}とのつながりの強さ`}
                    value={t.strength}
                    disabled={busy}
                    onChange={(e) =>
                      onChange({
                        agencyId: t.agencyId,
                        strength: e.target.value as TieStrength,
                        direction: t.direction,
                      })
                    }
                  >
                    {tieStrengths.map((s) => (
                      <option key={s} value={s}>
                        {tieStrengthLabels[s]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    className={fieldStyles.select}
                    aria-label={`${t.agencyName}との支援の向き`}
                    value={t.direction}
                    disabled={busy}
                    onChange={(e) =>
                      onChange({
                        agencyId: t.agencyId,
                        strength: t.strength,
                        direction: e.target.value as SupportDirection,
                      })
                    }
                  >
                    {supportDirections.map((d) => (
                      <option key={d} value={d}>
                        {supportDirectionLabels[d]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
