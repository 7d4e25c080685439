import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addConsent } from './consent.js';
import { createHousehold, updateHousehold } from './households.js';
import { createMeeting } from './meetings.js';
import { saveProgressNote } from './progress-notes.js';
import { householdForMeetings, meetingNow } from './testing/meeting-fixture.js';
import { serviceCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';

let vault: Awaited<ReturnType<typeof signedInVault>>;
beforeEach(async () => {
  vault = await signedInVault();
});
afterEach(async () => vault.close());

const notFound = {
  code: 'NOT_FOUND',
  message: '指定された機関が登録されていません。機関の一覧から選び直してください。',
};

describe('登録されていない機関の id は「見つかりません」（想定外のエラーではない）', () => {
  it('世帯の登録・変更、支援経過、同意の範囲、会議の出席者のどれでも NOT_FOUND で、何も書かない', async () => {
    const ctx = () => serviceCtx(vault.db, vault.userId, meetingNow);
    const { householdId, meeting } = await householdForMeetings(vault.db, vault.userId);
    const unknown = randomUUID();
    const sqlite = vault.session.signedIn().store.sqlite;
    const rows = () =>
      sqlite
        .prepare(
          'SELECT (SELECT count(*) FROM households) + (SELECT count(*) FROM progress_notes) + (SELECT count(*) FROM consents) + (SELECT count(*) FROM meetings)',
        )
        .pluck()
        .get();
    const before = rows();
    const household = {
      caseNo: 'R8-900',
      receivedOn: '2026-04-10',
      label: 'A',
      referralAgencyId: unknown,
      issues: [],
      note: '',
    };
    await expect(createHousehold(ctx(), household)).rejects.toMatchObject(notFound);
    await expect(
      updateHousehold(ctx(), { id: householdId, household: { ...household, caseNo: 'R8-001' } }),
    ).rejects.toMatchObject(notFound);
    await expect(
      saveProgressNote(ctx(), {
        householdId,
        notedOn: '2026-11-20',
        agencyId: unknown,
        staff: '',
        content: '経過',
        nextPlan: '',
      }),
    ).rejects.toMatchObject(notFound);
    await expect(
      addConsent(ctx(), {
        householdId,
        obtainedOn: '2026-11-01',
        method: 'written',
        obtainedBy: '相談 花子',
        allAgencies: false,
        agencyIds: [unknown],
      }),
    ).rejects.toMatchObject(notFound);
    const attendee = { agencyId: unknown, title: '', personName: '', scopeReason: '理由' };
    await expect(
      createMeeting(ctx(), meeting({ kind: 'unconsented', attendees: [attendee] })),
    ).rejects.toMatchObject(notFound);
    expect(rows()).toBe(before);
  });
});
