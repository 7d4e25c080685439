import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { progressNoteInputSchema } from '../../ipc/schemas/households.js';
import {
  caseRecordExportInputSchema,
  householdListExportInputSchema,
  meetingListExportInputSchema,
} from '../../ipc/schemas/lists.js';
import { addConsent } from '../consent.js';
import { DocumentGate, type GateContext } from '../document-gate.js';
import { createHousehold, saveMembers } from '../households.js';
import { confidentialityWarning } from '../legal.js';
import { createMeeting } from '../meetings.js';
import { saveOfficeSettings } from '../office-settings.js';
import { folderPlatform } from '../platform.js';
import { saveProgressNote, voidProgressNote } from '../progress-notes.js';
import { docxToPdf, pdfText, pdfToPng, xlsxToPdf } from '../testing/libreoffice.js';
import { finishedOffice } from '../testing/meeting-documents-fixture.js';
import { householdForMeetings, meetingNow } from '../testing/meeting-fixture.js';
import { livingMember } from '../testing/members.js';
import { serviceCtx } from '../testing/service-context.js';
import { signedInVault } from '../testing/signed-in-vault.js';
import { caseRecordDocument } from './case-record.js';
import { householdListDocument } from './household-list.js';
import { meetingListDocument } from './meeting-list.js';

/** The names of householdForMeetings' 支援会議 household, whole and in parts, and their 異体字-folded forms. */
const realNames = [
  '𠮷田',
  '吉田',
  '花子',
  '髙志',
  '高志',
  '山﨑',
  '山崎',
  '美咲',
  'よしだ',
  'はなこ',
  'たかし',
  'みさき',
];
const warning = confidentialityWarning('2026-11-22');

let vault: Awaited<ReturnType<typeof signedInVault>>;
let downloads: string;
let gate: DocumentGate;
let outDir: string;
const ctx = (): GateContext => ({ ...serviceCtx(vault.db, vault.userId, meetingNow), gate });

beforeAll(async () => {
  outDir = process.env.KASANE_LISTS_OUT ?? (await mkdtemp(join(tmpdir(), 'kasane-lists-')));
});
afterAll(async () => {
  if (!process.env.KASANE_LISTS_OUT) await rm(outDir, { recursive: true, force: true });
});
beforeEach(async () => {
  vault = await signedInVault(() => meetingNow);
  downloads = join(vault.dir, '..', `${vault.dir.split('/').pop()}-downloads`);
  gate = new DocumentGate(folderPlatform(downloads));
  await saveOfficeSettings(serviceCtx(vault.db, vault.userId, meetingNow), finishedOffice);
});
afterEach(async () => vault.close());

/** Every part of the package (document, headers, footers, properties, sheets), each parsed as XML. */
async function packageText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  let all = '';
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const xml = await file.async('string');
    if (/\.(xml|rels)$/.test(file.name)) {
      const parser = new SaxesParser();
      parser.on('text', (t) => {
        all += t;
      });
      expect(() => parser.write(xml).close(), file.name).not.toThrow();
    }
    all += `\n${file.name}\n${xml}\n`;
  }
  return all;
}

const squash = (text: string) => text.replace(/\s+/g, '');
const bytesOf = (preview: { base64: string }) => Buffer.from(preview.base64, 'base64');

/** The file the gate will write, read back from where it saves it. */
async function issued(previewId: string) {
  const result = await gate.issue(
    vault.db,
    vault.userId,
    { previewId, action: 'save', purpose: '上司への報告', purposeNote: '', warningAcknowledged: true },
    meetingNow,
  );
  expect(result.done).toBe(true);
  return {
    name: result.fileNames[0] ?? '',
    bytes: await readFile(join(downloads, result.fileNames[0] ?? '')),
  };
}

/** The row holding the column titles: the one whose first cell is `first`. */
function headRow(sheet: ExcelJS.Worksheet, first: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === first) return r;
  throw new Error(`no row starting with ${first}`);
}

