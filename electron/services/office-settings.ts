import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { statutoryMeetingLabels } from '../domain/meeting.js';
import type { ParsedInput } from '../ipc/contract.js';
import { type OfficeSettings, officeSettingsSchema } from '../ipc/schemas/settings.js';
import type { Context } from './context.js';

const key = 'office';

export const defaultOfficeSettings: OfficeSettings = {
  municipalityName: '〇〇市',
  departmentName: '保健福祉部福祉政策課',
  senderTitle: '〇〇市保健福祉部福祉政策課長',
  phone: '',
  email: '',
  documentNumberPrefix: '',
  noticeStyle: 'numbered',
  replyBusinessDays: 3,
  addresseeHonorific: '様',
  meetingLabels: { ...statutoryMeetingLabels },
  autoLockMinutes: 10,
  statisticsThreshold: 10,
  deceasedMark: 'cross',
  upcomingMeetingDays: 14,
  quietHouseholdDays: 30,
  backupReminderDays: 7,
};

export async function getOfficeSettings(db: Kysely<Database>): Promise<OfficeSettings> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst();
  if (!row) return defaultOfficeSettings;
  const parsed = officeSettingsSchema.safeParse({ ...defaultOfficeSettings, ...JSON.parse(row.value_json) });
  return parsed.success ? parsed.data : defaultOfficeSettings;
}

/** settings.get: the office's settings, or the defaults before the first save. */
export function officeSettings(ctx: Pick<Context, 'settings'>): Promise<OfficeSettings> {
  return ctx.settings();
}

/** Saves the office settings; the audit event names which fields changed, never their values. */
export async function saveOfficeSettings(
  ctx: Context,
  input: ParsedInput<'settings.save'>,
): Promise<OfficeSettings> {
  const next = officeSettingsSchema.parse(input);
  return ctx.transaction(async ({ db: trx, now, audit }) => {
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
      await audit({
        kind: 'settings.changed',
        target: { type: 'settings', id: key },
        detail: { fields: changed },
      });
    }
    return next;
  });
}

/** Japanese names of the settings a letter prints, as the settings screen shows them. */
export const letterSettingLabels = {
  municipalityName: '自治体名',
  departmentName: '部課名',
  senderTitle: '発信者職名',
  documentNumberPrefix: '文書番号の頭書き',
  phone: '電話',
  email: 'メール',
} as const satisfies Partial<Record<keyof OfficeSettings, string>>;

type LetterSetting = keyof typeof letterSettingLabels;

/** 〇〇市, ○○課, ●●, ＸＸ: what the template settings hold until the office fills them in. */
const placeholder = /[〇○◯●]{2}|[ＸX×]{2}/;

/**
 * Why the office settings cannot yet sign a notice (様式1): a setting it prints still holds a
 * placeholder, or the 担当 block would have no telephone number. Empty when the letter can go out.
 */
export function letterSettingsProblems(office: OfficeSettings): { field: LetterSetting; message: string }[] {
  const printed: LetterSetting[] = ['municipalityName', 'departmentName', 'phone', 'email'];
  if (office.noticeStyle === 'numbered') printed.push('senderTitle', 'documentNumberPrefix');
  const problems: { field: LetterSetting; message: string }[] = [];
  for (const field of printed) {
    const value = office[field];
    if (placeholder.test(value))
      problems.push({
        field,
        message: `事務所の設定「${letterSettingLabels[field]}」が仮の値（${value}）のままです。設定画面で正しい値を入力してください。`,
      });
  }
  if (office.phone.trim() === '')
    problems.push({
      field: 'phone',
      message: `事務所の設定「${letterSettingLabels.phone}」が未入力です。通知の担当欄に載せる電話番号を設定画面で入力してください。`,
    });
  return problems;
}

function normalized(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * Whether an attending agency is the office itself (its own 課), which is never sent a notice: the
 * agency's name is the 部課名, or its last 課, with or without the municipality in front.
 */
export function isOwnOffice(agencyName: string, office: OfficeSettings): boolean {
  const name = normalized(agencyName);
  const municipality = normalized(office.municipalityName);
  const department = normalized(office.departmentName);
  const section = /[^部局]*課$/.exec(department)?.[0] ?? department;
  const withoutMunicipality = name.startsWith(municipality) ? name.slice(municipality.length) : name;
  return [department, section].includes(withoutMunicipality) || withoutMunicipality.endsWith(department);
}
