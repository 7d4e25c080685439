import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberInputSchema } from '../ipc/schemas/households.js';
import { saveAgency } from './agencies.js';
import { listAuditEvents } from './audit.js';
import { KasaneError } from './errors.js';
import { getFamily, listEcoMapTies, saveEcoMapTie, saveRelations } from './family.js';
import { listHouseholds } from './household-page.js';
import { getHousehold, listMembers, saveMembers, updateHousehold, voidMember } from './households.js';
import { createMeeting, savePlan } from './meetings.js';
import { defaultOfficeSettings } from './office-settings.js';
import { saveProgressNote } from './progress-notes.js';
import { householdForMeetings, meetingNow } from './testing/meeting-fixture.js';
import { dayCtx, serviceCtx } from './testing/service-context.js';
import { signedInVault } from './testing/signed-in-vault.js';
import { byClass, readSvg } from './testing/svg-reader.js';

const today = '2026-11-22';
let vault: Awaited<ReturnType<typeof signedInVault>>;
beforeEach(async () => {
  vault = await signedInVault(() => meetingNow);
});
afterEach(async () => vault.close());

const office = defaultOfficeSettings;

async function threeMembers() {
  const fixture = await householdForMeetings(vault.db, vault.userId, { consentOn: '2026-10-01' });
  const [a, b, c] = await listMembers(vault.db, fixture.householdId);
  if (!a || !b || !c) throw new Error('members missing');
  return { ...fixture, a, b, c };
}

describe('家族関係（世帯員の画面で選んで登録する）', () => {
  it('親子と夫婦を保存し、描画に反映し、監査ログには件数だけ残す', async () => {
    const { householdId, a, b, c } = await threeMembers();
    const before = await getFamily(dayCtx(vault.db, today), { householdId: householdId });
    expect(byClass(readSvg(before.genogramSvg), 'descent')).toHaveLength(0);

    const saved = await saveRelations(serviceCtx(vault.db, vault.userId, meetingNow), {
      householdId,
      relations: [
        { kind: 'parentChild', memberId: a.id, otherMemberId: b.id, year: null },
        { kind: 'married', memberId: b.id, otherMemberId: c.id, year: 2009 },
      ],
    });
    expect(saved.map((r) => r.kind)).toEqual(['parentChild', 'married']);
    const after = await getFamily(dayCtx(vault.db, today), { householdId: householdId });
    const svg = readSvg(after.genogramSvg);
    expect(byClass(svg, 'descent').map((d) => d.attrs['data-parents'])).toEqual(['A']);
    expect(byClass(svg, 'partner').map((p) => p.attrs['data-kind'])).toEqual(['married']);
    // On the screen the drawing names members (label and 氏名); the title never does.
    expect(after.genogramSvg).toContain('𠮷田 花子');
    expect(svg.attrs['aria-label']).toBe('A氏世帯の家族構成図');

    const events = await listAuditEvents(vault.db, { kind: 'relations.saved', limit: 10 });
    expect(events.map((e) => e.detail)).toEqual([{ count: 2 }]);
    expect(JSON.stringify(events)).not.toContain('𠮷田');
  });

  it('知らない世帯員・自分が親・循環は、すべてを知らせて何も変えない', async () => {
    const { householdId, a, b, c } = await threeMembers();
    await saveRelations(serviceCtx(vault.db, vault.userId, meetingNow), {
      householdId,
      relations: [{ kind: 'parentChild', memberId: a.id, otherMemberId: b.id, year: null }],
    });
    const stranger = '00000000-0000-4000-8000-000000000000';
    const attempt = saveRelations(serviceCtx(vault.db, vault.userId, meetingNow), {
      householdId,
      relations: [
        { kind: 'parentChild', memberId: a.id, otherMemberId: b.id, year: null },
        { kind: 'parentChild', memberId: b.id, otherMemberId: c.id, year: null },
        { kind: 'parentChild', memberId: c.id, otherMemberId: a.id, year: null },
        { kind: 'married', memberId: c.id, otherMemberId: c.id, year: null },
        { kind: 'separated', memberId: a.id, otherMemberId: stranger, year: null },
      ],
    });
    await expect(attempt).rejects.toBeInstanceOf(KasaneError);
    await expect(attempt).rejects.toMatchObject({
      code: 'INVALID_RELATIONS',
      message: [
        '親子関係が循環しています（A氏がC氏の祖先にもなっています）',
        'C氏と自分自身の関係になっています',
        '世帯員「?氏」が見つかりません',
      ].join('\n'),
    });
    const family = await getFamily(dayCtx(vault.db, today), { householdId: householdId });
    expect(family.relations).toHaveLength(1);
  });

  it('世帯員を取り消すとその人の関係は表示されない（記録は残る、規則18）', async () => {
    const { householdId, a, b, c } = await threeMembers();
    await saveRelations(serviceCtx(vault.db, vault.userId, meetingNow), {
      householdId,
      relations: [
        { kind: 'parentChild', memberId: a.id, otherMemberId: b.id, year: null },
        { kind: 'married', memberId: b.id, otherMemberId: c.id, year: null },
      ],
    });
    await voidMember(serviceCtx(vault.db, vault.userId, meetingNow), {
      id: c.id,
      reason: '別世帯の人を誤って登録',
    });
    const family = await getFamily(dayCtx(vault.db, today), { householdId: householdId });
    expect(family.relations.map((r) => r.kind)).toEqual(['parentChild']);
  });
});

