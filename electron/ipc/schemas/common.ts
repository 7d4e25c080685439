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

/** A time typed as 14:00 (full-width digits too); empty is no time. */
export const timeInputSchema = z
  .string()
  .transform((t) => t.normalize('NFKC').trim())
  .refine((t) => t === '' || /^([01]?\d|2[0-3]):[0-5]\d$/.test(t), '時刻は 14:00 のように入力してください')
  .transform((t) => (t === '' ? null : t.padStart(5, '0')));
