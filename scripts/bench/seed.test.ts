import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../db/schema.js';
import { searchTables, searchTokens } from '../../db/search-index.js';
import { defaultAgenda } from '../../electron/domain/meeting.js';
import { officeDate } from '../../electron/domain/office-day.js';
import { insertConsent } from '../../electron/services/consent.js';
import { changeHouseholdStatus } from '../../electron/services/household-status.js';
import { insertHousehold, replaceMembers } from '../../electron/services/households.js';
import { insertMeeting } from '../../electron/services/meetings.js';
import { livingMember } from '../../electron/services/testing/members.js';
import { serviceCtx } from '../../electron/services/testing/service-context.js';
import { signedInVault } from '../../electron/services/testing/signed-in-vault.js';
import {
  benchNoteOn,
  benchReceivedOn,
  benchStory,
  given,
  givenKana,
  issues,
  seedBenchData,
  seedBenchMeetings,
  surnameKana,
  surnames,
} from './seed.js';

type Vault = Awaited<ReturnType<typeof signedInVault>>;

/**
 * The reference: the same data set written one service call at a time (as the bench seeded it before
 * it wrote rows in bulk), so any row, column or index entry the bulk seeding misses or gets wrong shows.
 */
async function householdsThroughServices(
  db: Kysely<Database>,
  counts: { households: number; notesPerHousehold: number; from: number },
): Promise<string[]> {
  const now = new Date();
  const today = officeDate(now);
  const userId = (await db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
  const ids: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (let i = counts.from; i < counts.from + counts.households; i++) {
      const s = i % surnames.length;
      const receivedOn = benchReceivedOn(i);
      const id = await insertHousehold(
        trx,
        null,
        {
          caseNo: `B-${String(i).padStart(6, '0')}`,
          receivedOn,
          label: `${surnames[s]}${i}`,
          referralAgencyId: null,
          issues: [issues[i % issues.length] ?? '8050'],
          note: '',
        },
        now,
      );
      await replaceMembers(
        trx,
        id,
        Array.from({ length: 4 }, (_, m) => ({
          name: `${surnames[s]} ${given[(i + m) % given.length]}${i}`,
          kana: `${surnameKana[s]} ${givenKana[(i + m) % givenKana.length]}`,
          relationship: m === 0 ? '本人' : '家族',
          birthDate: `${1940 + ((i + m * 17) % 70)}-01-15`,
          sex: m % 2 === 0 ? ('male' as const) : ('female' as const),
          isPrincipal: m === 0,
          ...livingMember,
        })),
        { userId: null, now },
      );
      if (i % 2 === 0)
        await insertConsent(
          trx,
          {
            householdId: id,
            obtainedOn: receivedOn,
            method: 'written',
            obtainedBy: 'bench',
            allAgencies: true,
            agencyIds: [],
          },
          now,
        );
      const story = benchStory(i, receivedOn, today);
      // 支援開始・終結・再開 as the screen records them (the 終結 needs no 評価: no plan yet).
      for (const change of story.changes)
        await changeHouseholdStatus(serviceCtx(trx, userId, now), {
          householdId: id,
          ...(change.action === 'close'
            ? { action: 'close', on: change.on, reason: change.reason ?? '課題解決' }
            : { action: change.action, on: change.on }),
        });
      for (let n = 0; n < counts.notesPerHousehold; n++)
        await trx
          .insertInto('progress_notes')
          .values({
            id: randomUUID(),
            household_id: id,
            noted_on: benchNoteOn(receivedOn, story.notesUntil, n, counts.notesPerHousehold),
            agency_id: null,
            staff: 'bench',
            content: `経過記録 ${n}`,
            next_plan: '',
            revision: 1,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          })
          .execute();
      ids.push(id);
    }
  });
  return ids;
}

async function meetingsThroughServices(
  db: Kysely<Database>,
  householdIds: string[],
  count: number,
  large: boolean,
): Promise<void> {
  const now = new Date();
  const labels = { consented: '重層的支援会議', unconsented: '支援会議' };
  const agencies = (await db.selectFrom('agencies').select('id').orderBy('name').execute()).map((a) => a.id);
  const userId = (await db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < (large ? count + 1 : count); i++) {
      const open = i % 50 === 1;
      const householdId = householdIds[(i * 2) % householdIds.length] ?? '';
      const household = await trx
        .selectFrom('households')
        .select(['received_on', 'case_no'])
        .where('id', '=', householdId)
        .executeTakeFirstOrThrow();
      const attendees = (i === count ? agencies.slice(0, 14) : agencies.slice(i % 10, (i % 10) + 3)).map(
        (agencyId, n) => ({ agencyId, title: '相談員', personName: `担当者${n + 1}`, scopeReason: '' }),
      );
      const id = await insertMeeting(
        trx,
        null,
        {
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
        },
        labels,
        now,
        open ? 'draft' : 'final',
      );
      if (!open)
        await trx
          .insertInto('document_issues')
          .values({
            id: randomUUID(),
            meeting_id: id,
            household_id: householdId,
            document: 'form4',
            copies: 1,
            purpose: 'meeting',
            purpose_note: '',
            names: 'real',
            names_reason: null,
            action: 'save',
            user_id: userId,
            created_at: `${household.received_on}T06:00:00.000Z`,
          })
          .execute();
      const members = await trx
        .selectFrom('members')
        .select(['id', 'label'])
        .where('household_id', '=', householdId)
        .orderBy('position')
        .execute();
      const targets = [
        ...members.map((m) => ({ target: 'member' as const, member_id: m.id, member_label: m.label })),
        { target: 'crisis' as const, member_id: null, member_label: null },
        { target: 'other' as const, member_id: null, member_label: null },
      ];
      await trx
        .insertInto('plan_rows')
        .values(
          targets.map((t, position) => ({
            id: randomUUID(),
            meeting_id: id,
            position,
            ...t,
            goal: '安定した生活を送る',
            discussion: '見守り体制を確認した',
            next_actions: '週1回の訪問',
            roles: '地域包括支援センター',
          })),
        )
        .execute();
    }
  });
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Every table but the audit log, the vault's own rows and the FTS tables' internals, rows in the order
 * they were written, each random id replaced by the order it first appeared in (so references must match).
 */
