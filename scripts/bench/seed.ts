import { randomUUID } from 'node:crypto';
import { CompiledQuery, type Kysely } from 'kysely';
import { caseNoKey } from '../../db/case-number-key.js';
import type { Database } from '../../db/schema.js';
import { foldForSearch } from '../../db/search-fold.js';
import { mergeSearchIndex, searchEntry, searchTables } from '../../db/search-index.js';
import { openEnded } from '../../db/status-periods.js';
import { addDays, daysBetween } from '../../electron/domain/calendar.js';
import { type HouseholdStatus, memberLabel } from '../../electron/domain/household.js';
import { defaultAgenda } from '../../electron/domain/meeting.js';
import { officeDate } from '../../electron/domain/office-day.js';
import type { MeetingInput } from '../../electron/ipc/schemas/meetings.js';
import { insertMeeting } from '../../electron/services/meetings.js';

/** The bench's names and 課題: data shared with seed.test.ts's service-written twin (only the writing differs). */
export const surnames = [
  '山田',
  '𠮷田',
  '髙橋',
  '山﨑',
  '佐藤',
  '鈴木',
  '田中',
  '伊藤',
  '渡辺',
  '中村',
  '小林',
  '加藤',
];
export const surnameKana = [
  'やまだ',
  'よしだ',
  'たかはし',
  'やまざき',
  'さとう',
  'すずき',
  'たなか',
  'いとう',
  'わたなべ',
  'なかむら',
  'こばやし',
  'かとう',
];
export const given = ['太郎', '花子', '一郎', '美咲', '健', '由美', '翔', '和子'];
export const givenKana = ['たろう', 'はなこ', 'いちろう', 'みさき', 'けん', 'ゆみ', 'しょう', 'かずこ'];
export const issues = ['8050', 'ダブルケア', '社会的孤立・ひきこもり', 'ヤングケアラー', '生活困窮'];

type Row = readonly unknown[];

