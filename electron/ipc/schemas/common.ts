import { z } from 'zod';
import { dateRefusal, parseJapaneseDate } from '../../domain/dates.js';

export const trimmed = (max: number) => z.string().trim().max(max, `${max}文字以内で入力してください`);

/** A date typed as 西暦, 和暦 or full-width digits; becomes ISO `YYYY-MM-DD`. */
export const dateInputSchema = z.string().transform((text, ctx) => {
  const iso = parseJapaneseDate(text);
  if (iso === null) {
    ctx.addIssue({ code: 'custom', message: dateRefusal(text) });
    return z.NEVER;
  }
  return iso;
});

export const optionalDateInputSchema = z
  .string()
  .transform((text, ctx) => {
    if (text.trim() === '') return null;
    const iso = parseJapaneseDate(text);
    if (iso === null) {
      ctx.addIssue({ code: 'custom', message: dateRefusal(text) });
      return z.NEVER;
    }
    return iso;
  })
  .nullable()
  .transform((v) => v ?? null);

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const idSchema = z.string().uuid();
