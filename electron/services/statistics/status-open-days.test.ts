import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseNoKey } from '../../../db/case-number-key.js';
import type { Sqlite } from '../../../db/open.js';
import { openEnded } from '../../../db/status-periods.js';
import { addDays } from '../../domain/calendar.js';
import { olderStores } from '../testing/older-store.js';
import { seededRandom } from '../testing/seeded-random.js';
import { signedInVault } from '../testing/signed-in-vault.js';
import { replayHint, seedOr } from '../testing/test-seed.js';
import { triggersNotShownNeeded } from '../testing/triggers-shown-needed.js';

/** Per day, the open periods (受付 or 支援中) that start and that end on it, counted afresh. */
const recount = `SELECT day, sum(starts) AS starts, sum(ends) AS ends FROM (
    SELECT from_on AS day, 1 AS starts, 0 AS ends FROM status_periods WHERE status <> 'closed'
    UNION ALL SELECT to_on, 0, 1 FROM status_periods WHERE status <> 'closed')
  GROUP BY day ORDER BY day`;
const kept = 'SELECT day, starts, ends FROM status_open_days ORDER BY day';
const rows = (sqlite: Sqlite, text: string) => sqlite.prepare(text).all();

const writeKinds = 6;

/**
 * Random writes of status_periods as plain SQL, as any writer could make them (the services rewrite a
 * household's periods by delete and insert): periods of each status, open-ended or not, sharing days
 * with other households', deleted, their status or days changed. Every pick is ordered (by 受付番号, not by random id).
 */
function randomWrites(sqlite: Sqlite, seed: number, steps: number, settled: () => boolean): Set<string> {
  const g = seededRandom(seed);
  const now = '2026-11-30T01:00:00.000Z';
  const households: string[] = [];
  for (let i = 0; i < 6; i++) {
    const id = randomUUID();
    const caseNo = `P${seed}-${i}`;
    sqlite
      .prepare(`INSERT INTO households (id, case_no, case_no_key, received_on, label, status, note, sort_kana,
          created_at, updated_at) VALUES (?, ?, ?, '2024-04-01', ?, 'received', '', '', ?, ?)`)
      .run(id, caseNo, caseNoKey(caseNo), `世帯${i}`, now, now);
    households.push(id);
  }
  // Few distinct days, so periods of different households meet on them.
  const day = () => addDays('2024-04-01', 7 * g.int(20));
  const status = () => g.pick(['received', 'active', 'closed'] as const) ?? 'active';
  const end = (from: string) => (g.next() < 0.4 ? openEnded : addDays(from, 7 * (1 + g.int(10))));
  const period = () =>
    sqlite
      .prepare(`SELECT p.household_id, p.from_on FROM status_periods p JOIN households h ON h.id = p.household_id
        ORDER BY h.case_no, p.from_on`)
      .all()
      .at(
        g.int(Math.max(1, sqlite.prepare('SELECT count(*) FROM status_periods').pluck().get() as number)),
      ) as { household_id: string; from_on: string } | undefined;
  const writes: Record<string, () => void> = {
    insert: () => {
      const from = day();
      sqlite
        .prepare(
          'INSERT OR IGNORE INTO status_periods (household_id, status, from_on, to_on) VALUES (?, ?, ?, ?)',
        )
        .run(g.pick(households), status(), from, end(from));
    },
    delete: () => {
      const p = period();
      if (p)
        sqlite
          .prepare('DELETE FROM status_periods WHERE household_id = ? AND from_on = ?')
          .run(p.household_id, p.from_on);
    },
    status: () => {
      const p = period();
      if (p)
        sqlite
          .prepare('UPDATE status_periods SET status = ? WHERE household_id = ? AND from_on = ?')
          .run(status(), p.household_id, p.from_on);
    },
    end: () => {
      const p = period();
      if (p)
        sqlite
          .prepare('UPDATE status_periods SET to_on = ? WHERE household_id = ? AND from_on = ?')
          .run(end(p.from_on), p.household_id, p.from_on);
    },
    start: () => {
      const p = period();
      if (p)
        sqlite
          .prepare(`UPDATE OR IGNORE status_periods SET from_on = ? WHERE household_id = ? AND from_on = ?
            AND to_on > ?`)
          .run(...((from) => [from, p.household_id, p.from_on, from])(day()));
    },
    move: () => {
      const p = period();
      if (p)
        sqlite
          .prepare(
            'UPDATE OR IGNORE status_periods SET household_id = ? WHERE household_id = ? AND from_on = ?',
          )
          .run(g.pick(households), p.household_id, p.from_on);
    },
  };
  const kinds = Object.keys(writes);
  expect(kinds).toHaveLength(writeKinds);
  const done = new Set<string>();
  for (let step = 0; step < steps; step++) {
    // Periods are inserted more often than deleted, so there are some to change.
    const kind =
      (step >= kinds.length && g.next() < 0.25 ? 'insert' : kinds[step % kinds.length]) ?? 'insert';
    writes[kind]?.();
    done.add(kind);
    if (!settled()) return done;
  }
  return done;
}

