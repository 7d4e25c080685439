import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditEvents } from './audit.js';
import { listCopies, markCopy, outstandingCopies } from './distributed-copies.js';
import { DocumentGate } from './document-gate.js';
import { KasaneError } from './errors.js';
import { listMeetings } from './meetings.js';
import { getOfficeSettings } from './office-settings.js';
import { folderPlatform } from './platform.js';
import { savedForMeeting } from './testing/gate-confirmation.js';
import { issueNow, meetingsForDocuments, ownOfficeAgency } from './testing/meeting-documents-fixture.js';
import { dayCtx, serviceCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';

let vault: Awaited<ReturnType<typeof signedInVault>>;
let gate: DocumentGate;
let meetingId: string;
const later = new Date('2026-11-27T01:00:00Z'); // the day after the meeting

beforeEach(async () => {
  vault = await signedInVault(() => issueNow);
  gate = new DocumentGate(
    folderPlatform(join(vault.dir, '..', `${vault.dir.split('/').pop()}-out`)),
    async () => null,
  );
  ({ consentedId: meetingId } = await meetingsForDocuments(vault.db, vault.userId));
});
afterEach(async () => vault.close());

/** Issues one 様式 of the meeting through the gate, saved, with numbered copies. */
async function issue(document: 'form2' | 'form3' | 'form4', copies: number, now = issueNow) {
  const preview = await gate.preview(
    vault.db,
    { id: vault.userId, name: '相談 花子' },
    await getOfficeSettings(vault.db),
    { meetingId, document, names: 'real', namesReason: '', copies, ...alone },
    now,
  );
  await gate.issue(vault.db, vault.userId, savedForMeeting(preview.previewId), now);
  return preview;
}

/** One 様式 on its own, 様式1's fields at their defaults. */
const alone = { together: [], perAgency: false, notice: { number: '', issuedOn: null, replyBy: null } };

describe('配布番号は会議ごとに1つの綴り（ルール8）', () => {
  it('発行した各部が記録され、後から発行した様式も同じ機関に同じ配布番号がつく', async () => {
    await issue('form2', 3);
    const first = await listCopies({ db: vault.db }, { meetingId: meetingId });
    expect(first.map((c) => [c.copyNo, c.recipient, c.status])).toEqual([
      [1, '鹿屋市地域包括支援センター', 'outstanding'],
      [2, '肝属地区障がい者基幹相談支援センター', 'outstanding'],
      [3, '鹿屋市子ども家庭課', 'outstanding'],
    ]);
    // Six copies of 様式3 later: numbers 1–3 keep their agencies, 4–5 go to the others, 6 is spare.
    const preview = await issue('form3', 6);
    expect(preview.notices).toEqual([]);
    const all = await listCopies({ db: vault.db }, { meetingId: meetingId });
    expect(all.map((c) => c.recipient)).toEqual([
      '鹿屋市地域包括支援センター',
      '肝属地区障がい者基幹相談支援センター',
      '鹿屋市子ども家庭課',
      '鹿屋市社会福祉協議会',
      ownOfficeAgency,
      '',
    ]);
    expect(all[0]?.documents).toEqual([
      '（重層会議様式2） 会次第',
      '（重層会議様式3） 世帯支援プラン検討シート',
    ]);
    expect(all[5]?.documents).toEqual(['（重層会議様式3） 世帯支援プラン検討シート']);
    expect(all.every((c) => c.total === 6)).toBe(true);
  });

  it('部数が足りなければ、受け取らない機関を名指しした注意がプレビューに出る', async () => {
    const preview = await issue('form2', 2);
    expect(preview.notices.join()).toContain('鹿屋市子ども家庭課、鹿屋市社会福祉協議会、鹿屋市福祉政策課');
  });

  it('1部だけの発行や、保存しなかったプレビューは配布番号を残さない', async () => {
    await issue('form4', 1);
    await gate.preview(
      vault.db,
      { id: vault.userId, name: '相談 花子' },
      await getOfficeSettings(vault.db),
      { meetingId, document: 'form2', names: 'real', namesReason: '', copies: 4, ...alone },
      issueNow,
    );
    expect(await listCopies({ db: vault.db }, { meetingId: meetingId })).toEqual([]);
  });
});

describe('回収・廃棄の記録', () => {
  it('回収を記録した部は未回収の一覧から消え、監査ログに残る。取り消すと戻る', async () => {
    await issue('form2', 3);
    expect((await outstandingCopies(vault.db)).map((c) => c.copyNo)).toEqual([1, 2, 3]);
    expect(
      (await listMeetings(dayCtx(vault.db, '2026-11-27'), { limit: 10 })).find((m) => m.id === meetingId)
        ?.missing,
    ).toContain('配布資料が未回収（3部）');

    const collected = await markCopy(serviceCtx(vault.db, vault.userId, later), {
      meetingId,
      copyNo: 2,
      status: 'collected',
      on: null,
    });
    expect(collected).toMatchObject({
      status: 'collected',
      collectedOn: '2026-11-27',
      recordedBy: '相談 花子',
    });
    const out = await outstandingCopies(vault.db);
    expect(out.map((c) => c.copyNo)).toEqual([1, 3]);
    expect(out[0]).toMatchObject({ meetingNo: 'R8-101-1', heldOn: '2026-11-26', total: 3 });

    await markCopy(serviceCtx(vault.db, vault.userId, later), {
      meetingId,
      copyNo: 1,
      status: 'destroyed',
      on: '2026-11-26',
    });
    expect((await outstandingCopies(vault.db, { meetingId })).map((c) => c.copyNo)).toEqual([3]);

    await markCopy(serviceCtx(vault.db, vault.userId, later), {
      meetingId,
      copyNo: 2,
      status: 'outstanding',
      on: null,
    });
    expect((await outstandingCopies(vault.db, { meetingId })).map((c) => c.copyNo)).toEqual([2, 3]);

    const events = await listAuditEvents(vault.db, { limit: 50 });
    const copyEvents = events.filter((e) => e.kind.startsWith('copy.'));
    expect(copyEvents.map((e) => [e.kind, e.detail.copyNo]).reverse()).toEqual([
      ['copy.collected', 2],
      ['copy.destroyed', 1],
      ['copy.reopened', 2],
    ]);
    expect(copyEvents.every((e) => e.targetId === meetingId)).toBe(true);
  });

  it('新しい様式が加わった部は、回収済みでも未回収に戻る', async () => {
    await issue('form2', 3);
    await markCopy(serviceCtx(vault.db, vault.userId, issueNow), {
      meetingId,
      copyNo: 1,
      status: 'collected',
      on: null,
    });
    await issue('form3', 3);
    expect((await outstandingCopies(vault.db, { meetingId })).map((c) => c.copyNo)).toEqual([1, 2, 3]);
  });

  it('配布前や未来の日付は回収日にできず、項目を示して断る', async () => {
    await issue('form2', 3);
    for (const on of ['2026-11-09', '2026-11-28']) {
      const refused = await markCopy(serviceCtx(vault.db, vault.userId, later), {
        meetingId,
        copyNo: 1,
        status: 'collected',
        on,
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(KasaneError);
      expect((refused as KasaneError).code).toBe('COPY_DATE_OUT_OF_RANGE');
      expect((refused as KasaneError).details).toEqual({ field: 'on' });
    }
    expect((await outstandingCopies(vault.db, { meetingId })).map((c) => c.copyNo)).toEqual([1, 2, 3]);
    await expect(
      markCopy(serviceCtx(vault.db, vault.userId, later), {
        meetingId,
        copyNo: 9,
        status: 'collected',
        on: null,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
