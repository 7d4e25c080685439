import { type ReactNode, useRef } from 'react';
import { useFocusOnMount } from '../ui/useFocusOnMount';

/** The page title; focus lands here after navigating, so keyboard users start at the top. */
export function PageHeader({ title, note }: { title: string; note?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  return (
    <div className="page-header">
      <h1 ref={heading} tabIndex={-1} className="page-title">
        {title}
      </h1>
      {note && <p className="page-header-note">{note}</p>}
    </div>
  );
}
