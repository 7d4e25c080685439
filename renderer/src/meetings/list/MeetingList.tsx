import { useQuery } from '@tanstack/react-query';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { officeDate } from '../../../../electron/domain/office-day';
import { call, errorMessage } from '../../api';
import { ListGate } from '../../documents/ListGate';
import { read } from '../../queries';
import { PageHeader } from '../../shell/PageHeader';
import { Button } from '../../ui/Button';
import { cx } from '../../ui/cx';
import layoutStyles from '../../ui/layout.module.css';
import { Notice } from '../../ui/Notice';
import { SavedFlash } from '../lifecycle/MeetingLifecycle';
import meetingsStyles from '../meetings.module.css';
import styles from './MeetingList.module.css';
import { MeetingTable } from './MeetingTable';

/** 会議一覧: what is coming (soonest first), then what was held (newest first) with what is still missing. */
export function MeetingList() {
  const navigate = useNavigate();
  const onOpen = (meetingId: string) => void navigate({ to: '/meetings/$meetingId', params: { meetingId } });
  const onNew = () => void navigate({ to: '/meetings/new' });
  const list = useQuery(read('meetings.list', {}));
  const [printing, setPrinting] = useState(false);
  const flash = useRouterState({ select: (s) => s.location.state.flash });
  const today = officeDate(new Date());
  const rows = list.data ?? [];
  const upcoming = rows.filter((m) => m.heldOn >= today);
  const past = rows.filter((m) => m.heldOn < today);
  const unfinished = past.filter((m) => m.missing.length > 0).length;

  return (
    <div className={cx(layoutStyles.page, meetingsStyles.pageMeetings)}>
      <div className={styles.toolbar}>
        <PageHeader title="会議" note="予定の会議と、開催後に残っている作業を表示します。" />
        <span className={layoutStyles.actionsSpacer} />
        <Button onClick={() => setPrinting(true)} disabled={!list.isSuccess}>
          印刷・書き出し
        </Button>
        <Button variant="primary" onClick={onNew}>
          会議を準備
        </Button>
      </div>
      <ListGate
        open={printing}
        title="会議一覧"
        formats={['docx', 'xlsx']}
        render={(choice) => call('documents.meetingList', choice)}
        onClose={() => setPrinting(false)}
      />
      {flash && <SavedFlash text={flash} />}
      {list.isError && <Notice tone="error">{errorMessage(list.error)}</Notice>}
      {list.isPending && <p className="muted">読み込んでいます…</p>}

      {list.isSuccess && (
        <>
          <section className={styles.listSection} aria-labelledby="mt-upcoming-title">
            <h2 id="mt-upcoming-title" className={styles.listTitle}>
              予定<span className={meetingsStyles.count}>{upcoming.length}件</span>
            </h2>
            {upcoming.length === 0 ? (
              <p className={cx(layoutStyles.panel, styles.empty, 'muted')}>
                予定の会議はありません。「会議を準備」から世帯を選んで準備します。
              </p>
            ) : (
              <MeetingTable rows={upcoming} label="予定の会議" onOpen={onOpen} />
            )}
          </section>
          <section className={styles.listSection} aria-labelledby="mt-past-title">
            <h2 id="mt-past-title" className={styles.listTitle}>
              開催済み<span className={meetingsStyles.count}>{past.length}件</span>
              {unfinished > 0 && (
                <span className={styles.attention}>未完了の作業がある会議 {unfinished}件</span>
              )}
            </h2>
            {past.length === 0 ? (
              <p className={cx(layoutStyles.panel, styles.empty, 'muted')}>
                開催済みの会議はまだありません。
              </p>
            ) : (
              <MeetingTable rows={past} label="開催済みの会議" showMissing onOpen={onOpen} />
            )}
          </section>
        </>
      )}
    </div>
  );
}
