import { execFileSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listConsents, withdrawConsent } from './consent.js';
import { DocumentGate } from './document-gate.js';
import { createMeeting } from './meetings.js';
import { folderPlatform } from './platform.js';
import { savedForMeeting } from './testing/gate-confirmation.js';
import { finishedOffice } from './testing/meeting-documents-fixture.js';
import { householdForMeetings, meetingNow } from './testing/meeting-fixture.js';
import { serviceCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';

const office = finishedOffice;
let vault: Awaited<ReturnType<typeof signedInVault>>;
let downloads: string;
let gate: DocumentGate;
const user = () => ({ id: vault.userId, name: '相談 花子' });
beforeEach(async () => {
  vault = await signedInVault();
  downloads = join(vault.dir, '..', `${vault.dir.split('/').pop()}-downloads`);
  gate = new DocumentGate(folderPlatform(downloads));
  vault.session.onLock(() => gate.discardAll());
});
afterEach(async () => vault.close());

/** Every XML part of a .docx, concatenated, to search for names. */
async function docxText(bytes: Buffer): Promise<string> {
  const path = join(vault.dir, '..', `check-${Date.now()}.docx`);
  await writeFile(path, bytes);
  return execFileSync('unzip', ['-p', path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** One 様式 on its own, 様式1's fields at their defaults. */
const alone = { together: [], perAgency: false, notice: { number: '', issuedOn: null, replyBy: null } };

describe('159条のゲート（ルール4・7・8）', () => {
  it('支援会議の資料は記号で表示し、実名を選ぶには理由が要る', async () => {
    const { meeting } = await householdForMeetings(vault.db, vault.userId);
    const { id } = await createMeeting(
      serviceCtx(vault.db, vault.userId, meetingNow),
      meeting({ kind: 'unconsented' }),
    );
    const masked = await gate.preview(
      vault.db,
      user(),
      office,
      { meetingId: id, document: 'form3', names: 'masked', namesReason: '', copies: 1, ...alone },
      meetingNow,
    );
    const text = await docxText(Buffer.from(masked.base64, 'base64'));
    for (const name of ['𠮷田 花子', '𠮷田 髙志', '山﨑 美咲', '花子', '髙志', '美咲'])
      expect(text).not.toContain(name);
    expect(text).toContain('A氏');
    await expect(
      gate.preview(
        vault.db,
        user(),
        office,
        { meetingId: id, document: 'form3', names: 'real', namesReason: '  ', copies: 1, ...alone },
        meetingNow,
      ),
    ).rejects.toMatchObject({ code: 'NAMES_REASON_REQUIRED' });
    const real = await gate.preview(
      vault.db,
      user(),
      office,
      {
        meetingId: id,
        document: 'form3',
        names: 'real',
        namesReason: '緊急時の本人確認のため',
        copies: 1,
        ...alone,
      },
      meetingNow,
    );
    expect(await docxText(Buffer.from(real.base64, 'base64'))).toContain('𠮷田 花子');
  });

  it('保存するとプレビューと同じバイトが書かれ、監査ログに様式・部数・目的・氏名の扱いが残る（自由記述の目的は残らない）', async () => {
    const { meeting } = await householdForMeetings(vault.db, vault.userId, { consentOn: '2026-05-01' });
    const { id } = await createMeeting(serviceCtx(vault.db, vault.userId, meetingNow), meeting());
    const preview = await gate.preview(
      vault.db,
      user(),
      office,
      { meetingId: id, document: 'form5', names: 'real', namesReason: '', copies: 1, ...alone },
      meetingNow,
    );
    const result = await gate.issue(
      vault.db,
      vault.userId,
      {
        previewId: preview.previewId,
        action: 'save',
        purpose: 'その他',
        purposeNote: '𠮷田さん宅訪問用の控え',
        warningAcknowledged: true,
      },
      meetingNow,
    );
    expect(result).toEqual({ done: true, fileNames: ['様式5_世帯支援プランシート_R8-001-1.docx'] });
    expect((await readFile(join(downloads, result.fileNames[0] ?? ''))).toString('base64')).toBe(
      preview.base64,
    );
    const event = await vault.db
      .selectFrom('audit_events')
      .selectAll()
      .where('kind', '=', 'document.issued')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.detail_json)).toMatchObject({
      document: 'form5',
      copies: 1,
      names: 'real',
      action: 'save',
      purpose: 'その他',
    });
    expect(event.detail_json).not.toContain('𠮷田');
    const issue = await vault.db.selectFrom('document_issues').selectAll().executeTakeFirstOrThrow();
    expect(issue).toMatchObject({ purpose_note: '𠮷田さん宅訪問用の控え', copies: 1 });
  });

  it('複数部数では配布番号つきの各部と回収チェック表ができる', async () => {
    const { meeting } = await householdForMeetings(vault.db, vault.userId, { consentOn: '2026-05-01' });
    const { id } = await createMeeting(serviceCtx(vault.db, vault.userId, meetingNow), meeting());
    const preview = await gate.preview(
      vault.db,
      user(),
      office,
      { meetingId: id, document: 'form2', names: 'real', namesReason: '', copies: 4, ...alone },
      meetingNow,
    );
    expect(preview.fileNames).toHaveLength(5);
    await gate.issue(vault.db, vault.userId, savedForMeeting(preview.previewId), meetingNow);
    const saved = (await readdir(downloads)).sort();
    expect(saved).toContain('様式2_会次第_R8-001-1_配布04.docx');
    expect(saved).toContain('資料回収チェック表_R8-001-1.docx');
    const copy3 = await docxText(await readFile(join(downloads, '様式2_会次第_R8-001-1_配布03.docx')));
    expect(copy3).toMatch(/配布番号[^<]*3/);
    const checklist = await docxText(await readFile(join(downloads, '資料回収チェック表_R8-001-1.docx')));
    expect(checklist).toContain('第一地域包括支援センター');
  });

  it('様式1 は宛先ごとに「1 / 1」と数え、番号と発信日を選べ、機関ごとのファイルにもできる', async () => {
    const { meeting } = await householdForMeetings(vault.db, vault.userId, { consentOn: '2026-05-01' });
    const { id } = await createMeeting(serviceCtx(vault.db, vault.userId, meetingNow), meeting());
    const request = {
      meetingId: id,
      document: 'form1' as const,
      names: 'real' as const,
      namesReason: '',
      copies: 1,
      together: [],
      notice: { number: '88', issuedOn: '2026-11-16', replyBy: null },
    };
    const one = await gate.preview(vault.db, user(), office, { ...request, perAgency: false }, meetingNow);
    expect(one.fileNames).toEqual(['様式1_開催通知_R8-001-1.docx']);
    expect(one.pages).toBe(3);
    expect(one.pageNumbers).toEqual(['1 / 1', '1 / 1', '1 / 1']);
    const text = await docxText(Buffer.from(one.base64, 'base64'));
    expect(text).toContain('鹿福政第88号');
    expect(text).toContain('令和8年11月16日');

    const split = await gate.preview(vault.db, user(), office, { ...request, perAgency: true }, meetingNow);
    expect(split.fileNames).toHaveLength(3);
    for (const name of ['第一地域包括支援センター', '基幹相談支援センター', '市社会福祉協議会'])
      expect(split.fileNames.some((f) => f.includes(name))).toBe(true);
    expect(split.pageNumbers).toEqual(['1 / 1']);
  });

  it('一緒に作成した様式は機関ごとに同じ配布番号になり、回収チェック表は1枚、発行の記録は両方の様式', async () => {
    const { meeting } = await householdForMeetings(vault.db, vault.userId, { consentOn: '2026-05-01' });
    const { id } = await createMeeting(serviceCtx(vault.db, vault.userId, meetingNow), meeting());
    const preview = await gate.preview(
      vault.db,
      user(),
      office,
      {
        meetingId: id,
        document: 'form2',
        names: 'real',
        namesReason: '',
        copies: 2,
        ...alone,
        together: ['form3'],
      },
      meetingNow,
    );
    expect(preview.fileNames.filter((f) => f.includes('回収チェック表'))).toHaveLength(1);
    expect(preview.fileNames.filter((f) => f.endsWith('_配布02.docx')).map((f) => f.slice(0, 3))).toEqual([
      '様式2',
      '様式3',
    ]);
    // The preview shows the 様式 the gate was opened for.
    expect(await docxText(Buffer.from(preview.base64, 'base64'))).toContain('次第');
    expect(preview.notices.join('\n')).toContain('市社会福祉協議会');
    await gate.issue(vault.db, vault.userId, savedForMeeting(preview.previewId), meetingNow);
    const events = await vault.db
      .selectFrom('audit_events')
      .select('detail_json')
      .where('kind', '=', 'document.issued')
      .execute();
    expect(events.map((e) => JSON.parse(e.detail_json)).map((d) => [d.document, d.copies])).toEqual([
      ['form2', 2],
      ['form3', 2],
    ]);
  });

  it('ロックするとプレビューは消え、Word で開いた一時ファイルも消える', async () => {
    const { meeting } = await householdForMeetings(vault.db, vault.userId, { consentOn: '2026-05-01' });
    const { id } = await createMeeting(serviceCtx(vault.db, vault.userId, meetingNow), meeting());
    const preview = await gate.preview(
      vault.db,
      user(),
      office,
      { meetingId: id, document: 'form1', names: 'real', namesReason: '', copies: 1, ...alone },
      meetingNow,
    );
    await gate.issue(
      vault.db,
      vault.userId,
      {
        previewId: preview.previewId,
        action: 'openInWord',
        purpose: '上司への報告',
        purposeNote: '',
        warningAcknowledged: true,
      },
      meetingNow,
    );
    expect(await readdir(join(downloads, 'temporary'))).toHaveLength(1);
    await vault.session.lock('user');
    await expect(readdir(join(downloads, 'temporary'))).rejects.toThrow();
    await vault.session.unlock({ passphrase: 'correct horse battery' });
    await expect(
      gate.issue(
        vault.session.signedIn().store.db,
        vault.userId,
        {
          previewId: preview.previewId,
          action: 'save',
          purpose: '上司への報告',
          purposeNote: '',
          warningAcknowledged: true,
        },
        meetingNow,
      ),
    ).rejects.toMatchObject({ code: 'PREVIEW_EXPIRED' });
  });

  it('同意が後から撤回されて会議日に有効でなくなった重層的支援会議は、様式を出さない', async () => {
    const { householdId, meeting } = await householdForMeetings(vault.db, vault.userId, {
      consentOn: '2026-05-01',
    });
    const { id } = await createMeeting(serviceCtx(vault.db, vault.userId, meetingNow), meeting());
    const [consent] = await listConsents(vault.db, householdId);
    await withdrawConsent(serviceCtx(vault.db, vault.userId, meetingNow), {
      consentId: consent?.id ?? '',
      withdrawnOn: '2026-11-01',
      reason: '撤回',
    });
    await expect(
      gate.preview(
        vault.db,
        user(),
        office,
        { meetingId: id, document: 'form5', names: 'real', namesReason: '', copies: 1, ...alone },
        meetingNow,
      ),
    ).rejects.toMatchObject({ code: 'CONSENT_REQUIRED' });
  });
});
