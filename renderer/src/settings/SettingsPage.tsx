import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../api';
import { read } from '../queries';
import { PageHeader } from '../shell/PageHeader';
import { useUnsavedChanges } from '../shell/unsavedChanges';
import { cx } from '../ui/cx';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import { SettingsForm } from './SettingsForm';
import styles from './SettingsPage.module.css';

export function SettingsPage() {
  const settings = useQuery(read('settings.get', {}));
  const [dirty, setDirty] = useState(false);
  useUnsavedChanges(dirty);

  return (
    <div className={layoutStyles.page}>
      <PageHeader title="事務所の設定" note="変更すると、変更した項目名が監査ログに記録されます。" />
      {settings.isPending && <p className="muted">読み込んでいます…</p>}
      {settings.isError && <Notice tone="error">{errorMessage(settings.error)}</Notice>}
      {settings.data && (
        <div className={cx(layoutStyles.panel, styles.panel)}>
          <SettingsForm initial={settings.data} submitLabel="保存" onDirtyChange={setDirty} />
        </div>
      )}
    </div>
  );
}
