import { useBlocker } from '@tanstack/react-router';
import { createContext, type ReactNode, useContext, useEffect, useLayoutEffect, useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { createDirtyForms, type Register } from './dirtyForms';
import { useSession } from './session';

const UnsavedChangesContext = createContext<Register>(() => () => {});

/**
 * The one unsaved-changes guard: while any form reports changes, every move the router makes
 * (menu, breadcrumb, tab, link) asks first. Saving moves on with `ignoreBlocker`. A lock asks only for
 * changes it cannot keep (see useDraftKeptOverLock).
 */
export function UnsavedChangesGuard({ children }: { children: ReactNode }) {
  const [dirtyForms] = useState(createDirtyForms);
  const { shelf } = useSession();
  useEffect(() => shelf.watchLosses(dirtyForms.anyLost), [shelf, dirtyForms]);
  const blocker = useBlocker({
    shouldBlockFn: dirtyForms.any,
    enableBeforeUnload: false,
    withResolver: true,
  });

  return (
    <UnsavedChangesContext value={dirtyForms.register}>
      {children}
      <ConfirmDialog
        open={blocker.status === 'blocked'}
        title="保存されていない変更があります"
        confirmLabel="変更を破棄して移動"
        cancelLabel="この画面に戻る"
        onConfirm={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        <p>この画面で変更した内容は、まだ保存されていません。保存せずに移動すると、変更は失われます。</p>
      </ConfirmDialog>
    </UnsavedChangesContext>
  );
}

/**
 * A form tells the guard whether it holds changes that are not saved yet; `keptOverLock` when the
 * form gets them back after a lock (useDraftKeptOverLock), so a lock need not warn about them.
 */
export function useUnsavedChanges(dirty: boolean, keptOverLock = false): void {
  const register = useContext(UnsavedChangesContext);
  // Registered in the commit that made the form dirty, not after paint: a lock or a menu click that
  // follows the keystroke at once must already see it.
  useLayoutEffect(() => (dirty ? register(keptOverLock) : undefined), [dirty, keptOverLock, register]);
}
