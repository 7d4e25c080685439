import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHousehold } from './households.js';
import { listProgressNotes, progressNoteHistory, saveProgressNote } from './progress-notes.js';
import { signedInVault } from './testing/signed-in-vault.js';

const now = new Date('2026-11-22T01:00:00Z');
let vault: Awaited<ReturnType<typeof signedInVault>>;
let householdId: string;
beforeEach(async () => {
  vault = await signedInVault();
  ({ id: householdId } = await createHousehold(
    vault.db,
    vault.userId,
    {
      caseNo: 'R8-001',
      receivedOn: '2026-04-01',
      label: '山田',
      referralAgencyId: null,
      issues: [],
      note: '',
    },
    now,
  ));
});
afterEach(async () => vault.close());

const note = (notedOn: string, content: string) => ({
  householdId,
  notedOn,
  agencyId: null,
  staff: '相談員',
  content,
  nextPlan: '',
});

describe('支援経過', () => {
  it('新しい日付が先頭に並ぶ', async () => {
    await saveProgressNote(vault.db, vault.userId, note('2026-05-01', '初回面談'), now);
    await saveProgressNote(vault.db, vault.userId, note('2026-06-01', '家庭訪問'), now);
    expect((await listProgressNotes(vault.db, householdId)).map((n) => n.content)).toEqual([
      '家庭訪問',
      '初回面談',
    ]);
  });

  it('編集しても以前の内容は履歴として残る', async () => {
    const { id } = await saveProgressNote(
      vault.db,
      vault.userId,
      note('2026-05-01', '最初の記録 <&>"\''),
      now,
    );
    await saveProgressNote(vault.db, vault.userId, { ...note('2026-05-02', '直した記録'), id }, now);
    const [current] = await listProgressNotes(vault.db, householdId);
    expect(current).toMatchObject({ content: '直した記録', notedOn: '2026-05-02', revision: 2 });
    expect(await progressNoteHistory(vault.db, id)).toEqual([
      expect.objectContaining({ revision: 1, content: '最初の記録 <&>"\'', notedOn: '2026-05-01' }),
    ]);
  });

  it('5,000文字の内容もそのまま保存される', async () => {
    const long = '𠮷'.repeat(5000);
    await saveProgressNote(vault.db, vault.userId, note('2026-05-01', long), now);
    expect((await listProgressNotes(vault.db, householdId))[0]?.content).toBe(long);
  });

  it('存在しない世帯には書けない', async () => {
    await expect(
      saveProgressNote(
        vault.db,
        vault.userId,
        { ...note('2026-05-01', 'x'), householdId: '00000000-0000-4000-8000-000000000000' },
        now,
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