async function sheetOf(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** A household with consent and two named members (重層的支援会議 track). */
async function consentedHousehold(caseNo: string, label: string, issues: string[]) {
  const c = serviceCtx(vault.db, vault.userId, meetingNow);
  const { id } = await createHousehold(c, {
    caseNo,
    receivedOn: '2026-05-01',
    label,
    referralAgencyId: null,
    issues,
    note: '',
  });
  await saveMembers(c, {
    householdId: id,
    members: [
      {
        name: '佐藤 一郎',
        kana: 'さとう いちろう',
        relationship: '本人',
        birthDate: '1950-01-01',
        sex: 'male',
        isPrincipal: true,
        ...livingMember,
      },
    ],
  });
  await addConsent(c, {
    householdId: id,
    obtainedOn: '2026-05-10',
    method: 'written',
    obtainedBy: '相談 花子',
    allAgencies: true,
    agencyIds: [],
  });
  return id;
}

describe('世帯一覧を159条のゲートから出す', () => {
  it('画面の絞り込みどおり、表示中の200件だけでなく該当する全件を出す（Excel：文字列と数値だけ、警告は上の行と印刷のヘッダー・フッター）', async () => {
    const c = serviceCtx(vault.db, vault.userId, meetingNow);
    for (let i = 1; i <= 203; i++)
      await createHousehold(c, {
        caseNo: `R8-D${String(i).padStart(3, '0')}`,
        receivedOn: '2026-06-01',
        label: `二重世帯${i}`,
        referralAgencyId: null,
        issues: ['ダブルケア'],
        note: '',
      });
    await consentedHousehold('R8-900', '佐藤', ['ダブルケア']);
    await householdForMeetings(vault.db, vault.userId); // 𠮷田: 8050, no consent
    const preview = await householdListDocument(
      ctx(),
      householdListExportInputSchema.parse({
        issue: 'ダブルケア',
        format: 'xlsx',
        names: 'masked',
        namesReason: '',
      }),
    );
    expect(preview.fileNames).toEqual(['世帯一覧_20261122.xlsx']);
    const file = await issued(preview.previewId);
    const text = await packageText(file.bytes);
    for (const name of realNames) expect(text).not.toContain(name);
    const book = await sheetOf(file.bytes);
    expect(book.worksheets.map((s) => s.name)).toEqual(['世帯一覧']);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(String(sheet.getCell('A1').value)).toBe(warning.footerUnconsented);
    expect(sheet.headerFooter.oddFooter).toContain(warning.footerUnconsented);
    expect(sheet.headerFooter.oddHeader).toContain('取扱注意');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    const head = sheet.getRow(7);
    expect(head.getCell(1).value).toBe('受付番号');
    expect(sheet.pageSetup.printTitlesRow).toBe('7:7');
    const caseNos: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        // A merged cell's others carry the first one's text (the warning and the title span the table).
        expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number, ExcelJS.ValueType.Merge]).toContain(
          cell.type,
        );
        expect(cell.formula).toBeUndefined();
      }),
    );
    for (let r = 8; r <= sheet.rowCount; r++) caseNos.push(String(sheet.getRow(r).getCell(1).value));
    expect(caseNos).toHaveLength(204);
    expect(caseNos).toContain('R8-900');
    expect(caseNos).not.toContain('R8-001');
    expect(sheet.getRow(8).getCell(8).value).toBeTypeOf('number');
    // The facts say what was applied and how many.
    expect(String(sheet.getCell('A4').value)).toContain('課題: ダブルケア');
    expect(String(sheet.getCell('A5').value)).toContain('204件');
  });

  it('同意のない世帯は記号で（表示名も検索語も載らない）、実名には理由が要り、理由とともに記録される', async () => {
    await consentedHousehold('R8-900', '佐藤', ['8050']);
    await householdForMeetings(vault.db, vault.userId);
    const masked = await householdListDocument(
      ctx(),
      householdListExportInputSchema.parse({
        query: '𠮷田',
        format: 'docx',
        names: 'masked',
        namesReason: '',
      }),
    );
    const maskedText = await packageText(bytesOf(masked));
    for (const name of realNames) expect(maskedText).not.toContain(name);
    expect(maskedText).toContain('A氏世帯');
    expect(maskedText).toContain('R8-001');
    expect(maskedText).toContain('検索語あり（記載しません）');
    expect(maskedText).not.toContain('R8-900');

    const all = await householdListDocument(
      ctx(),
      householdListExportInputSchema.parse({ format: 'docx', names: 'masked', namesReason: '' }),
    );
    const allText = await packageText(bytesOf(all));
    expect(allText).toContain('佐藤'); // a consented household keeps its 表示名
    for (const name of realNames) expect(allText).not.toContain(name);

    await expect(
      householdListDocument(
        ctx(),
        householdListExportInputSchema.parse({ format: 'docx', names: 'real', namesReason: ' ' }),
      ),
    ).rejects.toMatchObject({ code: 'NAMES_REASON_REQUIRED' });
    const real = await householdListDocument(
      ctx(),
      householdListExportInputSchema.parse({
        format: 'docx',
        names: 'real',
        namesReason: '庁内の引継ぎのため',
      }),
    );
    expect(await packageText(bytesOf(real))).toContain('𠮷田');
    const file = await issued(real.previewId);
    expect(file.name).toBe('世帯一覧_20261122.docx');
    const row = await vault.db
      .selectFrom('document_issues')
      .selectAll()
      .where('document', '=', 'householdList')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      names: 'real',
      names_reason: '庁内の引継ぎのため',
      copies: 1,
      purpose: '上司への報告',
    });
    const event = await vault.db
      .selectFrom('audit_events')
      .selectAll()
      .where('kind', '=', 'document.issued')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.detail_json)).toMatchObject({
      document: 'householdList',
      format: 'docx',
      rows: 2,
      names: 'real',
      purpose: '上司への報告',
    });
    expect(event.detail_json).not.toContain('𠮷田');
  });
});

