import { useState } from 'react';
import {
  type DocumentKey,
  familySheet,
  formCatalogue,
  formTitle,
  isFormKey,
} from '../../../../electron/domain/forms';
import type { MeetingDetail } from '../../../../electron/ipc/schemas/meetings';
import { DocumentGate } from '../../documents/DocumentGate';
import { cx } from '../../ui/cx';
import layoutStyles from '../../ui/layout.module.css';
import { useKindLabels } from '../labels';
import { CopiesPanel } from './CopiesPanel';
import styles from './FormsTab.module.css';

/** 様式1〜5: each goes through the 159条 gate (names, copies, preview, warning and purpose). */
export function FormsTab({ meeting: m }: { meeting: MeetingDetail }) {
  const labels = useKindLabels();
  const label = labels[m.kind];
  const [open, setOpen] = useState<DocumentKey | null>(null);
  return (
    <section className={layoutStyles.panel} aria-labelledby="mt-forms-title">
      <h2 id="mt-forms-title" className={layoutStyles.panelTitle}>
        様式
      </h2>
      <p className={cx('muted', styles.formsLead)}>
        保存やWordで開く前に、プレビューと守秘義務の確認があります。使用目的と部数は監査ログに記録されます。
        {m.kind === 'unconsented' && `${label}の資料は、世帯員を記号（A氏、B氏…）で表します。`}
      </p>
      <ul className={styles.forms}>
        {formCatalogue.map((form) => (
          <li key={form.key}>
            <button type="button" className={styles.formButton} onClick={() => setOpen(form.key)}>
              <span className={styles.formNo}>様式{form.number}</span>
              <span className={styles.formName}>{formTitle(form.key, label)}</span>
              <span className={styles.formWhen}>{form.when}</span>
            </button>
          </li>
        ))}
        <li>
          <button type="button" className={styles.formButton} onClick={() => setOpen(familySheet.key)}>
            <span className={styles.formNo}>別添資料</span>
            <span className={styles.formName}>{familySheet.title}</span>
            <span className={styles.formWhen}>様式4の「別添資料」。世帯員の画面の家族関係から描きます</span>
          </button>
        </li>
      </ul>
      <CopiesPanel meetingId={m.id} />
      <DocumentGate
        document={open}
        title={open === null ? '' : isFormKey(open) ? formTitle(open, label) : familySheet.title}
        meetingId={m.id}
        kind={m.kind}
        kindLabel={label}
        noticeNumber={m.noticeNumber}
        onClose={() => setOpen(null)}
      />
    </section>
  );
}
