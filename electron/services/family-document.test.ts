import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from './audit.js';
import { listCopies } from './distributed-copies.js';
import { DocumentGate } from './document-gate.js';
import { renderPacket } from './document-packet.js';
import { renderFamilyDocument } from './family-document.js';
import { defaultOfficeSettings } from './office-settings.js';
import type { OutgoingFile, Platform } from './platform.js';
import {
  familyHousehold,
  fourPeople,
  fourRelations,
  ninePeople,
  nineRelations,
  realNameParts,
} from './testing/family-fixture.js';
import { savedForMeeting } from './testing/gate-confirmation.js';
import { docxToPdf, pdfImages, pdfPages, pdfText, pdfToPng } from './testing/libreoffice.js';
import { signedInVault } from './testing/signed-in-vault.js';
import { allText, byClass, readSvg } from './testing/svg-reader.js';

const now = new Date('2026-11-22T01:00:00Z');
const office = {
  ...defaultOfficeSettings,
  municipalityName: '鹿屋市',
  departmentName: '保健福祉部福祉政策課',
};
const issuer = { name: '相談 花子' };
let vault: Awaited<ReturnType<typeof signedInVault>>;
let outDir = '';
let households: { consented: string; unconsented: string; nine: string; unconsentedMeeting: string };

beforeAll(async () => {
  vault = await signedInVault(() => now);
  outDir = await mkdtemp(join(tmpdir(), 'kasane-family-'));
  const consented = await familyHousehold(vault.db, vault.userId, {
    caseNo: 'R8-301',
    people: fourPeople,
    relations: fourRelations,
    consentOn: '2026-10-01',
    now,
  });
  const unconsented = await familyHousehold(vault.db, vault.userId, {
    caseNo: 'R8-302',
    people: fourPeople,
    relations: fourRelations,
    now,
  });
  const nine = await familyHousehold(vault.db, vault.userId, {
    caseNo: 'R8-303',
    people: ninePeople,
    relations: nineRelations,
    consentOn: '2026-10-01',
    now,
  });
  households = {
    consented: consented.householdId,
    unconsented: unconsented.householdId,
    nine: nine.householdId,
    unconsentedMeeting: unconsented.meetingId,
  };
});
afterAll(async () => {
  await vault?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** Every text part of the .docx (XML, the SVG, relationships, properties) as one string. */
async function everyText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir && !f.name.endsWith('.png'))
      .map(async (f) => `${f.name}\n${await f.async('string')}`),
  );
  return parts.join('\n');
}

const render = (householdId: string, names: 'real' | 'masked', extra: { meetingId?: string } = {}) =>
  renderFamilyDocument(
    vault.db,
    issuer,
    office,
    { householdId, names, namesReason: null, copies: 1, ...extra },
    now,
    null,
  );

