import { useRef } from 'react';
import { Button } from '../ui/Button';
import { DialogActions } from '../ui/Dialog';
import { Notice } from '../ui/Notice';
import { useFocusOnMount } from '../ui/useFocusOnMount';
import { DocxPreview } from './DocxPreview';
import documentsStyles from './documents.module.css';
import type { Preview } from './gateTypes';
import styles from './PreviewStep.module.css';

interface PreviewStepProps {
  preview: Preview;
  title: string;
  onBack: () => void;
  onNext: () => void;
}

/** The first copy as it will print, and every file that will be written. */
export function PreviewStep({ preview, title, onBack, onNext }: PreviewStepProps) {
  const next = useRef<HTMLButtonElement>(null);
  useFocusOnMount(next);
  return (
    <div>
      {preview.notices.length > 0 && (
        <Notice tone="warning">
          <ul className={styles.notices}>
            {preview.notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </Notice>
      )}
      <div className={styles.previewLayout}>
        <DocxPreview
          base64={preview.base64}
          label={`${title}のプレビュー`}
          pages={preview.pages}
          pageNumbers={preview.pageNumbers}
          sameFile={preview.fileNames.every((name) => name.endsWith('.docx'))}
        />
        <aside aria-labelledby="doc-files-title">
          <h3 id="doc-files-title" className={documentsStyles.filesTitle}>
            作成するファイル（{preview.fileNames.length}件）
          </h3>
          <ul className={documentsStyles.fileList}>
            {preview.fileNames.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
          {preview.fileNames.length > 1 && (
            <p className="muted small">
              プレビューは{title}の最初のファイルです。
              {preview.fileNames.some((name) => name.includes('_配布')) &&
                '配布番号つきの各部は、右上の配布番号だけが違います。'}
            </p>
          )}
        </aside>
      </div>
      <DialogActions>
        <Button onClick={onBack}>戻って変更</Button>
        <Button variant="primary" ref={next} onClick={onNext}>
          確認へ進む
        </Button>
      </DialogActions>
    </div>
  );
}