describe('同居・死亡・キーパーソンと世帯員数', () => {
  it('世帯員数（一覧・詳細）は同居の人だけを数え、亡くなった人は同居にできない', async () => {
    const { householdId, a, b, c } = await threeMembers();
    const asInput = (m: typeof a, over: Record<string, unknown>) =>
      memberInputSchema.parse({ ...m, birthDate: m.birthDate ?? '', death: '', ...over });
    await saveMembers(serviceCtx(vault.db, vault.userId, meetingNow), {
      householdId: householdId,
      members: [
        asInput(a, { isKeyPerson: true }),
        asInput(b, { livesInHousehold: false }),
        asInput(c, { livesInHousehold: false, deceased: true, death: '令和2年' }),
      ],
      reason: '同居の状況と死亡を確認',
    });
    const [listed] = await listHouseholds(dayCtx(vault.db, today), {
      query: '',
      sort: 'receivedOn',
      limit: 5,
    });
    expect(listed?.memberCount).toBe(1);
    const detail = await getHousehold(serviceCtx(vault.db, vault.userId, meetingNow), { id: householdId });
    expect(detail.memberCount).toBe(1);
    expect(detail.members.map((m) => [m.livesInHousehold, m.deceased, m.deathYear, m.isKeyPerson])).toEqual([
      [true, false, null, true],
      [false, false, null, false],
      [false, true, 2020, false],
    ]);
    const refused = memberInputSchema.safeParse({
      ...c,
      birthDate: '',
      deceased: true,
      livesInHousehold: true,
    });
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['livesInHousehold', '亡くなった方は同居にできません'],
    ]);
    const beforeBirth = memberInputSchema.safeParse({
      ...c,
      birthDate: '2010-01-20',
      deceased: true,
      livesInHousehold: false,
      death: '2009',
    });
    expect(beforeBirth.error?.issues[0]?.message).toBe('亡くなった日が生年月日より前になっています');
    expect(
      memberInputSchema.safeParse({
        ...c,
        birthDate: '',
        death: 'きのう',
        deceased: true,
        livesInHousehold: false,
      }).success,
    ).toBe(false);
  });

  it('家族構成図: 亡くなった人に×、同居の人を囲む線、キーパーソンに☆', async () => {
    const { householdId, a, b, c } = await threeMembers();
    const asInput = (m: typeof a, over: Record<string, unknown>) =>
      memberInputSchema.parse({ ...m, birthDate: m.birthDate ?? '', death: '', ...over });
    await saveMembers(serviceCtx(vault.db, vault.userId, meetingNow), {
      householdId: householdId,
      members: [
        asInput(a, {}),
        asInput(b, { isKeyPerson: true }),
        asInput(c, { livesInHousehold: false, deceased: true }),
      ],
      reason: 'キーパーソンと死亡を記録',
    });
    const svg = readSvg((await getFamily(dayCtx(vault.db, today), { householdId: householdId })).genogramSvg);
    expect(byClass(svg, 'deceased-mark')).toHaveLength(1);
    expect(byClass(svg, 'key-person')).toHaveLength(1);
    expect(byClass(svg, 'enclosure')[0]?.attrs['data-members']).toBe('A B');
    const filled = readSvg(
      (
        await getFamily(
          {
            ...dayCtx(vault.db, today),
            settings: async () => ({ ...office, deceasedMark: 'filled' as const }),
          },
          { householdId: householdId },
        )
      ).genogramSvg,
    );
    expect(byClass(filled, 'deceased-mark')).toHaveLength(0);
  });
});