describe('別添資料「家族構成図・エコマップ」', () => {
  it('同意のない世帯は記号・続柄・年齢だけで、ファイルのどこにも氏名がない（描画・代替テキスト・プロパティ）', async () => {
    const doc = await render(households.unconsented, 'masked');
    expect(doc.kind).toBe('unconsented');
    const [file] = doc.files;
    const text = await everyText(file?.bytes ?? Buffer.alloc(0));
    for (const part of realNameParts) expect(text, part).not.toContain(part);
    const zip = await JSZip.loadAsync(file?.bytes ?? Buffer.alloc(0));
    const svgs = Object.keys(zip.files).filter((n) => n.endsWith('.svg'));
    const pngs = Object.keys(zip.files).filter((n) => n.endsWith('.png'));
    expect(svgs).toHaveLength(2);
    expect(pngs).toHaveLength(2);
    const genogram = readSvg(doc.drawings.genogramSvg);
    expect(byClass(genogram, 'caption').map((c) => c.text)).toEqual(
      expect.arrayContaining(['A氏', '本人', 'B氏', '母', 'C氏', '父']),
    );
    expect(byClass(genogram, 'age').map((a) => a.text)).toContain('51');
    const documentXml = await zip.file('word/document.xml')?.async('string');
    expect(documentXml).toContain('descr="A氏世帯の家族構成図"');
    expect(documentXml).toContain('asvg:svgBlip');
    expect(await zip.file('docProps/core.xml')?.async('string')).toContain(
      '<dc:title>A氏世帯 家族構成図・エコマップ</dc:title>',
    );
  });

  it('同意のない世帯で実名を選ぶには理由が要る（ルール4）', async () => {
    await expect(render(households.unconsented, 'real')).rejects.toMatchObject({
      code: 'NAMES_REASON_REQUIRED',
    });
    const withReason = await renderFamilyDocument(
      vault.db,
      issuer,
      office,
      { householdId: households.unconsented, names: 'real', namesReason: '本人確認のため', copies: 1 },
      now,
      null,
    );
    expect(allText(readSvg(withReason.drawings.genogramSvg))).toContain('𠮷田 光');
  });

  it('同意のある世帯は既定で実名、同じデータからは同じ中身の文書（XML・SVG・PNG）', async () => {
    const first = await render(households.consented, 'real');
    expect(first.kind).toBe('consented');
    expect(allText(readSvg(first.drawings.genogramSvg))).toContain('A 𠮷田 光');
    const again = await render(households.consented, 'real');
    // The zip stamps its entries with the time of packing: compare what is inside.
    const parts = async (bytes: Buffer | undefined) => {
      const zip = await JSZip.loadAsync(bytes ?? Buffer.alloc(0));
      return Promise.all(Object.values(zip.files).map(async (f) => [f.name, await f.async('base64')]));
    };
    expect(await parts(again.files[0]?.bytes)).toEqual(await parts(first.files[0]?.bytes));
  });

  it('会議の資料として複数部なら配布番号つきの各部と回収チェック表、会議なしでは番号付きの部数は作れない', async () => {
    const packet = await renderFamilyDocument(
      vault.db,
      issuer,
      office,
      { meetingId: households.unconsentedMeeting, names: 'masked', namesReason: null, copies: 3 },
      now,
      null,
    );
    expect(packet.files.map((f) => f.name)).toEqual([
      '別添資料_家族構成図・エコマップ_R8-302-1_配布01.docx',
      '別添資料_家族構成図・エコマップ_R8-302-1_配布02.docx',
      '別添資料_家族構成図・エコマップ_R8-302-1_配布03.docx',
      '資料回収チェック表_家族構成図・エコマップ_R8-302-1.docx',
    ]);
    const second = await everyText(packet.files[1]?.bytes ?? Buffer.alloc(0));
    expect(second).toContain('配布番号 2／3');
    await expect(
      renderFamilyDocument(
        vault.db,
        issuer,
        office,
        { householdId: households.unconsented, names: 'masked', namesReason: null, copies: 2 },
        now,
        null,
      ),
    ).rejects.toMatchObject({ code: 'COPIES_NEED_MEETING' });
  });

  it('LibreOffice で1ページの PDF になり、図が 300dpi 以上の画像で載る（同意あり・なし・9人世帯）', async () => {
    const docs = {
      consented: await render(households.consented, 'real'),
      unconsented: await render(households.unconsented, 'masked'),
      nine: await render(households.nine, 'real'),
    };
    const pdfs = await docxToPdf(
      Object.entries(docs).map(([name, d]) => ({ name, bytes: d.files[0]?.bytes ?? Buffer.alloc(0) })),
      outDir,
    );
    const pngDir = join(process.cwd(), 'test-results', 'family-sheet');
    await mkdir(pngDir, { recursive: true });
    for (const [name, pdf] of pdfs) {
      expect((await pdfPages(pdf)).pages, name).toBe(1);
      const images = (await pdfImages(pdf)).filter((i) => i.type === 'image');
      expect(images, name).toHaveLength(2);
      for (const image of images) expect(Math.min(image.xPpi, image.yPpi), name).toBeGreaterThanOrEqual(299);
      const text = await pdfText(pdf);
      expect(text).toContain('家族構成図・エコマップ');
      expect(text).toContain('取扱注意');
      expect(text).toMatch(name === 'unconsented' ? /106\s*条の\s*6/ : /159\s*条/);
      await pdfToPng(pdf, join(pngDir, name), { first: 1, last: 1 });
    }
    // Three renders with 300 dpi drawings, then LibreOffice's start and conversion (docxToPdf allows it
    // 300 s): 34–59 s of the default 60 s with two cores shared by others' runs, as on a busy CI machine.
  }, 300_000);
});

