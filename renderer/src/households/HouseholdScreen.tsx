import { useQuery } from '@tanstack/react-query';
import { Outlet, useNavigate, useParams } from '@tanstack/react-router';
import { createContext, useContext, useEffect } from 'react';
import type { HouseholdDetail } from '../../../electron/ipc/schemas/households';
import { errorMessage } from '../api';
import { read } from '../queries';
import { Button } from '../ui/Button';
import { ErrorPanel } from '../ui/ErrorPanel';
import layoutStyles from '../ui/layout.module.css';
import { HouseholdFrame } from './HouseholdFrame';
import { useListState } from './HouseholdsSection';

const OpenedHousehold = createContext<HouseholdDetail | null>(null);

/** The household this screen opened, for its detail and its editors. */
export function useOpenedHousehold(): HouseholdDetail {
  const household = useContext(OpenedHousehold);
  if (!household) throw new Error('useOpenedHousehold outside HouseholdScreen');
  return household;
}

/**
 * One household: read once when it is opened (the reading is the audited view, rule 10), then the
 * detail or one of its editors below, which move between themselves without reading it again.
 */
export function HouseholdScreen() {
  const { householdId } = useParams({ from: '/households/$householdId' });
  const navigate = useNavigate();
  const { setHighlightedId } = useListState();
  const household = useQuery(read('households.get', { id: householdId }));

  // Back in the list, the row of the household last opened is the highlighted one.
  useEffect(() => setHighlightedId(householdId), [householdId, setHighlightedId]);

  if (household.isPending) {
    return (
      <div className={layoutStyles.page}>
        <p className="muted">読み込んでいます…</p>
      </div>
    );
  }
  if (household.isError) {
    return (
      <div className={layoutStyles.page}>
        <ErrorPanel title="世帯を表示できません" message={errorMessage(household.error)}>
          <div className={layoutStyles.actions}>
            <Button variant="primary" onClick={() => void navigate({ to: '/households' })}>
              世帯一覧に戻る
            </Button>
          </div>
        </ErrorPanel>
      </div>
    );
  }

  return (
    <OpenedHousehold value={household.data}>
      <HouseholdFrame household={household.data}>
        <Outlet />
      </HouseholdFrame>
    </OpenedHousehold>
  );
}
