import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../api';
import { Button } from '../ui/Button';
import { ErrorPanel } from '../ui/ErrorPanel';
import { HouseholdDetailView } from './detail/HouseholdDetailView';
import { HouseholdEditPage } from './form/HouseholdEditPage';
import { HouseholdFrame } from './HouseholdFrame';
import { MembersEditor } from './members/MembersEditor';
import { householdQuery } from './queries';
import type { HouseholdRoute, Navigate } from './route';

interface HouseholdScreenProps {
  route: Extract<HouseholdRoute, { name: 'household' }>;
  navigate: Navigate;
}

/** One household: loaded once (the opening is audited), then the detail or one of its editors. */
export function HouseholdScreen({ route, navigate }: HouseholdScreenProps) {
  const household = useQuery(householdQuery(route.id));

  if (household.isPending) {
    return (
      <div className="page">
        <p className="muted">読み込んでいます…</p>
      </div>
    );
  }
  if (household.isError) {
    return (
      <div className="page">
        <ErrorPanel title="世帯を表示できません" message={errorMessage(household.error)}>
          <div className="actions">
            <Button variant="primary" onClick={() => navigate({ name: 'list' })}>
              世帯一覧に戻る
            </Button>
          </div>
        </ErrorPanel>
      </div>
    );
  }

  const detail = household.data;
  return (
    <HouseholdFrame household={detail} route={route} navigate={navigate}>
      {route.view === 'detail' && <HouseholdDetailView household={detail} navigate={navigate} />}
      {route.view === 'edit' && <HouseholdEditPage household={detail} navigate={navigate} />}
      {route.view === 'members' && <MembersEditor household={detail} navigate={navigate} />}
    </HouseholdFrame>
  );
}
