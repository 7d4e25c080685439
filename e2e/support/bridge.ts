import type { Page } from '@playwright/test';

/** Calls a channel through the page's preload bridge, as the renderer does; a refusal throws. */
export async function bridge<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([c, i]) =>
      (window.kasane as unknown as Record<string, (x: unknown) => Promise<unknown>>)[c as string]?.(i),
    [channel, input] as const,
  );
  const r = result as { ok: boolean; value?: T; message?: string };
  if (!r.ok) throw new Error(`${channel}: ${r.message}`);
  return r.value as T;
}

/** The office's today in Japan, and a day `days` later, as YYYY-MM-DD. */
export const officeDay = (days = 0) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', dateStyle: 'short' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
