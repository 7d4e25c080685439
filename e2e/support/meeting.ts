import type { Page } from '@playwright/test';

/**
 * A 支援会議 (R8-050-1, 令和10年6月14日) for the household R8-050 of one member, attended by three
 * agencies of the default list. Returns the meeting's id.
 */
export async function setUpMeeting(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const must = async <T>(
      result: Promise<{ ok: true; value: T } | { ok: false; message: string; code: string }>,
    ): Promise<T> => {
      const r = await result;
      if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
      return r.value;
    };
    const k = window.kasane;
    const agencies = await must(k['agencies.list']({}));
    const id = (name: string) => agencies.find((a) => a.name === name)?.id ?? '';
    const { id: householdId } = await must(
      k['households.create']({
        caseNo: 'R8-050',
        receivedOn: '令和7年4月1日',
        label: '𠮷田世帯',
        referralAgencyId: null,
        issues: [],
        note: '',
      }),
    );
    await must(
      k['households.saveMembers']({
        householdId,
        members: [
          {
            name: '𠮷田 ハナ',
            kana: 'よしだ はな',
            relationship: '本人',
            birthDate: '昭和19年5月1日',
            sex: 'female',
            isPrincipal: true,
          },
        ],
      }),
    );
    const { id: meetingId } = await must(
      k['meetings.create']({
        householdId,
        kind: 'unconsented',
        meetingNo: 'R8-050-1',
        heldOn: '令和10年6月14日',
        startTime: '14:00',
        endTime: '15:00',
        place: '第2会議室',
        agenda: [],
        handouts: [],
        attendees: ['地域包括支援センター', '障がい者基幹相談支援センター', '社会福祉協議会'].map(
          (name, i) => ({
            agencyId: id(name),
            title: '相談員',
            personName: `担当 ${i + 1}`,
            scopeReason: '',
          }),
        ),
        noticeNumber: null,
        issuedOn: '令和10年6月1日',
        replyBy: '',
      }),
    );
    return meetingId;
  });
}
