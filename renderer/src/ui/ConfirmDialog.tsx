import type { ReactNode } from 'react';
import { Button } from './Button';
import { Dialog, DialogActions, DialogBody } from './Dialog';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}

/** A yes/no question before something that cannot be taken back. The safe answer has the focus; Esc is the safe answer too. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  busy = false,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} title={title} onClose={onCancel} busy={busy}>
      <DialogBody>{children}</DialogBody>
      <DialogActions>
        <Button variant="danger" onClick={onConfirm} busy={busy}>
          {confirmLabel}
        </Button>
        <Button variant="primary" data-autofocus onClick={onCancel}>
          {cancelLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
