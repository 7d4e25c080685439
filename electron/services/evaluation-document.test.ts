import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from './audit.js';
import { listCopies } from './distributed-copies.js';
import { DocumentGate } from './document-gate.js';
import { renderEvaluationDocument } from './evaluation-document.js';
import { type LayoutFonts, systemLayoutFonts } from './forms/index.js';
import { getOfficeSettings } from './office-settings.js';
import type { OutgoingFile, Platform } from './platform.js';
import { closedWithPlan } from './testing/evaluation-fixture.js';
import { docxToPdf, pdfFonts, pdfPages, pdfRawText, pdfText, pdfToPng } from './testing/libreoffice.js';
import { officeDays, parse } from './testing/office-days.js';
import { signedInVault } from './testing/signed-in-vault.js';

/**
 * The 評価シート (rule 20, forms.md) from real 終結 through the real gate: the same proofs as the 様式
 * (well-formed parts, LibreOffice's PDF with title, 和暦, warning, header and page numbers, BIZ UD
 * embedded, one A4 landscape page), rule 4's labels, rule 8's numbered copies, and the audit.
 */

const day = '2025-10-15';
const now = new Date(`${day}T01:00:00Z`);
let vault: Awaited<ReturnType<typeof signedInVault>>;
let office: ReturnType<typeof officeDays>;
let layout: LayoutFonts | null = null;
let outDir = '';
const ids = { consented: '', unconsented: '', noPlan: '', agency: '', other: '', consentedMeeting: '' };
const close = (
  caseNo: string,
  label: string,
  kind: 'consented' | 'unconsented',
  reason: '課題解決' | '包括的相談支援事業へ戻す',
) => closedWithPlan(office, { caseNo, label, kind, reason, agencyIds: [ids.agency, ids.other] });
const user = () => ({ id: vault.userId, name: '相談 花子' });

beforeAll(async () => {
  vault = await signedInVault(() => now);
  office = officeDays(vault.db, user(), vault.dir);
  layout = await systemLayoutFonts();
  if (!layout) throw new Error('BIZ UD fonts not found: install fonts-morisawa-bizud-mincho/-gothic');
  outDir = await mkdtemp(join(tmpdir(), 'kasane-evaluation-'));
  ids.agency = await office.agency('2025-04-01', '第一地域包括支援センター', '高齢');
  ids.other = await office.agency('2025-04-01', '障がい者相談支援センターひまわり', '障がい');
  const consented = await close('R7-101', '山川', 'consented', '包括的相談支援事業へ戻す');
  ids.consented = consented.householdId;
  ids.consentedMeeting = consented.meetingId;
  ids.unconsented = (await close('R7-102', '海野', 'unconsented', '課題解決')).householdId;
  ids.noPlan = await office.household('2025-04-10', 'R7-103', '森');
}, 120_000);
afterAll(async () => {
  await vault?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const render = async (
  householdId: string,
  extra: Partial<Parameters<typeof renderEvaluationDocument>[3]> = {},
) =>
  renderEvaluationDocument(
    vault.db,
    user(),
    await getOfficeSettings(vault.db),
    { householdId, namesReason: null, copies: 1, ...extra },
    now,
    layout,
  );

async function parts(bytes: Buffer | undefined): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes ?? Buffer.alloc(0));
  const out = new Map<string, string>();
  for (const file of Object.values(zip.files)) if (!file.dir) out.set(file.name, await file.async('string'));
  return out;
}
const squash = (text: string) => text.replace(/\s+/g, '');

/** Parses with a strict XML parser; throws on malformed XML. */
function parseXml(xml: string) {
  new SaxesParser().write(xml).close();
}

interface Rendered {
  bytes: Buffer;
  counted: number | null;
  pdf: string;
  pages: string[];
  raw: string;
}
const rendered = new Map<'consented' | 'unconsented', Rendered>();
const get = (name: 'consented' | 'unconsented') => {
  const doc = rendered.get(name);
  if (!doc) throw new Error(`not rendered: ${name}`);
  return doc;
};
const shows = (doc: Rendered, needle: string) =>
  squash(doc.pages.join('')).includes(squash(needle)) || squash(doc.raw).includes(squash(needle));

