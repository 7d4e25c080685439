import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  docxToPdf,
  type PdfFont,
  pdfFonts,
  pdfPages,
  pdfRawText,
  pdfText,
  pdfToPng,
} from '../testing/libreoffice.js';
import {
  consentedFormData,
  hostileFormData,
  hostileText,
  longDiscussion,
  longLetterData,
  longTextFormData,
  realNameParts,
  unconsentedFormData,
} from './form-fixtures.js';
import {
  type FormData,
  type FormNumber,
  type LayoutFonts,
  type Packet,
  renderCollectionChecklist,
  renderForm,
  renderMeetingNoticePerAgency,
  systemLayoutFonts,
} from './index.js';

const forms: FormNumber[] = [1, 2, 3, 4, 5];
const kinds = ['consented', 'unconsented'] as const;
type Kind = (typeof kinds)[number];
const dataFor: Record<Kind, () => FormData> = {
  consented: consentedFormData,
  unconsented: unconsentedFormData,
};

interface Rendered {
  bytes: Buffer;
  /** Pages as the service laid them out (docx's layout engine with the BIZ UD files). */
  counted: number | null;
  pdf: string;
  /** pdftotext -layout, pages split on \f. */
  pages: string[];
  /** pdftotext -raw: each cell's text in order, which -layout interleaves with its neighbours. */
  raw: string;
}

const rendered = new Map<string, Rendered>();
let outDir = '';
let layout: LayoutFonts | null = null;

/** Copies for the packet tests: the five attending agencies, then one spare copy. */
function packetOf(data: FormData): Packet {
  const agencies = data.notice.addressees.map((a) => a.agencyName);
  return {
    documents: ['重層会議様式2 会次第', '重層会議様式3 世帯支援プラン検討シート'],
    copies: [...agencies, ''].map((recipient, i) => ({ number: i + 1, recipient })),
  };
}

function get(name: string): Rendered {
  const doc = rendered.get(name);
  if (!doc) throw new Error(`not rendered: ${name}`);
  return doc;
}

/** Whitespace means nothing to the comparison: pdftotext spaces out mixed scripts and wraps in cells. */
function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Whether the PDF shows `needle` in either reading: -layout keeps 𠮷 in place, -raw keeps wrapped cells together. */
function shows(doc: Rendered, needle: string): boolean {
  const n = squash(needle);
  return squash(doc.pages.join('')).includes(n) || squash(doc.raw).includes(n);
}

async function parts(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const file of Object.values(zip.files)) {
    if (!file.dir) out.set(file.name, await file.async('string'));
  }
  return out;
}

async function part(bytes: Buffer, path: string): Promise<string> {
  const text = (await parts(bytes)).get(path);
  if (text === undefined) throw new Error(`no ${path} in the .docx`);
  return text;
}

/** Parses with a strict, non-validating XML parser; returns the text content, throws on malformed XML. */
function parseXml(xml: string): string {
  const parser = new SaxesParser();
  let text = '';
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('cdata', (t) => {
    text += t;
  });
  parser.write(xml).close();
  return text;
}

