import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema.js';
import { openEnded } from '../../db/status-periods.js';
import { addDays } from '../domain/calendar.js';
import { householdStatusOn } from '../domain/status-history.js';
import { KasaneError } from './errors.js';
import {
  activeStatusChanges,
  changeHouseholdStatus,
  correctStatusChange,
  voidStatusChange,
} from './household-status.js';
import { createHousehold, updateHousehold } from './households.js';
import { openHouseholdsAt } from './statistics/report.js';
import { olderStores } from './testing/older-store.js';
import { seededRandom } from './testing/seeded-random.js';
import { serviceCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';

/**
 * The table against a recomputation from the history: on every day from `from` to `to`, the period
 * holding the day has the status householdStatusOn gives (none before the 受付日, or before any
 * change), and the periods are the fewest that say so (neighbouring days with one status are one
 * period; the last one has not ended). Returns the households open at the end of each day.
 */
async function expectPeriodsFromHistory(db: Kysely<Database>, from: string, to: string) {
  const households = await db.selectFrom('households').select(['id', 'received_on']).execute();
  const periods = await db
    .selectFrom('status_periods')
    .selectAll()
    .orderBy('household_id')
    .orderBy('from_on')
    .execute();
  const changes = await activeStatusChanges(
    db,
    households.map((h) => h.id),
  );
  const openOn = new Map<string, number>();
  for (const h of households) {
    const own = periods.filter((p) => p.household_id === h.id);
    own.forEach((p, i) => {
      const next = own[i + 1];
      expect(p.from_on < p.to_on, `${h.id} ${p.from_on}`).toBe(true);
      if (next) {
        expect(p.to_on <= next.from_on, `${h.id} overlap at ${p.to_on}`).toBe(true);
        if (p.to_on === next.from_on) expect(next.status, `${h.id} split at ${p.to_on}`).not.toBe(p.status);
      } else expect(p.to_on, `${h.id} last period`).toBe(openEnded);
    });
    const history = changes.get(h.id) ?? [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const expected = day < h.received_on ? null : householdStatusOn(history, day);
      const held = own.find((p) => p.from_on <= day && day < p.to_on)?.status ?? null;
      expect(held, `${h.id} on ${day}`).toBe(expected);
      if (expected !== null && expected !== 'closed') openOn.set(day, (openOn.get(day) ?? 0) + 1);
    }
  }
  return openOn;
}

describe('状態の期間の表（status_periods）は、いつも状態の履歴から計算し直したものと同じ（規則17）', () => {
  let vault: Awaited<ReturnType<typeof signedInVault>>;
  beforeEach(async () => {
    vault = await signedInVault();
  });
  afterEach(async () => vault.close());

  it('支援開始・終結・再開、その取消と訂正、受付日の変更を無作為に重ねても、毎日の状態と年度末の件数が一致する', async () => {
    const today = '2026-11-30';
    const ctx = () => serviceCtx(vault.db, vault.userId, new Date(`${today}T01:00:00Z`));
    const g = seededRandom(20261130);
    const done = { change: 0, void: 0, correct: 0, receivedOn: 0, refused: 0 };
    /** A refusal (rule 17 keeps the history consistent) leaves everything as it was; anything else fails. */
    const attempt = async (kind: keyof typeof done, run: () => Promise<unknown>) => {
      try {
        await run();
        done[kind]++;
      } catch (err) {
        if (!(err instanceof KasaneError)) throw err;
        done.refused++;
      }
    };
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const receivedOn = addDays('2024-03-25', g.int(700));
      const household = {
        caseNo: `P-${i}`,
        receivedOn,
        label: `世帯${i}`,
        referralAgencyId: null,
        issues: [],
        note: '',
      };
      const { id } = await createHousehold(ctx(), household);
      ids.push(id);
      for (let step = 0; step < 7; step++) {
        const rows = await vault.db
          .selectFrom('status_changes')
          .selectAll()
          .where('household_id', '=', id)
          .where('voided_at', 'is', null)
          .orderBy('id')
          .execute();
        const last = rows.at(-1);
        const later = rows.filter((r) => r.status !== 'received');
        const roll = g.next();
        if (roll < 0.5 && last) {
          const on = addDays(last.changed_on, g.int(150));
          const action = last.status === 'received' ? 'start' : last.status === 'active' ? 'close' : 'reopen';
          await attempt('change', () =>
            changeHouseholdStatus(
              ctx(),
              action === 'close'
                ? { householdId: id, action, on, reason: '課題解決' }
                : { householdId: id, action, on },
            ),
          );
        } else if (roll < 0.65 && later.length > 0) {
          const target = g.pick(later);
          await attempt('void', () => voidStatusChange(ctx(), { id: target?.id ?? 0, reason: '誤って記録' }));
        } else if (roll < 0.85 && later.length > 0) {
          const target = g.pick(later);
          const on = addDays(target?.changed_on ?? receivedOn, g.int(61) - 30);
          await attempt('correct', () =>
            correctStatusChange(ctx(), { id: target?.id ?? 0, on, reason: '日付の書き誤り' }),
          );
        } else {
          const moved = addDays(household.receivedOn, g.int(41) - 20);
          await attempt('receivedOn', async () => {
            await updateHousehold(ctx(), { id, household: { ...household, receivedOn: moved } });
            household.receivedOn = moved;
          });
        }
      }
    }
    // Every kind of edit happened, and rule 17 refused some: the comparison below is not vacuous.
    for (const kind of ['change', 'void', 'correct', 'receivedOn', 'refused'] as const)
      expect(done[kind], kind).toBeGreaterThan(0);
    const openOn = await expectPeriodsFromHistory(vault.db, '2024-03-01', today);
    for (const end of ['2024-03-31', '2025-03-31', '2026-03-31', '2026-09-30'])
      expect(await openHouseholdsAt(vault.db, end), end).toBe(openOn.get(end) ?? 0);
  }, 120_000);
});

