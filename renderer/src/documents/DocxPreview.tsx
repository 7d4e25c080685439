import { useEffect, useRef, useState } from 'react';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import styles from './DocxPreview.module.css';
import previewFrameCss from './docx-frame.css?inline';

/** The page-like frame around the rendered document, applied inside the preview's shadow root. */
const frameSheet = new CSSStyleSheet();
frameSheet.replaceSync(previewFrameCss);

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Renders the exact .docx bytes that will be saved, with docx-preview, under our strict CSP
 * (`style-src 'self'`): the library's <style> elements would be blocked, so their text becomes
 * constructed stylesheets adopted by a shadow root (CSSOM, which the policy allows), and the
 * document's styles stay out of the app's.
 */
async function renderInto(host: HTMLElement, base64: string): Promise<void> {
  const { parseAsync, renderDocument } = await import('docx-preview');
  const options = {
    className: 'docx',
    inWrapper: true,
    breakPages: true,
    ignoreLastRenderedPageBreak: true,
    renderHeaders: true,
    renderFooters: true,
    useBase64URL: true,
  };
  const parsed = await parseAsync(bytesOf(base64), options);
  const nodes = await renderDocument(parsed, options);
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const sheets: CSSStyleSheet[] = [];
  const content: Node[] = [];
  for (const node of nodes) {
    if (node instanceof HTMLStyleElement) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(node.textContent ?? '');
      sheets.push(sheet);
    } else if (!(node instanceof Comment)) content.push(node);
  }
  // Ours last: at equal specificity it wins over the library's defaults (grey desk, page shadow).
  root.adoptedStyleSheets = [...sheets, frameSheet];
  root.replaceChildren(...content);
}

/**
 * Whole pages at a glance: a landscape A4 (様式3, 5) is wider than the frame, so the pages are
 * zoomed to the frame's width (CSSOM, allowed by the CSP); 実寸 shows them at 100% with scrolling.
 */
function zoomPages(host: HTMLElement, fit: boolean): void {
  const wrapper = host.shadowRoot?.querySelector<HTMLElement>('.docx-wrapper');
  if (!wrapper) return;
  wrapper.style.zoom = '1';
  if (!fit) return;
  const pages = [...wrapper.querySelectorAll<HTMLElement>('section.docx')];
  const widest = Math.max(0, ...pages.map((page) => page.offsetWidth));
  const padding = 32; // docx-frame.css: 16px each side.
  if (widest > 0) wrapper.style.zoom = String(Math.min(1, host.clientWidth / (widest + padding)));
}

/**
 * What the page count line says: the count the service laid out with the fonts when it could, never
 * the number of pages this preview happens to draw (docx-preview does not break pages as Word does).
 */
export function pageCountText(pages: number | null): string {
  return pages === null ? 'ページ数はWordで開いたときに確かめてください。' : `印刷すると${pages}ページです。`;
}

/**
 * docx-preview draws no field results, so a footer shows 「 / 」 where Word prints 「2 / 7」. When
 * the preview has as many pages as the service laid out, each footer gets the number it will print;
 * otherwise (a long table drawn as one page) it says that the number comes with printing, rather
 * than showing a bare 「/」 or a wrong number.
 */
function fillPageNumbers(host: HTMLElement, numbers: readonly string[] | null): void {
  const pages = [...(host.shadowRoot?.querySelectorAll<HTMLElement>('section.docx') ?? [])];
  const matched = numbers !== null && pages.length === numbers.length;
  pages.forEach((page, i) => {
    const line = [...page.querySelectorAll<HTMLElement>('footer p')].find(
      (p) => p.textContent?.trim() === '/',
    );
    if (line) line.textContent = matched ? (numbers[i] ?? '') : '（ページ番号は印刷時に入ります）';
  });
}

/** The exact file to be saved, drawn page by page in a scrollable frame. */
export function DocxPreview({
  base64,
  label,
  pages,
  pageNumbers,
  sameFile = true,
}: {
  base64: string;
  label: string;
  pages: number | null;
  pageNumbers: readonly string[] | null;
  /** False when another format is saved (an Excel list previews as its Word page). */
  sameFile?: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'rendering' | 'shown' | 'failed'>('rendering');
  const [fit, setFit] = useState(true);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    let current = true;
    setState('rendering');
    renderInto(element, base64).then(
      () => {
        if (!current) return;
        fillPageNumbers(element, pageNumbers);
        setState('shown');
      },
      () => current && setState('failed'),
    );
    return () => {
      current = false;
    };
  }, [base64, pageNumbers]);

  useEffect(() => {
    const element = host.current;
    if (!element || state !== 'shown') return;
    zoomPages(element, fit);
    const resized = new ResizeObserver(() => zoomPages(element, fit));
    resized.observe(element);
    return () => resized.disconnect();
  }, [state, fit]);

  return (
    <div className={styles.previewFrame}>
      <div className={styles.previewBar}>
        <span className="muted small" aria-live="polite">
          {state === 'rendering' && 'プレビューを作成しています…'}
          {state === 'shown' &&
            `${sameFile ? '保存されるファイルそのものです。' : '保存する表をWordの用紙に並べたものです。'}${pageCountText(pages)}改ページの位置はWordと異なることがあります。`}
        </span>
        <Button compact aria-pressed={!fit} disabled={state !== 'shown'} onClick={() => setFit(!fit)}>
          {fit ? '実寸で表示' : 'ページ幅に合わせる'}
        </Button>
      </div>
      {state === 'failed' && (
        <Notice tone="error">
          プレビューを表示できませんでした。保存やWordで開くことはできます。内容はWordで確認してください。
        </Notice>
      )}
      <div
        ref={host}
        className={styles.preview}
        role="document"
        aria-label={label}
        aria-busy={state === 'rendering'}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the pages scroll; the keyboard must reach them (↑↓, PageDown).
        tabIndex={0}
        data-testid="docx-preview"
      />
    </div>
  );
}
