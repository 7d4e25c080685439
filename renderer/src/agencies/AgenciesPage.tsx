import { useQuery } from '@tanstack/react-query';
import { type MouseEvent, useId, useRef, useState } from 'react';
import { type AgencyField, agencyFields, groupByField } from '../../../electron/domain/agency';
import type { Agency } from '../../../electron/ipc/schemas/agencies';
import { errorMessage } from '../api';
import { read } from '../queries';
import { PageHeader } from '../shell/PageHeader';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { cx } from '../ui/cx';
import fieldStyles from '../ui/Field.module.css';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import styles from './AgenciesPage.module.css';
import { AgencyForm } from './AgencyForm';
import { AgencyTable } from './AgencyTable';
import { matchesSearch } from './agencyFilter';
import { type ActionFailure, useAgencyActions } from './useAgencyActions';

type Editing = { agency: Agency | null } | null;

function ActionFailureNotice({
  failure,
  onRetire,
}: {
  failure: ActionFailure;
  onRetire: (agency: Agency, retired: boolean) => void;
}) {
  const agency = failure.offerRetire;
  return (
    <Notice tone="error" className={styles.notice}>
      <p>{failure.message}</p>
      {agency && (
        <div className={cx(layoutStyles.actions, styles.failureActions)}>
          <Button onClick={() => onRetire(agency, true)}>「{agency.name}」を使用終了にする</Button>
        </div>
      )}
    </Notice>
  );
}

/** 関係機関マスタ: the agencies meetings, consents and referrals choose from. */
export function AgenciesPage() {
  const [search, setSearch] = useState('');
  const [field, setField] = useState<AgencyField | ''>('');
  const [showRetired, setShowRetired] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [editorDirty, setEditorDirty] = useState(false);
  const [switchTo, setSwitchTo] = useState<Editing>(null);
  const openedFrom = useRef<HTMLElement | null>(null);
  const searchId = useId();
  const fieldId = useId();
  const agencies = useQuery(read('agencies.list', { includeRetired: showRetired }));
  const actions = useAgencyActions();

  const shown = (agencies.data ?? []).filter(
    (a) => (!field || a.field === field) && matchesSearch(a, search),
  );
  const groups = groupByField(shown);

  function openEditor(agency: Agency | null, event: MouseEvent<HTMLButtonElement>) {
    openedFrom.current = event.currentTarget;
    setSaved(null);
    actions.clear();
    if (editing && editorDirty) setSwitchTo({ agency });
    else setEditing({ agency });
  }

  function closeEditor() {
    setEditing(null);
    setEditorDirty(false);
    // Back to the button that opened the form, so the keyboard stays where the person was.
    requestAnimationFrame(() => {
      if (openedFrom.current?.isConnected) openedFrom.current.focus();
    });
  }

  return (
    <div className={layoutStyles.page}>
      <PageHeader
        title="関係機関"
        note="相談経路、本人同意の範囲、会議の出席者で選ぶ機関の一覧です。変更は監査ログに記録されます。"
      />
      <Notice tone="info" className={styles.notice}>
        最初の一覧には機関の種類（地域包括支援センター
        など）だけが入っていて、実在の住所や電話番号は入っていません。
        市の実際の機関名・部署・連絡先に直してからお使いください。
      </Notice>

      <div className={styles.toolbar}>
        <div className={cx(styles.filter, styles.search)}>
          <label htmlFor={searchId}>検索</label>
          <input
            id={searchId}
            type="search"
            className={fieldStyles.input}
            value={search}
            placeholder="機関名・部署・電話・担当者"
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        <div className={styles.filter}>
          <label htmlFor={fieldId}>分野</label>
          <select
            id={fieldId}
            className={fieldStyles.select}
            value={field}
            onChange={(event) => setField(event.target.value as AgencyField | '')}
          >
            <option value="">すべて</option>
            {agencyFields.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </div>
        <label className={cx(fieldStyles.choice, styles.retiredToggle)}>
          <input
            type="checkbox"
            checked={showRetired}
            onChange={(event) => setShowRetired(event.target.checked)}
          />
          使用終了も表示
        </label>
        <span className={layoutStyles.actionsSpacer} />
        <Button variant="primary" onClick={(event) => openEditor(null, event)}>
          機関を追加
        </Button>
      </div>

      {saved && (
        <Notice tone="success" className={styles.notice}>
          「{saved}」を保存しました。
        </Notice>
      )}
      {actions.notice && (
        <Notice tone="success" className={styles.notice}>
          {actions.notice}
        </Notice>
      )}
      {actions.failure && <ActionFailureNotice failure={actions.failure} onRetire={actions.setRetired} />}

      {editing && (
        <AgencyForm
          key={editing.agency?.id ?? 'new'}
          agency={editing.agency}
          defaultField={field}
          onSaved={(name) => {
            setSaved(name);
            closeEditor();
          }}
          onCancel={closeEditor}
          onDirtyChange={setEditorDirty}
        />
      )}

      {agencies.isError && (
        <Notice tone="error" className={styles.notice}>
          {errorMessage(agencies.error)}
        </Notice>
      )}
      <p className={cx(styles.count, 'muted')} aria-live="polite">
        {agencies.isPending ? '読み込んでいます…' : `${shown.length}件を表示中`}
      </p>
      {groups.length > 0 && (
        <AgencyTable
          groups={groups}
          busyId={actions.busyId}
          onEdit={openEditor}
          onSetRetired={actions.setRetired}
          onDelete={actions.askDelete}
        />
      )}
      {agencies.data && shown.length === 0 && (
        <p className={cx(layoutStyles.panel, 'muted', styles.empty)}>条件に合う機関はありません。</p>
      )}
      <p className={cx('muted', 'small', styles.legend)}>
        「記録あり」は、世帯の相談経路・本人同意の範囲・支援経過で使われている機関です。削除はできませんが、使用終了にすると選択肢に出なくなります（これまでの記録はそのまま残ります）。
      </p>

      <ConfirmDialog
        open={actions.deleting !== null}
        title="関係機関を削除しますか"
        confirmLabel="削除する"
        cancelLabel="削除しない"
        onConfirm={actions.confirmDelete}
        onCancel={actions.cancelDelete}
      >
        <p>
          「{actions.deleting?.name}
          {actions.deleting?.department ? `（${actions.deleting.department}）` : ''}
          」を一覧から削除します。削除すると元に戻せません。
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={switchTo !== null}
        title="保存されていない変更があります"
        confirmLabel="変更を破棄して切り替える"
        cancelLabel="編集に戻る"
        onConfirm={() => {
          setEditorDirty(false);
          setEditing(switchTo);
          setSwitchTo(null);
        }}
        onCancel={() => setSwitchTo(null)}
      >
        <p>編集中の機関の変更は、まだ保存されていません。切り替えると、変更は失われます。</p>
      </ConfirmDialog>
    </div>
  );
}
