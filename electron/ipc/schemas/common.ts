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

/** A day that exists, as YYYY-MM-DD (2026-13-45 is refused here, never left to a service to trip on). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日付は YYYY-MM-DD の形で指定してください')
  .refine((v) => parseJapaneseDate(v) === v, '存在しない日付です');
export const idSchema = z.string().uuid();

/** A time typed as 14:00 (full-width digits too); empty is no time. */
export const timeInputSchema = z
  .string()
  .transform((t) => t.normalize('NFKC').trim())
  .refine((t) => t === '' || /^([01]?\d|2[0-3]):[0-5]\d$/.test(t), '時刻は 14:00 のように入力してください')
  .transform((t) => (t === '' ? null : t.padStart(5, '0')));