describe('評価シートは様式と同じ証明を通る（ルール20、forms.md）', () => {
  beforeAll(async () => {
    const docs = {
      consented: (await render(ids.consented)).files[0],
      unconsented: (await render(ids.unconsented)).files[0],
    };
    const pdfs = await docxToPdf(
      Object.entries(docs).map(([name, f]) => ({ name, bytes: f?.bytes ?? Buffer.alloc(0) })),
      outDir,
    );
    const pngDir = join(process.cwd(), 'test-results', 'evaluation-sheet');
    await mkdir(pngDir, { recursive: true });
    for (const [name, file] of Object.entries(docs) as ['consented' | 'unconsented', OutgoingFile][]) {
      const pdf = pdfs.get(name) ?? '';
      const [text, raw] = await Promise.all([pdfText(pdf), pdfRawText(pdf)]);
      rendered.set(name, {
        bytes: file.bytes,
        counted: (file as { pages?: number | null }).pages ?? null,
        pdf,
        pages: text.split('\f').slice(0, -1),
        raw,
      });
      await pdfToPng(pdf, join(pngDir, name));
    }
  }, 300_000);

  it.each(['consented', 'unconsented'] as const)('%s: .docx の XML パーツがすべて整形式', async (name) => {
    const all = await parts(get(name).bytes);
    expect(all.has('word/document.xml')).toBe(true);
    for (const [path, xml] of all)
      if (path.endsWith('.xml') || path.endsWith('.rels')) expect(() => parseXml(xml), path).not.toThrow();
  });

  it.each([
    ['consented', '山川一郎', /159\s*条/],
    ['unconsented', 'A氏', /106\s*条の\s*6/],
  ] as const)(
    '%s: 表題・受付日・支援期間・各行・終結理由・引継ぎ先・和暦・警告文が出る',
    (name, who, law) => {
      const doc = get(name);
      expect(shows(doc, 'A氏世帯 支援評価シート')).toBe(true);
      for (const text of [
        '令和7年4月10日',
        '令和7年4月15日～令和7年9月1日',
        '月1回の通院を続け、服薬を自分で管理できるようになる',
        '【前回の実施状況】達成（令和7年8月1日 第一地域包括支援センター）',
        '毎月通院できた。',
        '通院が定着し、家族の見守りも続いている。',
        '危機介入',
        '一部達成',
        '連絡先は決めたが、夜間の対応は未定。',
        '令和7年5月20日',
        '作成日 令和7年10月15日',
        '作成者',
        '相談 花子',
        who,
      ])
        expect(shows(doc, text), text).toBe(true);
      expect(doc.pages.join('')).toMatch(law);
      expect(shows(doc, '拘禁刑')).toBe(true);
      if (name === 'consented') {
        expect(shows(doc, '包括的相談支援事業へ戻す')).toBe(true);
        expect(shows(doc, '第一地域包括支援センター')).toBe(true);
        expect(shows(doc, '重層的支援会議で決めた支援プラン')).toBe(true);
      } else {
        expect(shows(doc, '課題解決')).toBe(true);
        expect(shows(doc, '支援会議で決めた支援プラン')).toBe(true);
      }
    },
  );

  it.each(['consented', 'unconsented'] as const)(
    '%s: A4 横1ページ、ヘッダーに（支援評価シート）と取扱注意、フッターに警告文と 1 / 1',
    async (name) => {
      const doc = get(name);
      const { pages, sizes } = await pdfPages(doc.pdf);
      expect(pages).toBe(1);
      expect(doc.counted).toBe(1);
      for (const { width, height } of sizes) {
        expect(width).toBeCloseTo(841.9, 0);
        expect(height).toBeCloseTo(595.3, 0);
      }
      const page = doc.pages[0] ?? '';
      const header = page.split('\n').find((l) => l.includes('取扱注意')) ?? '';
      expect(squash(header).startsWith('（支援評価シート）')).toBe(true);
      expect(squash(header).endsWith('取扱注意')).toBe(true);
      expect(squash(page)).toContain('1/1');
      const lines = page.split('\n').map(squash);
      expect(lines.some((l) => l.includes('100万円'))).toBe(true);
      expect(lines.some((l) => /(^|[^0-9])00万円/.test(l))).toBe(false);
    },
  );

  it('BIZ UD明朝とBIZ UDゴシックが埋め込まれている', async () => {
    const fonts = await pdfFonts(get('consented').pdf);
    expect(fonts.some((f) => f.family.startsWith('BIZUDMincho'))).toBe(true);
    expect(fonts.some((f) => f.family.startsWith('BIZUDGothic'))).toBe(true);
    expect(fonts.every((f) => f.embedded)).toBe(true);
  });

  it('同じ入力からは同じ word/document.xml ができる', async () => {
    const again = (await render(ids.consented)).files[0]?.bytes;
    expect((await parts(again)).get('word/document.xml')).toBe(
      (await parts(get('consented').bytes)).get('word/document.xml'),
    );
  });
});

