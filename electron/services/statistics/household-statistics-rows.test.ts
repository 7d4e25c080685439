import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseNoKey } from '../../../db/case-number-key.js';
import { up as keepStatisticsRows } from '../../../db/migrations/1110-household-statistics-rows.js';
import type { Sqlite } from '../../../db/open.js';
import { addDays } from '../../domain/calendar.js';
import { fiscalYearOf, fiscalYearRange } from '../../domain/fiscal-year.js';
import { olderStores } from '../testing/older-store.js';
import { seededRandom } from '../testing/seeded-random.js';
import { dayCtx } from '../testing/service-context.js';
import { signedInVault } from '../testing/signed-in-vault.js';
import { replayHint, seedOr } from '../testing/test-seed.js';
import { triggersNotShownNeeded } from '../testing/triggers-shown-needed.js';
import { statisticsFor } from './index.js';

interface Row {
  received_on: string;
  household_id: string;
  consented: number;
  referral_agency_id: string | null;
  birth_date: string | null;
  member_count: number;
  issues: string[];
}

/**
 * What the statistics' breakdowns computed per household before migration 1110, by subqueries over
 * the source tables, with the 年度 of each 受付日 taken from the domain's own functions.
 */
function reference(sqlite: Sqlite): Row[] {
  const households = sqlite
    .prepare('SELECT id, received_on, referral_agency_id FROM households ORDER BY id')
    .all() as { id: string; received_on: string; referral_agency_id: string | null }[];
  const consented = sqlite.prepare(`SELECT EXISTS (SELECT 1 FROM consents c WHERE c.household_id = ?
    AND c.voided_at IS NULL AND max(c.obtained_on, ?) <= ?
    AND (c.withdrawn_on IS NULL OR c.withdrawn_on > max(c.obtained_on, ?)))`);
  const birthDate = sqlite.prepare(`SELECT m.birth_date FROM members m WHERE m.household_id = ?
    AND m.voided_at IS NULL ORDER BY m.is_principal DESC, m.position LIMIT 1`);
  const size = sqlite.prepare(`SELECT count(*) FROM members m WHERE m.household_id = ?
    AND m.voided_at IS NULL AND m.lives_in_household = 1`);
  const issues = sqlite.prepare('SELECT issue FROM household_issues WHERE household_id = ?');
  return households.map((h) => {
    const { start, end } = fiscalYearRange(fiscalYearOf(h.received_on));
    return {
      received_on: h.received_on,
      household_id: h.id,
      consented: consented.pluck().get(h.id, start, end, start) as number,
      referral_agency_id: h.referral_agency_id,
      birth_date: (birthDate.pluck().get(h.id) as string | null | undefined) ?? null,
      member_count: size.pluck().get(h.id) as number,
      issues: (issues.pluck().all(h.id) as string[]).sort(),
    };
  });
}

function kept(sqlite: Sqlite): Row[] {
  return (
    sqlite.prepare('SELECT * FROM household_statistics_rows ORDER BY household_id').all() as (Omit<
      Row,
      'issues'
    > & { issues: string })[]
  ).map((r) => ({ ...r, issues: JSON.parse(r.issues) as string[] }));
}

const writeKinds = 14;

/**
 * Random writes of every kind that changes a kept figure, as plain SQL (what the services, the
 * import, a repair or a later migration could do): households received across 年度 boundaries,
 * members with and without birth dates and 本人 marks, consents withdrawn or voided, 課題 moved.
 * Every pick among rows is ordered. `settled` is asked after each write; the run stops at the first
 * false. Returns which writes ran.
 */
