import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema.js';
import { addDays } from '../domain/calendar.js';
import type { HouseholdStatus } from '../domain/household.js';
import { householdStatusOn } from '../domain/status-history.js';
import { deskOn } from './desk.js';
import { KasaneError } from './errors.js';
import { changeHouseholdStatus, correctStatusChange, voidStatusChange } from './household-status.js';
import { createHousehold, updateHousehold } from './households.js';
import { cancelMeeting, createMeeting, deleteMeeting, updateMeeting } from './meetings.js';
import { saveProgressNote, voidProgressNote } from './progress-notes.js';
import { parse } from './testing/office-days.js';
import { olderStores } from './testing/older-store.js';
import { usualMeeting } from './testing/plan-fixture.js';
import { seededRandom } from './testing/seeded-random.js';
import { dayCtx, serviceCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';

/** Every dated fact of a household that counts as activity, read from the tables themselves. */
async function facts(db: Kysely<Database>) {
  const [notes, meetings, changes] = await Promise.all([
    db
      .selectFrom('progress_notes')
      .select(['household_id', 'noted_on as on'])
      .where('voided_at', 'is', null)
      .execute(),
    db
      .selectFrom('meetings')
      .select(['household_id', 'held_on as on'])
      .where('cancelled_at', 'is', null)
      .execute(),
    db
      .selectFrom('status_changes')
      .select(['id', 'household_id', 'changed_on as on', 'status'])
      .where('voided_at', 'is', null)
      .orderBy('id')
      .execute(),
  ]);
  return { all: [...notes, ...meetings, ...changes], changes };
}

/** The kept date against the latest fact recomputed in JavaScript, household by household. */
async function expectKeptFromFacts(db: Kysely<Database>) {
  const { all } = await facts(db);
  const households = await db.selectFrom('households').select(['id', 'last_activity_on']).execute();
  expect(households.length).toBeGreaterThan(0);
  for (const h of households) {
    const latest = all
      .filter((f) => f.household_id === h.id)
      .reduce((max, f) => (f.on > max ? f.on : max), '');
    expect(h.last_activity_on, h.id).toBe(latest);
  }
}

/** 「長く動きのない世帯」 on a day by its definition: 支援中 on the day, nothing dated in the window's days up to it. */
async function quietByDefinition(db: Kysely<Database>, day: string, days: number): Promise<string[]> {
  const { all, changes } = await facts(db);
  const households = await db.selectFrom('households').select(['id', 'case_no', 'received_on']).execute();
  const since = addDays(day, -days);
  return households
    .filter((h) => {
      const history = changes
        .filter((c) => c.household_id === h.id)
        .map((c) => ({ seq: c.id, status: c.status as HouseholdStatus, on: c.on }));
      if (h.received_on > day || householdStatusOn(history, day) !== 'active') return false;
      const latest = all
        .filter((f) => f.household_id === h.id && f.on <= day)
        .reduce((max, f) => (f.on > max ? f.on : max), '');
      return latest <= since;
    })
    .map((h) => h.case_no)
    .sort();
}

describe('世帯の最終活動日（households.last_activity_on）は、いつも記録から計算し直したものと同じ', () => {
  let vault: Awaited<ReturnType<typeof signedInVault>>;
  beforeEach(async () => {
    vault = await signedInVault();
  });
  afterEach(async () => vault.close());

  it('支援経過・会議・状態の変更の追加、日付の訂正、取消、中止、削除、受付日の変更を無作為に重ねても一致し、ホームの「長く動きのない世帯」も定義どおり', async () => {
    const today = '2026-06-30';
    const ctx = () => serviceCtx(vault.db, vault.userId, new Date(`${today}T01:00:00Z`));
    const agencyId = (await vault.db.selectFrom('agencies').select('id').executeTakeFirstOrThrow()).id;
    const g = seededRandom(20261130);
    const kinds = [
      'note',
      'noteDate',
      'noteVoid',
      'meeting',
      'meetingDate',
      'meetingCancel',
      'meetingDelete',
      'status',
      'statusVoid',
      'statusDate',
      'receivedOn',
    ] as const;
    const done = Object.fromEntries([...kinds, 'refused'].map((k) => [k, 0])) as Record<
      (typeof kinds)[number] | 'refused',
      number
    >;
    /** A refusal (the services keep the records consistent) leaves everything as it was; anything else fails. */
    const attempt = async (kind: (typeof kinds)[number], run: () => Promise<unknown>) => {
      try {
        await run();
        done[kind]++;
      } catch (err) {
        if (!(err instanceof KasaneError)) throw err;
        done.refused++;
      }
    };
    for (let i = 0; i < 16; i++) {
      const household = {
        caseNo: `A-${i}`,
        receivedOn: addDays('2025-04-01', g.int(300)),
        label: `世帯${i}`,
        referralAgencyId: null,
        issues: [],
        note: '',
      };
      const { id } = await createHousehold(ctx(), household);
      const meetings = new Map<string, ReturnType<typeof usualMeeting>>();
      for (let step = 0; step < 14; step++) {
        const kind = g.pick(kinds) ?? 'note';
        const near = addDays(household.receivedOn, g.int(420));
        const notes = await vault.db
          .selectFrom('progress_notes')
          .select(['id', 'noted_on'])
          .where('household_id', '=', id)
          .where('voided_at', 'is', null)
          .execute();
        const changes = await vault.db
          .selectFrom('status_changes')
          .selectAll()
          .where('household_id', '=', id)
          .where('voided_at', 'is', null)
          .orderBy('id')
          .execute();
        const note = g.pick(notes);
        const meetingId = g.pick([...meetings.keys()]);
        const change = g.pick(changes.filter((c) => c.status !== 'received'));
        const noteInput = (notedOn: string) => ({
          householdId: id,
          notedOn,
          agencyId: null,
          staff: '相談 花子',
          content: '電話で様子を聞いた',
          nextPlan: '',
        });
        if (kind === 'note')
          await attempt(kind, () => saveProgressNote(ctx(), parse('progressNotes.save', noteInput(near))));
        else if (kind === 'noteDate' && note)
          await attempt(kind, () =>
            saveProgressNote(
              ctx(),
              parse('progressNotes.save', {
                ...noteInput(addDays(note.noted_on, g.int(121) - 60)),
                id: note.id,
                reason: '日付の書き誤り',
              }),
            ),
          );
        else if (kind === 'noteVoid' && note)
          await attempt(kind, () => voidProgressNote(ctx(), { id: note.id, reason: '別の世帯の記録' }));
        else if (kind === 'meeting')
          await attempt(kind, async () => {
            const input = usualMeeting({
              householdId: id,
              kind: 'unconsented',
              meetingNo: `A-${i}-${step}`,
              heldOn: near,
              issuedOn: addDays(near, -14),
              replyBy: addDays(near, -7),
              agencyIds: [agencyId],
            });
            const created = await createMeeting(ctx(), parse('meetings.create', input));
            meetings.set(created.id, input);
          });
        else if (kind === 'meetingDate' && meetingId) {
          const before = meetings.get(meetingId);
          const heldOn = addDays(before?.heldOn ?? near, g.int(121) - 60);
          if (before)
            await attempt(kind, async () => {
              const moved = {
                ...before,
                heldOn,
                issuedOn: addDays(heldOn, -14),
                replyBy: addDays(heldOn, -7),
              };
              await updateMeeting(ctx(), parse('meetings.update', { id: meetingId, meeting: moved }));
              meetings.set(meetingId, moved);
            });
        } else if (kind === 'meetingCancel' && meetingId)
          await attempt(kind, () => cancelMeeting(ctx(), { meetingId, reason: '本人の入院のため' }));
        else if (kind === 'meetingDelete' && meetingId)
          await attempt(kind, async () => {
            await deleteMeeting(ctx(), { meetingId });
            meetings.delete(meetingId);
          });
        else if (kind === 'status') {
          const last = changes.at(-1);
          const on = addDays(last?.changed_on ?? household.receivedOn, g.int(150));
          const action = last?.status === 'active' ? 'close' : last?.status === 'closed' ? 'reopen' : 'start';
          await attempt(kind, () =>
            changeHouseholdStatus(
              ctx(),
              action === 'close'
                ? { householdId: id, action, on, reason: '課題解決' }
                : { householdId: id, action, on },
            ),
          );
        } else if (kind === 'statusVoid' && change)
          await attempt(kind, () => voidStatusChange(ctx(), { id: change.id, reason: '誤って記録' }));
        else if (kind === 'statusDate' && change)
          await attempt(kind, () =>
            correctStatusChange(ctx(), {
              id: change.id,
              on: addDays(change.changed_on, g.int(61) - 30),
              reason: '日付の書き誤り',
            }),
          );
        else if (kind === 'receivedOn') {
          const moved = addDays(household.receivedOn, g.int(41) - 20);
          await attempt(kind, async () => {
            await updateHousehold(ctx(), { id, household: { ...household, receivedOn: moved } });
            household.receivedOn = moved;
          });
        }
        // After every edit, not only at the end: a later edit that recomputes would hide a missed one.
        await expectKeptFromFacts(vault.db);
      }
    }
    // Every kind of edit happened, and some were refused: the comparisons above are not vacuous.
    for (const [kind, n] of Object.entries(done)) expect(n, kind).toBeGreaterThan(0);
    // ホーム on days up to today (as of them) and on today and later (what the kept status says).
    const quietOn = async (day: string) =>
      (
        await deskOn(
          day < today ? dayCtx(vault.db, today) : dayCtx(vault.db, day),
          day < today ? { asOf: day } : {},
        )
      ).quietHouseholds
        .map((q) => q.caseNo)
        .sort();
    let listed = 0;
    for (let day = '2025-06-01'; day <= '2027-03-31'; day = addDays(day, 23)) {
      const expected = await quietByDefinition(vault.db, day, 30);
      expect(await quietOn(day), day).toEqual(expected);
      listed += expected.length;
    }
    expect(listed).toBeGreaterThan(10);
    // No screen deletes a note or a status change, but a row deleted any other way counts no more
    // (last: the status it leaves is not recomputed, so ホーム would no longer follow the history).
    const { sqlite } = vault.session.signedIn().store;
    for (const [table, on] of [
      ['progress_notes', 'noted_on'],
      ['meetings', 'held_on'],
      ['status_changes', 'changed_on'],
    ] as const) {
      const deleted = sqlite
        .prepare(
          `DELETE FROM ${table} WHERE rowid IN (SELECT t.rowid FROM ${table} t JOIN households h
             ON h.id = t.household_id AND h.last_activity_on = t.${on}) RETURNING household_id`,
        )
        .all();
      expect(deleted.length, table).toBeGreaterThan(0);
      await expectKeptFromFacts(vault.db);
    }
  }, 180_000);
});

describe('移行（1080）は、それまでの記録から最終活動日を埋める', () => {
  const storeAt = olderStores();

  it('取り消した経過・変更と中止した会議は数えず、記録のない世帯は空のまま', async () => {
    const { old, upgrade } = await storeAt(1061);
    const household = old.sqlite.prepare(
      `INSERT INTO households (id, case_no, case_no_key, received_on, label, status, created_at, updated_at)
       VALUES (?, ?, ?, '2024-05-01', '世帯', 'active', 'now', 'now')`,
    );
    const change = old.sqlite.prepare(
      `INSERT INTO status_changes (household_id, status, changed_on, reason, user_id, created_at, voided_at)
       VALUES (?, ?, ?, NULL, NULL, 'now', ?)`,
    );
    const note = old.sqlite.prepare(
      `INSERT INTO progress_notes (id, household_id, noted_on, agency_id, staff, content, next_plan, revision, created_at, updated_at, voided_at)
       VALUES (?, ?, ?, NULL, '担当', '訪問', '', 1, 'now', 'now', ?)`,
    );
    const meeting = old.sqlite.prepare(
      `INSERT INTO meetings (id, meeting_no, household_id, kind, held_on, start_time, end_time, place, agenda_json,
         report_sections_json, handouts_json, issued_on, plan_status, created_at, updated_at, cancelled_at)
       VALUES (?, ?, ?, 'unconsented', ?, '14:00', '15:00', '会議室', '[]', '[]', '[]', '2024-04-01', 'draft', 'now', 'now', ?)`,
    );
    for (const id of ['notes', 'meeting', 'change', 'none']) household.run(id, id, id);
    change.run('notes', 'received', '2024-05-01', null);
    note.run('n1', 'notes', '2024-07-01', null);
    note.run('n2', 'notes', '2024-09-01', 'now');
    change.run('meeting', 'received', '2024-05-01', null);
    meeting.run('m1', 'M-1', 'meeting', '2024-08-15', null);
    meeting.run('m2', 'M-2', 'meeting', '2024-10-15', 'now');
    change.run('change', 'received', '2024-05-01', null);
    change.run('change', 'active', '2024-06-01', null);
    change.run('change', 'closed', '2024-12-01', 'now');
    note.run('n3', 'change', '2024-05-20', null);
    await old.close();

    const store = await upgrade();
    expect(store.sqlite.prepare('SELECT id, last_activity_on FROM households ORDER BY id').all()).toEqual([
      { id: 'change', last_activity_on: '2024-06-01' },
      { id: 'meeting', last_activity_on: '2024-08-15' },
      { id: 'none', last_activity_on: '' },
      { id: 'notes', last_activity_on: '2024-07-01' },
    ]);
    await expectKeptFromFacts(store.db);
    await store.close();
  });
});
