import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import type { z } from 'zod';
import type { saveReportInputSchema } from '../../../../electron/ipc/schemas/meetings';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import fieldStyles from '../../ui/Field.module.css';
import meetingsStyles from '../meetings.module.css';
import styles from './ReportSection.module.css';

type ReportValues = z.input<typeof saveReportInputSchema>;

interface ReportSectionProps {
  index: number;
  count: number;
  register: UseFormRegister<ReportValues>;
  errors: FieldErrors<ReportValues['reportSections'][number]> | undefined;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One numbered 報告事項: its heading and text, movable and removable. */
export function ReportSection({ index, count, register, errors, onMove, onRemove }: ReportSectionProps) {
  const n = index + 1;
  return (
    <li className={styles.reportSection} data-testid="report-section">
      <div className={styles.reportSectionHead}>
        <span className={styles.reportNo} aria-hidden="true">
          {n}
        </span>
        <div
          className={errors?.title ? cx(styles.reportTitleCell, fieldStyles.invalid) : styles.reportTitleCell}
        >
          <input
            className={fieldStyles.input}
            aria-label={`報告事項 ${n} の見出し`}
            aria-invalid={errors?.title ? true : undefined}
            autoComplete="off"
            {...register(`reportSections.${index}.title`)}
          />
          {errors?.title && <p className={fieldStyles.error}>{errors.title.message}</p>}
        </div>
        <span className={meetingsStyles.lineActions}>
          <Button
            compact
            aria-label={`報告事項 ${n} を上へ`}
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
          >
            ↑
          </Button>
          <Button
            compact
            aria-label={`報告事項 ${n} を下へ`}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
          >
            ↓
          </Button>
          <Button compact variant="danger-outline" aria-label={`報告事項 ${n} を削除`} onClick={onRemove}>
            削除
          </Button>
        </span>
      </div>
      <textarea
        className={cx(fieldStyles.input, fieldStyles.textarea, styles.reportBody)}
        aria-label={`報告事項 ${n} の内容`}
        aria-invalid={errors?.body ? true : undefined}
        {...register(`reportSections.${index}.body`)}
      />
      {errors?.body && <p className={fieldStyles.error}>{errors.body.message}</p>}
    </li>
  );
}
