import { type RefObject, useLayoutEffect, useState } from 'react';

/**
 * The element's content width in px, kept up to date: charts are drawn at their real size, so
 * their text stays at the size it was set in rather than shrinking with a viewBox.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.round(element.clientWidth) || fallback);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, fallback]);
  return width;
}