describe('氏名の表示（ルール4）', () => {
  it('同意のない世帯（支援会議）は既定で記号だけ、どのパーツにも氏名がない', async () => {
    const doc = await render(ids.unconsented);
    expect(doc).toMatchObject({ kind: 'unconsented', names: 'masked' });
    const all = [...(await parts(doc.files[0]?.bytes)).values()].join('\n');
    for (const name of ['海野', '一郎']) expect(all, name).not.toContain(name);
    expect(all).toContain('A氏（本人）');
  });

  it('実名には理由が要り、理由があれば行の見出しに氏名が出る', async () => {
    await expect(render(ids.unconsented, { names: 'real' })).rejects.toMatchObject({
      code: 'NAMES_REASON_REQUIRED',
    });
    const doc = await render(ids.unconsented, { names: 'real', namesReason: '引継ぎ先への説明のため' });
    const xml = (await parts(doc.files[0]?.bytes)).get('word/document.xml') ?? '';
    expect(xml).toContain('A氏 海野 一郎');
    expect(xml).toContain('（本人）');
  });

  it('同意のある世帯は既定で実名、記号を選べば氏名は出ない', async () => {
    const real = await render(ids.consented);
    expect(real.names).toBe('real');
    expect((await parts(real.files[0]?.bytes)).get('word/document.xml')).toContain('山川 一郎');
    const masked = await render(ids.consented, { names: 'masked' });
    const all = [...(await parts(masked.files[0]?.bytes)).values()].join('\n');
    expect(all).not.toContain('山川 一郎');
    expect(all).not.toContain('山川 花子');
  });
});

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
  const request = (householdId: string, copies = 1, evaluationId?: string) =>
    parse('documents.preview', {
      householdId,
      ...(evaluationId ? { evaluationId } : {}),
      document: 'evaluation',
      names: 'real',
      namesReason: '',
      copies,
      together: [],
      perAgency: false,
      notice: { number: '', issuedOn: '', replyBy: '' },
    });
  const issue = async (gate: DocumentGate, previewId: string) =>
    gate.issue(
      vault.db,
      vault.userId,
      parse('documents.issue', {
        previewId,
        action: 'save',
        purpose: '関係機関への送付',
        purposeNote: '',
        warningAcknowledged: true,
      }),
      now,
    );

  it('世帯から1部出すと、プレビューしたバイトが保存され、目的と件数が世帯の監査イベントになる', async () => {
    const gate = new DocumentGate(platform, async () => layout);
    const preview = await gate.preview(
      vault.db,
      user(),
      await getOfficeSettings(vault.db),
      request(ids.consented),
      now,
    );
    expect(preview.fileNames).toEqual(['支援評価シート_R7-101_2025-09-01.docx']);
    expect(preview.pages).toBe(1);
    expect(preview.warning.body).toContain('159条');
    expect((await issue(gate, preview.previewId)).done).toBe(true);
    expect(saved.at(-1)?.[0]?.bytes.toString('base64')).toBe(preview.base64);
    const [event] = await listAuditEvents(vault.db, { kind: 'document.issued', limit: 1 });
    expect(event).toMatchObject({
      targetType: 'household',
      targetId: ids.consented,
      detail: { document: 'evaluation', names: 'real', copies: 1, purpose: '関係機関への送付' },
    });
    expect(
      await vault.db
        .selectFrom('document_issues')
        .select(['household_id', 'meeting_id', 'purpose'])
        .where('document', '=', 'evaluation')
        .execute(),
    ).toEqual([{ household_id: ids.consented, meeting_id: null, purpose: '関係機関への送付' }]);
  });

  it('複数部は評価したプランの会議の出席機関に配布番号を付け、回収チェック表を添え、回収の対象になる', async () => {
    const gate = new DocumentGate(platform, async () => null);
    const preview = await gate.preview(
      vault.db,
      user(),
      await getOfficeSettings(vault.db),
      request(ids.consented, 2),
      now,
    );
    expect(preview.fileNames).toEqual([
      '支援評価シート_R7-101_2025-09-01_配布01.docx',
      '支援評価シート_R7-101_2025-09-01_配布02.docx',
      '資料回収チェック表_支援評価シート_R7-101-1.docx',
    ]);
    const first = await parts(Buffer.from(preview.base64, 'base64'));
    expect([...first.values()].join('')).toContain('配布番号 1／2');
    await issue(gate, preview.previewId);
    const copies = await listCopies({ db: vault.db }, { meetingId: ids.consentedMeeting });
    expect(copies.map((c) => [c.copyNo, c.recipient, c.documents, c.status])).toEqual([
      [1, '第一地域包括支援センター', ['支援評価シート'], 'outstanding'],
      [2, '障がい者相談支援センターひまわり', ['支援評価シート'], 'outstanding'],
    ]);
  });

  it('再開しても評価は履歴に残り、その評価シートを出せる', async () => {
    await office.status('2025-10-01', ids.unconsented, 'reopen');
    const gate = new DocumentGate(platform, async () => null);
    const settings = await getOfficeSettings(vault.db);
    const [evaluation] = await vault.db
      .selectFrom('evaluations')
      .select('id')
      .where('household_id', '=', ids.unconsented)
      .execute();
    const preview = await gate.preview(
      vault.db,
      user(),
      settings,
      { ...request(ids.unconsented, 1, evaluation?.id), names: 'masked' },
      now,
    );
    expect(preview.fileNames).toEqual(['支援評価シート_R7-102_2025-09-01.docx']);
  });

  it('評価のない世帯・番号付きの部数を作れない世帯は、理由を言って断る', async () => {
    const gate = new DocumentGate(platform, async () => null);
    const settings = await getOfficeSettings(vault.db);
    await expect(gate.preview(vault.db, user(), settings, request(ids.noPlan), now)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('評価の記録がありません'),
    });
    expect(() =>
      parse('documents.preview', { ...request(ids.noPlan), meetingId: ids.consentedMeeting }),
    ).toThrow();
  });
});
