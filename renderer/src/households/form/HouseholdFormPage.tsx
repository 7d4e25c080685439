import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { warekiInput } from '../../../../electron/domain/dates';
import { officeDate } from '../../../../electron/domain/office-day';
import { call } from '../../api';
import { householdReads, read, refresh } from '../../queries';
import { PageHeader } from '../../shell/PageHeader';
import { cx } from '../../ui/cx';
import layoutStyles from '../../ui/layout.module.css';
import { Notice } from '../../ui/Notice';
import formStyles from './form.module.css';
import { HouseholdForm } from './HouseholdForm';
import { useFormLists } from './useFormLists';

/** 世帯の新規登録: 受付番号 suggested from the office's own numbering, 受付日 today. */
export function HouseholdFormPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const suggestion = useQuery(read('households.suggestCaseNo', {}));
  const lists = useFormLists();
  // The suggestion is read when the form opens: a cached one may be the number just registered.
  const ready = suggestion.isFetchedAfterMount && lists.agencies && lists.issueTags;

  return (
    <div className={layoutStyles.page}>
      <PageHeader title="世帯の新規登録" note="世帯員・本人同意は、登録した後の画面で入力します。" />
      {lists.error && <Notice tone="error">{lists.error}</Notice>}
      {!ready && !lists.error && <p className="muted">読み込んでいます…</p>}
      {ready && lists.agencies && lists.issueTags && (
        <div className={cx(layoutStyles.panel, formStyles.formPanel)}>
          <HouseholdForm
            initial={{
              caseNo: suggestion.data?.caseNo ?? '',
              receivedOn: warekiInput(officeDate(new Date())),
              label: '',
              referralAgencyId: null,
              issues: [],
              note: '',
            }}
            agencies={lists.agencies}
            issueTags={lists.issueTags}
            submitLabel="登録"
            save={async (household) => {
              const { id } = await call('households.create', household);
              await refresh(queryClient, householdReads);
              await navigate({
                to: '/households/$householdId',
                params: { householdId: id },
                state: { flash: '世帯を登録しました。続けて世帯員を入力してください。' },
                ignoreBlocker: true,
              });
            }}
            onCancel={() => void navigate({ to: '/households' })}
          />
        </div>
      )}
    </div>
  );
}
