import documentsStyles from './documents.module.css';
import type { PreviewOptions } from './gateTypes';
import styles from './IssueSummary.module.css';

interface IssueSummaryProps {
  /** The 様式 issued together, the one the gate was opened for first. */
  titles: readonly string[];
  options: PreviewOptions;
  fileNames: readonly string[];
}

/** What is about to leave Kasane, as the audit log will record it: which 様式, names, copies, files. */
export function IssueSummary({ titles, options, fileNames }: IssueSummaryProps) {
  return (
    <aside className={styles.summary} aria-labelledby="doc-summary-title">
      <h3 id="doc-summary-title" className={documentsStyles.filesTitle}>
        持ち出す内容
      </h3>
      <dl className={styles.summaryFacts}>
        <dt>様式</dt>
        <dd>{titles.join('、')}</dd>
        <dt>氏名の表示</dt>
        <dd>
          {options.names === 'real' ? '実名' : '記号（A氏、B氏…）'}
          {options.names === 'real' && options.namesReason.trim() !== '' && (
            <span className={styles.summaryReason}>理由：{options.namesReason}</span>
          )}
        </dd>
        <dt>部数</dt>
        <dd>
          {options.copies}部{options.copies > 1 && '（配布番号つき）'}
        </dd>
      </dl>
      <ul className={documentsStyles.fileList}>
        {fileNames.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    </aside>
  );
}