describe('会議一覧を159条のゲートから出す', () => {
  it('予定と開催済みを画面の順に、支援会議の世帯は記号で', async () => {
    const { meeting } = await householdForMeetings(vault.db, vault.userId);
    const c = serviceCtx(vault.db, vault.userId, meetingNow);
    await createMeeting(c, meeting({ kind: 'unconsented' }));
    await createMeeting(
      c,
      meeting({
        kind: 'unconsented',
        meetingNo: 'R8-001-0',
        heldOn: '2026-10-20',
        issuedOn: '2026-10-10',
        replyBy: '2026-10-15',
      }),
    );
    const docx = await meetingListDocument(
      ctx(),
      meetingListExportInputSchema.parse({ format: 'docx', names: 'masked', namesReason: '' }),
    );
    const text = await packageText(bytesOf(docx));
    for (const name of realNames) expect(text).not.toContain(name);
    expect(text).toContain('A氏世帯');
    const xlsx = await meetingListDocument(
      ctx(),
      meetingListExportInputSchema.parse({ format: 'xlsx', names: 'masked', namesReason: '' }),
    );
    const file = await issued(xlsx.previewId);
    for (const name of realNames) expect(await packageText(file.bytes)).not.toContain(name);
    const sheet = (await sheetOf(file.bytes)).worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const head = headRow(sheet, '区分');
    expect(sheet.getRow(head).getCell(2).value).toBe('会議番号');
    const cells = (r: number) => [sheet.getRow(r).getCell(1).value, sheet.getRow(r).getCell(2).value];
    expect([cells(head + 1), cells(head + 2)]).toEqual([
      ['予定', 'R8-001-1'],
      ['開催済み', 'R8-001-0'],
    ]);
    expect(sheet.pageSetup.printTitlesRow).toBe(`${head}:${head}`);
    await expect(
      meetingListDocument(
        ctx(),
        meetingListExportInputSchema.parse({ format: 'docx', names: 'real', namesReason: '' }),
      ),
    ).rejects.toMatchObject({ code: 'NAMES_REASON_REQUIRED' });
  });
});

describe('ケース記録（支援経過）を159条のゲートから出す', () => {
  it('同意のない世帯では本文の氏名も記号に置き換え、取消の記録は理由とともに残す', async () => {
    const { householdId } = await householdForMeetings(vault.db, vault.userId);
    const c = serviceCtx(vault.db, vault.userId, meetingNow);
    const note = (notedOn: string, content: string) =>
      saveProgressNote(
        c,
        progressNoteInputSchema.parse({
          householdId,
          notedOn,
          agencyId: null,
          staff: '相談員 佐々木',
          means: 'visit',
          timeFrom: '10:00',
          timeTo: '11:00',
          content,
          nextPlan: '吉田さん宅を再訪問',
        }),
      );
    await note('2026-10-01', '𠮷田 花子さん宅を訪問。髙志さんは不在。孫の山崎 美咲さんと話した。');
    const { id } = await note('2026-10-05', 'よしだ はなこ さんから電話。');
    await voidProgressNote(c, { id, reason: '別の世帯の記録だった' });
    const preview = await caseRecordDocument(
      ctx(),
      caseRecordExportInputSchema.parse({ householdId, names: 'masked', namesReason: '' }),
    );
    const text = await packageText(bytesOf(preview));
    for (const name of realNames) expect(text).not.toContain(name);
    expect(text).toContain('A氏宅を訪問');
    expect(text).toContain('B氏は不在');
    expect(text).toContain('【取消】');
    expect(text).toContain('別の世帯の記録だった');
    expect(preview.notices.join('')).toMatch(/氏名\d+か所を記号/);
    expect(preview.fileNames).toEqual(['ケース記録_R8-001_20261122.docx']);
    const real = await caseRecordDocument(
      ctx(),
      caseRecordExportInputSchema.parse({ householdId, names: 'real', namesReason: '本人の求めにより開示' }),
    );
    expect(await packageText(bytesOf(real))).toContain('𠮷田 花子さん宅');
    await issued(real.previewId);
    expect(
      await vault.db.selectFrom('document_issues').select(['household_id', 'document']).execute(),
    ).toEqual([{ household_id: householdId, document: 'caseRecord' }]);
  });
});

