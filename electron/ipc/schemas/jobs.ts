import { z } from 'zod';
import { jobKinds, jobSteps, jobUnits } from '../../domain/jobs.js';

export type { JobKind, JobStep, JobUnit } from '../../domain/jobs.js';

export const jobKindSchema = z.enum(jobKinds);

/** The event main sends while a job runs ("1,234 / 3,000 世帯"); the renderer parses it with this. */
export const jobProgressSchema = z
  .object({
    job: jobKindSchema,
    step: z.enum(jobSteps),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    unit: z.enum(jobUnits),
  })
  .strict()
  .refine((p) => p.done <= p.total, { message: 'done is past total', path: ['done'] });
export type JobProgress = z.infer<typeof jobProgressSchema>;

/** 「中止」 exists for the import and the multi-copy render. */
export const cancelJobInputSchema = z.object({ job: z.enum(['import', 'render']) }).strict();
