import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../api';
import { read } from '../queries';

/**
 * Domain rule 6: on every screen of a household without valid consent. Not dismissible; the wording
 * (106条の6, 159条) comes only from resources/legal through `legal.unconsentedBanner`.
 */
export function UnconsentedBanner() {
  const banner = useQuery(read('legal.unconsentedBanner', {}));
  return (
    <div
      className="hh-banner"
      role="note"
      aria-label="本人同意がない世帯の注意"
      data-testid="unconsented-banner"
    >
      <span className="hh-banner-mark" aria-hidden="true">
        支援会議
      </span>
      <p className="hh-banner-text">
        {banner.data?.text ??
          (banner.isError
            ? `本人同意のない世帯です。注意文を読み込めませんでした：${errorMessage(banner.error)}`
            : '本人同意のない世帯です。')}
      </p>
    </div>
  );
}