function randomWrites(sqlite: Sqlite, seed: number, steps: number, settled: () => boolean): Set<string> {
  const g = seededRandom(seed);
  const now = '2026-11-30T01:00:00.000Z';
  const tags = sqlite.prepare('SELECT name FROM issue_tags ORDER BY name').pluck().all() as string[];
  const agencies = sqlite.prepare('SELECT id FROM agencies ORDER BY id').pluck().all() as string[];
  const all = (text: string, ...params: unknown[]) =>
    sqlite
      .prepare(text)
      .pluck()
      .all(...params) as unknown[];
  const pickRow = (table: string) =>
    g.pick(all(`SELECT rowid FROM ${table} ORDER BY rowid`)) as number | undefined;
  const households = () => all('SELECT id FROM households ORDER BY rowid') as string[];
  const day = () => addDays('2023-01-01', g.int(1200));
  const agency = () => (g.next() < 0.3 ? null : (g.pick(agencies) ?? null));
  const birth = () =>
    g.next() < 0.2
      ? null
      : g.next() < 0.1
        ? ''
        : addDays('1935-01-01', g.int(30000)).slice(0, g.next() < 0.1 ? 4 : 10);
  let n = 0;
  const writes: Record<string, (id: string) => void> = {
    household: () => {
      const id = randomUUID();
      const caseNo = `S${seed}-${++n}`;
      sqlite
        .prepare(`INSERT INTO households (id, case_no, case_no_key, received_on, label, referral_agency_id, status,
            note, sort_kana, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'received', '', '', ?, ?)`)
        .run(id, caseNo, caseNoKey(caseNo), day(), `世帯${n}`, agency(), now, now);
      for (const tag of tags)
        if (g.next() < 0.3) sqlite.prepare('INSERT INTO household_issues VALUES (?, ?)').run(id, tag);
    },
    editHousehold: (id) => {
      if (g.next() < 0.6)
        sqlite
          .prepare('UPDATE households SET received_on = ? WHERE id = ?')
          .run(
            addDays(
              all('SELECT received_on FROM households WHERE id = ?', id)[0] as string,
              g.int(401) - 200,
            ),
            id,
          );
      else sqlite.prepare('UPDATE households SET referral_agency_id = ? WHERE id = ?').run(agency(), id);
    },
    deleteHousehold: (id) => {
      if (households().length <= 4) return;
      sqlite.prepare('DELETE FROM household_issues WHERE household_id = ?').run(id);
      sqlite.prepare('DELETE FROM households WHERE id = ?').run(id);
    },
    member: (id) => {
      sqlite
        .prepare(`INSERT INTO members (id, household_id, label, position, name, birth_date, sex, is_principal,
            lives_in_household) VALUES (?, ?, ?, ?, ?, ?, 'female', ?, ?)`)
        .run(
          randomUUID(),
          id,
          `M${++n}`,
          g.int(5),
          `世帯員${n}`,
          birth(),
          g.next() < 0.3 ? 1 : 0,
          g.next() < 0.75 ? 1 : 0,
        );
    },
    editMember: () => {
      const rowid = pickRow('members');
      if (rowid === undefined) return;
      const [column, value] = g.pick([
        ['birth_date', birth()],
        ['is_principal', g.int(2)],
        ['position', g.int(5)],
        ['lives_in_household', g.int(2)],
        ['voided_at', g.next() < 0.5 ? now : null],
      ] as const) ?? ['position', 0];
      sqlite.prepare(`UPDATE members SET ${column} = ? WHERE rowid = ?`).run(value, rowid);
    },
    deleteMember: () => {
      const rowid = pickRow('members');
      if (rowid !== undefined) sqlite.prepare('DELETE FROM members WHERE rowid = ?').run(rowid);
    },
    moveMember: (id) => {
      const rowid = pickRow('members');
      if (rowid !== undefined)
        sqlite
          .prepare('UPDATE members SET household_id = ?, label = ? WHERE rowid = ?')
          .run(id, `Z${++n}`, rowid);
    },
    consent: (id) => {
      const obtained = day();
      sqlite
        .prepare(`INSERT INTO consents (id, household_id, obtained_on, method, withdrawn_on, created_at)
            VALUES (?, ?, ?, 'written', ?, ?)`)
        .run(randomUUID(), id, obtained, g.next() < 0.4 ? addDays(obtained, g.int(500)) : null, now);
    },
    editConsent: () => {
      const rowid = pickRow('consents');
      if (rowid === undefined) return;
      const [column, value] = g.pick([
        ['obtained_on', day()],
        ['withdrawn_on', g.next() < 0.3 ? null : day()],
        ['voided_at', g.next() < 0.6 ? now : null],
      ] as const) ?? ['voided_at', null];
      sqlite.prepare(`UPDATE consents SET ${column} = ? WHERE rowid = ?`).run(value, rowid);
    },
    deleteConsent: () => {
      const rowid = pickRow('consents');
      if (rowid !== undefined) sqlite.prepare('DELETE FROM consents WHERE rowid = ?').run(rowid);
    },
    moveConsent: (id) => {
      const rowid = pickRow('consents');
      if (rowid !== undefined)
        sqlite.prepare('UPDATE consents SET household_id = ? WHERE rowid = ?').run(id, rowid);
    },
    issue: (id) => {
      sqlite.prepare('INSERT OR IGNORE INTO household_issues VALUES (?, ?)').run(id, g.pick(tags));
    },
    removeIssue: () => {
      const rowid = pickRow('household_issues');
      if (rowid !== undefined) sqlite.prepare('DELETE FROM household_issues WHERE rowid = ?').run(rowid);
    },
    changeIssue: (id) => {
      const rowid = pickRow('household_issues');
      if (rowid === undefined) return;
      if (g.next() < 0.5)
        sqlite
          .prepare('UPDATE OR IGNORE household_issues SET issue = ? WHERE rowid = ?')
          .run(g.pick(tags), rowid);
      else
        sqlite
          .prepare('UPDATE OR IGNORE household_issues SET household_id = ? WHERE rowid = ?')
          .run(id, rowid);
    },
  };
  const kinds = Object.keys(writes);
  expect(kinds).toHaveLength(writeKinds);
  const done = new Set<string>();
  for (let i = 0; i < 5; i++) writes.household?.('');
  for (let step = 0; step < steps; step++) {
    // Households and members are added more often than deleted, so the vault grows while every kind runs.
    const extra =
      step >= kinds.length ? g.pick(['household', 'member', null, null, null, null, null, null]) : null;
    const kind = extra ?? kinds[step < kinds.length ? step : g.int(kinds.length)] ?? 'household';
    const id = g.pick(households());
    if (id === undefined) writes.household?.('');
    else {
      writes[kind]?.(id);
      done.add(kind);
    }
    if (!settled()) return done;
  }
  return done;
}

