import { type ReactNode, useRef } from 'react';
import layoutStyles from '../ui/layout.module.css';
import { useFocusOnMount } from '../ui/useFocusOnMount';
import styles from './PageHeader.module.css';

/** The page title; focus lands here after navigating, so keyboard users start at the top. */
export function PageHeader({ title, note }: { title: string; note?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  return (
    <div className={styles.header}>
      <h1 ref={heading} tabIndex={-1} className={layoutStyles.pageTitle}>
        {title}
      </h1>
      {note && <p className={styles.note}>{note}</p>}
    </div>
  );
}
