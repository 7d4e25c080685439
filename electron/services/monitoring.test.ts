import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAuditEvents } from './audit.js';
import { evaluationDraft, listEvaluations } from './evaluation.js';
import { unfinalizePlan } from './meetings.js';
import { addMonitoring, currentPlan } from './monitoring.js';
import { officeDays, parse } from './testing/office-days.js';
import { householdWithFinalPlan, usualMeeting } from './testing/plan-fixture.js';
import { signedInVault } from './testing/signed-in-vault.js';

let vault: Awaited<ReturnType<typeof signedInVault>>;
let office: ReturnType<typeof officeDays>;
let householdId: string;
let agencyId: string;
let meetingId: string;

const meeting = (meetingNo: string, heldOn: string, issuedOn: string) =>
  usualMeeting({ householdId, meetingNo, heldOn, issuedOn, agencyIds: [agencyId] });

/** A household with a 確定 plan from the meeting of 2025-05-20: rows for A, B, 危機介入 (B's is blank). */
beforeEach(async () => {
  vault = await signedInVault(() => new Date('2025-04-01T01:00:00Z'));
  office = officeDays(vault.db, { id: vault.userId, name: '相談 花子' }, vault.dir);
  agencyId = await office.agency('2025-04-01', '第一地域包括支援センター', '高齢');
  ({ householdId, meetingId } = await householdWithFinalPlan(office, {
    caseNo: 'R7-001',
    label: '𠮷田',
    kind: 'consented',
    agencyIds: [agencyId],
    goals: { principal: '通院を続ける', crisis: '急変時の連絡先を決める' },
  }));
});
afterEach(async () => vault.close());

const rowsOf = async (day: string) => (await currentPlan(office.ctx(day), { householdId }))?.rows ?? [];
const monitor = (day: string, planRowId: string, status: 'ongoing' | 'needsReview' | 'achieved', note = '') =>
  addMonitoring(
    office.ctx(day),
    parse('monitoring.add', { planRowId, checkedOn: day, status, note, agencyId }),
  );

describe('モニタリング（ルール19）', () => {
  it('確定したプランの行ごとに、日付のある記録が新しい順に並び、監査ログに残る', async () => {
    const [a, crisis] = await rowsOf('2025-06-01');
    expect([a?.heading, crisis?.heading]).toEqual(['A氏（本人）', '危機介入']);
    await monitor('2025-06-01', a?.id ?? '', 'ongoing', '通院している');
    await monitor('2025-07-01', a?.id ?? '', 'achieved', '毎月通院できた');
    const [after] = await rowsOf('2025-07-01');
    expect(after?.entries.map((e) => [e.checkedOn, e.status, e.agencyName])).toEqual([
      ['2025-07-01', 'achieved', '第一地域包括支援センター'],
      ['2025-06-01', 'ongoing', '第一地域包括支援センター'],
    ]);
    const audit = await listAuditEvents(vault.db, { kind: 'monitoring.added', limit: 10 });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('通院');
  });

  it('確定していないプラン、会議より前、今日より後には記録できない（何も書かない）', async () => {
    const [a] = await rowsOf('2025-06-01');
    await expect(monitor('2025-05-19', a?.id ?? '', 'ongoing')).rejects.toMatchObject({
      code: 'MONITORING_DATE_OUT_OF_RANGE',
      details: { field: 'checkedOn' },
    });
    await expect(
      addMonitoring(
        office.ctx('2025-06-01'),
        parse('monitoring.add', {
          planRowId: a?.id ?? '',
          checkedOn: '2025-06-02',
          status: 'ongoing',
          note: '',
          agencyId: null,
        }),
      ),
    ).rejects.toMatchObject({ code: 'MONITORING_DATE_OUT_OF_RANGE' });
    const draft = await office.meeting('2025-06-01', meeting('R7-001-2', '2025-06-20', '2025-06-01'));
    const [seeded] = (await office.meetingDetail('2025-06-01', draft)).planRows;
    await office.savePlan('2025-06-01', {
      meetingId: draft,
      status: 'draft',
      rows: [
        {
          id: seeded?.id,
          target: 'member',
          memberId: seeded?.memberId ?? null,
          goal: '下書き',
          discussion: '',
          nextActions: '',
          roles: '',
        },
      ],
    });
    const [draftRow] = await vault.db
      .selectFrom('plan_rows')
      .select('id')
      .where('meeting_id', '=', draft)
      .execute();
    await expect(monitor('2025-06-20', draftRow?.id ?? '', 'ongoing')).rejects.toMatchObject({
      code: 'PLAN_NOT_FINAL',
    });
    expect(await vault.db.selectFrom('plan_monitoring').selectAll().execute()).toEqual([]);
  });

  it('記録のある行はプランから消せず、保存しても行のidと記録はそのまま残る', async () => {
    const [a, crisis] = await rowsOf('2025-06-01');
    await monitor('2025-06-01', a?.id ?? '', 'ongoing');
    const detail = await office.meetingDetail('2025-06-01', meetingId);
    const rows = detail.planRows.map((r) => ({
      ...r,
      nextActions: r.nextActions && `${r.nextActions}（変更）`,
    }));
    await unfinalizePlan(office.ctx('2025-06-01'), { meetingId, reason: '取組を書き足す' });
    await office.savePlan('2025-06-01', { meetingId, status: 'draft', rows });
    await expect(
      office.savePlan('2025-06-01', { meetingId, status: 'draft', rows: rows.filter((r) => r.id !== a?.id) }),
    ).rejects.toMatchObject({ code: 'PLAN_ROW_MONITORED' });
    await office.savePlan('2025-06-01', { meetingId, status: 'final', rows });
    expect((await rowsOf('2025-06-01')).map((r) => r.id)).toEqual([a?.id, crisis?.id]);
    expect((await rowsOf('2025-06-01'))[0]?.entries).toHaveLength(1);
  });

  it('次の会議の検討シートは現在のプランから始まる: 目標を引き継ぎ、検討内容に最新の実施状況が入る', async () => {
    const [a] = await rowsOf('2025-06-01');
    await monitor('2025-06-01', a?.id ?? '', 'ongoing', '通院している');
    await monitor('2025-08-01', a?.id ?? '', 'needsReview', '通院が途切れた');
    const next = await office.meeting('2025-08-05', meeting('R7-001-2', '2025-08-25', '2025-08-05'));
    const rows = (await office.meetingDetail('2025-08-05', next)).planRows;
    expect(rows.map((r) => r.heading.replace(/ .*（/, '（'))).toEqual([
      'A氏（本人）',
      'B氏（長女）',
      '危機介入',
      'その他',
    ]);
    expect(rows[0]).toMatchObject({ goal: '通院を続ける', nextActions: '', roles: '' });
    expect(rows[0]?.discussion).toBe(
      '【前回の実施状況】見直しが必要（令和7年8月1日 第一地域包括支援センター）\n通院が途切れた',
    );
    expect(rows[1]).toMatchObject({ goal: '', discussion: '' });
    expect(rows[2]?.goal).toBe('急変時の連絡先を決める');
    // Once the coordinator saves the new plan, it is theirs: the seed no longer applies.
    await office.savePlan('2025-08-05', {
      meetingId: next,
      status: 'draft',
      rows: rows.map((r) => ({
        ...r,
        discussion: r.target === 'member' ? '服薬の支援を検討' : r.discussion,
      })),
    });
    expect((await office.meetingDetail('2025-08-05', next)).planRows[0]?.discussion).toBe('服薬の支援を検討');
  });
});

