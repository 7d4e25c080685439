import { z } from 'zod';
import { parseJapaneseYear } from '../../domain/dates.js';
import { ecoMapSources, relationKinds, supportDirections, tieStrengths } from '../../domain/family.js';
import { idSchema } from './common.js';

export const relationKindSchema = z.enum(relationKinds, { message: '関係を選んでください' });

/** 年 as typed (2008, 平成20年) or as a number; empty = not known. */
export const relationYearSchema = z
  .union([z.number().int(), z.string()])
  .nullable()
  .transform((value, ctx) => {
    if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
    const year = typeof value === 'number' ? value : parseJapaneseYear(value);
    if (year === null || year < 1900 || year > 2100) {
      ctx.addIssue({ code: 'custom', message: '年は 2008 か 平成20年 のように入力してください' });
      return z.NEVER;
    }
    return year;
  });

/** 親子: `memberId` is the parent of `otherMemberId`. Partners: either order. */
export const relationInputSchema = z.object({
  kind: relationKindSchema,
  memberId: idSchema,
  otherMemberId: idSchema,
  year: relationYearSchema.default(null),
});
export type RelationInput = z.infer<typeof relationInputSchema>;

export const saveRelationsInputSchema = z.object({
  householdId: idSchema,
  relations: z.array(relationInputSchema).max(300, '家族関係は300件までです'),
});

export const relationSchema = z.object({
  id: idSchema,
  kind: relationKindSchema,
  memberId: idSchema,
  otherMemberId: idSchema,
  year: z.number().int().nullable(),
});
export type Relation = z.infer<typeof relationSchema>;

export const tieStrengthSchema = z.enum(tieStrengths);
export const supportDirectionSchema = z.enum(supportDirections);

export const saveTieInputSchema = z.object({
  householdId: idSchema,
  agencyId: idSchema,
  strength: tieStrengthSchema,
  direction: supportDirectionSchema,
});

/** An agency on the household's エコマップ, why it is there, and its tie as the coordinator set it. */
export const ecoMapTieSchema = z.object({
  agencyId: idSchema,
  agencyName: z.string(),
  field: z.string(),
  sources: z.array(z.enum(ecoMapSources)),
  strength: tieStrengthSchema,
  direction: supportDirectionSchema,
});
export type EcoMapTie = z.infer<typeof ecoMapTieSchema>;

/** The 世帯員 screen's picture of the household: relations, ties and both drawings as SVG text. */
export const familySchema = z.object({
  relations: z.array(relationSchema),
  ties: z.array(ecoMapTieSchema),
  genogramSvg: z.string(),
  ecoMapSvg: z.string(),
});
export type Family = z.infer<typeof familySchema>;
