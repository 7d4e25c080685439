import { Document, type IXmlableObject, Packer, Paragraph, type TextRun, XmlComponent } from 'docx';
import JSZip from 'jszip';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { familySheetImages, renderFamilySheet } from '../drawings/family-sheet.js';
import { drawGenogram } from '../drawings/genogram.js';
import { renderListDocx } from '../lists/list-table.js';
import { defaultOfficeSettings } from '../office-settings.js';
import { statisticsWordReport } from '../statistics/word-report.js';
import { twelvePeople } from '../testing/genogram-fixtures.js';
import { compileParts } from './compile.js';
import { compileWith, type PackedDocument, type PartsCompiler, packDocument } from './document.js';
import {
  consentedFormData,
  hostileFormData,
  longLetterData,
  longTextFormData,
  unconsentedFormData,
} from './form-fixtures.js';
import { noticeSpec } from './form1-meeting-notice.js';
import {
  type FormData,
  type LayoutFonts,
  renderCollectionChecklist,
  renderForm,
  renderMeetingNoticePerAgency,
  systemLayoutFonts,
} from './index.js';
import type { PackageParts } from './zip-parts.js';

/** docx's own compiler, what Packer.toBuffer zips: the bytes compileParts must write. */
const docxCompiler: PartsCompiler = (file: Document, overrides) => {
  const compiler: { compile(f: Document, p: undefined, o: { path: string; data: string }[]): PackageParts } =
    // biome-ignore lint/complexity/useLiteralKeys: the member is private; TypeScript reads it only by index
    Packer['compiler'];
  return { parts: compiler.compile(file, undefined, [...overrides]), known: new Set() };
};

async function partsOf(bytes: Buffer): Promise<[string, Buffer][]> {
  const zip = await JSZip.loadAsync(bytes);
  return Promise.all(
    Object.values(zip.files).map(async (f) => [f.name, await f.async('nodebuffer')] as [string, Buffer]),
  );
}

let restore = () => {};
afterEach(() => restore());

/** Writes the document with docx's compiler and with compileParts; every part, in order, must be the same bytes. */
async function expectSameAsDocx(render: () => Promise<PackedDocument | PackedDocument[]>): Promise<void> {
  restore = compileWith(docxCompiler);
  const byDocx = [await render()].flat();
  restore();
  const ours = [await render()].flat();
  expect(ours.length).toBe(byDocx.length);
  for (const [i, doc] of ours.entries()) {
    const expected = await partsOf(byDocx[i]?.bytes ?? Buffer.alloc(0));
    const actual = await partsOf(doc.bytes);
    expect(actual.map(([name]) => name)).toEqual(expected.map(([name]) => name));
    for (const [j, [name, bytes]] of actual.entries())
      expect({ name, xml: bytes.toString('utf8') }).toEqual({ name, xml: expected[j]?.[1].toString('utf8') });
    // The zip around them too: same parts, same date, same compression.
    expect(doc.bytes.equals(byDocx[i]?.bytes ?? Buffer.alloc(0))).toBe(true);
    expect(doc.pages).toEqual(byDocx[i]?.pages);
  }
}

const fixtures: Record<string, () => FormData> = {
  consented: consentedFormData,
  unconsented: unconsentedFormData,
  hostile: hostileFormData,
  longText: longTextFormData,
  longLetter: longLetterData,
};
const copies = { '1部': null, '配布番号 3／14': { number: 3, total: 14 } };

let layout: LayoutFonts | null = null;
beforeAll(async () => {
  layout = await systemLayoutFonts();
  if (!layout) throw new Error('BIZ UD フォントがありません（fonts-morisawa-bizud-mincho / -gothic）');
});