describe('移行（1060）は、規則17より前の食い違った履歴からも同じ期間を作る', () => {
  const storeAt = olderStores();

  it('日付の順と記録の順が違う、受付日より前の変更、同じ日の変更、取消、履歴のない世帯', async () => {
    const { old, upgrade } = await storeAt(1030);
    const household = old.sqlite.prepare(
      `INSERT INTO households (id, case_no, case_no_key, received_on, label, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, '世帯', 'received', 'now', 'now')`,
    );
    const change = old.sqlite.prepare(
      `INSERT INTO status_changes (household_id, status, changed_on, reason, user_id, created_at, voided_at)
       VALUES (?, ?, ?, NULL, NULL, 'now', ?)`,
    );
    const written: [string, string, [string, string, boolean?][]][] = [
      // Recorded out of date order: the 終結 recorded last is dated before the 支援開始.
      [
        'order',
        '2024-05-01',
        [
          ['received', '2024-05-01'],
          ['active', '2024-06-01'],
          ['closed', '2024-05-20'],
        ],
      ],
      // A change dated before the 受付日, and no 受付 first.
      [
        'early',
        '2024-05-01',
        [
          ['active', '2024-04-01'],
          ['closed', '2024-07-01'],
        ],
      ],
      // The first change a week after the 受付日: no status in between.
      [
        'late',
        '2024-05-01',
        [
          ['received', '2024-05-08'],
          ['active', '2024-05-10'],
        ],
      ],
      // Three changes on one day; a 再開 and an 終結 voided.
      [
        'sameDay',
        '2024-05-01',
        [
          ['received', '2024-05-01'],
          ['active', '2024-05-01'],
          ['closed', '2024-05-01'],
        ],
      ],
      [
        'voided',
        '2024-05-01',
        [
          ['received', '2024-05-01'],
          ['active', '2024-05-02'],
          ['closed', '2024-08-01'],
          ['active', '2024-09-01', true],
          ['closed', '2024-10-01', true],
        ],
      ],
      ['none', '2024-05-01', []],
    ];
    const g = seededRandom(1060);
    const statuses = ['received', 'active', 'closed'] as const;
    for (let i = 0; i < 30; i++)
      written.push([
        `random${i}`,
        addDays('2024-04-01', g.int(300)),
        Array.from({ length: g.int(6) }, () => [
          g.pick(statuses) ?? 'active',
          addDays('2024-03-01', g.int(500)),
          g.next() < 0.2,
        ]),
      ]);
    for (const [id, receivedOn, changes] of written) {
      household.run(id, id, id, receivedOn);
      for (const [status, on, voided] of changes) change.run(id, status, on, voided ? 'now' : null);
    }
    await old.close();

    const store = await upgrade();
    const openOn = await expectPeriodsFromHistory(store.db, '2024-02-01', '2025-09-01');
    expect(
      store.sqlite
        .prepare(
          `SELECT status, from_on, to_on FROM status_periods WHERE household_id = 'order' ORDER BY from_on`,
        )
        .all(),
    ).toEqual([
      { status: 'received', from_on: '2024-05-01', to_on: '2024-05-20' },
      { status: 'closed', from_on: '2024-05-20', to_on: openEnded },
    ]);
    for (const end of ['2024-03-31', '2024-06-30', '2025-03-31'])
      expect(await openHouseholdsAt(store.db, end), end).toBe(openOn.get(end) ?? 0);
    await store.close();
  });
});