function titleOf(form: FormNumber, data: FormData): string {
  const titles = {
    1: `${data.meetingLabel}の開催について（通知）`,
    2: `${data.householdTitle} ${data.meetingLabel} 次第`,
    3: `${data.householdTitle}支援プラン検討シート`,
    4: '会議報告シート',
    5: `${data.householdTitle}支援プランシート`,
  };
  return titles[form];
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'kasane-forms-'));
  layout = await systemLayoutFonts();
  if (!layout)
    throw new Error(
      'BIZ UD fonts not found: install fonts-morisawa-bizud-mincho fonts-morisawa-bizud-gothic',
    );
  const docs: { name: string; bytes: Buffer; counted: number | null }[] = [];
  const add = async (
    name: string,
    rendering: Promise<{ bytes: Buffer; pages: { total: number } | null }>,
  ) => {
    const { bytes, pages } = await rendering;
    docs.push({ name, bytes, counted: pages?.total ?? null });
  };
  for (const form of forms) {
    for (const kind of kinds) await add(`form${form}-${kind}`, renderForm(form, dataFor[kind](), layout));
    await add(`form${form}-hostile`, renderForm(form, hostileFormData(), layout));
  }
  await add('form3-long', renderForm(3, longTextFormData(), layout));
  await add('form5-long', renderForm(5, longTextFormData(), layout));
  await add('form2-copy', renderForm(2, { ...consentedFormData(), copy: { number: 2, total: 5 } }, layout));
  const data = consentedFormData();
  await add('checklist', renderCollectionChecklist(data, packetOf(data), layout));
  await add('form1-long-letter', renderForm(1, longLetterData(), layout));
  for (const [i, notice] of (await renderMeetingNoticePerAgency(data, layout)).entries()) {
    await add(`form1-agency${i + 1}`, Promise.resolve(notice.document));
  }

  const pdfs = await docxToPdf(docs, outDir);
  for (const doc of docs) {
    const pdf = pdfs.get(doc.name) ?? '';
    const [text, raw] = await Promise.all([pdfText(pdf), pdfRawText(pdf)]);
    rendered.set(doc.name, {
      bytes: doc.bytes,
      counted: doc.counted,
      pdf,
      pages: text.split('\f').slice(0, -1),
      raw,
    });
  }
}, 300_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe.each(kinds)('様式1–5（%s）', (kind) => {
  const data = dataFor[kind]();

  describe.each(forms)('重層会議様式%i', (form) => {
    const name = `form${form}-${kind}`;

    it('.docx が展開でき、すべての XML パーツが整形式である', async () => {
      const all = await parts(get(name).bytes);
      expect(all.has('word/document.xml')).toBe(true);
      for (const [path, xml] of all) {
        if (path.endsWith('.xml') || path.endsWith('.rels')) expect(() => parseXml(xml), path).not.toThrow();
      }
    });

    it('PDF に表題・和暦の日付・警告文（拘禁刑）が出る', () => {
      const doc = get(name);
      expect(shows(doc, titleOf(form, data))).toBe(true);
      expect(shows(doc, '令和8年11月26日')).toBe(true);
      expect(shows(doc, data.warningFooter)).toBe(true);
      expect(data.warningFooter).toContain('拘禁刑');
    });

    it('どのページにも「（重層会議様式N）」、取扱注意、警告文、n / N のページ番号がある（ルール8）', () => {
      const doc = get(name);
      expect(doc.pages.length).toBeGreaterThan(0);
      doc.pages.forEach((page, i) => {
        expect(squash(page)).toContain(`（重層会議様式${form}）`);
        expect(page).toContain('取扱注意');
        expect(squash(page)).toContain(squash(data.warningFooter));
        // 様式1 counts each letter on its own: every page is 「1 / 1」.
        expect(squash(page)).toContain(form === 1 ? '1/1' : `${i + 1}/${doc.pages.length}`);
      });
    });

    it('取扱注意はヘッダーの右端、様式番号は左端にある', () => {
      const page = get(name).pages[0] ?? '';
      const lines = page.split('\n');
      const header = lines.find((l) => l.includes('取扱注意')) ?? '';
      expect(squash(header).startsWith(`（重層会議様式${form}）`)).toBe(true);
      expect(squash(header).endsWith('取扱注意')).toBe(true);
      // The mark ends at the right margin, where the page's longest lines end.
      const widest = Math.max(...lines.map((l) => l.trimEnd().length));
      expect(header.trimEnd().length).toBeGreaterThan(widest * 0.9);
    });

    it('警告文の「100万円」が途中で改行されない', () => {
      for (const page of get(name).pages) {
        const lines = page.split('\n').map(squash);
        expect(lines.some((l) => l.includes('100万円'))).toBe(true);
        expect(lines.some((l) => /(^|[^0-9])00万円/.test(l))).toBe(false);
      }
    });

    it('サービスが数えたページ数は LibreOffice のページ数と同じで、数えられないときは数を示さない', async () => {
      const doc = get(name);
      // 𠮷 is not in BIZ UD: Word draws it in another font, so a page count there would be a guess.
      const missingGlyph = squash(doc.raw).includes('𠮷');
      if (missingGlyph) expect(doc.counted).toBeNull();
      else expect(doc.counted).toBe((await pdfPages(doc.pdf)).pages);
    });

    it('BIZ UD明朝（本文）と BIZ UDゴシック（表題）が PDF に埋め込まれている', async () => {
      const fonts = await pdfFonts(get(name).pdf);
      const biz = (family: string) => fonts.filter((f: PdfFont) => f.family.startsWith(family));
      expect(biz('BIZUDMincho').length).toBeGreaterThan(0);
      expect(biz('BIZUDGothic').length).toBeGreaterThan(0);
      expect(fonts.every((f) => f.embedded)).toBe(true);
    });

    it(`A4 の${form === 3 || form === 5 ? '横' : '縦'}向きである`, async () => {
      const { sizes } = await pdfPages(get(name).pdf);
      for (const { width, height } of sizes) {
        const [short, long] = [Math.min(width, height), Math.max(width, height)];
        expect(short).toBeCloseTo(595.3, 0);
        expect(long).toBeCloseTo(841.9, 0);
        expect(width > height).toBe(form === 3 || form === 5);
      }
    });

    it('同じ入力からは同じ word/document.xml ができ、作成日時は入力の createdAt である', async () => {
      const again = (await renderForm(form, dataFor[kind](), layout)).bytes;
      const first = await part(get(name).bytes, 'word/document.xml');
      expect(await part(again, 'word/document.xml')).toBe(first);
      const core = await part(again, 'docProps/core.xml');
      expect(core).toContain(
        '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-26T07:00:00Z</dcterms:created>',
      );
      expect(core).toContain(
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-26T07:00:00Z</dcterms:modified>',
      );
    });
  });

  it('様式3・5 にすべての世帯員（見出し）と危機介入・その他の行が出る', () => {
    for (const form of [3, 5]) {
      const doc = get(`form${form}-${kind}`);
      // A name too long for the 氏名 cell puts its 続柄 on the next line.
      for (const row of data.planRows) {
        const [, name = row.heading, relationship = ''] = /^(.*?)(（[^（]*）)?$/.exec(row.heading) ?? [];
        expect(shows(doc, name), row.heading).toBe(true);
        expect(shows(doc, relationship), row.heading).toBe(true);
      }
      expect(shows(doc, '危機介入')).toBe(true);
      expect(shows(doc, 'その他')).toBe(true);
    }
  });

  it('様式1・2・4 にすべての出席機関が出る', () => {
    for (const form of [1, 2, 4]) {
      for (const a of data.attendees)
        expect(shows(get(`form${form}-${kind}`), a.agencyName), a.agencyName).toBe(true);
    }
  });

  it('様式1 は宛先ごとに1ページで、各ページの宛先はその機関である', async () => {
    const doc = get(`form1-${kind}`);
    const agencies = data.notice.addressees;
    expect((await pdfPages(doc.pdf)).pages).toBe(agencies.length);
    agencies.forEach((agency, i) => {
      const page = squash(doc.pages[i] ?? '');
      expect(page).toContain(squash(agency.agencyName));
      for (const other of agencies.filter((a) => a !== agency))
        expect(page).not.toContain(squash(other.agencyName));
      expect(page).toContain(`${data.office.addresseeHonorific}`);
      const lines = (doc.pages[i] ?? '').split('\n').map((l) => l.trim());
      expect(lines).toContain('記');
      expect(lines).toContain('以上');
      expect(page).toContain(squash(`${data.householdTitle}に係る支援について`));
      expect(page).toContain(squash(data.office.phone));
      expect(page).toContain(squash(`出欠は${'令和8年11月18日（水）'}までに担当あて御連絡ください`));
    });
  });

  it('様式4 の参加者は「N 機関　M 人」で、出席者表は14行以上ある', async () => {
    const doc = get(`form4-${kind}`);
    const agencies = new Set(data.attendees.map((a) => a.agencyName)).size;
    expect(shows(doc, `${agencies} 機関　${data.attendees.length} 人`)).toBe(true);
    const xml = await part(doc.bytes, 'word/document.xml');
    const lastTable = xml.slice(xml.lastIndexOf('<w:tbl>'));
    expect((lastTable.match(/<w:tr>/g) ?? []).length).toBe(1 + 14);
    expect(shows(doc, `${data.householdTitle}${data.meetingLabel}`)).toBe(true);
  });
});

