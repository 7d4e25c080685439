/** Registers one form with unsaved changes; the returned function takes it off again. */
export type Register = () => () => void;

/**
 * The forms on screen that hold unsaved changes. A form registers while it is dirty; the router's one
 * guard asks `any()` before every move. Two forms can be dirty at once (a section and its dialog).
 */
export function createDirtyForms(): { register: Register; any: () => boolean } {
  const dirty = new Set<symbol>();
  return {
    register: () => {
      const form = Symbol('form');
      dirty.add(form);
      return () => {
        dirty.delete(form);
      };
    },
    any: () => dirty.size > 0,
  };
}
