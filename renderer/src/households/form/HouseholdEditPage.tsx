import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { warekiInput } from '../../../../electron/domain/dates';
import { call } from '../../api';
import { householdReads, refresh } from '../../queries';
import { cx } from '../../ui/cx';
import layoutStyles from '../../ui/layout.module.css';
import { Notice } from '../../ui/Notice';
import { withoutPathPrefix } from '../callErrors';
import { useOpenedHousehold } from '../HouseholdScreen';
import formStyles from './form.module.css';
import { HouseholdForm } from './HouseholdForm';
import { useFormLists } from './useFormLists';

/** 基本情報の編集, inside the household's frame (so the rule-6 banner stays on top). */
export function HouseholdEditPage() {
  const household = useOpenedHousehold();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const lists = useFormLists();
  const params = { householdId: household.id };

  return (
    <section className={cx(layoutStyles.panel, formStyles.formPanel)} aria-labelledby="hh-edit-title">
      <h2 id="hh-edit-title" className={layoutStyles.panelTitle}>
        基本情報の編集
      </h2>
      {lists.error && <Notice tone="error">{lists.error}</Notice>}
      {!lists.error && !(lists.agencies && lists.issueTags) && <p className="muted">読み込んでいます…</p>}
      {lists.agencies && lists.issueTags && (
        <HouseholdForm
          initial={{
            caseNo: household.caseNo,
            receivedOn: warekiInput(household.receivedOn),
            label: household.label,
            referralAgencyId: household.referralAgencyId,
            issues: household.issues,
            note: household.note,
          }}
          agencies={lists.agencies}
          issueTags={lists.issueTags}
          submitLabel="保存"
          save={async (values) => {
            try {
              await call('households.update', { id: household.id, household: values });
            } catch (error) {
              throw withoutPathPrefix(error, 'household.');
            }
            await refresh(queryClient, householdReads);
            await navigate({
              to: '/households/$householdId',
              params,
              state: { flash: '基本情報を保存しました。' },
              ignoreBlocker: true,
            });
          }}
          onCancel={() => void navigate({ to: '/households/$householdId', params })}
        />
      )}
    </section>
  );
}