describe('重層会議様式の個別の決まり', () => {
  it('番号付きの通知は頭書き＋第N号で課長が発信し（公印省略）、事務連絡は番号も公印の行もなく課と担当が発信する', () => {
    const numbered = get('form1-consented');
    const memo = get('form1-unconsented');
    const office = consentedFormData().office;
    for (const page of numbered.pages) {
      expect(squash(page)).toContain('鹿福政第1234号');
      expect(squash(page)).toContain(squash(office.senderTitle));
      expect(squash(page)).toContain('（公印省略）');
      expect(squash(page)).not.toContain('事務連絡');
    }
    for (const page of memo.pages) {
      expect(squash(page)).toContain('事務連絡');
      expect(squash(page)).not.toContain('鹿福政第');
      expect(squash(page)).not.toContain('公印');
      expect(squash(page)).not.toContain(squash(office.senderTitle));
      expect(squash(page)).toContain(squash(`${office.municipalityName}${office.departmentName}`));
      expect(squash(page)).toContain('担当相談花子');
    }
  });

  it('様式1 の通知が2ページになる宛先は「1 / 2」「2 / 2」、ほかの通知は「1 / 1」で、どのページにもヘッダーと警告文がある', () => {
    const doc = get('form1-long-letter');
    const data = longLetterData();
    expect(doc.counted).toBe(data.notice.addressees.length + 1);
    const numbers = doc.pages.map((page) => {
      const lines = page.split('\n').map(squash);
      expect(lines.some((l) => l.startsWith('（重層会議様式1）') && l.endsWith('取扱注意'))).toBe(true);
      expect(squash(page)).toContain(squash(data.warningFooter));
      return lines.filter((l) => /^\d+\/\d+$/.test(l)).at(-1);
    });
    expect(numbers).toEqual(['1/1', '1/2', '2/2', ...data.notice.addressees.slice(2).map(() => '1/1')]);
  });

  it('様式1 を機関ごとのファイルにすると、それぞれ1ページでその機関だけに宛てる', async () => {
    const agencies = consentedFormData().notice.addressees;
    for (const [i, agency] of agencies.entries()) {
      const doc = get(`form1-agency${i + 1}`);
      expect((await pdfPages(doc.pdf)).pages).toBe(1);
      expect(shows(doc, agency.agencyName)).toBe(true);
      expect(squash(doc.pages[0] ?? '')).toContain('1/1');
      for (const other of agencies.filter((a) => a !== agency))
        expect(shows(doc, other.agencyName)).toBe(false);
    }
  });

  it('支援会議の通知は社会福祉法第106条の6に基づく会議であることを書く', () => {
    expect(shows(get('form1-unconsented'), '社会福祉法第106条の6に規定する支援会議')).toBe(true);
    expect(shows(get('form1-consented'), '106条の6')).toBe(false);
  });

  it('様式5 の列見出しは会議名の「結果（当面の取組事項）」「結果（役割分担）」で、次回見直し予定日とモニタリング機関が出る', () => {
    for (const kind of kinds) {
      const data = dataFor[kind]();
      const doc = get(`form5-${kind}`);
      expect(shows(doc, `${data.meetingLabel}結果（当面の取組事項）`)).toBe(true);
      expect(shows(doc, `${data.meetingLabel}結果（役割分担）`)).toBe(true);
      expect(shows(doc, '次回見直し予定日令和9年2月25日（木）')).toBe(true);
      for (const agency of data.monitoringAgencies) expect(shows(doc, agency)).toBe(true);
    }
  });

  it('様式3 の当面の取組事項・役割分担は空欄で、様式5 には結果が入る', async () => {
    const data = consentedFormData();
    const review = parseXml(await part(get('form3-consented').bytes, 'word/document.xml'));
    const plan = parseXml(await part(get('form5-consented').bytes, 'word/document.xml'));
    for (const row of data.planRows.filter((r) => r.nextActions !== '')) {
      expect(review).not.toContain(row.nextActions);
      expect(plan).toContain(row.nextActions);
    }
  });
});

