import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { statutoryMeetingLabels } from '../domain/meeting.js';
import { type OfficeSettings, officeSettingsSchema } from '../ipc/contract.js';
import { appendAuditEvent } from './audit.js';

const key = 'office';

export const defaultOfficeSettings: OfficeSettings = {
  municipalityName: '〇〇市',
  departmentName: '保健福祉部福祉政策課',
  senderTitle: '〇〇市保健福祉部福祉政策課長',
  contactPerson: '',
  phone: '',
  email: '',
  documentNumberPrefix: '',
  addresseeHonorific: '様',
  meetingLabels: { ...statutoryMeetingLabels },
  autoLockMinutes: 10,
  statisticsThreshold: 10,
};

export async function getOfficeSettings(db: Kysely<Database>): Promise<OfficeSettings> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst();
  if (!row) return defaultOfficeSettings;
  const parsed = officeSettingsSchema.safeParse({ ...defaultOfficeSettings, ...JSON.parse(row.value_json) });
  return parsed.success ? parsed.data : defaultOfficeSettings;
}

/** Saves the office settings; the audit event names which fields changed, never their values. */
export async function saveOfficeSettings(
  db: Kysely<Database>,
  userId: string,
  input: OfficeSettings,
  now: Date,
): Promise<OfficeSettings> {
  const next = officeSettingsSchema.parse(input);
  return db.transaction().execute(async (trx) => {
    const before = await getOfficeSettings(trx);
    const changed = (Object.keys(next) as (keyof OfficeSettings)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]),
    );
    await trx
      .insertInto('settings')
      .values({ key, value_json: JSON.stringify(next), updated_at: now.toISOString() })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ value_json: JSON.stringify(next), updated_at: now.toISOString() }),
      )
      .execute();
    if (changed.length > 0) {
      await appendAuditEvent(
        trx,
        {
          userId,
          kind: 'settings.changed',
          target: { type: 'settings', id: key },
          detail: { fields: changed },
        },
        now,
      );
    }
    return next;
  });
}
