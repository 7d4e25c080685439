import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { agencyFields } from '../domain/agency.js';
import { ageOn, formatWarekiYear } from '../domain/dates.js';
import { type EcoMapSource, isPartnerKind, relationProblems } from '../domain/family.js';
import type { OfficeSettings, ParsedInput } from '../ipc/contract.js';
import type { EcoMapTie, Family, Relation, RelationInput } from '../ipc/schemas/family.js';
import type { Member } from '../ipc/schemas/households.js';
import type { Context, SignedInContext } from './context.js';
import { drawEcoMap } from './drawings/eco-map.js';
import { drawGenogram, type GenogramInput } from './drawings/genogram.js';
import { KasaneError } from './errors.js';
import { rasteriseAhead } from './family-rasters.js';
import { listMembers } from './households.js';
import { householdTitleOf } from './meetings.js';

/**
 * 家族関係 and the エコマップ of one household, and both drawn as SVG. The same drawing functions
 * serve the 世帯員 screen and the 別添資料; only the captions differ (names or labels, rule 4).
 */

/** Relations between members that count: one with a voided member (rule 18) is kept but not shown. */
export async function listRelations(db: Kysely<Database>, householdId: string): Promise<Relation[]> {
  const voided = db.selectFrom('members').select('id').where('voided_at', 'is not', null);
  const rows = await db
    .selectFrom('member_relations')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('member_id', 'not in', voided)
    .where('other_member_id', 'not in', voided)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    memberId: r.member_id,
    otherMemberId: r.other_member_id,
    year: r.year,
  }));
}

/** Checks a household's relations against its members; every problem at once, by 記号. */
export function assertRelations(members: readonly Member[], relations: readonly RelationInput[]): void {
  const labelOf = new Map(members.map((m) => [m.id, m.label]));
  const problems = relationProblems(
    members.map((m) => m.id),
    relations.map((r) => ({ kind: r.kind, member: r.memberId, other: r.otherMemberId })),
    (id) => `${labelOf.get(id) ?? '?'}氏`,
  );
  if (problems.length)
    throw new KasaneError('INVALID_RELATIONS', problems.map((p) => p.message).join('\n'), {
      problems: problems.map((p) => ({ index: p.index, code: p.code })),
    });
}

/** Replaces a household's relations, inside the caller's transaction. */
export async function replaceRelations(
  trx: Kysely<Database>,
  householdId: string,
  relations: readonly RelationInput[],
): Promise<void> {
  await trx.deleteFrom('member_relations').where('household_id', '=', householdId).execute();
  if (relations.length === 0) return;
  await trx
    .insertInto('member_relations')
    .values(
      relations.map((r, position) => ({
        id: randomUUID(),
        household_id: householdId,
        kind: r.kind,
        member_id: r.memberId,
        other_member_id: r.otherMemberId,
        year: isPartnerKind(r.kind) ? r.year : null,
        position,
      })),
    )
    .execute();
}

export async function saveRelations(
  ctx: Context,
  input: ParsedInput<'family.saveRelations'>,
): Promise<Relation[]> {
  await ctx.transaction(async ({ db: trx, audit }) => {
    if (
      !(await trx
        .selectFrom('households')
        .select('id')
        .where('id', '=', input.householdId)
        .executeTakeFirst())
    )
      throw new KasaneError('NOT_FOUND');
    assertRelations(await listMembers(trx, input.householdId), input.relations);
    await replaceRelations(trx, input.householdId, input.relations);
    await audit({
      kind: 'relations.saved',
      target: { type: 'household', id: input.householdId },
      detail: { count: input.relations.length },
    });
  });
  return listRelations(ctx.db, input.householdId);
}

/**
 * Agencies a 役割分担 text names by their full name (「保健所（訪問）」 does not name 〇〇保健所). Where
 * names overlap the longest wins: 「第二小学校」 names 第二小学校, not the agency 学校.
 */
export function agenciesNamedIn(text: string, agencies: readonly { id: string; name: string }[]): string[] {
  const found: { id: string; start: number; end: number }[] = [];
  const byLength = agencies
    .filter((a) => a.name.length >= 2)
    .toSorted((a, b) => b.name.length - a.name.length);
  for (const agency of byLength) {
    for (let at = text.indexOf(agency.name); at !== -1; at = text.indexOf(agency.name, at + 1)) {
      const end = at + agency.name.length;
      if (found.some((f) => at < f.end && end > f.start)) continue;
      found.push({ id: agency.id, start: at, end });
    }
  }
  return [...new Set(found.map((f) => f.id))];
}