describe('支援会議の資料は世帯員をラベルで示す（ルール4）', () => {
  it.each(forms)('様式%i のどのパーツ（docProps を含む）にも本名がない', async (form) => {
    for (const [path, text] of await parts(get(`form${form}-unconsented`).bytes)) {
      for (const name of realNameParts) expect(text.includes(name), `${name} in ${path}`).toBe(false);
    }
  });

  it('同じ世帯でも同意のある重層的支援会議の様式3 には本名が出る（検査が本名を見つけられること）', async () => {
    const xml = await part(get('form3-consented').bytes, 'word/document.xml');
    for (const name of realNameParts) expect(xml).toContain(name);
    expect(shows(get('form3-consented'), '髙橋 𠮷男')).toBe(true);
    expect(shows(get('form3-consented'), '山﨑 美咲')).toBe(true);
  });
});

describe('配布番号と回収チェック表（ルール8）', () => {
  it('copy を指定するとヘッダーに「配布番号 2／5」が出る', async () => {
    const doc = get('form2-copy');
    for (const page of doc.pages) expect(squash(page)).toContain('取扱注意配布番号2／5');
    expect(await part(doc.bytes, 'word/header1.xml')).toContain('配布番号 2／5');
    expect(shows(get('form2-consented'), '配布番号')).toBe(false);
  });

  it('回収チェック表は印刷した資料と、各部の配布番号・配布先、受領・回収日・廃棄日・確認者の欄を載せる', () => {
    const data = consentedFormData();
    const doc = get('checklist');
    const packet = packetOf(data);
    // -raw reads each row's cells in order, a wrapped 配布先 included.
    for (const copy of packet.copies)
      expect(squash(doc.raw), `配布番号 ${copy.number}`).toContain(
        squash(`${copy.number}／${packet.copies.length}${copy.recipient}□／／`),
      );
    for (const label of ['配布番号', '配布先', '受領', '回収日', '廃棄日', '確認者'])
      expect(shows(doc, label), label).toBe(true);
    for (const title of packet.documents) expect(shows(doc, title), title).toBe(true);
    expect(shows(doc, '家族構成図')).toBe(false);
    expect(shows(doc, `${data.householdTitle} ${data.meetingLabel}`)).toBe(true);
    expect(shows(doc, '令和8年11月26日（木）')).toBe(true);
    expect(shows(doc, data.warningFooter)).toBe(true);
  });
});

