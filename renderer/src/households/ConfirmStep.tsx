import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Button } from '../ui/Button';
import { DialogActions, DialogBody } from '../ui/Dialog';
import { useFocusOnMount } from '../ui/useFocusOnMount';
import styles from './ConfirmStep.module.css';

interface ConfirmStepProps {
  question: string;
  children?: ReactNode;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onBack: () => void;
}

/** The second step of a dialog that changes a record for good: one question, the safe answer focused. */
export function ConfirmStep({ question, children, confirmLabel, busy, onConfirm, onBack }: ConfirmStepProps) {
  const back = useRef<HTMLButtonElement>(null);
  useFocusOnMount(back);
  return (
    <div>
      <DialogBody>
        <p className={styles.confirmQuestion}>{question}</p>
        {children}
      </DialogBody>
      <DialogActions>
        <Button variant="danger" busy={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button variant="primary" ref={back} onClick={onBack}>
          戻る
        </Button>
      </DialogActions>
    </div>
  );
}

/**
 * Form → confirmation → save. Holds the checked values between the steps; going back puts focus in
 * the form's first field again.
 */
export function useTwoSteps<T, F extends string>(setFocus: (name: F) => void, firstField: F) {
  const [confirming, setConfirming] = useState<T | null>(null);
  const [returned, setReturned] = useState(false);
  useEffect(() => {
    if (!returned) return;
    setFocus(firstField);
    setReturned(false);
  }, [returned, setFocus, firstField]);
  return {
    confirming,
    confirm: (values: T) => setConfirming(() => values),
    back: () => {
      setConfirming(null);
      setReturned(true);
    },
  };
}