/**
 * The agencies connected to a household, in the office's order of 分野 then name: its 相談経路, the
 * attendees of its meetings, the agencies of its 支援経過, and agencies its plan rows' 役割分担 name.
 * Each with the tie the coordinator set (普通, no arrow until then).
 */
export async function listEcoMapTies(db: Kysely<Database>, householdId: string): Promise<EcoMapTie[]> {
  const [household, attendees, notes, roles, agencies, ties] = await Promise.all([
    db.selectFrom('households').select('referral_agency_id').where('id', '=', householdId).executeTakeFirst(),
    db
      .selectFrom('meeting_attendees as a')
      .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
      .select('a.agency_id')
      .where('m.household_id', '=', householdId)
      .execute(),
    db
      .selectFrom('progress_notes')
      .select('agency_id')
      .where('household_id', '=', householdId)
      .where('agency_id', 'is not', null)
      .execute(),
    db
      .selectFrom('plan_rows as r')
      .innerJoin('meetings as m', 'm.id', 'r.meeting_id')
      .select('r.roles')
      .where('m.household_id', '=', householdId)
      .where('r.roles', '!=', '')
      .execute(),
    db.selectFrom('agencies').select(['id', 'name', 'field', 'retired_at']).execute(),
    db.selectFrom('eco_map_ties').selectAll().where('household_id', '=', householdId).execute(),
  ]);
  if (!household) throw new KasaneError('NOT_FOUND');
  const sources = new Map<string, Set<EcoMapSource>>();
  const add = (agencyId: string | null, source: EcoMapSource) => {
    if (!agencyId) return;
    const set = sources.get(agencyId) ?? new Set();
    set.add(source);
    sources.set(agencyId, set);
  };
  add(household.referral_agency_id, 'referral');
  for (const a of attendees) add(a.agency_id, 'attendee');
  for (const n of notes) add(n.agency_id, 'progressNote');
  for (const id of agenciesNamedIn(roles.map((r) => r.roles).join('\n'), agencies)) add(id, 'planRole');
  const rank = (field: string) => {
    const i = (agencyFields as readonly string[]).indexOf(field);
    return i === -1 ? agencyFields.length : i;
  };
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const tieOf = new Map(ties.map((t) => [t.agency_id, t]));
  return [...sources.entries()]
    .flatMap(([agencyId, set]) => {
      const agency = byId.get(agencyId);
      if (!agency) return [];
      const tie = tieOf.get(agencyId);
      return [
        {
          agencyId,
          agencyName: agency.name,
          field: agency.field,
          sources: (['referral', 'attendee', 'progressNote', 'planRole'] as const).filter((s) => set.has(s)),
          strength: tie?.strength ?? 'normal',
          direction: tie?.direction ?? 'none',
        },
      ];
    })
    .sort((a, b) => rank(a.field) - rank(b.field) || a.agencyName.localeCompare(b.agencyName, 'ja'));
}

export async function saveEcoMapTie(
  ctx: Context,
  input: ParsedInput<'family.saveTie'>,
): Promise<EcoMapTie[]> {
  await ctx.transaction(async ({ db: trx, audit }) => {
    const connected = await listEcoMapTies(trx, input.householdId);
    if (!connected.some((t) => t.agencyId === input.agencyId)) throw new KasaneError('NOT_FOUND');
    const row = { strength: input.strength, direction: input.direction };
    await trx
      .insertInto('eco_map_ties')
      .values({ household_id: input.householdId, agency_id: input.agencyId, ...row })
      .onConflict((oc) => oc.columns(['household_id', 'agency_id']).doUpdateSet(row))
      .execute();
    await audit({
      kind: 'ecoMap.tieSaved',
      target: { type: 'household', id: input.householdId },
      detail: { agencyId: input.agencyId, strength: input.strength, direction: input.direction },
    });
  });
  return listEcoMapTies(ctx.db, input.householdId);
}

/**
 * How members are named on a drawing: 'masked' by 記号 (「A氏」, rule 4), 'real' with the 記号 and
 * 氏名 (「A 山田 太郎」). The second line is the 続柄, the third the year of death when known.
 */
