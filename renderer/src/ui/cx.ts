/** Class names for one element: module classes and the few global ones, skipping what is off. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
