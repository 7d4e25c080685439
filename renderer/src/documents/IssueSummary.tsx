import { Fragment, type ReactNode, useId } from 'react';
import documentsStyles from './documents.module.css';
import type { PreviewOptions } from './gateTypes';
import styles from './IssueSummary.module.css';

/** One line of the summary: a term (様式, 形式, 氏名の表示…) and what was chosen. */
export interface SummaryFact {
  term: string;
  detail: ReactNode;
}

/**
 * What is about to leave Kasane, as the audit log will record it: the facts chosen in the gate and
 * the files to be written. Shared by the 様式 gate and the list gate.
 */
export function LeavingSummary({
  facts,
  fileNames,
}: {
  facts: readonly SummaryFact[];
  fileNames: readonly string[];
}) {
  const titleId = useId();
  return (
    <aside className={styles.summary} aria-labelledby={titleId}>
      <h3 id={titleId} className={documentsStyles.filesTitle}>
        持ち出す内容
      </h3>
      <dl className={styles.summaryFacts}>
        {facts.map(({ term, detail }) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{detail}</dd>
          </Fragment>
        ))}
      </dl>
      <ul className={documentsStyles.fileList}>
        {fileNames.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    </aside>
  );
}

/** 実名 with its reason, or the labels used instead. */
export function namesDetail(real: boolean, reason: string, labels: string): ReactNode {
  if (!real) return labels;
  return (
    <>
      実名
      {reason.trim() !== '' && <span className={styles.summaryReason}>理由：{reason}</span>}
    </>
  );
}

interface IssueSummaryProps {
  /** The 様式 issued together, the one the gate was opened for first. */
  titles: readonly string[];
  options: PreviewOptions;
  fileNames: readonly string[];
}

/** The 様式 gate's summary: which 様式, names, copies, files. */
export function IssueSummary({ titles, options, fileNames }: IssueSummaryProps) {
  return (
    <LeavingSummary
      facts={[
        { term: '様式', detail: titles.join('、') },
        {
          term: '氏名の表示',
          detail: namesDetail(options.names === 'real', options.namesReason, '記号（A氏、B氏…）'),
        },
        { term: '部数', detail: `${options.copies}部${options.copies > 1 ? '（配布番号つき）' : ''}` },
      ]}
      fileNames={fileNames}
    />
  );
}
