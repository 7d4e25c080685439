import { evaluationDraft } from '../evaluation.js';
import { addMonitoring } from '../monitoring.js';
import { type officeDays, parse } from './office-days.js';
import { householdWithFinalPlan } from './plan-fixture.js';

/**
 * A household received 2025-04-10, supported from 04-15, with a 確定 plan from the meeting of 05-20
 * (本人's row and 危機介入), the 本人 row monitored 達成 on 08-01, then closed on 09-01 with its
 * evaluation (本人 達成, 危機介入 一部達成) and, when handed back, the first agency as 引継ぎ先.
 */
export async function closedWithPlan(
  office: ReturnType<typeof officeDays>,
  {
    caseNo,
    label,
    kind,
    reason,
    agencyIds,
  }: {
    caseNo: string;
    label: string;
    kind: 'consented' | 'unconsented';
    reason: '課題解決' | '包括的相談支援事業へ戻す';
    /** The attending agencies; the first reports the monitoring and takes over a hand-back. */
    agencyIds: [string, ...string[]];
  },
) {
  const { householdId, meetingId } = await householdWithFinalPlan(office, {
    caseNo,
    label,
    kind,
    agencyIds,
    goals: {
      principal: '月1回の通院を続け、服薬を自分で管理できるようになる',
      crisis: '急変時の連絡先と駆け付ける機関を決めておく',
    },
  });
  const [first] = (await evaluationDraft(office.ctx('2025-08-01'), { householdId })).rows;
  await addMonitoring(
    office.ctx('2025-08-01'),
    parse('monitoring.add', {
      planRowId: first?.planRowId ?? '',
      checkedOn: '2025-08-01',
      status: 'achieved',
      note: '毎月通院できた。服薬カレンダーを自分でつけている。',
      agencyId: agencyIds[0],
    }),
  );
  const draft = await evaluationDraft(office.ctx('2025-09-01'), { householdId });
  await office.close('2025-09-01', householdId, {
    reason,
    handoverAgencyId: reason === '包括的相談支援事業へ戻す' ? agencyIds[0] : null,
    evaluation: draft.rows.map((r, i) => ({
      planRowId: r.planRowId,
      achievement: i === 0 ? 'achieved' : 'partlyAchieved',
      comment: i === 0 ? '通院が定着し、家族の見守りも続いている。' : '連絡先は決めたが、夜間の対応は未定。',
    })),
  });
  return { householdId, meetingId };
}
