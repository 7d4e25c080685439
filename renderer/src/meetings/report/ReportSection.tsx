import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import type { z } from 'zod';
import type { saveReportInputSchema } from '../../../../electron/ipc/schemas/meetings';
import { Button } from '../../ui/Button';

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
    <li className="mt-report-section" data-testid="report-section">
      <div className="mt-report-section-head">
        <span className="mt-report-no" aria-hidden="true">
          {n}
        </span>
        <div className={errors?.title ? 'mt-report-title-cell field-invalid' : 'mt-report-title-cell'}>
          <input
            className="input"
            aria-label={`報告事項 ${n} の見出し`}
            aria-invalid={errors?.title ? true : undefined}
            autoComplete="off"
            {...register(`reportSections.${index}.title`)}
          />
          {errors?.title && <p className="field-error">{errors.title.message}</p>}
        </div>
        <span className="mt-line-actions">
          <Button
            className="btn-compact"
            aria-label={`報告事項 ${n} を上へ`}
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
          >
            ↑
          </Button>
          <Button
            className="btn-compact"
            aria-label={`報告事項 ${n} を下へ`}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
          >
            ↓
          </Button>
          <Button
            className="btn-compact btn-compact-danger"
            aria-label={`報告事項 ${n} を削除`}
            onClick={onRemove}
          >
            削除
          </Button>
        </span>
      </div>
      <textarea
        className="input textarea mt-report-body"
        aria-label={`報告事項 ${n} の内容`}
        aria-invalid={errors?.body ? true : undefined}
        {...register(`reportSections.${index}.body`)}
      />
      {errors?.body && <p className="field-error">{errors.body.message}</p>}
    </li>
  );
}
