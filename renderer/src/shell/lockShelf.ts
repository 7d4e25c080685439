/**
 * What a lock keeps of the open screen, in this window's memory only (issue 13, point 8): the route
 * and the unsaved values of the forms that can put them back. Nothing here is ever written anywhere
 * (no storage API, no IPC): a quit or a reload drops it, and an unlock by another user discards it.
 *
 * The forms on screen register here while they are open. A form that holds changes it cannot put
 * back after an unlock (a dialog, a list being edited in place) registers as not kept, and a lock
 * the person asks for (Ctrl+L, the ロック button) warns first.
 */
export interface LockShelf {
  /** The shell's register of unsaved forms tells whether a lock would lose any changes. */
  watchLosses(anyLost: () => boolean): () => void;
  /** Unsaved changes a lock would lose (asked before Ctrl+L or the ロック button). */
  anyLost(): boolean;
  /** A restorable form offers its values (undefined when it has none worth keeping). */
  offer(key: string, snapshot: () => unknown): () => void;
  /** The shell tells where the person is. */
  locateWith(href: () => string): () => void;
  /** At the lock: the route and the offered drafts, for `userId`'s next unlock. */
  keep(userId: string | null): void;
  /** At the next unlock: the route to open, when the same person unlocks; else everything is dropped. */
  reopen(userId: string): string | null;
  /** A form on mount: its kept values, handed over once. */
  claim(key: string): unknown;
  /** Drafts handed back since the last unlock. */
  restoredCount(): number;
  /** Drafts waiting to be claimed after `reopen` (the shell says so in one line). */
  waitingCount(): number;
  clear(): void;
}

interface Kept {
  userId: string;
  href: string;
  drafts: Map<string, unknown>;
}

export function createLockShelf(): LockShelf {
  let losses: (() => boolean) | null = null;
  const offers = new Map<symbol, { key: string; snapshot: () => unknown }>();
  let where: (() => string) | null = null;
  let kept: Kept | null = null;
  // The screen last reopened, so a second call for the same unlock (React's StrictMode) agrees.
  let reopened: { userId: string; href: string } | null = null;
  let pending = new Map<string, unknown>();
  let restored = 0;

  return {
    watchLosses(anyLost) {
      losses = anyLost;
      return () => {
        if (losses === anyLost) losses = null;
      };
    },
    anyLost: () => losses?.() ?? false,
    offer(key, snapshot) {
      const form = Symbol(key);
      offers.set(form, { key, snapshot });
      return () => {
        offers.delete(form);
      };
    },
    locateWith(href) {
      where = href;
      return () => {
        if (where === href) where = null;
      };
    },
    keep(userId) {
      // Not on a signed-in screen (the unlock or set-up screens): what was kept before stays.
      if (!userId || !where) return;
      const drafts = new Map<string, unknown>();
      for (const { key, snapshot } of offers.values()) {
        const values = snapshot();
        if (values !== undefined) drafts.set(key, values);
      }
      kept = { userId, href: where(), drafts };
      reopened = null;
      pending = new Map();
      restored = 0;
    },
    reopen(userId) {
      const screen = kept;
      kept = null;
      if (!screen) return reopened?.userId === userId ? reopened.href : null;
      restored = 0;
      if (screen.userId !== userId) {
        reopened = null;
        pending = new Map();
        return null;
      }
      reopened = { userId, href: screen.href };
      pending = screen.drafts;
      return screen.href;
    },
    claim(key) {
      if (!pending.has(key)) return undefined;
      const values = pending.get(key);
      pending.delete(key);
      restored += 1;
      return values;
    },
    restoredCount: () => restored,
    waitingCount: () => pending.size,
    clear() {
      kept = null;
      reopened = null;
      pending = new Map();
      restored = 0;
    },
  };
}