describe('評価と終結（ルール20）', () => {
  it('プランのある世帯は、全ての行の達成状況なしには終結できない（何も書かない）', async () => {
    await expect(office.status('2025-09-01', householdId, 'close')).rejects.toMatchObject({
      code: 'EVALUATION_REQUIRED',
      details: { field: 'rows' },
    });
    const household = await vault.db
      .selectFrom('households')
      .select('status')
      .where('id', '=', householdId)
      .executeTakeFirst();
    expect(household?.status).toBe('active');
    expect(await vault.db.selectFrom('evaluations').selectAll().execute()).toEqual([]);
  });

  it('包括的相談支援事業へ戻すときは引継ぎ先が要る', async () => {
    const draft = await evaluationDraft(office.ctx('2025-09-01'), { householdId });
    await expect(
      office.close('2025-09-01', householdId, {
        reason: '包括的相談支援事業へ戻す',
        handoverAgencyId: null,
        evaluation: draft.rows.map((r) => ({ planRowId: r.planRowId, achievement: 'achieved', comment: '' })),
      }),
    ).rejects.toMatchObject({ code: 'HANDOVER_REQUIRED', details: { field: 'handoverAgencyId' } });
  });

  it('終結で行ごとの評価・終結理由・引継ぎ先が記録され、再開しても履歴に残る', async () => {
    const [a] = await rowsOf('2025-06-01');
    await monitor('2025-08-01', a?.id ?? '', 'achieved', '毎月通院できた');
    const draft = await evaluationDraft(office.ctx('2025-09-01'), { householdId });
    expect(draft.rows.map((r) => [r.heading, r.goal, r.latestStatus])).toEqual([
      ['A氏（本人）', '通院を続ける', 'achieved'],
      ['危機介入', '急変時の連絡先を決める', null],
    ]);
    await office.close('2025-09-01', householdId, {
      reason: '包括的相談支援事業へ戻す',
      handoverAgencyId: agencyId,
      evaluation: [
        { planRowId: draft.rows[0]?.planRowId ?? '', achievement: 'achieved', comment: '通院が定着した' },
        { planRowId: draft.rows[1]?.planRowId ?? '', achievement: 'partlyAchieved', comment: '<&>"\' 𠮷' },
      ],
    });
    await office.status('2025-10-01', householdId, 'reopen');
    const [evaluation] = await listEvaluations({ db: vault.db }, { householdId });
    expect(evaluation).toMatchObject({
      meetingNo: 'R7-001-1',
      meetingKind: 'consented',
      closedOn: '2025-09-01',
      closeReason: '包括的相談支援事業へ戻す',
      handoverAgencyName: '第一地域包括支援センター',
      closingVoided: false,
      reopenedOn: '2025-10-01',
    });
    expect(evaluation?.rows).toEqual([
      {
        heading: 'A氏（本人）',
        goal: '通院を続ける',
        progress: '【前回の実施状況】達成（令和7年8月1日 第一地域包括支援センター）\n毎月通院できた',
        achievement: 'achieved',
        comment: '通院が定着した',
      },
      {
        heading: '危機介入',
        goal: '急変時の連絡先を決める',
        progress: '',
        achievement: 'partlyAchieved',
        comment: '<&>"\' 𠮷',
      },
    ]);
  });

  it('プランのない世帯は評価なしで終結できる', async () => {
    const other = await office.household('2025-05-01', 'R7-002', '髙橋');
    await office.status('2025-09-01', other, 'close');
    expect(await listEvaluations({ db: vault.db }, { householdId: other })).toEqual([]);
  });
});
