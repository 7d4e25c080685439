import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listRelations } from '../family.js';
import { listHouseholds } from '../household-page.js';
import { listMembers } from '../households.js';
import { dayCtx, serviceCtx } from '../testing/service-context.js';
import { signedInVault } from '../testing/signed-in-vault.js';
import { dumpDatabase, importCounts, type Rows, xlsxFiles } from './fixtures.js';
import { runImport } from './index.js';

const now = new Date('2026-11-22T01:00:00Z');
let vault: Awaited<ReturnType<typeof signedInVault>>;
beforeEach(async () => {
  vault = await signedInVault(() => now);
});
afterEach(async () => vault.close());

const households: Rows = [
  { 受付番号: 'R8-201', 受付日: '2026/4/1', 世帯表示名: '髙橋', 本人同意: 'なし' },
  { 受付番号: 'R8-202', 受付日: '2026/4/2', 世帯表示名: '山﨑', 本人同意: 'なし' },
];

/** Three generations: A remarried (B) after divorcing C; D, their son, lives apart; F, A's father, died. */
const members: Rows = [
  {
    受付番号: 'R8-201',
    記号: 'A',
    氏名: '髙橋 𠮷男',
    性別: '男',
    本人: '○',
    同居: '○',
    生年月日: '1980/5/1',
  },
  { 受付番号: 'R8-201', 記号: 'B', 氏名: '髙橋 花', 性別: '女', 同居: '○' },
  { 受付番号: 'R8-201', 記号: 'C', 氏名: '佐藤 薫', 性別: '女' },
  { 受付番号: 'R8-201', 記号: 'D', 氏名: '佐藤 翔', 性別: '男', 生年月日: '2005/6/1' },
  { 受付番号: 'R8-201', 記号: 'E', 氏名: '髙橋 結', 性別: '女', 同居: '○', 生年月日: '2013/9/9' },
  { 受付番号: 'R8-201', 記号: 'F', 氏名: '髙橋 茂', 性別: '男', 死亡: '令和2年' },
  { 受付番号: 'R8-201', 記号: 'G', 氏名: '髙橋 ハル', 性別: '女', 同居: '○', キーパーソン: '○' },
  { 受付番号: 'R8-202', 記号: 'A', 氏名: '山﨑 一', 本人: '○', 同居: '○' },
  { 受付番号: 'R8-202', 記号: 'B', 氏名: '山﨑 二', 同居: '◯', 死亡: null },
];

const relations: Rows = [
  { 受付番号: 'R8-201', 記号: 'F', 相手の記号: 'G', 関係: '夫婦', 年: '昭和52年' },
  { 受付番号: 'R8-201', 記号: 'F', 相手の記号: 'A', 関係: '親子' },
  { 受付番号: 'R8-201', 記号: 'G', 相手の記号: 'A', 関係: '親子' },
  { 受付番号: 'R8-201', 記号: 'A', 相手の記号: 'C', 関係: '離婚', 年: 2008 },
  { 受付番号: 'R8-201', 記号: 'B', 相手の記号: 'A', 関係: '夫婦', 年: '2012' },
  { 受付番号: 'R8-201', 記号: 'A', 相手の記号: 'D', 関係: '親子' },
  { 受付番号: 'R8-201', 記号: 'C', 相手の記号: 'D', 関係: '親子' },
  { 受付番号: 'R8-201', 記号: 'a', 相手の記号: 'E氏', 関係: '親子' },
  { 受付番号: 'R8-201', 記号: 'B', 相手の記号: 'E', 関係: '親子' },
];

const run = async (sheets: { members?: Rows; relations?: Rows; header?: string[] } = {}) =>
  runImport(serviceCtx(vault.db, vault.userId, now), {
    files: await xlsxFiles({
      世帯: { rows: households },
      世帯員: { rows: sheets.members ?? members, ...(sheets.header ? { header: sheets.header } : {}) },
      ...(sheets.relations !== undefined ? { 家族関係: { rows: sheets.relations } } : {}),
    }),
  });

const householdId = async (caseNo: string) =>
  (await listHouseholds(dayCtx(vault.db, '2026-11-22'), { query: '', sort: 'receivedOn', limit: 10 })).find(
    (h) => h.caseNo === caseNo,
  );

