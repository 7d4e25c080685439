import { useBlocker } from '@tanstack/react-router';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog';

/** Registers one form with unsaved changes; the returned function takes it off again. */
type Register = () => () => void;

const UnsavedChangesContext = createContext<Register>(() => () => {});

/**
 * The one unsaved-changes guard: while any form reports changes, every move the router makes
 * (menu, breadcrumb, tab, link) asks first. Saving moves on with `ignoreBlocker`; a lock never asks.
 */
export function UnsavedChangesGuard({ children }: { children: ReactNode }) {
  const dirtyForms = useRef(new Set<symbol>());
  const register = useCallback<Register>(() => {
    const form = Symbol('form');
    dirtyForms.current.add(form);
    return () => dirtyForms.current.delete(form);
  }, []);
  const blocker = useBlocker({
    shouldBlockFn: () => dirtyForms.current.size > 0,
    enableBeforeUnload: false,
    withResolver: true,
  });

  return (
    <UnsavedChangesContext value={register}>
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

/** A form tells the guard whether it holds changes that are not saved yet. */
export function useUnsavedChanges(dirty: boolean): void {
  const register = useContext(UnsavedChangesContext);
  useEffect(() => (dirty ? register() : undefined), [dirty, register]);
}
