import { useQueryClient } from '@tanstack/react-query';
import type { HouseholdDetail } from '../../../../electron/ipc/schemas/households';
import { call } from '../../api';
import { Notice } from '../../ui/Notice';
import { withoutPathPrefix } from '../callErrors';
import { isoToInput } from '../officeDate';
import { householdsKey } from '../queries';
import type { Navigate } from '../route';
import { HouseholdForm } from './HouseholdForm';
import { useFormLists } from './useFormLists';

/** 基本情報の編集, inside the household's frame (so the rule-6 banner stays on top). */
export function HouseholdEditPage({
  household,
  navigate,
}: {
  household: HouseholdDetail;
  navigate: Navigate;
}) {
  const queryClient = useQueryClient();
  const lists = useFormLists();
  const toDetail = (flash?: string) => ({
    name: 'household' as const,
    id: household.id,
    view: 'detail' as const,
    ...(flash ? { flash } : {}),
  });

  return (
    <section className="panel hh-form-panel" aria-labelledby="hh-edit-title">
      <h2 id="hh-edit-title" className="panel-title">
        基本情報の編集
      </h2>
      {lists.error && <Notice tone="error">{lists.error}</Notice>}
      {!lists.error && !(lists.agencies && lists.issueTags) && <p className="muted">読み込んでいます…</p>}
      {lists.agencies && lists.issueTags && (
        <HouseholdForm
          initial={{
            caseNo: household.caseNo,
            receivedOn: isoToInput(household.receivedOn),
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
            await queryClient.invalidateQueries({ queryKey: householdsKey });
            navigate(toDetail('基本情報を保存しました。'), { afterSave: true });
          }}
          onCancel={() => navigate(toDetail())}
        />
      )}
    </section>
  );
}
