import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema.js';
import { foldForSearch, householdSearchText } from '../../db/search-fold.js';
import { listHouseholds } from './household-page.js';
import { searchHouseholdIds, searchPage } from './household-search.js';
import { insertHousehold, replaceMembers } from './households.js';
import { livingMember } from './testing/members.js';
import { type PlannedStatement, withPlans } from './testing/query-plans.js';
import { dayCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';

const now = new Date('2026-11-22T01:00:00Z');
const today = '2026-11-22';
let vault: Awaited<ReturnType<typeof signedInVault>>;
beforeAll(async () => {
  vault = await signedInVault();
});
afterAll(async () => vault.close());

interface Person {
  name: string;
  kana: string;
}
interface Household {
  caseNo: string;
  receivedOn: string;
  label: string;
  members: Person[];
}

async function insertAll(db: Kysely<Database>, households: readonly Household[]): Promise<void> {
  for (const h of households) {
    const id = await insertHousehold(
      db,
      null,
      {
        caseNo: h.caseNo,
        receivedOn: h.receivedOn,
        label: h.label,
        referralAgencyId: null,
        issues: [],
        note: '',
      },
      now,
    );
    await replaceMembers(
      db,
      id,
      h.members.map((m, i) => ({
        ...m,
        relationship: i === 0 ? '本人' : '家族',
        birthDate: null,
        sex: 'unknown' as const,
        isPrincipal: i === 0,
        ...livingMember,
      })),
      { userId: null, now },
    );
  }
}

/** Runs `use` on the households inside a transaction that is then rolled back. */
async function withHouseholds(
  on: Kysely<Database>,
  households: readonly Household[],
  use: (db: Kysely<Database>) => Promise<void>,
) {
  const rollback = new Error('rollback');
  await on
    .transaction()
    .execute(async (trx) => {
      await insertAll(trx, households);
      await use(trx);
      throw rollback;
    })
    .catch((err) => {
      if (err !== rollback) throw err;
    });
}

/** SQLite's BINARY order (UTF-8 bytes, so code points), not JavaScript's UTF-16 units. */
function byCodePoints(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0) ?? 0);
  const y = [...b].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