type Vault = Awaited<ReturnType<typeof signedInVault>>;
const now = new Date('2026-11-30T01:00:00Z');

describe('統計の保っておく行（household_statistics_rows）は、いつも元の表からの計算と同じ', () => {
  let vault: Vault;
  beforeEach(async () => {
    vault = await signedInVault(() => now);
  });
  afterEach(async () => vault.close());

  it('世帯・世帯員・同意・課題をどう書き換えても、書くたびに全列が一致する', () => {
    const { sqlite } = vault.session.signedIn().store;
    const seed = seedOr(20261130);
    const replay = replayHint(seed, expect.getState().testPath);
    let checks = 0;
    const figures = {
      consented: (r: Row) => r.consented === 1,
      unconsented: (r: Row) => r.consented === 0,
      birthDate: (r: Row) => r.birth_date?.length === 10,
      members: (r: Row) => r.member_count > 1,
      issues: (r: Row) => r.issues.length > 1,
      referral: (r: Row) => r.referral_agency_id !== null,
    };
    const seen = new Set<string>();
    const done = randomWrites(sqlite, seed, 240, () => {
      const rows = kept(sqlite);
      expect(rows, replay).toEqual(reference(sqlite));
      for (const [name, shows] of Object.entries(figures)) if (rows.some(shows)) seen.add(name);
      checks++;
      return true;
    });
    expect(done.size, replay).toBe(writeKinds);
    expect(checks).toBe(240);
    // The comparisons above saw every kind of figure (at some write), not only empty ones.
    expect([...seen].sort(), replay).toEqual(Object.keys(figures).sort());
  }, 120_000);

  it('トリガーを1つでも外すと、どこかで食い違う（どのトリガーも要る）', async () => {
    const names = () =>
      vault.session
        .signedIn()
        .store.sqlite.prepare(
          `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'household_statistics_rows_%' ORDER BY name`,
        )
        .pluck()
        .all() as string[];
    const triggers = names();
    expect(triggers).toHaveLength(12);
    const missed = await triggersNotShownNeeded(
      triggers,
      () => now,
      (_vault, sqlite, seed) => {
        let differed = false;
        randomWrites(sqlite, seed, 200, () => {
          differed = JSON.stringify(kept(sqlite)) !== JSON.stringify(reference(sqlite));
          return !differed;
        });
        return differed;
      },
    );
    expect(missed).toEqual([]);
  }, 300_000);

  it('移行（1110）をやり直すと、書き込みの積み重なった金庫の全世帯の行を計算し直したものと同じに埋める', async () => {
    const { sqlite } = vault.session.signedIn().store;
    randomWrites(sqlite, 7, 150, () => true);
    for (const name of sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'household_statistics_rows_%'`,
      )
      .pluck()
      .all() as string[])
      sqlite.exec(`DROP TRIGGER ${name}`);
    sqlite.exec('DROP TABLE household_statistics_rows');
    await keepStatisticsRows(vault.db as unknown as Kysely<unknown>);
    expect(kept(sqlite).length).toBeGreaterThan(5);
    expect(kept(sqlite)).toEqual(reference(sqlite));
  }, 120_000);
});

describe('移行（1110）の前の金庫', () => {
  const storeAt = olderStores();
  it('暗号化されたファイルを開くと、今ある全世帯の行が埋まり、その後の書き込みにも付いてくる', async () => {
    const { old, upgrade } = await storeAt(1101);
    randomWrites(old.sqlite, 42, 150, () => true);
    const before = old.sqlite.prepare('SELECT count(*) FROM households').pluck().get() as number;
    await old.close();
    const store = await upgrade();
    try {
      expect(kept(store.sqlite)).toHaveLength(before);
      expect(before).toBeGreaterThan(5);
      expect(kept(store.sqlite)).toEqual(reference(store.sqlite));
      randomWrites(store.sqlite, 43, 60, () => true);
      expect(kept(store.sqlite)).toEqual(reference(store.sqlite));
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe('同じ数字の世帯は1つのまとまりとして数える（内訳は世帯の数だけ）', () => {
  it('課題・相談経路・年代・世帯員数・受付月が同じ5世帯と違う1世帯: どの内訳もまとまりの世帯数を数える', async () => {
    const vault = await signedInVault(() => now);
    try {
      const { sqlite } = vault.session.signedIn().store;
      const [tagA, tagB] = sqlite
        .prepare('SELECT name FROM issue_tags ORDER BY name')
        .pluck()
        .all() as string[];
      const agency = sqlite.prepare('SELECT id FROM agencies ORDER BY id').pluck().get() as string;
      const stamp = now.toISOString();
      const household = (i: number, receivedOn: string, issues: string[], birthDate: string) => {
        const id = randomUUID();
        sqlite
          .prepare(`INSERT INTO households (id, case_no, case_no_key, received_on, label, referral_agency_id, status,
              note, sort_kana, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'received', '', '', ?, ?)`)
          .run(id, `G-${i}`, caseNoKey(`G-${i}`), receivedOn, `世帯${i}`, agency, stamp, stamp);
        for (const issue of issues)
          sqlite.prepare('INSERT INTO household_issues VALUES (?, ?)').run(id, issue);
        sqlite
          .prepare(`INSERT INTO members (id, household_id, label, position, name, birth_date, sex, is_principal)
              VALUES (?, ?, 'A', 0, '本人', ?, 'female', 1)`)
          .run(randomUUID(), id, birthDate);
        sqlite
          .prepare(`INSERT INTO consents (id, household_id, obtained_on, method, created_at)
              VALUES (?, ?, ?, 'written', ?)`)
          .run(randomUUID(), id, receivedOn, stamp);
      };
      for (let i = 0; i < 5; i++) household(i, '2024-05-10', [tagA ?? '', tagB ?? ''], '1980-01-01');
      household(5, '2024-06-10', [tagA ?? ''], '1990-01-01');
      const stats = await statisticsFor(dayCtx(vault.db, '2026-11-30'), {
        fiscalYears: [2024],
        threshold: 1,
      });
      const table = (name: string) =>
        Object.fromEntries((stats.breakdowns[name] ?? []).map((r) => [r.label, r.values['2024']]));
      expect(table('課題')).toEqual({ [tagA ?? '']: 6, [tagB ?? '']: 5 });
      expect(table('本人の年代')).toMatchObject({ '40代': 5, '30代': 1, 合計: 6 });
      expect(table('世帯員数')).toMatchObject({ '1人': 6, 合計: 6 });
      expect(table('受付月')).toMatchObject({ '5月': 5, '6月': 1, 合計: 6 });
      expect(Object.values(table('相談経路の分野')).filter((n) => n === 6)).toHaveLength(2);
    } finally {
      await vault.close();
    }
  }, 60_000);
});
