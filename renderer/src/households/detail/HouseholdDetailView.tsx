import { useNavigate } from '@tanstack/react-router';
import { HouseholdMeetingsSection } from '../../meetings/HouseholdMeetingsSection';
import { Notice } from '../../ui/Notice';
import { ConsentSection } from '../consent/ConsentSection';
import { useOpenedHousehold } from '../HouseholdScreen';
import { MonitoringSection } from '../monitoring/MonitoringSection';
import { ProgressNotesSection } from '../notes/ProgressNotesSection';
import { StatusSection } from '../status/StatusSection';
import { BasicFacts } from './BasicFacts';
import styles from './HouseholdDetailView.module.css';
import { MembersSummary } from './MembersSummary';
import { Timeline } from './Timeline';

/** 世帯の詳細: who lives there and the consent on the left, state and history on the right. */
export function HouseholdDetailView() {
  const household = useOpenedHousehold();
  const navigate = useNavigate();
  return (
    <div className={styles.detail}>
      {household.caseNoDuplicate && (
        <Notice tone="warning" className={styles.detailWide}>
          受付番号「{household.caseNo}
          」は、ほかの世帯と同じ番号とみなされます（全角・半角、ハイフンの種類、大文字・小文字は区別しません）。以前のデータで重なっていた番号です。「編集」から、この世帯の受付番号を直してください。
        </Notice>
      )}
      <div>
        <MembersSummary
          members={household.members}
          voidedMembers={household.voidedMembers}
          onEdit={() =>
            void navigate({ to: '/households/$householdId/members', params: { householdId: household.id } })
          }
        />
        <ConsentSection household={household} />
        <HouseholdMeetingsSection householdId={household.id} />
        <MonitoringSection householdId={household.id} />
        <ProgressNotesSection householdId={household.id} members={household.members} />
      </div>
      <div>
        <BasicFacts household={household} />
        <StatusSection household={household} />
        <Timeline entries={household.timeline} />
      </div>
    </div>
  );
}
