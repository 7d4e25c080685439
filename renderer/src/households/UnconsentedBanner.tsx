import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../api';
import { useKindLabels } from '../meetings/labels';
import { read } from '../queries';
import styles from './UnconsentedBanner.module.css';

/**
 * Domain rule 6: on every screen of a household without valid consent and of its 支援会議, marked
 * with the office's name for that meeting. Not dismissible; the wording (106条の6, 159条) comes only
 * from resources/legal through `legal.unconsentedBanner`.
 */
export function UnconsentedBanner() {
  const banner = useQuery(read('legal.unconsentedBanner', {}));
  const labels = useKindLabels();
  return (
    <div
      className={styles.banner}
      role="note"
      aria-label="本人同意がない世帯の注意"
      data-testid="unconsented-banner"
    >
      <span className={styles.mark} aria-hidden="true">
        {labels.unconsented}
      </span>
      <p className={styles.text}>
        {banner.data?.text ??
          (banner.isError
            ? `本人同意のない世帯です。注意文を読み込めませんでした：${errorMessage(banner.error)}`
            : '本人同意のない世帯です。')}
      </p>
    </div>
  );
}