describe('取り込み: 世帯員の同居・死亡・キーパーソンと「家族関係」シート', () => {
  it('家族関係のあるブックを取り込み、世帯員数は同居の人だけを数える', async () => {
    const report = await run({ relations });
    expect(report).toEqual({
      ok: true,
      counts: importCounts({ households: 2, members: 9, relations: 9 }),
      errors: [],
    });
    const summary = await householdId('R8-201');
    expect(summary?.memberCount).toBe(4);
    expect((await householdId('R8-202'))?.memberCount).toBe(2);
    const people = await listMembers(vault.db, summary?.id ?? '');
    const byLabel = new Map(people.map((m) => [m.label, m]));
    expect(byLabel.get('C')).toMatchObject({ livesInHousehold: false, deceased: false });
    expect(byLabel.get('F')).toMatchObject({ livesInHousehold: false, deceased: true, deathYear: 2020 });
    expect(byLabel.get('G')).toMatchObject({ livesInHousehold: true, isKeyPerson: true });
    const lines = await listRelations(vault.db, summary?.id ?? '');
    const idOf = (label: string) => byLabel.get(label)?.id;
    expect(lines.map((r) => ({ ...r, id: undefined }))).toEqual([
      { id: undefined, kind: 'married', memberId: idOf('F'), otherMemberId: idOf('G'), year: 1977 },
      { id: undefined, kind: 'parentChild', memberId: idOf('F'), otherMemberId: idOf('A'), year: null },
      { id: undefined, kind: 'parentChild', memberId: idOf('G'), otherMemberId: idOf('A'), year: null },
      { id: undefined, kind: 'divorced', memberId: idOf('A'), otherMemberId: idOf('C'), year: 2008 },
      { id: undefined, kind: 'married', memberId: idOf('B'), otherMemberId: idOf('A'), year: 2012 },
      { id: undefined, kind: 'parentChild', memberId: idOf('A'), otherMemberId: idOf('D'), year: null },
      { id: undefined, kind: 'parentChild', memberId: idOf('C'), otherMemberId: idOf('D'), year: null },
      { id: undefined, kind: 'parentChild', memberId: idOf('A'), otherMemberId: idOf('E'), year: null },
      { id: undefined, kind: 'parentChild', memberId: idOf('B'), otherMemberId: idOf('E'), year: null },
    ]);
  });

  it('同居・死亡・キーパーソンの列がなければ、これまでどおり全員が同居として取り込む', async () => {
    const plain = members.map(({ 同居: _, 死亡: __, キーパーソン: ___, ...rest }) => rest);
    const report = await run({ members: plain });
    expect(report.ok).toBe(true);
    expect((await householdId('R8-201'))?.memberCount).toBe(7);
    const people = await listMembers(vault.db, (await householdId('R8-201'))?.id ?? '');
    expect(people.every((m) => m.livesInHousehold && !m.deceased && !m.isKeyPerson)).toBe(true);
  });

  it('循環・知らない記号・自分が親・年のある親子・亡くなった人の同居は、すべての誤りを返して何も登録しない', async () => {
    const sqlite = vault.session.signedIn().store.sqlite;
    const before = dumpDatabase(sqlite);
    const report = await run({
      members: [
        ...members.slice(0, 5),
        { 受付番号: 'R8-201', 記号: 'F', 氏名: '髙橋 茂', 性別: '男', 死亡: '令和2年', 同居: '○' },
        { 受付番号: 'R8-201', 記号: 'G', 氏名: '髙橋 ハル', 性別: '女', 同居: '○', 死亡: '令和99年' },
        ...members.slice(7),
      ],
      relations: [
        ...relations,
        { 受付番号: 'R8-201', 記号: 'E', 相手の記号: 'F', 関係: '親子' },
        { 受付番号: 'R8-201', 記号: 'A', 相手の記号: 'Z', 関係: '夫婦' },
        { 受付番号: 'R8-202', 記号: 'B', 相手の記号: 'B', 関係: '親子' },
        { 受付番号: 'R8-202', 記号: 'A', 相手の記号: 'B', 関係: '親子', 年: 2001 },
        { 受付番号: 'R8-999', 記号: 'A', 相手の記号: 'B', 関係: '夫婦' },
        { 受付番号: 'R8-202', 記号: 'A', 相手の記号: 'B', 関係: 'いとこ' },
      ],
    });
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      '世帯員 行7 同居: 亡くなった人は同居（○）にできません',
      '世帯員 行8 死亡: 「令和99年」は読み取れません（○、または亡くなった日か年（令和2年5月1日、令和2年、2020））',
      '家族関係 行11 関係: 親子関係が循環しています（記号「F」の人が記号「E」の人の祖先にもなっています）',
      '家族関係 行12 相手の記号: 「Z」は受付番号「R8-201」の世帯員の記号ではありません（この世帯の記号: A、B、C、D、E、F、G）',
      '家族関係 行13 相手の記号: 記号「B」の人が自分自身の親になっています',
      '家族関係 行14 年: 親子には年を入れません（年は結婚・離婚・別居の年です）',
      '家族関係 行15 受付番号: 「R8-999」は「世帯」シートにありません（登録済みの世帯の家族関係は、世帯員の画面で入力してください）',
      '家族関係 行16 関係: 「いとこ」は選べません（親子 / 夫婦 / 内縁 / 離婚 / 別居 のどれか）',
    ]);
    expect(dumpDatabase(sqlite)).toEqual(before);
  });

  it('同居の列があるのに世帯の誰にも ○ がなければ、世帯員が0人にならないよう誤りにする', async () => {
    const report = await run({
      members: members.map((m) => (m.受付番号 === 'R8-202' ? { ...m, 同居: null } : m)),
    });
    expect(report.errors).toEqual([
      '世帯員 行9 同居: 受付番号「R8-202」に同居（○）の人がいません（世帯で一緒に暮らす人に ○ を付けてください。同居の列を使わないときは列ごと削除すると全員が同居になります）',
    ]);
  });

  it('死亡は ○・日付・年のどれでも読み、本人は亡くなった人にできない', async () => {
    const report = await run({
      members: [
        { ...members[0], 同居: null, 死亡: '○' },
        ...members.slice(1, 5),
        { ...members[5], 死亡: new Date(Date.UTC(2019, 4, 1)) },
        { ...members[6], 死亡: null },
        ...members.slice(7),
      ],
    });
    expect(report.errors).toEqual(['世帯員 行2 死亡: 本人を亡くなった人にはできません']);
    const ok = await run({
      members: [...members.slice(0, 5), { ...members[5], 死亡: 'R1.5.1' }, ...members.slice(6)],
    });
    expect(ok.ok).toBe(true);
    const people = await listMembers(vault.db, (await householdId('R8-201'))?.id ?? '');
    expect(people.find((m) => m.label === 'F')).toMatchObject({ deathDate: '2019-05-01', deathYear: 2019 });
  });
});