export type DrawingNames = 'real' | 'masked';

export function genogramInput(
  members: readonly Member[],
  relations: readonly Relation[],
  options: { names: DrawingNames; asOf: string; deceasedMark: OfficeSettings['deceasedMark']; title: string },
): GenogramInput {
  const labelOf = new Map(members.map((m) => [m.id, m.label]));
  const key = (id: string) => labelOf.get(id) ?? id;
  return {
    title: options.title,
    deceasedStyle: options.deceasedMark,
    people: members.map((m) => {
      const deathYear = m.deathYear ?? (m.deathDate ? Number(m.deathDate.slice(0, 4)) : null);
      const age = m.birthDate
        ? m.deceased
          ? m.deathDate
            ? ageOn(m.birthDate, m.deathDate)
            : null
          : ageOn(m.birthDate, options.asOf)
        : null;
      return {
        key: m.label,
        sex: m.sex,
        caption: [
          options.names === 'real' ? `${m.label} ${m.name}` : `${m.label}氏`,
          m.relationship,
          ...(m.deceased && deathYear !== null ? [`${formatWarekiYear(deathYear)}没`] : []),
        ].filter((line) => line !== ''),
        age: age !== null && age >= 0 ? age : null,
        isPrincipal: m.isPrincipal,
        livesInHousehold: m.livesInHousehold,
        deceased: m.deceased,
        isKeyPerson: m.isKeyPerson,
        birthDate: m.birthDate,
      };
    }),
    relations: relations.map((r) =>
      r.kind === 'parentChild'
        ? { kind: 'parentChild' as const, parent: key(r.memberId), child: key(r.otherMemberId) }
        : {
            kind: r.kind,
            a: key(r.memberId),
            b: key(r.otherMemberId),
            yearText: r.year !== null ? formatWarekiYear(r.year) : null,
          },
    ),
  };
}

export interface FamilyDrawings {
  genogramSvg: string;
  ecoMapSvg: string;
}

/** Both drawings of a household from what is stored, with members named as `names` says. */
export function drawFamily(
  members: readonly Member[],
  relations: readonly Relation[],
  ties: readonly EcoMapTie[],
  options: { names: DrawingNames; asOf: string; deceasedMark: OfficeSettings['deceasedMark'] },
): FamilyDrawings {
  const title = householdTitleOf([...members]);
  const living = members.filter((m) => m.livesInHousehold).length;
  return {
    genogramSvg: drawGenogram(
      genogramInput(members, relations, { ...options, title: `${title}の家族構成図` }),
    ),
    ecoMapSvg: drawEcoMap({
      title: `${title}のエコマップ`,
      household: [title, `同居 ${living}人`],
      agencies: ties.map((t) => ({
        key: t.agencyId,
        name: t.agencyName,
        field: t.field,
        strength: t.strength,
        direction: t.direction,
      })),
    }),
  };
}

/**
 * The 世帯員 screen's view: relations, ties and both drawings, members named as on the screen. In
 * the app (with its job worker) the 別添資料's PNGs are made ahead meanwhile (family-rasters.ts).
 */
export async function getFamily(
  ctx: Pick<Context, 'db' | 'today' | 'settings'> &
    Partial<Pick<SignedInContext, 'now' | 'user' | 'jobs' | 'gate'>>,
  { householdId }: ParsedInput<'family.get'>,
): Promise<Family> {
  const { db } = ctx;
  const [members, relations, ties] = await Promise.all([
    listMembers(db, householdId),
    listRelations(db, householdId),
    listEcoMapTies(db, householdId),
  ]);
  const options = { asOf: ctx.today, deceasedMark: (await ctx.settings()).deceasedMark };
  const drawings = drawFamily(members, relations, ties, { ...options, names: 'real' });
  const { jobs, gate, now, user } = ctx;
  const fonts = gate?.drawingFontsInUse();
  if (jobs && fonts && now && user) {
    // The document names members as the screen does, or by label (rule 4): both are made.
    const masked = drawFamily(members, relations, ties, { ...options, names: 'masked' });
    rasteriseAhead(jobs, { now, user }, householdId, [drawings, masked], fonts);
  }
  return { relations, ties, ...drawings };
}
