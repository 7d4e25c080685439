import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/schema.js';
import { renderPacket } from './document-packet.js';
import { KasaneError } from './errors.js';
import { type FormNumber, type LayoutFonts, systemLayoutFonts } from './forms/index.js';
import { getOfficeSettings, saveOfficeSettings } from './office-settings.js';
import { docxToPdf, pdfPages, pdfRawText, pdfText, pdfToPng } from './testing/libreoffice.js';
import {
  finishedOffice,
  issueNow,
  meetingsForDocuments,
  ownOfficeAgency,
  realNameParts,
} from './testing/meeting-documents-fixture.js';
import { serviceCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';

/**
 * 様式1–5 of both kinds of meeting, rendered the way the 159条 gate and the CLI render them — from a
 * real encrypted store through meetingFormData and the default texts — then read back from the PDF
 * LibreOffice makes of them. No fixture writes the text these tests check.
 */

const forms: FormNumber[] = [1, 2, 3, 4, 5];
const kinds = ['consented', 'unconsented'] as const;
type Kind = (typeof kinds)[number];

interface Printed {
  name: string;
  bytes: Buffer;
  counted: number | null;
  pdf: string;
  pages: string[];
  raw: string;
}

let vault: Awaited<ReturnType<typeof signedInVault>>;
let db: Kysely<Database>;
let meetings: Record<Kind, string>;
let layout: LayoutFonts | null;
let outDir = '';
const printed = new Map<string, Printed>();

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

function doc(form: FormNumber, kind: Kind): Printed {
  const found = printed.get(`form${form}-${kind}`);
  if (!found) throw new Error(`not printed: form${form}-${kind}`);
  return found;
}

function text(p: Printed): string {
  return squash(`${p.pages.join('')}\n${p.raw}`);
}

const issuer = { name: '相談 花子' };

async function packet(
  kind: Kind,
  forms: FormNumber[],
  over: Partial<Parameters<typeof renderPacket>[3]> = {},
) {
  return renderPacket(
    db,
    issuer,
    await getOfficeSettings(db),
    {
      meetingId: meetings[kind],
      forms,
      names: kind === 'consented' ? 'real' : 'masked',
      copies: 1,
      perAgency: false,
      ...over,
    },
    issueNow,
    layout,
  );
}

beforeAll(async () => {
  vault = await signedInVault(() => issueNow);
  db = vault.db;
  const { consentedId, unconsentedId } = await meetingsForDocuments(db, vault.userId);
  meetings = { consented: consentedId, unconsented: unconsentedId };
  layout = await systemLayoutFonts();
  if (!layout)
    throw new Error(
      'BIZ UD fonts not found: install fonts-morisawa-bizud-mincho fonts-morisawa-bizud-gothic',
    );

  const docs: { name: string; bytes: Buffer; counted: number | null }[] = [];
  for (const kind of kinds) {
    // A 支援会議 notice in the other 公用文 style: 事務連絡 from the 課 and its 担当.
    await saveOfficeSettings(serviceCtx(db, vault.userId, issueNow), {
      ...finishedOffice,
      noticeStyle: kind === 'consented' ? 'numbered' : 'officeMemo',
    });
    const { files } = await packet(kind, forms);
    files.forEach((file, i) => {
      docs.push({ name: `form${forms[i]}-${kind}`, bytes: file.bytes, counted: file.pages });
    });
  }
  await saveOfficeSettings(serviceCtx(db, vault.userId, issueNow), finishedOffice);
  outDir = await mkdtemp(join(tmpdir(), 'kasane-packet-'));
  const pdfs = await docxToPdf(docs, outDir);
  for (const d of docs) {
    const pdf = pdfs.get(d.name) ?? '';
    const [layoutText, raw] = await Promise.all([pdfText(pdf), pdfRawText(pdf)]);
    printed.set(d.name, { ...d, pdf, pages: layoutText.split('\f').slice(0, -1), raw });
  }
}, 300_000);

afterAll(async () => {
  await vault?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('支援会議の既定の文面は同意を主張しない（サービスの既定文のまま印刷）', () => {
  it('様式4 の報告事項は社会福祉法第106条の6を挙げ、「同意を得て」とは書かない', () => {
    const report = text(doc(4, 'unconsented'));
    expect(report).toContain('106条の6');
    expect(report).toContain('同意が得られていない');
    expect(report).not.toContain('同意を得て');
    expect(report).not.toContain('同意を得た');
    expect(report).not.toContain('世帯支援プランシート');
    expect(report).toContain('見守り体制と今後の対応');
  });

  it('重層的支援会議の様式4 は同意を得たことと支援プランシートを挙げる（検査が文面を見分けられること）', () => {
    const report = text(doc(4, 'consented'));
    expect(report).toContain('同意を得た上で');
    expect(report).toContain('A氏世帯支援プランシート');
    expect(report).not.toContain('106条の6');
  });

  it('家族構成図を発行していなければ、様式2 にも様式4 にも家族構成図は出てこない', () => {
    for (const kind of kinds) {
      expect(text(doc(2, kind))).not.toContain('家族構成図');
      expect(text(doc(4, kind))).not.toContain('家族構成図');
    }
  });

  it('プランのない支援会議の次第に役割分担も検討シートもなく、重層的支援会議の次第にはある', () => {
    const unconsented = text(doc(2, 'unconsented'));
    expect(unconsented).not.toContain('役割分担');
    expect(unconsented).not.toContain('検討シート');
    expect(unconsented).toContain('見守り体制と今後の対応');
    const consented = text(doc(2, 'consented'));
    expect(consented).toContain('当面の支援方針及び役割分担');
    expect(consented).toContain('資料1世帯支援プラン検討シート');
  });
});

describe('様式1 は課長が印を押せる公用文', () => {
  it('発信日は発行した日で、開催日ではない', () => {
    for (const kind of kinds) {
      for (const page of doc(1, kind).pages) {
        expect(squash(page)).toContain('令和8年11月10日');
        expect(squash(page)).toContain('日時令和8年11月26日（木）14:00～15:30');
      }
    }
  });

  it('回答期限の文は必ずあり、既定は開催日の3開庁日前（勤労感謝の日と週末を除いて11月20日）', () => {
    for (const kind of kinds) {
      for (const page of doc(1, kind).pages)
        expect(squash(page)).toContain('出欠は令和8年11月20日（金）までに担当あて御連絡ください');
    }
  });

  it('担当欄に課・担当者（発行した利用者）・電話・メールがある', () => {
    for (const kind of kinds) {
      for (const page of doc(1, kind).pages) {
        const p = squash(page);
        expect(p).toContain('担当課鹿屋市保健福祉部福祉政策課');
        expect(p).toContain('担当者相談花子');
        expect(p).toContain('電話0994-31-1113');
        expect(p).toContain('メールjyuusou@city.kanoya.example.jp');
      }
    }
  });

  it('番号付きは「鹿福政第123号」と課長・（公印省略）、事務連絡は番号も公印の行もない', () => {
    for (const page of doc(1, 'consented').pages) {
      expect(squash(page)).toContain('鹿福政第123号');
      expect(squash(page)).toContain('鹿屋市保健福祉部福祉政策課長（公印省略）');
    }
    for (const page of doc(1, 'unconsented').pages) {
      expect(squash(page)).toContain('事務連絡');
      expect(squash(page)).not.toContain('第123号');
      expect(squash(page)).not.toContain('公印');
      expect(squash(page)).not.toContain('課長');
    }
  });

  it('事務所自身の課には通知を送らない：4機関に1ページずつ、どのページも「1 / 1」', async () => {
    for (const kind of kinds) {
      const notice = doc(1, kind);
      expect((await pdfPages(notice.pdf)).pages).toBe(4);
      expect(notice.pages).toHaveLength(4);
      for (const page of notice.pages) {
        expect(squash(page)).not.toContain(ownOfficeAgency);
        const footer =
          page
            .split('\n')
            .filter((l) => l.trim() !== '')
            .at(-1) ?? '';
        expect(squash(footer)).toBe('1/1');
      }
    }
  });

  it('事務所の設定に仮の値（〇〇市）が残っていれば、直す設定の名前を挙げて作成を断る', async () => {
    await saveOfficeSettings(serviceCtx(db, vault.userId, issueNow), {
      ...finishedOffice,
      municipalityName: '〇〇市',
    });
    try {
      const refused = await packet('consented', [1]).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(KasaneError);
      expect((refused as KasaneError).code).toBe('OFFICE_SETTINGS_INCOMPLETE');
      expect((refused as KasaneError).message).toContain('「自治体名」');
      expect((refused as KasaneError).details).toEqual({ field: 'municipalityName' });
      // The other 様式 print no letterhead and are not held back.
      await expect(packet('consented', [2])).resolves.toBeDefined();
    } finally {
      await saveOfficeSettings(serviceCtx(db, vault.userId, issueNow), finishedOffice);
    }
  });

  it('電話が未設定なら作成を断り、「電話」を挙げる', async () => {
    await saveOfficeSettings(serviceCtx(db, vault.userId, issueNow), { ...finishedOffice, phone: '' });
    try {
      const refused = (await packet('unconsented', [1]).catch((e: unknown) => e)) as KasaneError;
      expect(refused.code).toBe('OFFICE_SETTINGS_INCOMPLETE');
      expect(refused.message).toContain('「電話」');
    } finally {
      await saveOfficeSettings(serviceCtx(db, vault.userId, issueNow), finishedOffice);
    }
  });

  it('発信日が開催日の当日以降なら注意を出す', async () => {
    const late = await packet('consented', [1], { notice: { issuedOn: '2026-11-26' } });
    expect(late.warnings.join()).toContain('発信日（令和8年11月26日（木））が開催日');
    const inTime = await packet('consented', [1]);
    expect(inTime.warnings).toEqual([]);
  });

  it('機関ごとのファイルにすると宛先の数だけ1ページのファイルができる', async () => {
    const { files } = await packet('consented', [1], { perAgency: true });
    expect(files.map((f) => f.name)).toEqual([
      '様式1_開催通知_R8-101-1_鹿屋市地域包括支援センター.docx',
      '様式1_開催通知_R8-101-1_肝属地区障がい者基幹相談支援センター.docx',
      '様式1_開催通知_R8-101-1_鹿屋市子ども家庭課.docx',
      '様式1_開催通知_R8-101-1_鹿屋市社会福祉協議会.docx',
    ]);
    expect(files.every((f) => f.pages === 1)).toBe(true);
  });
});

describe('様式3 は4人世帯でも1枚', () => {
  it.each(kinds)(
    '%s: 1ページで、行は「A氏（本人）」のように続柄を添え、重層的支援会議は氏名も入る',
    async (kind) => {
      const sheet = doc(3, kind);
      expect((await pdfPages(sheet.pdf)).pages).toBe(1);
      const t = text(sheet);
      const names = ['山田 太郎', '山田 ハナ', '山田 翔', '山﨑 美咲'];
      ['本人', '母', '長男', '長女'].forEach((relationship, i) => {
        const label = 'ABCD'[i];
        const expected =
          kind === 'consented'
            ? `${label}氏 ${names[i]}（${relationship}）`
            : `${label}氏（${relationship}）`;
        expect(t).toContain(squash(expected));
      });
      expect(t).toContain('危機介入');
      expect(t).toContain('その他');
    },
  );

  it('支援会議の資料のどのパーツにも本名がない（ルール4）', async () => {
    for (const form of forms) {
      const zip = await JSZip.loadAsync(doc(form, 'unconsented').bytes);
      for (const file of Object.values(zip.files)) {
        const content = await file.async('string');
        for (const part of realNameParts)
          expect(content.includes(part), `${part} in ${file.name}`).toBe(false);
      }
    }
  });
});

describe('全ページの書式', () => {
  it('警告文の「100万円」はどのページでも途中で改行されない', () => {
    for (const kind of kinds) {
      for (const form of forms) {
        for (const page of doc(form, kind).pages) {
          const lines = page.split('\n').map(squash);
          expect(
            lines.some((l) => l.includes('100万円')),
            `様式${form} ${kind}`,
          ).toBe(true);
        }
      }
    }
  });

  it('サービスが数えたページ数は LibreOffice の PDF と同じ', async () => {
    for (const kind of kinds) {
      for (const form of forms) {
        const d = doc(form, kind);
        expect(d.counted, `様式${form} ${kind}`).toBe((await pdfPages(d.pdf)).pages);
      }
    }
  });
});

describe('配布番号（ルール8）', () => {
  it('部数が出席機関より少なければ、配布されない機関を名指しで注意する', async () => {
    const short = await packet('consented', [2, 3], { copies: 3 });
    expect(short.warnings.join()).toContain('鹿屋市社会福祉協議会');
    expect(short.warnings.join()).toContain(ownOfficeAgency);
    expect(short.warnings.join()).not.toContain('鹿屋市地域包括支援センター');
  });

  it('一緒に発行した様式は、受け取る機関ごとに同じ配布番号になり、回収チェック表は1枚', async () => {
    const { files, packet: numbered } = await packet('consented', [2, 3], { copies: 6 });
    expect(numbered?.documents).toEqual(['form2', 'form3']);
    expect(numbered?.copies.map((c) => c.recipient)).toEqual([
      '鹿屋市地域包括支援センター',
      '肝属地区障がい者基幹相談支援センター',
      '鹿屋市子ども家庭課',
      '鹿屋市社会福祉協議会',
      ownOfficeAgency,
      '',
    ]);
    expect(files.filter((f) => f.name.includes('回収チェック表'))).toHaveLength(1);
    for (const n of [1, 6]) {
      const numbered = files.filter((f) => f.name.includes(`_配布0${n}.docx`));
      expect(numbered.map((f) => f.name.slice(0, 3))).toEqual(['様式2', '様式3']);
      for (const f of numbered) {
        const header = await (await JSZip.loadAsync(f.bytes)).file('word/header1.xml')?.async('string');
        expect(header).toContain(`配布番号 ${n}／6`);
      }
    }
  });
});

describe('目で確かめるための PNG', () => {
  it('各様式（両方の会議）の全ページを test-results/forms/service に書き出す', async () => {
    const dir = join(process.cwd(), 'test-results', 'forms', 'service');
    await mkdir(dir, { recursive: true });
    for (const kind of kinds) {
      for (const form of forms) {
        const files = await pdfToPng(doc(form, kind).pdf, join(dir, `form${form}-${kind}`));
        expect(files.length).toBeGreaterThan(0);
      }
    }
  });
});