function contents(vault: Vault): Record<string, unknown[]> {
  const { sqlite } = vault.session.signedIn().store;
  const tables = (
    sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`,
      )
      .pluck()
      .all() as string[]
  ).filter(
    (name) =>
      !name.startsWith('sqlite_') &&
      !name.startsWith('kysely_') &&
      !/^(household_search_(received|kana)|progress_note_search)_/.test(name) &&
      // Set-up's own rows (users, keys, the chained audit log, the commit counter): not seeded.
      !['audit_events', 'vault_head', 'users'].includes(name),
  );
  const order = ['households', 'members', 'consents', 'meetings'];
  tables.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
  const ids = new Map<string, string>();
  const out: Record<string, unknown[]> = {};
  const withoutRowid = new Set(
    sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID%'`)
      .pluck()
      .all() as string[],
  );
  for (const table of tables) {
    // A table without rowids has no order of writing: its rows are compared as a set (their ids are
    // those of rows already numbered, households first).
    const rows = (
      sqlite
        .prepare(`SELECT * FROM "${table}"${withoutRowid.has(table) ? '' : ' ORDER BY rowid'}`)
        .all() as Record<string, unknown>[]
    ).map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([column, value]) => {
          if (typeof value !== 'string' || !uuid.test(value)) return [column, value];
          if (!ids.has(value)) ids.set(value, `#${ids.size}`);
          return [column, ids.get(value)];
        }),
      ),
    );
    out[table] = withoutRowid.has(table)
      ? rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
      : rows;
  }
  return out;
}

/** The entries each token finds, in both list orders (the tokens of every indexed household). */
function indexEntries(vault: Vault): Record<string, unknown[]> {
  const { sqlite } = vault.session.signedIn().store;
  const texts = sqlite
    .prepare('SELECT text FROM household_search_terms ORDER BY key')
    .pluck()
    .all() as string[];
  const tokens = [...new Set(texts.flatMap((t) => searchTokens(t)))].sort();
  const out: Record<string, unknown[]> = {};
  for (const table of Object.values(searchTables)) {
    const find = sqlite.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`).pluck();
    for (const token of tokens) out[`${table} ${token}`] = find.all(token);
  }
  return out;
}

let bulk: Vault;
let reference: Vault;
beforeAll(async () => {
  // One clock for both, so created_at and the like compare too.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-22T01:00:00Z'));
  try {
    bulk = await signedInVault();
    reference = await signedInVault();
    // Two rounds, as the growth runs add households to the same file.
    const first = await seedBenchData(bulk.db, { households: 30, notesPerHousehold: 2 });
    await seedBenchMeetings(bulk.db, first, 12, true);
    const more = await seedBenchData(bulk.db, { households: 24, notesPerHousehold: 2, from: 30 });
    await seedBenchMeetings(bulk.db, more, 8, false);

    const firstRef = await householdsThroughServices(reference.db, {
      households: 30,
      notesPerHousehold: 2,
      from: 0,
    });
    await meetingsThroughServices(reference.db, firstRef, 12, true);
    const moreRef = await householdsThroughServices(reference.db, {
      households: 24,
      notesPerHousehold: 2,
      from: 30,
    });
    await meetingsThroughServices(reference.db, moreRef, 8, false);
  } finally {
    vi.useRealTimers();
  }
}, 120_000);
afterAll(async () => {
  await bulk?.close();
  await reference?.close();
});

describe('ベンチのデータはサービスが書くものと同じ行になる（まとめて書いても）', () => {
  it('世帯・世帯員・同意・経過・会議・出席・プラン・交付の記録と検索の行が、サービスで登録したものと一致する', () => {
    const seeded = contents(bulk);
    expect(seeded.households).toHaveLength(54);
    expect(seeded.members).toHaveLength(216);
    expect(seeded.meetings).toHaveLength(21);
    expect(seeded.household_search_terms).toHaveLength(54);
    // Every status over the years, and a 終結 undone by a 再開 (the status periods follow them).
    const statuses = Map.groupBy(seeded.households as { status: string }[], (h) => h.status);
    expect([...statuses.keys()].sort()).toEqual(['active', 'closed', 'received']);
    expect(
      seeded.status_changes?.filter((c) => (c as { reason: unknown }).reason !== null).length,
    ).toBeGreaterThan((statuses.get('closed') ?? []).length);
    expect(seeded.status_periods?.length).toBeGreaterThan(54 * 2);
    expect(seeded).toEqual(contents(reference));
  });

  it('検索索引の項目（1〜3文字の断片、受付日順とふりがな順）が一致する', () => {
    const entries = indexEntries(bulk);
    expect(Object.values(entries).some((rows) => rows.length > 1)).toBe(true);
    expect(entries).toEqual(indexEntries(reference));
  });

  it('まとめて書いたあと検索索引は取り込みのあとと同じく1つの区分にまとまっている（2回目の追加のあとも）', () => {
    const { sqlite } = bulk.session.signedIn().store;
    for (const table of Object.values(searchTables))
      expect(sqlite.prepare(`SELECT count(DISTINCT segid) AS n FROM "${table}_idx"`).get()).toEqual({ n: 1 });
  });
});
