import { useCallback, useContext, useState } from 'react';
import { UnsavedChangesContext } from '../shell/navigationGuard';
import { AskDialog } from '../ui/AskDialog';
import { HouseholdFormPage } from './form/HouseholdFormPage';
import { HouseholdScreen } from './HouseholdScreen';
import { HouseholdList } from './list/HouseholdList';
import { type ListFilters, noFilters } from './list/listFilters';
import type { HouseholdRoute, Navigate } from './route';
import './households.css';

/**
 * 世帯: the list, 新規登録 and one household's screens. Where the person is, the search and the
 * highlighted row live in this component's state, so a lock (which remounts everything) drops them.
 */
export function HouseholdsPage() {
  const reportToShell = useContext(UnsavedChangesContext);
  const [route, setRoute] = useState<HouseholdRoute>({ name: 'list' });
  const [filters, setFilters] = useState<ListFilters>(noFilters);
  const [highlightedId, setHighlightedId] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [leavingTo, setLeavingTo] = useState<HouseholdRoute | null>(null);

  // Forms report unsaved changes here as well as to the shell: moves inside 世帯 ask too.
  const reportDirty = useCallback(
    (value: boolean) => {
      setDirty(value);
      reportToShell(value);
    },
    [reportToShell],
  );

  const navigate: Navigate = useCallback(
    (next, options) => {
      if (dirty && !options?.afterSave) {
        setLeavingTo(next);
        return;
      }
      if (next.name === 'household') setHighlightedId(next.id);
      setRoute(next);
    },
    [dirty],
  );

  return (
    <UnsavedChangesContext value={reportDirty}>
      {route.name === 'list' && (
        <HouseholdList
          filters={filters}
          onFiltersChange={setFilters}
          highlightedId={highlightedId}
          onHighlight={setHighlightedId}
          onOpen={(id) => navigate({ name: 'household', id, view: 'detail' })}
          onNew={() => navigate({ name: 'new' })}
        />
      )}
      {route.name === 'new' && <HouseholdFormPage navigate={navigate} />}
      {route.name === 'household' && <HouseholdScreen key={route.id} route={route} navigate={navigate} />}
      <AskDialog
        open={leavingTo !== null}
        title="保存されていない変更があります"
        confirmLabel="変更を破棄して移動"
        cancelLabel="この画面に戻る"
        onConfirm={() => {
          const next = leavingTo;
          setLeavingTo(null);
          reportDirty(false);
          if (next) setRoute(next);
        }}
        onCancel={() => setLeavingTo(null)}
      >
        <p>この画面で変更した内容は、まだ保存されていません。保存せずに移動すると、変更は失われます。</p>
      </AskDialog>
    </UnsavedChangesContext>
  );
}