/** A 32-bit mix of the household's number (lowbias32), so its story does not follow its 受付日 or consent. */
function mix(n: number): number {
  let x = Math.imul(n ^ (n >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A 終結 the bench records: reasons that need no 引継ぎ先 (rule 20). */
const closeReasons = ['課題解決', '転出', 'その他'] as const;

export interface BenchStatusChange {
  action: 'start' | 'close' | 'reopen';
  on: string;
  reason?: (typeof closeReasons)[number];
}

/**
 * What happened to household `i` after its 受付, as in an office over the years: one in ten is still
 * 受付, 45% are 支援中, 35% 終結 and one in ten 再開 after a 終結 (so 支援中 again). 支援開始 comes
 * 1–9 weeks after the 受付, a 終結 3–19 months later, a 再開 1–8 months after it; nothing is dated after
 * `today` (a change that would be is not made). The 支援経過 run from the 受付日 to the last day of
 * work: the 終結, the 受付日 while still 受付, and for a household 支援中 a day in the last four weeks,
 * or (one in ten) a day 31–330 days ago, so ホーム's 「長く動きのない世帯」 has a tenth of them.
 * The bulk seeding and its reference in seed.test.ts (through the services) both follow it.
 */
export function benchStory(
  i: number,
  receivedOn: string,
  today: string,
): { changes: BenchStatusChange[]; notesUntil: string } {
  const x = mix(i);
  const kind = x % 20;
  const start = addDays(receivedOn, 7 + ((x >>> 5) % 57));
  const close = addDays(start, 90 + ((x >>> 11) % 480));
  const reopen = addDays(close, 30 + ((x >>> 17) % 210));
  const reason = closeReasons[(x >>> 25) % closeReasons.length] ?? '課題解決';
  const planned: BenchStatusChange[] =
    kind < 2
      ? []
      : kind < 11
        ? [{ action: 'start', on: start }]
        : kind < 18
          ? [
              { action: 'start', on: start },
              { action: 'close', on: close, reason },
            ]
          : [
              { action: 'start', on: start },
              { action: 'close', on: close, reason },
              { action: 'reopen', on: reopen },
            ];
  const cut = planned.findIndex((c) => c.on > today);
  const changes = cut === -1 ? planned : planned.slice(0, cut);
  const last = changes.at(-1);
  const recent = addDays(today, -((x >>> 8) % 10 === 0 ? 31 + ((x >>> 12) % 300) : (x >>> 12) % 28));
  const notesUntil =
    last === undefined ? receivedOn : last.action === 'close' ? last.on : recent > last.on ? recent : last.on;
  return { changes, notesUntil };
}

/**
 * Household `i`'s 受付日: every day of 2019–2024 in turn (389 and the 2,190 days share no factor), so
 * a day receives a few households, as an office does. The earlier formula gave only 108 dates, each
 * with 93 households at 10,000 and 926 at 100,000.
 */
export function benchReceivedOn(i: number): string {
  return addDays('2019-01-01', (i * 389) % 2190);
}

/** The day of note `n` of `count`: spread evenly from the 受付日 to the story's last day of work. */
export function benchNoteOn(receivedOn: string, until: string, n: number, count: number): string {
  return count <= 1
    ? until
    : addDays(receivedOn, Math.round((daysBetween(receivedOn, until) * n) / (count - 1)));
}

const statusAfter = { start: 'active', close: 'closed', reopen: 'active' } as const satisfies Record<
  BenchStatusChange['action'],
  HouseholdStatus
>;

/**
 * Rows gathered for multi-row INSERTs, written in the order the tables are listed (parents before the
 * rows that refer to them). Seeding 100,000 households one service call at a time took minutes; the
 * rows are the ones the services write (seed.test.ts compares them with a set seeded through them).
 */
class Rows {
  readonly #rows = new Map<string, Row[]>();
  constructor(
    private readonly db: Kysely<Database>,
    private readonly columns: Readonly<Record<string, readonly string[]>>,
  ) {
    for (const table of Object.keys(columns)) this.#rows.set(table, []);
  }

  add(table: string, ...rows: Row[]): void {
    this.#rows.get(table)?.push(...rows);
  }

  /** Under SQLite's 32,766 parameters per statement, with room to spare. */
  static readonly #maxParameters = 16_000;

  async flush(): Promise<void> {
    for (const [table, rows] of this.#rows) {
      const columns = this.columns[table] ?? [];
      const perStatement = Math.max(1, Math.floor(Rows.#maxParameters / columns.length));
      for (let at = 0; at < rows.length; at += perStatement) {
        const chunk = rows.slice(at, at + perStatement);
        const one = `(${columns.map(() => '?').join(', ')})`;
        await this.db.executeQuery(
          CompiledQuery.raw(
            `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(chunk.length).fill(one).join(', ')}`,
            chunk.flat(),
          ),
        );
      }
      rows.length = 0;
    }
  }
}

const householdColumns = {
  households: [
    'id',
    'case_no',
    'case_no_key',
    'received_on',
    'label',
    'referral_agency_id',
    'status',
    'closed_on',
    'close_reason',
    'note',
    'sort_kana',
    'created_at',
    'updated_at',
  ],
  household_issues: ['household_id', 'issue'],
  status_changes: ['household_id', 'status', 'changed_on', 'reason', 'user_id', 'created_at', 'voided_at'],
  status_periods: ['household_id', 'status', 'from_on', 'to_on'],
  members: [
    'id',
    'household_id',
    'label',
    'voided_at',
    'position',
    'name',
    'kana',
    'relationship',
    'birth_date',
    'sex',
    'is_principal',
    'lives_in_household',
    'deceased',
    'death_date',
    'death_year',
    'is_key_person',
  ],
  consents: [
    'id',
    'household_id',
    'obtained_on',
    'method',
    'obtained_by',
    'all_agencies',
    'withdrawn_on',
    'withdraw_reason',
    'created_at',
    'voided_at',
  ],
  progress_notes: [
    'id',
    'household_id',
    'noted_on',
    'agency_id',
    'staff',
    'content',
    'next_plan',
    'revision',
    'created_at',
    'updated_at',
  ],
  household_search_terms: [
    'key',
    'household_id',
    'text',
    'received_rowid',
    'kana_rowid',
    'case_no',
    'sort_kana',
  ],
  [searchTables.received]: ['rowid', 'tokens'],
  [searchTables.kana]: ['rowid', 'tokens'],
} as const;

/** Households written per round of INSERTs, and per transaction (so the WAL stays a few hundred MB). */
const householdsPerFlush = 200;
const householdsPerTransaction = 10_000;

/**
 * While seeding, SQLite's page cache is 512 MB and commits do not wait for the disk. The indexes on
 * random ids (a million notes at 100,000 households) outgrow the store's 32 MB, and each page pushed
 * out is encrypted, written and read back many times over; and on a shared disk each commit's fsync of
 * a few hundred MB of WAL waited minutes. This is a throwaway bench vault; the store's own settings
 * are put back after, so every measure sees them.
 */
async function withSeedingPragmas<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  const [cache] = await rawRows<{ cache_size: number }>(db, 'PRAGMA cache_size');
  const [sync] = await rawRows<{ synchronous: number }>(db, 'PRAGMA synchronous');
  await rawRows(db, 'PRAGMA cache_size = -524288');
  await rawRows(db, 'PRAGMA synchronous = OFF');
  try {
    return await work();
  } finally {
    await rawRows(db, `PRAGMA synchronous = ${Number(sync?.synchronous ?? 2)}`);
    await rawRows(db, `PRAGMA cache_size = ${Number(cache?.cache_size ?? -2000)}`);
  }
}

async function rawRows<R>(db: Kysely<Database>, text: string, parameters: unknown[] = []): Promise<R[]> {
  return (await db.executeQuery<R>(CompiledQuery.raw(text, parameters))).rows;
}

/**
 * The budget's data set: households with four members each, consent on half, notes spread over them.
 * `from` continues an earlier seeding (the growth runs add households to the same file); 受付日 fall
 * in 2019–2024, never after today, and each household's status then follows benchStory. The rows are
 * those insertHousehold, replaceMembers, insertConsent and changeHouseholdStatus write (the history,
 * its status periods and the cached status, ふりがな order, search row and index entries), 10,000
 * households a transaction, then the search indexes merged as after an import.
 */
export async function seedBenchData(
  db: Kysely<Database>,
  counts: { households: number; notesPerHousehold: number; from?: number },
): Promise<string[]> {
  const now = new Date().toISOString();
  const today = officeDate(new Date(now));
  const ids: string[] = [];
  const from = counts.from ?? 0;
  const userId = (await db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
  const end = from + counts.households;
  await withSeedingPragmas(db, async () => {
    for (let start = from; start < end; start += householdsPerTransaction)
      await db.transaction().execute(async (trx) => {
        const rows = new Rows(trx, householdColumns);
        const [last] = await rawRows<{ last: number | null }>(
          trx,
          'SELECT max(key) AS last FROM household_list_rows',
        );
        let key = last?.last ?? 0;
        for (let i = start; i < Math.min(end, start + householdsPerTransaction); i++) {
          const s = i % surnames.length;
          const receivedOn = benchReceivedOn(i);
          const id = randomUUID();
          const caseNo = `B-${String(i).padStart(6, '0')}`;
          const label = `${surnames[s]}${i}`;
          const members = Array.from({ length: 4 }, (_, m) => ({
            name: `${surnames[s]} ${given[(i + m) % given.length]}${i}`,
            kana: `${surnameKana[s]} ${givenKana[(i + m) % givenKana.length]}`,
          }));
          const sortKana = foldForSearch(members[0]?.kana ?? '');
          const story = benchStory(i, receivedOn, today);
          const last = story.changes.at(-1);
          const closing = last?.action === 'close' ? last : undefined;
          rows.add('households', [
            id,
            caseNo,
            caseNoKey(caseNo),
            receivedOn,
            label,
            null,
            last ? statusAfter[last.action] : 'received',
            closing?.on ?? null,
            closing?.reason ?? null,
            '',
            sortKana,
            now,
            now,
          ]);
          rows.add('household_issues', [id, issues[i % issues.length] ?? '8050']);
          rows.add('status_changes', [id, 'received', receivedOn, null, null, now, null]);
          for (const change of story.changes)
            rows.add('status_changes', [
              id,
              statusAfter[change.action],
              change.on,
              change.reason ?? null,
              userId,
              now,
              null,
            ]);
          // The periods writeStatusPeriods (db/status-periods.ts) makes of that history: the changes'
          // days are strictly increasing and each changes the status, so each begins one.
          const days = [
            { status: 'received', on: receivedOn },
            ...story.changes.map((c) => ({ status: statusAfter[c.action], on: c.on })),
          ];
          rows.add(
            'status_periods',
            ...days.map((d, n) => [id, d.status, d.on, days[n + 1]?.on ?? openEnded]),
          );
          rows.add(
            'members',
            ...members.map((m, position) => [
              randomUUID(),
              id,
              memberLabel(position),
              null,
              position,
              m.name,
              m.kana,
              position === 0 ? '本人' : '家族',
              `${1940 + ((i + position * 17) % 70)}-01-15`,
              position % 2 === 0 ? 'male' : 'female',
              position === 0 ? 1 : 0,
              1,
              0,
              null,
              null,
              0,
            ]),
          );
          if (i % 2 === 0)
            rows.add('consents', [
              randomUUID(),
              id,
              receivedOn,
              'written',
              'bench',
              1,
              null,
              null,
              now,
              null,
            ]);
          rows.add(
            'progress_notes',
            ...Array.from({ length: counts.notesPerHousehold }, (_, n) => [
              randomUUID(),
              id,
              benchNoteOn(receivedOn, story.notesUntil, n, counts.notesPerHousehold),
              null,
              'bench',
              `経過記録 ${n}`,
              '',
              1,
              now,
              now,
            ]),
          );
          // As indexHousehold (db/search-index.ts) indexes a household: under the key its 世帯一覧
          // row took when the households' rows were inserted (the next one, in this order).
          key += 1;
          const { text, received, kana, tokens } = searchEntry(
            { case_no: caseNo, label, received_on: receivedOn, sort_kana: sortKana },
            members,
            key,
          );
          rows.add('household_search_terms', [key, id, text, received, kana, caseNo, sortKana]);
          rows.add(searchTables.received, [received, tokens]);
          rows.add(searchTables.kana, [kana, tokens]);
          ids.push(id);
          if (ids.length % householdsPerFlush === 0) await rows.flush();
        }
        await rows.flush();
      });
  });
  // Many households at once reach an office's store through an import, which merges the search
  // indexes when it is done (electron/services/import): so does the seed.
  await mergeSearchIndex(db);
  return ids;
}

const meetingColumns = {
  meetings: [
    'id',
    'meeting_no',
    'household_id',
    'kind',
    'held_on',
    'start_time',
    'end_time',
    'place',
    'agenda_json',
    'report_sections_json',
    'handouts_json',
    'next_review_on',
    'notice_number',
    'issued_on',
    'reply_by',
    'plan_status',
    'created_at',
    'updated_at',
    'cancelled_at',
    'cancel_reason',
    'migrated',
  ],
  meeting_attendees: [
    'id',
    'meeting_id',
    'agency_id',
    'title',
    'person_name',
    'position',
    'scope_reason',
    'attendance',
  ],
  document_issues: [
    'id',
    'meeting_id',
    'household_id',
    'document',
    'copies',
    'purpose',
    'purpose_note',
    'names',
    'names_reason',
    'action',
    'user_id',
    'created_at',
  ],
  plan_rows: [
    'id',
    'meeting_id',
    'position',
    'target',
    'member_id',
    'member_label',
    'goal',
    'discussion',
    'next_actions',
    'roles',
  ],
} as const;

/**
 * Meetings for the budget: `count` 重層的支援会議 with three agencies and a plan each, plus (unless
 * `large` is false) one with 14 agencies, the one the 様式 are rendered for. The first meeting and the
 * large one go through insertMeeting; the others repeat the first one's stored agenda and columns.
 */
export async function seedBenchMeetings(
  db: Kysely<Database>,
  householdIds: string[],
  count: number,
  large = true,
): Promise<{ largeMeetingId: string }> {
  const now = new Date();
  const labels = { consented: '重層的支援会議', unconsented: '支援会議' };
  const agencies = (await db.selectFrom('agencies').select('id').orderBy('name').execute()).map((a) => a.id);
  let largeMeetingId = '';
  const userId = (await db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
  await withSeedingPragmas(db, () =>
    db.transaction().execute(async (trx) => {
      const rows = new Rows(trx, meetingColumns);
      let first: { agenda_json: string; report_sections_json: string; handouts_json: string } | undefined;
      for (let i = 0; i < (large ? count + 1 : count); i++) {
        // As in a working office, a past meeting has its plan 確定 and its 様式4 issued; one in fifty is
        // still open, so the desk's 会議の後の作業 holds about a hundred meetings, not all of them.
        const open = i % 50 === 1;
        const householdId = householdIds[(i * 2) % householdIds.length] ?? '';
        const [household] = await rawRows<{ received_on: string; case_no: string; consented: number }>(
          trx,
          `SELECT received_on, case_no,
           EXISTS (SELECT 1 FROM consents c WHERE c.household_id = h.id AND c.voided_at IS NULL) AS consented
         FROM households h WHERE id = ?`,
          [householdId],
        );
        if (!household) throw new Error(`no household ${householdId}`);
        // insertMeeting refuses a 重層的支援会議 without consent; the repeated rows must not hold one either.
        if (!household.consented) throw new Error(`household ${household.case_no} has no consent`);
        const isLarge = i === count;
        const attendees = (isLarge ? agencies.slice(0, 14) : agencies.slice(i % 10, (i % 10) + 3)).map(
          (agencyId, n) => ({
            agencyId,
            title: '相談員',
            personName: `担当者${n + 1}`,
            scopeReason: '',
          }),
        );
        const input: MeetingInput = {
          householdId,
          kind: 'consented',
          meetingNo: `${household.case_no}-M${i}`,
          heldOn: household.received_on,
          startTime: '14:00',
          endTime: '15:30',
          place: '会議室',
          agenda: defaultAgenda('consented', true),
          handouts: [],
          attendees,
          noticeNumber: null,
          issuedOn: household.received_on,
          replyBy: null,
        };
        const planStatus = open ? 'draft' : 'final';
        let id: string;
        if (isLarge || !first) {
          await rows.flush();
          id = await insertMeeting(trx, null, input, labels, now, planStatus);
          first ??= await trx
            .selectFrom('meetings')
            .select(['agenda_json', 'report_sections_json', 'handouts_json'])
            .where('id', '=', id)
            .executeTakeFirstOrThrow();
        } else {
          id = randomUUID();
          rows.add('meetings', [
            id,
            input.meetingNo,
            householdId,
            input.kind,
            input.heldOn,
            input.startTime,
            input.endTime,
            input.place,
            first.agenda_json,
            first.report_sections_json,
            first.handouts_json,
            null,
            input.noticeNumber,
            input.issuedOn,
            input.replyBy,
            planStatus,
            now.toISOString(),
            now.toISOString(),
            null,
            null,
            0,
          ]);
          rows.add(
            'meeting_attendees',
            ...attendees.map((a, position) => [
              randomUUID(),
              id,
              a.agencyId,
              a.title,
              a.personName,
              position,
              null,
              'unknown',
            ]),
          );
        }
        if (!open)
          rows.add('document_issues', [
            randomUUID(),
            id,
            householdId,
            'form4',
            1,
            'meeting',
            '',
            'real',
            null,
            'save',
            userId,
            `${household.received_on}T06:00:00.000Z`,
          ]);
        const members = await rawRows<{ id: string; label: string }>(
          trx,
          'SELECT id, label FROM members WHERE household_id = ? ORDER BY position',
          [householdId],
        );
        const targets = [
          ...members.map((m) => ['member', m.id, m.label]),
          ['crisis', null, null],
          ['other', null, null],
        ];
        rows.add(
          'plan_rows',
          ...targets.map((t, position) => [
            randomUUID(),
            id,
            position,
            ...t,
            '安定した生活を送る',
            '見守り体制を確認した',
            '週1回の訪問',
            '地域包括支援センター',
          ]),
        );
        if (isLarge) largeMeetingId = id;
        if (i % householdsPerFlush === householdsPerFlush - 1) await rows.flush();
      }
      await rows.flush();
    }),
  );
  return { largeMeetingId };
}
