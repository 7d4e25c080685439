import { type DragEvent, useId, useRef, useState } from 'react';
import { Button } from '../ui/Button';
import { formatSize, type PickedFile } from './pickedFiles';

interface FilePickerProps {
  files: readonly PickedFile[];
  disabled: boolean;
  onPick: (files: File[]) => void;
  onClear: () => void;
}

/** The picker button and a drop zone for the same files; the chosen files listed with their sizes. */
export function FilePicker({ files, disabled, onPick, onClear }: FilePickerProps) {
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
        className={['import-drop', over ? 'import-drop-over' : ''].filter(Boolean).join(' ')}
        onDragOver={onDragOver}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="import-drop-zone"
      >
        <legend className="visually-hidden">取り込むファイル</legend>
        <p className="import-drop-text">ここにファイルをドラッグするか、</p>
        <Button onClick={() => input.current?.click()} disabled={disabled} aria-describedby={hintId}>
          ファイルを選ぶ…
        </Button>
        <p id={hintId} className="muted small">
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
        <div className="import-files">
          <table className="table import-files-table">
            <caption className="visually-hidden">選んだファイル</caption>
            <thead>
              <tr>
                <th scope="col">選んだファイル</th>
                <th scope="col" className="import-size-col">
                  大きさ
                </th>
              </tr>
            </thead>
            <tbody>
              {files.map((file) => (
                <tr key={file.id} data-testid="import-file">
                  <td>{file.name}</td>
                  <td className="nowrap import-size-col">{formatSize(file.size)}</td>
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
