import { useMutation } from '@tanstack/react-query';
import { call, errorMessage } from '../api';
import { Button } from '../ui/Button';
import layoutStyles from '../ui/layout.module.css';
import { Notice } from '../ui/Notice';
import styles from './TemplateSection.module.css';

/** What the template holds and what this version imports, and the button that saves a blank copy. */
export function TemplateSection({ disabled }: { disabled: boolean }) {
  const save = useMutation({ mutationFn: () => call('imports.saveTemplate', {}) });

  return (
    <section className={layoutStyles.panel} aria-labelledby="import-template-title">
      <h2 id="import-template-title" className={layoutStyles.panelTitle}>
        1. 移行用テンプレートに写す
      </h2>
      <p className={styles.lead}>
        これまでの相談受付台帳（Excel）の内容を、かさねの移行用テンプレートに写してから取り込みます。
      </p>
      <ul className={styles.rules}>
        <li>
          取り込むのは「<strong>世帯</strong>」「<strong>世帯員</strong>」「<strong>会議</strong>」「
          <strong>出席者</strong>」「<strong>プラン</strong>
          」のシートです。会議だけのブックで、登録済みの世帯の会議を取り込むこともできます。
        </li>
        <li>
          重層的支援会議の行は、開催日に本人同意が有効な世帯でなければ取り込めません。同意の範囲に含まれない機関の出席者は、会議の画面で理由を記録して追加してください。
        </li>
        <li>
          1行目の列名は変えないでください（列の順番は自由です）。記入のしかたと日付の書き方は、テンプレートの「説明」シートにあります。
        </li>
        <li>
          CSV
          で取り込むときは、シートごとに「世帯.csv」「世帯員.csv」「会議.csv」「出席者.csv」「プラン.csv」の名前で保存してください（Shift_JIS
          または UTF-8）。
        </li>
        <li>
          取り込みは「すべて登録する」か「何も登録しない」かのどちらかです。すでに登録されている受付番号は上書きしません。
        </li>
      </ul>
      <div className={layoutStyles.actions}>
        <Button onClick={() => save.mutate()} busy={save.isPending} disabled={disabled}>
          テンプレートを保存
        </Button>
        {save.data?.saved && (
          <p className={layoutStyles.savedNote} role="status">
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