describe('エコマップ', () => {
  it('相談経路・会議の出席・支援経過・役割分担に名前のある機関を集め、分野の順に並べる', async () => {
    const { householdId, agencies, meeting, a } = await threeMembers();
    const [houkatsu, kikan, shakyo] = agencies;
    if (!houkatsu || !kikan || !shakyo) throw new Error('agencies missing');
    const school = await saveAgency(serviceCtx(vault.db, vault.userId, meetingNow), {
      field: '教育',
      name: '第二小学校',
      department: '',
      phone: '',
      email: '',
      address: '',
      contactPerson: '',
    });
    const police = await saveAgency(serviceCtx(vault.db, vault.userId, meetingNow), {
      field: '司法・警察',
      name: '中央警察署',
      department: '',
      phone: '',
      email: '',
      address: '',
      contactPerson: '',
    });
    expect(await listEcoMapTies(vault.db, householdId)).toEqual([]);
    await updateHousehold(serviceCtx(vault.db, vault.userId, meetingNow), {
      id: householdId,
      household: {
        caseNo: 'R8-001',
        receivedOn: '2026-04-10',
        label: '𠮷田',
        referralAgencyId: kikan.id,
        issues: [],
        note: '',
      },
    });
    const { id: meetingId } = await createMeeting(
      serviceCtx(vault.db, vault.userId, meetingNow),
      meeting({ attendees: [{ agencyId: houkatsu.id, title: '', personName: '', scopeReason: '' }] }),
    );
    await savePlan(serviceCtx(vault.db, vault.userId, meetingNow), {
      meetingId,
      status: 'draft',
      rows: [
        {
          target: 'member',
          memberId: a.id,
          goal: '',
          discussion: '',
          nextActions: '',
          roles: '第二小学校（登校の見守り）、警察（必要時）',
        },
      ],
    });
    await saveProgressNote(serviceCtx(vault.db, vault.userId, meetingNow), {
      householdId,
      notedOn: '2026-11-01',
      agencyId: shakyo.id,
      staff: '',
      content: '訪問',
      nextPlan: '',
    });
    const ties = await listEcoMapTies(vault.db, householdId);
    expect(ties.map((t) => [t.agencyName, t.sources])).toEqual([
      ['第一地域包括支援センター', ['attendee']],
      ['基幹相談支援センター', ['referral']],
      ['第二小学校', ['planRole']],
      ['市社会福祉協議会', ['progressNote']],
    ]);
    expect(ties.every((t) => t.strength === 'normal' && t.direction === 'none')).toBe(true);
    expect(ties.some((t) => t.agencyId === police.id)).toBe(false);

    await saveEcoMapTie(serviceCtx(vault.db, vault.userId, meetingNow), {
      householdId,
      agencyId: school.id,
      strength: 'stress',
      direction: 'toHousehold',
    });
    const family = await getFamily(dayCtx(vault.db, today), { householdId: householdId });
    const svg = readSvg(family.ecoMapSvg);
    const tie = byClass(svg, 'tie').find((t) => t.attrs['data-agency'] === school.id);
    expect(tie?.attrs['data-strength']).toBe('stress');
    expect(byClass(tie ?? svg, 'arrow')).toHaveLength(1);
    await expect(
      saveEcoMapTie(serviceCtx(vault.db, vault.userId, meetingNow), {
        householdId,
        agencyId: police.id,
        strength: 'strong',
        direction: 'none',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const events = await listAuditEvents(vault.db, { kind: 'ecoMap.tieSaved', limit: 10 });
    expect(events).toHaveLength(1);
  });
});
