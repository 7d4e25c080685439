import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { errorMessage } from '../../api';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { Dialog, DialogActions, DialogBody } from '../../ui/Dialog';
import { describedBy, FieldFrame } from '../../ui/Field';
import fieldStyles from '../../ui/Field.module.css';
import { Notice } from '../../ui/Notice';

interface ReasonDialogProps {
  open: boolean;
  title: string;
  /** What happens, in the coordinator's words. */
  children: ReactNode;
  reasonLabel: string;
  confirmLabel: string;
  act: (reason: string) => Promise<unknown>;
  onClose: () => void;
  onDone: () => void;
}

/** A change that needs a recorded reason (中止, 確定の取消): the reason is asked for, then kept and audited. */
export function ReasonDialog({
  open,
  title,
  children,
  reasonLabel,
  confirmLabel,
  act,
  onClose,
  onDone,
}: ReasonDialogProps) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: () => act(reason),
    onSuccess: () => {
      setReason('');
      onDone();
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const missing = error === '' ? `${reasonLabel}を入力してください（記録に残ります）` : undefined;
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <Dialog open={open} title={title} onClose={close} busy={run.isPending}>
      <form
        aria-label={title}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          // React carries a submit up its own tree: the page's form must not see this one.
          event.stopPropagation();
          if (reason.trim() === '') return setError('');
          setError(null);
          run.mutate();
        }}
      >
        <DialogBody>
          {children}
          <FieldFrame id={id} label={reasonLabel} required error={missing}>
            <textarea
              id={id}
              className={cx(fieldStyles.input, fieldStyles.textarea)}
              rows={3}
              data-autofocus
              aria-required
              aria-invalid={missing ? true : undefined}
              aria-describedby={describedBy(id, false, missing)}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                if (error === '') setError(null);
              }}
            />
          </FieldFrame>
          {error && <Notice tone="error">{error}</Notice>}
        </DialogBody>
        <DialogActions>
          <Button type="submit" variant="danger" busy={run.isPending}>
            {confirmLabel}
          </Button>
          <Button onClick={close}>やめる</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
