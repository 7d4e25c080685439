import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { officeDate } from '../domain/office-day.js';
import { appendAuditEvent } from './audit.js';
import { KasaneError } from './errors.js';
import { confidentialityWarning } from './legal.js';

/** Domain rule 5: the 159条 warning is acknowledged at the first unlock of each office day. */
export async function needsAcknowledgement(
  db: Kysely<Database>,
  userId: string,
  now: Date,
): Promise<boolean> {
  const today = officeDate(now);
  const current = confidentialityWarning(today);
  const row = await db
    .selectFrom('acknowledgements')
    .select('id')
    .where('user_id', '=', userId)
    .where('local_date', '=', today)
    .where('text_id', '=', current.textId)
    .where('text_version', '=', current.version)
    .executeTakeFirst();
  return row === undefined;
}

/** Records that `userId` read the text version shown to them; a stale version is refused. */
export async function acknowledgeConfidentiality(
  db: Kysely<Database>,
  userId: string,
  textVersion: string,
  now: Date,
): Promise<void> {
  const today = officeDate(now);
  const current = confidentialityWarning(today);
  if (current.version !== textVersion) throw new KasaneError('STALE_TEXT');
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('acknowledgements')
      .values({
        user_id: userId,
        text_id: current.textId,
        text_version: current.version,
        acknowledged_at: now.toISOString(),
        local_date: today,
      })
      .execute();
    await appendAuditEvent(
      trx,
      { userId, kind: 'acknowledgement', detail: { textId: current.textId, textVersion: current.version } },
      now,
    );
  });
}
