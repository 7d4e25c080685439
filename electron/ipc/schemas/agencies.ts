import { z } from 'zod';
import { agencyFieldSchema } from '../../domain/agency.js';
import { idSchema, trimmed } from './common.js';

export const agencyInputSchema = z.object({
  id: idSchema.optional(),
  field: agencyFieldSchema,
  name: trimmed(80).min(1, '機関名を入力してください'),
  department: trimmed(80),
  phone: trimmed(20).regex(/^[0-9０-９\-－()（） ]*$/, '電話番号は数字とハイフンで入力してください'),
  email: z.union([z.literal(''), z.string().trim().email('メールアドレスの形式が正しくありません').max(120)]),
  address: trimmed(200),
  contactPerson: trimmed(40),
});
export type AgencyInput = z.infer<typeof agencyInputSchema>;

export const agencySchema = agencyInputSchema.extend({
  id: idSchema,
  retired: z.boolean(),
  /** Referred a household, is in a consent's 範囲 or wrote a progress note: cannot be deleted. */
  inUse: z.boolean(),
});
export type Agency = z.infer<typeof agencySchema>;
