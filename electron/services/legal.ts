import { z } from 'zod';
import confidentialityJson from '../../resources/legal/confidentiality.json' with { type: 'json' };

const versionSchema = z.object({
  version: z.string(),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  title: z.string().min(1),
  body: z.string().min(1),
  footer: z.string().min(1),
  footerUnconsented: z.string().min(1),
  unconsentedBanner: z.string().min(1),
});
const legalTextSchema = z.object({ id: z.string(), versions: z.array(versionSchema).min(1) });

export type LegalTextVersion = z.infer<typeof versionSchema> & { textId: string };

const confidentiality = legalTextSchema.parse(confidentialityJson);

/**
 * The 社会福祉法159条 warning in force on `date` (YYYY-MM-DD, office time).
 * The penalty wording depends on when the act happens (刑法改正, 2025-06-01): see resources/legal/.
 */
export function confidentialityWarning(date: string): LegalTextVersion {
  const inForce = confidentiality.versions
    .filter((v) => v.effectiveFrom <= date)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
    .at(-1);
  if (!inForce) throw new Error(`no confidentiality text in force on ${date}`);
  return { ...inForce, textId: confidentiality.id };
}
