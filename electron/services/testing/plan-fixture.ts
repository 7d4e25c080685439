import type { ChannelInput } from '../../ipc/contract.js';
import type { officeDays } from './office-days.js';

type Office = ReturnType<typeof officeDays>;

/** The office's usual 会議 (市役所 第2会議室, 14:00–15:30, 開会・閉会), each agency sending a 相談員. */
export function usualMeeting(meeting: {
  householdId: string;
  kind?: 'consented' | 'unconsented';
  meetingNo: string;
  heldOn: string;
  issuedOn: string;
  replyBy?: string;
  agencyIds: string[];
}): ChannelInput<'meetings.create'> {
  return {
    householdId: meeting.householdId,
    kind: meeting.kind ?? 'consented',
    meetingNo: meeting.meetingNo,
    heldOn: meeting.heldOn,
    startTime: '14:00',
    endTime: '15:30',
    place: '市役所 第2会議室',
    agenda: ['開会', '閉会'],
    handouts: [],
    attendees: meeting.agencyIds.map((agencyId, i) => ({
      agencyId,
      title: '相談員',
      personName: `担当 ${'一二三四五'[i] ?? '六'}`,
      scopeReason: '',
    })),
    noticeNumber: null,
    issuedOn: meeting.issuedOn,
    replyBy: meeting.replyBy ?? '',
  };
}

/**
 * A household received 2025-04-10, supported from 04-15 (with written consent when consented), and
 * a 確定 plan from its meeting `${caseNo}-1` of 05-20: goals for 本人's row (次回 「月1回訪問」) and
 * 危機介入, the other rows blank.
 */
export async function householdWithFinalPlan(
  office: Office,
  options: {
    caseNo: string;
    label: string;
    kind: 'consented' | 'unconsented';
    agencyIds: string[];
    goals: { principal: string; crisis: string };
  },
) {
  const { caseNo, kind, goals } = options;
  const householdId = await office.household('2025-04-10', caseNo, options.label);
  await office.status('2025-04-15', householdId, 'start');
  if (kind === 'consented') await office.consent('2025-04-15', householdId, 'written');
  const meetingId = await office.meeting(
    '2025-05-01',
    usualMeeting({
      householdId,
      kind,
      meetingNo: `${caseNo}-1`,
      heldOn: '2025-05-20',
      issuedOn: '2025-05-01',
      agencyIds: options.agencyIds,
    }),
  );
  const detail = await office.meetingDetail('2025-05-20', meetingId);
  await office.savePlan('2025-05-20', {
    meetingId,
    status: 'final',
    rows: detail.planRows.map((r) => {
      const principal = r.target === 'member' && r.heading.startsWith('A');
      return {
        id: r.id,
        target: r.target,
        memberId: r.memberId,
        goal: principal ? goals.principal : r.target === 'crisis' ? goals.crisis : '',
        discussion: '',
        nextActions: principal ? '月1回訪問' : '',
        roles: '',
      };
    }),
  });
  return { householdId, meetingId };
}
