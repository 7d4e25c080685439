import { describe, expect, it } from 'vitest';
import { listHouseholds } from '../household-page.js';
import { listMembers } from '../households.js';
import { livingAsListed } from '../testing/members.js';
import { dayCtx, serviceCtx } from '../testing/service-context.js';
import { signedInVault } from '../testing/signed-in-vault.js';
import { parseCsv } from './csv.js';
import { csvBytes, fileOf, importCounts, type SheetData, xlsxBytes } from './fixtures.js';
import { runImport } from './index.js';

const now = new Date('2026-11-22T01:00:00Z');
const today = '2026-11-22';

describe('CSV の読み方（RFC 4180）', () => {
  it('引用符・二重の引用符・CRLF・引用符の中の改行とコンマを読み分ける', () => {
    const text = 'a,"b,c","say ""hi"""\r\n"1\r\n2",,3\n"",x,\r\nlast';
    expect(parseCsv(text)).toEqual([['a', 'b,c', 'say "hi"'], ['1\r\n2', '', '3'], ['', 'x', ''], ['last']]);
    expect(parseCsv('a,b\r\n')).toEqual([['a', 'b']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('値の途中の「"」はそのまま読み、CR だけの改行も行の区切りになる', () => {
    expect(parseCsv('a"b,c\rd,"e"\r\n')).toEqual([
      ['a"b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('閉じられていない引用符は、始まった行を示す誤りになる', async () => {
    const vault = await signedInVault(() => now);
    try {
      const bytes = Buffer.from(
        '受付番号,受付日,世帯表示名,本人同意\r\nR8-001,2026/4/1,"山田,なし\r\n',
        'utf8',
      );
      const report = await runImport(serviceCtx(vault.db, vault.userId, now), {
        files: [fileOf('世帯.csv', bytes)],
      });
      expect(report.errors).toEqual(['ファイル「世帯.csv」 行2: 「"」で始まった値が閉じられていません']);
    } finally {
      await vault.close();
    }
  });
});

describe('ファイルの選び方と中身の誤り', () => {
  it('xlsx と CSV の混在・.xls・UTF-16・知らない名前の CSV・CSV の制御文字は、それぞれ誤りとして返す', async () => {
    const vault = await signedInVault(() => now);
    try {
      const header = '受付番号,受付日,世帯表示名,本人同意\r\n';
      const files = [
        fileOf('台帳.xlsx', await xlsxBytes({ 世帯: { rows: [] } })),
        fileOf('世帯.csv', Buffer.from(header, 'utf8')),
        fileOf('古い台帳.xls', Buffer.from('not really')),
        fileOf('世帯員.csv', Buffer.from(`\ufeff${header}`, 'utf16le')),
        fileOf('世帯 (1).csv', Buffer.from(header, 'utf8')),
      ];
      const report = await runImport(serviceCtx(vault.db, vault.userId, now), { files: files });
      expect(report.errors).toEqual([
        'Excel ブック（.xlsx）を1つだけ、または CSV ファイルだけを選んでください',
        'ファイル「古い台帳.xls」: 古い形式（.xls）は読めません。Excel で .xlsx として保存し直してください',
        'ファイル「世帯員.csv」: UTF-16 の CSV は読めません。Excel の「CSV（コンマ区切り）」か「CSV UTF-8」で保存し直してください',
        'シート「世帯」が2つあります（1つにまとめてください）',
        'シート「世帯 (1)」は取り込めません（取り込めるシート: 世帯、世帯員、家族関係、会議、出席者、プラン。CSV ではファイル名がシート名です）',
      ]);
      const bell = fileOf('世帯.csv', Buffer.from(`${header}R8-001,2026/4/1,ベル\u0007,なし\r\n`, 'utf8'));
      expect((await runImport(serviceCtx(vault.db, vault.userId, now), { files: [bell] })).errors).toEqual([
        '世帯 行2 世帯表示名: 改行とタブ以外の制御文字が含まれています',
      ]);
    } finally {
      await vault.close();
    }
  });
});

const households: SheetData = {
  rows: [
    {
      受付番号: 'R8-001',
      受付日: '令和8年4月1日',
      世帯表示名: '髙橋',
      本人同意: 'あり',
      同意取得日: 'R8.5.1',
      同意範囲: '地域包括支援センター',
      課題: '8050、ダブルケア',
      備考: '「話した」, "引用"\r\n次の行',
    },
    {
      受付番号: 'R8-002',
      受付日: '２０２６／４／２',
      世帯表示名: '山﨑',
      本人同意: 'なし',
      状態: '終結',
      終結日: '2026-10-01',
      終結理由: '転出',
    },
  ],
};
const members: SheetData = {
  rows: [
    {
      受付番号: 'R8-001',
      記号: 'A',
      氏名: '髙橋 﨑子',
      ふりがな: 'たかはし さきこ',
      性別: '女',
      本人: '○',
      生年月日: '昭和15年2月3日',
    },
    {
      受付番号: 'R8-001',
      記号: 'B',
      氏名: '髙橋 一郎',
      ふりがな: 'タカハシ イチロウ',
      続柄: '長男',
      性別: '男',
    },
    { 受付番号: 'R8-002', 記号: 'A', 氏名: '山﨑 ①', 性別: '' },
  ],
};

async function importedWith(encoding: 'cp932' | 'utf8-bom' | 'utf8') {
  const vault = await signedInVault(() => now);
  try {
    const report = await runImport(serviceCtx(vault.db, vault.userId, now), {
      files: [
        fileOf('世帯.csv', csvBytes('世帯', households, encoding)),
        fileOf('世帯員.csv', csvBytes('世帯員', members, encoding)),
      ],
    });
    const listed = await listHouseholds(dayCtx(vault.db, today), {
      query: '',
      sort: 'receivedOn',
      limit: 10,
    });
    const notes = await vault.db
      .selectFrom('households')
      .select(['case_no', 'note'])
      .orderBy('case_no')
      .execute();
    const people = await Promise.all(
      listed.map(async (h) => (await listMembers(vault.db, h.id)).map(({ id: _, ...m }) => m)),
    );
    return { report, households: listed.map(({ id: _, ...h }) => h), notes, people };
  } finally {
    await vault.close();
  }
}

describe('CSV の文字コード', () => {
  it('Shift_JIS（CP932）・BOM 付き UTF-8・BOM なし UTF-8 の CSV は同じ結果になる', async () => {
    const cp932 = await importedWith('cp932');
    expect(cp932.report).toEqual({
      ok: true,
      counts: importCounts({ households: 2, members: 3, consents: 1 }),
      errors: [],
    });
    expect(cp932.households).toMatchObject([
      { caseNo: 'R8-002', label: '山﨑', status: 'closed', consent: 'none', receivedOn: '2026-04-02' },
      { caseNo: 'R8-001', label: '髙橋', consent: 'granted', issues: ['8050', 'ダブルケア'], memberCount: 2 },
    ]);
    expect(cp932.people[1]).toEqual([
      {
        label: 'A',
        name: '髙橋 﨑子',
        kana: 'たかはし さきこ',
        relationship: '',
        birthDate: '1940-02-03',
        sex: 'female',
        isPrincipal: true,
        ...livingAsListed,
      },
      {
        label: 'B',
        name: '髙橋 一郎',
        kana: 'タカハシ イチロウ',
        relationship: '長男',
        birthDate: null,
        sex: 'male',
        isPrincipal: false,
        ...livingAsListed,
      },
    ]);
    expect(cp932.people[0]).toMatchObject([{ name: '山﨑 ①', sex: 'unknown' }]);
    expect(cp932.notes[0]?.note).toBe('「話した」, "引用"\n次の行');
    expect(await importedWith('utf8-bom')).toEqual(cp932);
    expect(await importedWith('utf8')).toEqual(cp932);
  });
});
