import { type ReactNode, useEffect, useId, useRef } from 'react';

interface ExportDialogProps {
  open: boolean;
  title: string;
  /** Esc; ignored while saving, so a result is never lost. */
  onCancel: () => void;
  busy: boolean;
  children: ReactNode;
}

/** A modal whose content mounts only while open (each opening starts clean); focus goes to `data-autofocus`. */
export function ExportDialog({ open, title, onCancel, busy, children }: ExportDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
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
  return (
    <dialog
      ref={ref}
      className="dialog stats-export-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {open && children}
    </dialog>
  );
}
