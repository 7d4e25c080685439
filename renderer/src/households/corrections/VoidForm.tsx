import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { errorMessage } from '../../api';
import { householdReads, refresh } from '../../queries';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import { DialogActions, DialogBody } from '../../ui/Dialog';
import { describedBy, FieldFrame } from '../../ui/Field';
import fieldStyles from '../../ui/Field.module.css';
import { Notice } from '../../ui/Notice';

interface VoidFormProps {
  /** What is being voided, as the coordinator reads it (取得日, 方法…). */
  children: ReactNode;
  /** What changes once it is voided. */
  effect: string;
  voidRecord: (reason: string) => Promise<unknown>;
  onCancel: () => void;
  onDone: () => void;
}

/** 取消 (rule 18): the record stays visible, marked, and no longer counts; the reason is kept. */
export function VoidForm({ children, effect, voidRecord, onCancel, onDone }: VoidFormProps) {
  const queryClient = useQueryClient();
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => voidRecord(reason),
    onSuccess: async () => {
      await refresh(queryClient, householdReads);
      onDone();
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const missing = error === '' ? '取消の理由を入力してください（履歴に残ります）' : undefined;
  return (
    <form
      aria-label="記録の取消"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim() === '') return setError('');
        setError(null);
        save.mutate();
      }}
    >
      <DialogBody>
        <div className="muted">{children}</div>
        <p>{effect}記録は消えずに「取消」として残ります。</p>
        <FieldFrame id={id} label="取消の理由" required error={missing}>
          <textarea
            id={id}
            className={cx(fieldStyles.input, fieldStyles.textarea)}
            rows={3}
            data-autofocus
            aria-required
            aria-invalid={missing ? true : undefined}
            aria-describedby={describedBy(id, false, missing)}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </FieldFrame>
        {error && <Notice tone="error">{error}</Notice>}
      </DialogBody>
      <DialogActions>
        <Button type="submit" variant="danger" busy={save.isPending}>
          取り消す
        </Button>
        <Button onClick={onCancel}>やめる</Button>
      </DialogActions>
    </form>
  );
}
