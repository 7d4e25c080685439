import type { FormHTMLAttributes, KeyboardEvent } from 'react';

const submitsOnEnter = new Set(['text', 'password', 'email', 'tel', 'number', 'search', 'url']);

/**
 * A form where Enter in a text field submits — but never the Enter that confirms an IME conversion
 * (日本語入力の確定), and never while the submit button is disabled.
 */
export function Form({ children, onKeyDown, ...rest }: FormHTMLAttributes<HTMLFormElement>) {
  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    onKeyDown?.(event);
    if (event.key !== 'Enter' || event.defaultPrevented) return;
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || !submitsOnEnter.has(target.type)) return;
    // We submit ourselves, so the browser's implicit submission must not run at all.
    event.preventDefault();
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    const form = event.currentTarget;
    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (submit?.disabled) return;
    form.requestSubmit();
  }
  return (
    <form noValidate onKeyDown={handleKeyDown} {...rest}>
      {children}
    </form>
  );
}