describe('検索はどの長さでも索引を引く（design.md の予算）', () => {
  const people = ['山田 太郎', '𠮷田 花子', '髙橋 一郎', '山﨑 美咲', '佐藤 健', '田中 由美'];
  const kana = [
    'やまだ たろう',
    'よしだ はなこ',
    'たかはし いちろう',
    'やまざき みさき',
    'さとう けん',
    'たなか ゆみ',
  ];
  const ledger: Household[] = Array.from({ length: 300 }, (_, i) => ({
    caseNo: `R6-${String(i).padStart(4, '0')}`,
    receivedOn: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    label: `${people[i % people.length]?.slice(0, 2)}氏世帯`,
    members: [0, 1, 2].map((m) => ({
      name: people[(i + m) % people.length] ?? '',
      kana: kana[(i + m) % kana.length] ?? '',
    })),
  }));

  /** Every statement listHouseholds runs, as SQLite plans it. */
  async function plansOf(input: Parameters<typeof listHouseholds>[1]): Promise<PlannedStatement[]> {
    const { result: found, statements } = await withPlans(vault.session.signedIn().store.sqlite, (db) =>
      listHouseholds(dayCtx(db, today), input),
    );
    expect(found.length).toBeGreaterThan(0);
    return statements;
  }

  /** The names households and members go by in a statement (the tables and their aliases). */
  function namesOf(sql: string): Set<string> {
    const names = new Set(['households', 'members']);
    for (const m of sql.matchAll(/"?\b(households|members)\b"?(?:\s+as)?\s+"?([a-z_]+)"?/gi))
      if (m[2] && !/^(where|on|join|cross|left|inner|order|group|limit|select|set)$/i.test(m[2]))
        names.add(m[2]);
    return names;
  }

  beforeAll(async () => {
    await vault.db.transaction().execute((trx) => insertAll(trx, ledger));
  });

  for (const query of ['田', '山田', 'やまだ', 'たかはしいち', 'R6-0123', '𠮷', '髙橋一郎']) {
    for (const [sort, direction] of [
      ['receivedOn', undefined],
      ['receivedOn', 'ascending'],
      ['kana', undefined],
      ['kana', 'descending'],
      ['caseNo', undefined],
      ['caseNo', 'descending'],
    ] as const) {
      it(`「${query}」（${[...query].length}文字・${sort}順${direction === undefined ? '' : `・${direction}`}）: 世帯も世帯員も全件は読まない`, async () => {
        for (const { sql, plan } of await plansOf({ query, sort, direction, limit: 50 })) {
          const names = namesOf(sql);
          const scans = plan.filter((line) => {
            const scanned = line.match(/^SCAN (\S+)/)?.[1];
            return scanned !== undefined && names.has(scanned);
          });
          expect(scans, `${sql}\n${plan.join('\n')}`).toEqual([]);
        }
      });
    }
  }

  it('絞り込み（状態・課題・年度）と一緒でも、索引から引く', async () => {
    for (const { sql, plan } of await plansOf({
      query: '山',
      sort: 'receivedOn',
      limit: 20,
      status: 'received',
      fiscalYear: 2024,
    })) {
      const names = namesOf(sql);
      expect(
        plan.filter((line) => names.has(line.match(/^SCAN (\S+)/)?.[1] ?? '')),
        plan.join('\n'),
      ).toEqual([]);
    }
  });

  for (const [query, sort] of [
    ['山田', 'kana'],
    ['たかはしいち', 'kana'],
    ['山田', 'receivedOn'],
  ] as const)
    it(`索引の順が一覧の順の場所だけなら、「${query}」の1ページ（${sort}）は1文で、一覧の行を主キーで引き、並べ替えない`, async () => {
      const statements = await plansOf({ query, sort, limit: 50 });
      expect(statements).toHaveLength(1);
      const plan = statements[0]?.plan.join('\n') ?? '';
      expect(plan).toMatch(/SCAN s VIRTUAL TABLE INDEX \d+:M/);
      expect(plan).toMatch(/SEARCH r USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      expect(plan).toMatch(/SEARCH d USING PRIMARY KEY \(list_order=\? AND place=\?\)/);
      if ([...query].length > 3) expect(plan).toMatch(/SEARCH t USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    });

  it('検索語の文字はどれも索引の表から引かれる（MATCH）', async () => {
    const plans = await plansOf({ query: '山田', sort: 'receivedOn', limit: 50 });
    expect(plans.some((p) => p.plan.some((line) => /VIRTUAL TABLE INDEX \d+:M/.test(line)))).toBe(true);
  });
});

describe('索引で探した結果は、全件を調べた結果と同じ（並び順・件数とも）', () => {
  const chars = ['山', '田', '吉', '𠮷', '髙', '高', 'あ', 'い', 'ア', 'a', '1', '-', '%', '_', '"'];
  const text = (min: number, max: number) =>
    fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((c) => c.join(''));
  const household = fc.record({
    receivedOn: fc.constantFrom('2024-04-01', '2024-04-02', '2025-01-31', '2025-02-01'),
    prefix: fc.constantFrom('R6-', 'R7-', 'B', 'あ', ''),
    label: text(0, 4),
    members: fc.array(fc.record({ name: text(0, 5), kana: text(0, 6) }), { maxLength: 3 }),
  });

  let own: Awaited<ReturnType<typeof signedInVault>>;
  beforeAll(async () => {
    own = await signedInVault();
  });
  afterAll(async () => own.close());

  it('受付日順・ふりがな順・受付番号順（どちら向きでも）、1ページが小さくても', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(household, { minLength: 1, maxLength: 25 }),
        fc.array(text(1, 7), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        async (drawn, queries, limit, tiedCap) => {
          const households = drawn.map((h, i) => ({ ...h, caseNo: `${h.prefix}${i}` }));
          await withHouseholds(own.db, households, async (db) => {
            const rows = await db
              .selectFrom('households')
              .select(['id', 'case_no', 'received_on', 'sort_kana'])
              .execute();
            const byCaseNo = new Map(households.map((h) => [h.caseNo, h]));
            for (const query of queries) {
              const key = foldForSearch(query);
              const found = rows.filter((r) => {
                const h = byCaseNo.get(r.case_no);
                const texts = [
                  r.case_no,
                  h?.label ?? '',
                  ...(h?.members ?? []).flatMap((m) => [m.name, m.kana]),
                ];
                return (
                  key !== '' &&
                  householdSearchText(texts)
                    .split('\u0001')
                    .some((t) => t.includes(key))
                );
              });
              const received = [...found]
                .sort(
                  (a, b) => byCodePoints(b.received_on, a.received_on) || byCodePoints(b.case_no, a.case_no),
                )
                .map((r) => r.id);
              const kana = [...found]
                .sort((a, b) => byCodePoints(a.sort_kana, b.sort_kana) || byCodePoints(a.case_no, b.case_no))
                .map((r) => r.id);
              expect(await searchHouseholdIds(db, { query, sort: 'receivedOn', limit }), query).toEqual(
                received.slice(0, limit),
              );
              expect(await searchHouseholdIds(db, { query, sort: 'kana', limit }), query).toEqual(
                kana.slice(0, limit),
              );
              expect(await searchHouseholdIds(db, { query, sort: 'kana', limit: null }), query).toEqual(kana);
              // The other way round (the header pressed twice): the same lists reversed, ties included.
              expect(
                await searchHouseholdIds(db, { query, sort: 'receivedOn', direction: 'ascending', limit }),
                query,
              ).toEqual(received.toReversed().slice(0, limit));
              expect(
                await searchHouseholdIds(db, { query, sort: 'kana', direction: 'descending', limit }),
                query,
              ).toEqual(kana.toReversed().slice(0, limit));
              // The page's one statement (searchPage) gives the same, whether it reads the last place
              // whole or walks it (more matches there than tiedCap).
              const page = async (sort: 'receivedOn' | 'kana', direction: 'ascending' | 'descending') =>
                (await searchPage(db, { query, sort, direction, limit, tiedCap })).map((r) => r.id);
              expect(await page('receivedOn', 'descending'), query).toEqual(received.slice(0, limit));
              expect(await page('receivedOn', 'ascending'), query).toEqual(
                received.toReversed().slice(0, limit),
              );
              expect(await page('kana', 'ascending'), query).toEqual(kana.slice(0, limit));
              expect(await page('kana', 'descending'), query).toEqual(kana.toReversed().slice(0, limit));
              // With a 年度's range, only the households inside it, in the same order.
              const inRange = new Set(
                rows
                  .filter((r) => r.received_on >= '2024-04-02' && r.received_on <= '2025-01-31')
                  .map((r) => r.id),
              );
              const filters = { receivedFrom: '2024-04-02', receivedTo: '2025-01-31' };
              for (const [sort, direction, all] of [
                ['kana', 'ascending', kana],
                ['receivedOn', 'descending', received],
              ] as const)
                expect(
                  (await searchPage(db, { query, sort, direction, limit, filters, tiedCap })).map(
                    (r) => r.id,
                  ),
                  query,
                ).toEqual(all.filter((id) => inRange.has(id)).slice(0, limit));
              const caseNos = [...found].sort((a, b) => byCodePoints(a.case_no, b.case_no)).map((r) => r.id);
              expect(await searchHouseholdIds(db, { query, sort: 'caseNo', limit }), query).toEqual(
                caseNos.slice(0, limit),
              );
              expect(
                await searchHouseholdIds(db, { query, sort: 'caseNo', direction: 'descending', limit }),
                query,
              ).toEqual(caseNos.toReversed().slice(0, limit));
            }
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('同じふりがなの世帯が多くても、索引の順に必要な件数だけ読んで、全件を調べた結果と同じ', () => {
  // One place holds many households (one principal's ふりがな, or none): the page's last place is
  // walked through the ふりがな index instead of sorting all its matches (household-search.ts).
  const chars = ['山', '田', '吉', '𠮷', 'あ', 'ア', '1', '-'];
  const text = (min: number, max: number) =>
    fc.array(fc.constantFrom(...chars), { minLength: min, maxLength: max }).map((c) => c.join(''));
  const household = fc.record({
    principalKana: fc.constantFrom('やまだ', 'やまだ', 'やまだたろう', 'やまだたろうじ', '', 'ヤマダ1'),
    caseNo: fc.constantFrom('R6-', 'R7-', 'B', 'あ'),
    name: text(1, 4),
    others: fc.array(text(1, 4), { maxLength: 2 }),
  });

  let own: Awaited<ReturnType<typeof signedInVault>>;
  beforeAll(async () => {
    own = await signedInVault();
  });
  afterAll(async () => own.close());

  it('ふりがな順・受付日順（どちら向きでも）、絞り込みがあっても', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(household, { minLength: 20, maxLength: 40 }),
        fc.array(text(1, 2), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 12 }),
        async (drawn, queries, limit, tiedCap) => {
          const households = drawn.map((h, i) => ({
            caseNo: `${h.caseNo}${i % 7}${i}`,
            receivedOn: i % 2 === 0 ? '2024-04-01' : '2025-04-01',
            label: '',
            members: [
              { name: h.name, kana: h.principalKana },
              ...h.others.map((name) => ({ name, kana: '' })),
            ],
          }));
          await withHouseholds(own.db, households, async (db) => {
            const rows = await db
              .selectFrom('households')
              .select(['id', 'case_no', 'received_on', 'sort_kana'])
              .execute();
            const byCaseNo = new Map(households.map((h) => [h.caseNo, h]));
            for (const query of queries) {
              const key = foldForSearch(query);
              const found = rows
                .filter((r) => {
                  const h = byCaseNo.get(r.case_no);
                  const texts = [r.case_no, ...(h?.members ?? []).flatMap((m) => [m.name, m.kana])];
                  return householdSearchText(texts)
                    .split('\u0001')
                    .some((t) => t.includes(key));
                })
                .sort((a, b) => byCodePoints(a.sort_kana, b.sort_kana) || byCodePoints(a.case_no, b.case_no));
              expect(await searchHouseholdIds(db, { query, sort: 'kana', limit }), query).toEqual(
                found.slice(0, limit).map((r) => r.id),
              );
              expect(
                await searchHouseholdIds(db, { query, sort: 'kana', direction: 'descending', limit }),
                query,
              ).toEqual(
                found
                  .toReversed()
                  .slice(0, limit)
                  .map((r) => r.id),
              );
              // 受付日 order: two days hold every household, so its places are walked too.
              const received = [...found].sort(
                (a, b) => byCodePoints(b.received_on, a.received_on) || byCodePoints(b.case_no, a.case_no),
              );
              expect(await searchHouseholdIds(db, { query, sort: 'receivedOn', limit }), query).toEqual(
                received.slice(0, limit).map((r) => r.id),
              );
              expect(
                await searchHouseholdIds(db, { query, sort: 'receivedOn', direction: 'ascending', limit }),
                query,
              ).toEqual(
                received
                  .toReversed()
                  .slice(0, limit)
                  .map((r) => r.id),
              );
              const page = async (sort: 'receivedOn' | 'kana', direction: 'ascending' | 'descending') =>
                (await searchPage(db, { query, sort, direction, limit, tiedCap })).map((r) => r.id);
              expect(await page('kana', 'ascending'), query).toEqual(found.slice(0, limit).map((r) => r.id));
              expect(await page('kana', 'descending'), query).toEqual(
                found
                  .toReversed()
                  .slice(0, limit)
                  .map((r) => r.id),
              );
              expect(await page('receivedOn', 'descending'), query).toEqual(
                received.slice(0, limit).map((r) => r.id),
              );
              expect(await page('receivedOn', 'ascending'), query).toEqual(
                received
                  .toReversed()
                  .slice(0, limit)
                  .map((r) => r.id),
              );
              const in2024 = found.filter((r) => r.received_on < '2025-01-01');
              expect(
                (
                  await searchPage(db, {
                    query,
                    sort: 'kana',
                    limit,
                    tiedCap,
                    filters: { receivedFrom: '2024-04-01', receivedTo: '2024-12-31' },
                  })
                ).map((r) => r.id),
                query,
              ).toEqual(in2024.slice(0, limit).map((r) => r.id));
              expect(
                await searchHouseholdIds(db, {
                  query,
                  sort: 'kana',
                  limit,
                  filters: { receivedFrom: '2024-04-01', receivedTo: '2024-12-31' },
                }),
                query,
              ).toEqual(in2024.slice(0, limit).map((r) => r.id));
            }
          });
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('同じふりがなの世帯が多いページも、索引から引く（EXPLAIN QUERY PLAN）', () => {
  let own: Awaited<ReturnType<typeof signedInVault>>;
  beforeAll(async () => {
    own = await signedInVault();
    // 400 households whose principals share one ふりがな: every page of them ends inside one place.
    // Entered last 受付番号 first, so no place holds them by key in the list's order (migration 1091),
    // and on two days, so that each place has more matches than a page's statement reads.
    const ledger: Household[] = Array.from({ length: 400 }, (_, n) => 399 - n).map((i) => ({
      caseNo: `R6-${String(i).padStart(4, '0')}`,
      receivedOn: `2024-0${(i % 2) + 4}-01`,
      label: '',
      members: [
        { name: `山田 太郎${i}`, kana: 'やまだ たろう' },
        { name: `山田 花子${i}`, kana: 'やまだ はなこ' },
      ],
    }));
    await own.db.transaction().execute((trx) => insertAll(trx, ledger));
  });
  afterAll(async () => own.close());

  for (const [sort, direction] of [
    ['kana', 'ascending'],
    ['kana', 'descending'],
    ['receivedOn', 'ascending'],
    ['receivedOn', 'descending'],
  ] as const) {
    it(`${sort === 'kana' ? 'ふりがな' : '受付日'}順（${direction}）: 世帯・世帯員・検索行のどれも全件は読まない`, async () => {
      const { result: found, statements } = await withPlans(own.session.signedIn().store.sqlite, (db) =>
        listHouseholds(dayCtx(db, today), { query: '山田', sort, direction, limit: 50 }),
      );
      expect(found).toHaveLength(50);
      // The place's households were walked through the ふりがな index, not sorted.
      expect(statements.some((q) => q.sql.includes('instr(t.text'))).toBe(true);
      for (const q of statements) {
        const { plan } = q;
        // A table read whole; the FTS tables, a JSON list of ids, subqueries' and the page statement's
        // own rows (its WITH tables) are not tables.
        const scans = plan.filter(
          (line) =>
            /^SCAN (?!CONSTANT ROW|\(subquery|(?:first|edge|tied|p)$)/.test(line) &&
            !/VIRTUAL TABLE|json_each/.test(line),
        );
        expect(scans, `${q.sql}\n${plan.join('\n')}`).toEqual([]);
        if (q.sql.includes('instr(t.text'))
          expect(plan.join('\n'), q.sql).toMatch(
            sort === 'kana'
              ? /SEARCH h USING INDEX households_sort_kana/
              : /SEARCH h USING INDEX households_received_on/,
          );
        if (q.sql.includes('rowid" >=')) expect(plan.join('\n'), q.sql).not.toMatch(/USE TEMP B-TREE/);
      }
    });
  }
});
