import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { cx } from './cx';
import styles from './Dialog.module.css';

const sizes = { normal: undefined, wide: styles.wide, full: styles.full };

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab go round inside the dialog, whatever the host (browser or Electron) does at its edges. */
function keepFocusInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== 'Tab') return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(focusable)].filter(
    (el) => el.offsetParent !== null,
  );
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

interface DialogProps {
  open: boolean;
  title: string;
  /** Esc or the dialog's own cancel button. */
  onClose: () => void;
  /** While a call runs, Esc does nothing: its result must not be lost. */
  busy?: boolean;
  /** `wide` for forms with lists, `full` for the 159条 gate with its preview. */
  size?: 'normal' | 'wide' | 'full';
  children: ReactNode;
}

/**
 * The one modal: the native `<dialog>` (the page behind is inert, and closing returns focus to where
 * it was), focus kept inside, Esc closes, the title names it. The content mounts only while open, so
 * every opening starts clean; focus starts at the element marked `data-autofocus`, or the first control.
 */
export function Dialog({ open, title, onClose, busy = false, size = 'normal', children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const latest = useRef({ open, busy, onClose });
  latest.current = { open, busy, onClose };

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // The browser may close a dialog itself (a second Esc in a row): keep React and the page agreeing.
  function onNativeClose() {
    const { open: shouldBeOpen, busy: running, onClose: close } = latest.current;
    if (shouldBeOpen && running) ref.current?.showModal();
    else if (shouldBeOpen) close();
  }

  return (
    <dialog
      ref={ref}
      className={cx(styles.dialog, sizes[size])}
      aria-labelledby={titleId}
      onKeyDown={keepFocusInside}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
      onClose={onNativeClose}
    >
      <h2 id={titleId} className={styles.title}>
        {title}
      </h2>
      {open && children}
    </dialog>
  );
}

/** The dialog's content above its buttons; `scroll` keeps long content inside the screen. */
export function DialogBody({ children, scroll = false }: { children: ReactNode; scroll?: boolean }) {
  return <div className={scroll ? styles.scroll : undefined}>{children}</div>;
}

/** The buttons at the foot of a dialog, right-aligned: the safe answer last. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className={styles.actions}>{children}</div>;
}
