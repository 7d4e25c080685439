import { useId, useLayoutEffect, useRef, useState } from 'react';
import { Button } from './Button';
import styles from './CollapsibleText.module.css';
import { cx } from './cx';

/**
 * Long text shown to its first six lines, with 「続きを表示」/「閉じる」 (a real button: Tab, Enter,
 * aria-expanded). Whether it is long is measured on screen, so a narrow window folds sooner.
 */
export function CollapsibleText({
  children,
  className,
  testId,
}: {
  children: string;
  /** Placement and tone of the text (kept while folded). */
  className?: string | undefined;
  testId?: string;
}) {
  const id = useId();
  const text = useRef<HTMLParagraphElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [long, setLong] = useState(false);

  useLayoutEffect(() => {
    const el = text.current;
    // Measured again when the text changes (a corrected note); an empty text is never long.
    if (!el || expanded || children === '') return;
    const measure = () => setLong(el.scrollHeight > el.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [expanded, children]);

  return (
    <>
      <p
        ref={text}
        id={id}
        className={cx(styles.text, !expanded && styles.folded, className)}
        data-testid={testId}
      >
        {children}
      </p>
      {(long || expanded) && (
        <Button
          variant="link"
          className={styles.toggle}
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded((e) => !e)}
        >
          {expanded ? '閉じる' : '続きを表示'}
        </Button>
      )}
    </>
  );
}