/** What the gate's form sends for a 様式 and leaves empty for the 別添資料. */
const formOnly = { together: [], perAgency: false, notice: { number: '', issuedOn: '', replyBy: '' } };

describe('159条の確認（gate）を通して出す', () => {
  const saved: OutgoingFile[][] = [];
  const platform: Platform = {
    saveFiles: async ({ files }: { files: OutgoingFile[] }) => {
      saved.push(files);
      return { saved: true, fileNames: files.map((f) => f.name) };
    },
    openTemporarily: async () => {},
    chooseFolder: async () => null,
    discardTemporaryFiles: async () => {},
  };

  it('世帯から出すと、目的と件数が記録され、世帯の監査イベントになる', async () => {
    const gate = new DocumentGate(platform, async () => null);
    const preview = await gate.preview(
      vault.db,
      { id: vault.userId, name: issuer.name },
      office,
      {
        householdId: households.unconsented,
        document: 'genogram',
        names: 'masked',
        namesReason: '',
        copies: 1,
        ...formOnly,
      },
      now,
    );
    expect(preview.fileNames).toEqual(['別添資料_家族構成図・エコマップ_R8-302.docx']);
    const result = await gate.issue(vault.db, vault.userId, savedForMeeting(preview.previewId), now);
    expect(result.done).toBe(true);
    expect(saved.at(-1)?.[0]?.bytes.toString('base64')).toBe(preview.base64);
    const [event] = await listAuditEvents(vault.db, { kind: 'document.issued', limit: 1 });
    expect(event).toMatchObject({
      targetType: 'household',
      targetId: households.unconsented,
      detail: { document: 'genogram', names: 'masked', copies: 1 },
    });
    const row = await vault.db
      .selectFrom('document_issues')
      .select(['household_id', 'meeting_id', 'purpose'])
      .where('document', '=', 'genogram')
      .executeTakeFirst();
    expect(row).toEqual({
      household_id: households.unconsented,
      meeting_id: null,
      purpose: '会議資料として配布',
    });
  });

  it('会議の資料として出すと、その会議の様式4 と 様式2 が家族構成図に触れ、番号付きの部は回収の対象になる', async () => {
    const meetingId = households.unconsentedMeeting;
    const form = async (n: 2 | 4) => {
      const packet = await renderPacket(
        vault.db,
        issuer,
        office,
        { meetingId, forms: [n], names: 'masked', copies: 1, perAgency: false },
        now,
        null,
      );
      const zip = await JSZip.loadAsync(packet.files[0]?.bytes ?? Buffer.alloc(0));
      return ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
    };
    expect(await form(4)).not.toContain('家族構成図');
    expect(await form(2)).not.toContain('家族構成図');
    const gate = new DocumentGate(platform, async () => null);
    const preview = await gate.preview(
      vault.db,
      { id: vault.userId, name: issuer.name },
      office,
      { meetingId, document: 'genogram', names: 'masked', namesReason: '', copies: 3, ...formOnly },
      now,
    );
    await gate.issue(vault.db, vault.userId, savedForMeeting(preview.previewId), now);
    expect(await form(4)).toContain('（別添資料「A氏世帯家族構成図」参照）');
    expect(await form(2)).toContain('家族構成図');
    const copies = await listCopies({ db: vault.db }, { meetingId });
    expect(copies.map((c) => [c.copyNo, c.recipient, c.documents, c.status])).toEqual([
      [1, '鹿屋市地域包括支援センター', ['家族構成図'], 'outstanding'],
      [2, '肝属地区障がい者基幹相談支援センター', ['家族構成図'], 'outstanding'],
      [3, '鹿屋市社会福祉協議会', ['家族構成図'], 'outstanding'],
    ]);
  });
});
