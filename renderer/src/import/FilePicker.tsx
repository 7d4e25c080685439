import { type DragEvent, useId, useRef, useState } from 'react';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import { SortableHeader, useSortedRows } from '../ui/SortableHeader';
import tableStyles from '../ui/table.module.css';
import styles from './FilePicker.module.css';
import { formatSize, type PickedFile } from './pickedFiles';

interface FilePickerProps {
  files: readonly PickedFile[];
  disabled: boolean;
  onPick: (files: File[]) => void;
  onClear: () => void;
}

/** The picker button and a drop zone for the same files; the chosen files listed with their sizes. */
const fileColumns = { name: (f: PickedFile) => f.name, size: (f: PickedFile) => f.size };

export function FilePicker({ files, disabled, onPick, onClear }: FilePickerProps) {
  const listed = useSortedRows(files, fileColumns);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const hintId = useId();

  function onDragOver(event: DragEvent<HTMLFieldSetElement>) {
    if (disabled || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  }

  function onDrop(event: DragEvent<HTMLFieldSetElement>) {
    event.preventDefault();
    setOver(false);
    if (!disabled) onPick([...event.dataTransfer.files]);
  }

  return (
    <div>
      <fieldset
        className={[styles.drop, over ? styles.dropOver : ''].filter(Boolean).join(' ')}
        onDragOver={onDragOver}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="import-drop-zone"
      >
        <legend className="visually-hidden">取り込むファイル</legend>
        <p>ここにファイルをドラッグするか、</p>
        <Button onClick={() => input.current?.click()} disabled={disabled} aria-describedby={hintId}>
          ファイルを選ぶ…
        </Button>
        <p id={hintId} className={cx('muted', 'small', styles.dropHint)}>
          Excel ブック（.xlsx）1つ、または CSV ファイル（世帯.csv、世帯員.csv）。1ファイル 20MB まで。
        </p>
        <input
          ref={input}
          type="file"
          multiple
          accept=".xlsx,.csv"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="取り込むファイル"
          disabled={disabled}
          onChange={(event) => {
            const picked = [...(event.target.files ?? [])];
            // Cleared so that choosing the same file again (after fixing it in Excel) fires again.
            event.target.value = '';
            if (picked.length > 0) onPick(picked);
          }}
        />
      </fieldset>
      {files.length > 0 && (
        <div className={styles.files}>
          <table className={cx(tableStyles.table, styles.filesTable)}>
            <caption className="visually-hidden">選んだファイル</caption>
            <thead>
              <tr>
                <SortableHeader column="name" sort={listed.sort} onSort={listed.sortBy}>
                  選んだファイル
                </SortableHeader>
                <SortableHeader
                  column="size"
                  sort={listed.sort}
                  onSort={listed.sortBy}
                  className={styles.sizeCol}
                >
                  大きさ
                </SortableHeader>
              </tr>
            </thead>
            <tbody>
              {listed.rows.map((file) => (
                <tr key={file.id} data-testid="import-file">
                  <td>{file.name}</td>
                  <td className={cx('nowrap', styles.sizeCol)}>{formatSize(file.size)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Button variant="link" onClick={onClear} disabled={disabled}>
            選んだファイルを外す
          </Button>
        </div>
      )}
    </div>
  );
}