describe('長い文章と悪意のある文字列', () => {
  it('表はどの行もページをまたがず、1ページに収まらない長文の行は氏名の欄に「（続き）」を付けた行に分かれる', async () => {
    const rows = async (name: string) =>
      (await part(get(name).bytes, 'word/document.xml')).match(/<w:tr>.*?<\/w:tr>/gs) ?? [];
    const short = await rows('form3-consented');
    expect(short.length).toBe(1 + consentedFormData().planRows.length);
    expect(short.every((row) => row.includes('<w:cantSplit/>'))).toBe(true);
    const long = await rows('form3-long');
    expect(long.every((row) => row.includes('<w:cantSplit/>'))).toBe(true);
    expect(long[0]).toContain('<w:tblHeader/>');
    const continued = long.filter((row) => row.includes('（続き）'));
    expect(continued.length).toBeGreaterThan(0);
    const [first] = longTextFormData().planRows;
    for (const row of continued) expect(parseXml(row)).toContain(first?.heading ?? '');
  });

  it.each([3, 5])('様式%i: 5,000字の検討内容が欠けずに出て、見出し行が各ページに繰り返される', (form) => {
    const doc = get(`form${form}-long`);
    const data = longTextFormData();
    expect(doc.pages.length).toBeGreaterThan(1);
    for (const page of doc.pages) expect(squash(page)).toContain('検討内容');
    const columns =
      form === 3
        ? '氏名目標検討内容当面の取組事項役割分担'
        : `氏名目標検討内容${data.meetingLabel}結果（当面の取組事項）${data.meetingLabel}結果（役割分担）`;
    let text = squash(doc.raw);
    const [row] = data.planRows;
    // The footer of each page: the warning, then its number.
    for (let p = 1; p <= doc.pages.length; p++)
      text = text.split(`${squash(data.warningFooter)}${p}/${doc.pages.length}`).join('');
    // Page furniture, and the row's other cells, which -raw prints between the parts of a split cell.
    const furniture = [
      `（重層会議様式${form}）`,
      '取扱注意',
      columns,
      '（続き）',
      row?.goal ?? '',
      row?.nextActions ?? '',
      row?.roles ?? '',
    ];
    for (const piece of furniture.filter((p) => p !== '')) text = text.split(squash(piece)).join('');
    // The 氏名 cell of each continued row (𠮷 is drawn from a fallback font, which -raw may print out of order).
    text = text.replace(/A氏髙橋(𠮷男|男𠮷)（本人）/g, '');
    expect(longDiscussion()).toHaveLength(5000);
    expect(text).toContain(squash(longDiscussion()));
  });

  it.each([3, 5])(
    '様式%i: 禁則処理が効き、5,000字の検討内容のどの行も「、。）」」で始まらない',
    async (form) => {
      const doc = get(`form${form}-long`);
      const lines = doc.raw.split(/\n|\f/).map((l) => l.trim());
      // The text holds hundreds of 、。）, so a layout without 禁則 would start some wrapped line with one.
      expect(squash(longDiscussion()).match(/[、。）]/g)?.length).toBeGreaterThan(300);
      expect(lines.filter((l) => /^[、。）」]/.test(l))).toEqual([]);
      const settings = await part(doc.bytes, 'word/styles.xml');
      expect(settings).not.toMatch(/<w:kinsoku w:val="(0|false|off)"/);
    },
  );

  it.each(forms)(
    '様式%i: XML の特殊文字・制御文字・絵文字・𠮷 を入れても変換でき、文字が残る',
    async (form) => {
      const doc = get(`form${form}-hostile`);
      const xml = await part(doc.bytes, 'word/document.xml');
      const text = parseXml(xml);
      expect(text).toContain(hostileText.kept);
      expect([...xml].filter((c) => c < ' ' && !'\t\n\r'.includes(c))).toEqual([]);
      expect((await pdfPages(doc.pdf)).pages).toBeGreaterThan(0);
      expect(shows(doc, hostileText.printable)).toBe(true);
    },
  );
});

