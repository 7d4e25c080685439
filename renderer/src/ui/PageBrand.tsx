import type { ReactNode } from 'react';
import styles from './PageBrand.module.css';

/** The name above the card on the screens before sign-in. */
export function PageBrand({ children }: { children?: ReactNode }) {
  return (
    <header className={styles.brand}>
      <span className={styles.name}>かさね</span>
      <span className={styles.sub}>重層的支援コーディネーター業務</span>
      {children}
    </header>
  );
}
