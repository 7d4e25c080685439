import { useMutation } from '@tanstack/react-query';
import { call, errorMessage } from '../api';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';

/** What the template holds and what this version imports, and the button that saves a blank copy. */
export function TemplateSection({ disabled }: { disabled: boolean }) {
  const save = useMutation({ mutationFn: () => call('imports.saveTemplate', {}) });

  return (
    <section className="panel" aria-labelledby="import-template-title">
      <h2 id="import-template-title" className="panel-title">
        1. 移行用テンプレートに写す
      </h2>
      <p className="import-lead">
        これまでの相談受付台帳（Excel）の内容を、かさねの移行用テンプレートに写してから取り込みます。
      </p>
      <ul className="import-rules">
        <li>
          この版で取り込むのは「<strong>世帯</strong>」と「<strong>世帯員</strong>
          」のシートです。世帯1件につき1行、世帯員1人につき1行を入力します。
        </li>
        <li>
          「会議」「出席者」「プラン」のシートは、今後の版で取り込めるようになります。これらのシートにデータが入っていると、未対応であることをお知らせして取り込みを止めます。
        </li>
        <li>
          1行目の列名は変えないでください（列の順番は自由です）。記入のしかたと日付の書き方は、テンプレートの「説明」シートにあります。
        </li>
        <li>
          CSV で取り込むときは、シートごとに「世帯.csv」「世帯員.csv」の名前で保存してください（Shift_JIS
          または UTF-8）。
        </li>
        <li>
          取り込みは「すべて登録する」か「何も登録しない」かのどちらかです。すでに登録されている受付番号は上書きしません。
        </li>
      </ul>
      <div className="actions">
        <Button onClick={() => save.mutate()} busy={save.isPending} disabled={disabled}>
          テンプレートを保存
        </Button>
        {save.data?.saved && (
          <p className="saved-note" role="status">
            保存しました: {save.data.fileName}
          </p>
        )}
        {save.data && !save.data.saved && (
          <p className="muted" role="status">
            保存を取り消しました。
          </p>
        )}
      </div>
      {save.isError && <Notice tone="error">{errorMessage(save.error)}</Notice>}
    </section>
  );
}