describe('LibreOffice・poppler の補助関数', () => {
  it('ツールが見つからなければ、飛ばさずに Debian パッケージ名を示して失敗する', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(pdfText(get('form2-consented').pdf)).rejects.toThrow(/poppler-utils/);
      await expect(docxToPdf([{ name: 'x', bytes: get('form2-consented').bytes }], outDir)).rejects.toThrow(
        /libreoffice-writer-nogui/,
      );
    } finally {
      process.env.PATH = path;
    }
  });

  it('安全でないファイル名は受け付けない', async () => {
    await expect(docxToPdf([{ name: '../x', bytes: Buffer.from('') }], outDir)).rejects.toThrow(/unsafe/);
  });
});

describe('目で確かめるための PNG', () => {
  it('各様式（両方の会議）と回収チェック表の1ページ目を test-results/forms/builders に書き出す', async () => {
    const dir = join(process.cwd(), 'test-results', 'forms', 'builders');
    await mkdir(dir, { recursive: true });
    const names = [...kinds.flatMap((k) => forms.map((f) => `form${f}-${k}`)), 'checklist'];
    const written = await Promise.all(
      names.map((n) => pdfToPng(get(n).pdf, join(dir, n), { first: 1, last: 1 })),
    );
    for (const files of written) expect(files).toHaveLength(1);
  });
});
