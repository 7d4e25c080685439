import { useId } from 'react';
import type { ImportCounts } from '../../../electron/ipc/schemas/imports';
import styles from './ImportReportView.module.css';

/** The meeting counts only when the book had meetings, so a ledger of households reads as before. */
function countItems(counts: ImportCounts) {
  const households = [
    { label: '世帯', value: counts.households, unit: '件' },
    { label: '世帯員', value: counts.members, unit: '人' },
    ...(counts.relations > 0 ? [{ label: '家族関係', value: counts.relations, unit: '件' }] : []),
    { label: '同意', value: counts.consents, unit: '件' },
    { label: '新しい機関', value: counts.agenciesAdded, unit: '件' },
  ];
  if (counts.meetings === 0) return households;
  return [
    ...households,
    { label: '会議', value: counts.meetings, unit: '件' },
    { label: '出席者', value: counts.attendees, unit: '人' },
    { label: 'プラン', value: counts.planRows, unit: '行' },
  ];
}

/** 世帯 N件、世帯員 N人、同意 N件、新しい機関 N件（、会議 N件、出席者 N人、プラン N行） */
export function countsText(counts: ImportCounts): string {
  return countItems(counts)
    .map((item) => `${item.label} ${item.value}${item.unit}`)
    .join('、');
}

/** The counts of a clean preview or a finished import, large enough to check at a glance. */
export function ImportCountsList({ counts }: { counts: ImportCounts }) {
  const items = countItems(counts);
  return (
    <dl className={styles.counts} aria-label={countsText(counts)}>
      {items.map((item) => (
        <div key={item.label} className={styles.count}>
          <dt>{item.label}</dt>
          <dd>
            <span className={styles.countValue}>{item.value}</span>
            {item.unit}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Every error at once, as the importer wrote them (「シート名 行N 列名: 理由」), with nothing written. */
export function ImportErrorList({ errors, afterRun }: { errors: readonly string[]; afterRun: boolean }) {
  const titleId = useId();
  return (
    <section className={styles.errors} aria-labelledby={titleId}>
      {/* Announced at once; the list itself is read when the person moves into it. */}
      <div role="alert">
        <h3 id={titleId} className={styles.errorsTitle}>
          {errors.length}件の誤りがあります
        </h3>
        <p className={styles.errorsNote}>
          {afterRun ? '取り込みを中止しました。' : ''}
          何も登録していません。Excel（または
          CSV）で直して保存し、直したファイルを選び直してから、もう一度「内容を確認」を押してください。
        </p>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard. */}
      <ol className={styles.errorList} tabIndex={0} aria-label="誤りの一覧">
        {errors.map((error, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the same message can occur twice; the order is fixed.
          <li key={index}>{error}</li>
        ))}
      </ol>
    </section>
  );
}
