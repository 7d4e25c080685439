import type { ReactNode } from 'react';

/** The name above the card on the screens before sign-in. */
export function PageBrand({ children }: { children?: ReactNode }) {
  return (
    <header className="page-brand">
      <span className="page-brand-name">かさね</span>
      <span className="page-brand-sub">重層的支援コーディネーター業務</span>
      {children}
    </header>
  );
}