describe('LibreOfficeで開いて印刷できる', () => {
  it('世帯一覧・会議一覧・ケース記録のWordと、世帯一覧のExcelがA4で、警告とページ番号つきで出る', async () => {
    const { householdId, meeting } = await householdForMeetings(vault.db, vault.userId);
    await consentedHousehold('R8-900', '佐藤', ['8050', 'ダブルケア']);
    const c = serviceCtx(vault.db, vault.userId, meetingNow);
    await createMeeting(c, meeting({ kind: 'unconsented' }));
    await saveProgressNote(
      c,
      progressNoteInputSchema.parse({
        householdId,
        notedOn: '2026-10-01',
        agencyId: null,
        staff: '相談員 佐々木',
        means: 'phone',
        content: '𠮷田 花子さんから電話。'.repeat(40),
        nextPlan: '',
      }),
    );
    const input = { names: 'masked', namesReason: '' } as const;
    const households = await householdListDocument(
      ctx(),
      householdListExportInputSchema.parse({ ...input, format: 'docx' }),
    );
    const meetings = await meetingListDocument(
      ctx(),
      meetingListExportInputSchema.parse({ ...input, format: 'docx' }),
    );
    const record = await caseRecordDocument(
      ctx(),
      caseRecordExportInputSchema.parse({ ...input, householdId }),
    );
    const pdfs = await docxToPdf(
      [
        { name: 'household-list', bytes: bytesOf(households) },
        { name: 'meeting-list', bytes: bytesOf(meetings) },
        { name: 'case-record', bytes: bytesOf(record) },
      ],
      outDir,
    );
    for (const [name, pdf] of pdfs) {
      const text = squash(await pdfText(pdf));
      expect(text, name).toContain(squash(warning.footerUnconsented));
      expect(text, name).toContain('取扱注意');
      expect(text, name).toContain('1/1');
      for (const real of realNames) expect(text, name).not.toContain(real);
      await pdfToPng(pdf, join(outDir, name));
    }
    expect(squash(await pdfText(pdfs.get('household-list') ?? ''))).toContain('世帯一覧');
    expect(squash(await pdfText(pdfs.get('case-record') ?? ''))).toContain('A氏世帯ケース記録');
    const sheet = await householdListDocument(
      ctx(),
      householdListExportInputSchema.parse({ ...input, format: 'xlsx' }),
    );
    const file = await issued(sheet.previewId);
    const pdf = await xlsxToPdf(file.bytes, join(outDir, 'xlsx'));
    const text = squash(await pdfText(pdf));
    expect(text).toContain(squash(warning.footerUnconsented));
    expect(text).toContain('R8-900');
    expect(text).toContain('1/1');
    await pdfToPng(pdf, join(outDir, 'household-list-xlsx'));
    // 会議一覧 as a sheet: its two parts in one table with a 区分 column, printed on A4 landscape.
    const meetingSheet = await meetingListDocument(
      ctx(),
      meetingListExportInputSchema.parse({ ...input, format: 'xlsx' }),
    );
    const meetingPdf = await xlsxToPdf(
      (await issued(meetingSheet.previewId)).bytes,
      join(outDir, 'xlsx-meetings'),
    );
    const meetingText = squash(await pdfText(meetingPdf));
    expect(meetingText).toContain(squash(warning.footerUnconsented));
    expect(meetingText).toContain('区分');
    expect(meetingText).toContain('A氏世帯');
    for (const real of realNames) expect(meetingText).not.toContain(real);
    await pdfToPng(meetingPdf, join(outDir, 'meeting-list-xlsx'));
  }, 300_000);
});
