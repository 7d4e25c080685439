/** Registers one form with unsaved changes; the returned function takes it off again. */
export type Register = (kept?: boolean) => () => void;

/**
 * The forms on screen that hold unsaved changes. A form registers while it is dirty; the router's one
 * guard asks `any()` before every move. Two forms can be dirty at once (a section and its dialog).
 * A form registered as `kept` gets its values back after a lock (lockShelf.ts); `anyLost()` is
 * whether a lock now would lose changes.
 */
export function createDirtyForms(): { register: Register; any: () => boolean; anyLost: () => boolean } {
  const dirty = new Map<symbol, boolean>();
  return {
    register: (kept = false) => {
      const form = Symbol('form');
      dirty.set(form, kept);
      return () => {
        dirty.delete(form);
      };
    },
    any: () => dirty.size > 0,
    anyLost: () => [...dirty.values()].some((kept) => !kept),
  };
}