type Vault = Awaited<ReturnType<typeof signedInVault>>;
const now = new Date('2026-11-30T01:00:00Z');

describe('年度末継続のための日ごとの数（status_open_days）は、いつも期間の表の数え直しと同じ', () => {
  let vault: Vault;
  beforeEach(async () => {
    vault = await signedInVault(() => now);
  });
  afterEach(async () => vault.close());

  it('期間をどう書き換えても、書くたびに数え直しと一致する', () => {
    const { sqlite } = vault.session.signedIn().store;
    const seed = seedOr(20261130);
    const replay = replayHint(seed, expect.getState().testPath);
    let checks = 0;
    const seen = new Set<string>();
    const done = randomWrites(sqlite, seed, 200, () => {
      const days = rows(sqlite, kept) as { starts: number; ends: number }[];
      expect(days, replay).toEqual(rows(sqlite, recount));
      if (days.some((d) => d.starts > 1)) seen.add('starts > 1');
      if (days.some((d) => d.ends > 1)) seen.add('ends > 1');
      checks++;
      return true;
    });
    expect(done.size, replay).toBe(writeKinds);
    expect(checks).toBe(200);
    // Some comparison saw days on which several periods start, and several end.
    expect([...seen].sort(), replay).toEqual(['ends > 1', 'starts > 1']);
  });

  it('トリガーを1つでも外すと、どこかで食い違う（どのトリガーも要る）', async () => {
    const names = vault.session
      .signedIn()
      .store.sqlite.prepare(
        `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'status_open_days_%' ORDER BY name`,
      )
      .pluck()
      .all() as string[];
    expect(names).toHaveLength(4);
    const missed = await triggersNotShownNeeded(
      names,
      () => now,
      (_vault, sqlite, seed) => {
        let differed = false;
        randomWrites(sqlite, seed, 200, () => {
          differed = JSON.stringify(rows(sqlite, kept)) !== JSON.stringify(rows(sqlite, recount));
          return !differed;
        });
        return differed;
      },
    );
    expect(missed).toEqual([]);
  }, 120_000);
});

describe('移行（1111）の前の金庫', () => {
  const storeAt = olderStores();
  it('暗号化されたファイルを開くと、今ある期間から日ごとの数が埋まり、その後の書き込みにも付いてくる', async () => {
    const { old, upgrade } = await storeAt(1110);
    randomWrites(old.sqlite, 42, 150, () => true);
    await old.close();
    const store = await upgrade();
    try {
      expect(rows(store.sqlite, kept).length).toBeGreaterThan(5);
      expect(rows(store.sqlite, kept)).toEqual(rows(store.sqlite, recount));
      randomWrites(store.sqlite, 43, 60, () => true);
      expect(rows(store.sqlite, kept)).toEqual(rows(store.sqlite, recount));
    } finally {
      await store.close();
    }
  }, 60_000);
});
