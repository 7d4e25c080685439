import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../api';
import { read } from '../queries';

/**
 * Rule 6 on every screen of a 支援会議. Not dismissible; the wording (106条の6, 159条) comes only
 * from resources/legal through `legal.unconsentedBanner`.
 */
export function UnconsentedMeetingBanner({ label }: { label: string }) {
  const banner = useQuery(read('legal.unconsentedBanner', {}));
  return (
    <div
      className="mt-banner"
      role="note"
      aria-label="本人同意がない世帯の会議"
      data-testid="unconsented-banner"
    >
      <span className="mt-banner-mark" aria-hidden="true">
        {label}
      </span>
      <p className="mt-banner-text">
        {banner.data?.text ??
          (banner.isError
            ? `注意文を読み込めませんでした：${errorMessage(banner.error)}`
            : '読み込んでいます…')}
      </p>
    </div>
  );
}