describe('compileParts は docx のコンパイラと同じバイト列のパーツを書く', () => {
  describe.each(Object.keys(fixtures))('%s', (fixture) => {
    const data = () => fixtures[fixture]?.() as FormData;
    it.each([1, 2, 3, 4, 5] as const)(
      '重層会議様式%i（1部・配布番号付き、レイアウトあり・なし）',
      async (form) => {
        for (const copy of Object.values(copies))
          for (const fonts of [null, layout])
            await expectSameAsDocx(() => renderForm(form, { ...data(), copy }, fonts));
      },
    );
  });

  it('機関ごとの様式1と回収チェック表', async () => {
    const data = consentedFormData();
    await expectSameAsDocx(async () =>
      (await renderMeetingNoticePerAgency(data, layout)).map((letter) => letter.document),
    );
    const agencies = data.notice.addressees.map((a) => a.agencyName);
    await expectSameAsDocx(() =>
      renderCollectionChecklist(
        data,
        {
          documents: ['重層会議様式2 会次第'],
          copies: agencies.map((recipient, i) => ({ number: i + 1, recipient })),
        },
        layout,
      ),
    );
  });

  it('一覧と統計の報告書', async () => {
    await expectSameAsDocx(() =>
      renderListDocx(
        {
          title: '世帯一覧',
          orientation: 'landscape',
          facts: ['作成日：令和8年11月30日'],
          columns: [
            { label: '番号', ratio: 1, sheetWidth: 6, align: 'right' },
            { label: '世帯', ratio: 4, sheetWidth: 20 },
          ],
          sections: [
            {
              heading: '支援中',
              rows: [
                ['1', 'A氏世帯'],
                ['2', '<B&"氏\'>世帯'],
              ],
            },
            { heading: '終結', rows: [] },
          ],
          empty: '該当なし',
          warning: '取扱注意',
          author: '鹿屋市福祉政策課',
          createdAt: new Date('2026-11-30T00:00:00Z'),
        },
        layout,
      ),
    );
    const values = { '2025': 12, '2026': 3 };
    await expectSameAsDocx(() =>
      statisticsWordReport(
        {
          fiscalYears: [2025, 2026],
          threshold: 3,
          main: [{ item: '複合的課題を抱える相談者（件数）', values }],
          breakdowns: { 課題: [{ label: '8050', values }] },
          suppression: { primary: 0, secondary: 0, explanation: '' },
        },
        { municipalityName: '鹿屋市', departmentName: '福祉政策課' },
        '2026-05-01',
      ),
    );
  });

  it('図を載せた別添資料（家族構成図・エコマップ）', async () => {
    const sheet = {
      office: defaultOfficeSettings,
      warningFooter: '取扱注意',
      householdTitle: 'A氏世帯',
      asOf: '2026-11-30',
      meetingLine: null,
      genogramSvg: drawGenogram(twelvePeople),
      ecoMapSvg: drawGenogram(twelvePeople),
      copy: { number: 2, total: 5 },
      createdAt: new Date('2026-11-30T00:00:00Z'),
    };
    const images = await familySheetImages(sheet);
    await expectSameAsDocx(() => renderFamilySheet(sheet, layout, images));
  });
});

describe('様式1 の手紙は宛先以外を一度だけ整形し、手紙ごとに作り直したのと同じファイルになる', () => {
  it.each(Object.keys(fixtures))('%s', async (fixture) => {
    for (const copy of Object.values(copies))
      for (const fonts of [null, layout]) {
        const data = { ...(fixtures[fixture]?.() as FormData), copy };
        const built = await packDocument(noticeSpec(data, data.notice.addressees, false), fonts);
        const shared = await packDocument(noticeSpec(data, data.notice.addressees, true), fonts);
        const xml = async (d: PackedDocument) =>
          (await partsOf(d.bytes)).map(([name, bytes]) => `${name}\n${bytes.toString('utf8')}`);
        expect(await xml(shared)).toEqual(await xml(built));
        expect(shared.bytes.equals(built.bytes)).toBe(true);
        expect(shared.pages).toEqual(built.pages);
      }
  });
});

/** A tree as a component may hand it over, written as it is (a run, to docx's types). */
class Raw extends XmlComponent {
  constructor(private readonly tree: IXmlableObject) {
    super('w:r');
  }

  override prepForXml(): IXmlableObject {
    return this.tree;
  }
}

describe('partXml は docx の書き方の癖まで同じに書く', () => {
  const trees: Record<string, unknown> = {
    'text after an element replaces it': { 'w:r': [{ 'w:t': 'a' }, 'b', { 'w:t': 'c' }] },
    'attributes anywhere among the children': {
      'w:r': [{ 'w:t': 'a' }, { _attr: { 'w:x': 1 } }, { 'w:t': 'b' }],
    },
    'an empty array is not self-closing': { 'w:r': [] },
    'an attribute-only object is self-closing': { 'w:b': { _attr: { 'w:val': false, 'w:y': undefined } } },
    'an empty object': { 'w:b': {} },
    'numbers, booleans and undefined as content': {
      'w:r': [{ 'w:t': 3 }, { 'w:t': true }, { 'w:t': undefined }],
    },
    'null children': { 'w:r': null },
    'CDATA with its end in it': { 'w:r': { _cdata: 'a]]>b<&' } },
    'escapes and dropped controls': { 'w:t': `<&>"'\u0001\u000b\t\n` },
    'only the first key names the element': { 'w:r': [{ 'w:t': 'a' }], 'w:ignored': 'x' },
  };
  it.each(Object.keys(trees))('%s', (name) => {
    const write = (compile: PartsCompiler) =>
      compile(
        new Document({
          sections: [
            {
              children: [
                new Paragraph({ children: [new Raw(trees[name] as IXmlableObject) as unknown as TextRun] }),
              ],
            },
          ],
        }),
        [],
      ).parts.get('word/document.xml');
    expect(write(compileParts)).toBe(write(docxCompiler));
  });
});
