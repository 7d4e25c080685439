/**
 * 家族関係 and the エコマップ's ties: the office's words for them, and the rules a list of relations
 * must keep. Pure: the services, the import and the screens share them.
 */

export const relationKinds = ['parentChild', 'married', 'commonLaw', 'divorced', 'separated'] as const;
export type RelationKind = (typeof relationKinds)[number];
export type PartnerKind = Exclude<RelationKind, 'parentChild'>;

/** As the import's 関係 column and the screens write them. */
export const relationKindLabels: Record<RelationKind, string> = {
  parentChild: '親子',
  married: '夫婦',
  commonLaw: '内縁',
  divorced: '離婚',
  separated: '別居',
};

export const isPartnerKind = (kind: RelationKind): kind is PartnerKind => kind !== 'parentChild';

export const tieStrengths = ['strong', 'normal', 'weak', 'stress'] as const;
export type TieStrength = (typeof tieStrengths)[number];
export const tieStrengthLabels: Record<TieStrength, string> = {
  strong: '強い',
  normal: '普通',
  weak: '弱い',
  stress: 'ストレス',
};

export const supportDirections = ['none', 'toHousehold', 'toAgency', 'both'] as const;
export type SupportDirection = (typeof supportDirections)[number];
export const supportDirectionLabels: Record<SupportDirection, string> = {
  none: '矢印なし',
  toHousehold: '機関 → 世帯',
  toAgency: '世帯 → 機関',
  both: '双方向',
};

/** How an agency came to be on the エコマップ. */
export const ecoMapSources = ['referral', 'attendee', 'progressNote', 'planRole'] as const;
export type EcoMapSource = (typeof ecoMapSources)[number];
export const ecoMapSourceLabels: Record<EcoMapSource, string> = {
  referral: '相談経路',
  attendee: '会議の出席',
  progressNote: '支援経過',
  planRole: '役割分担',
};

/** One relation between two members, by whatever key the caller uses (id or 記号). */
export interface RelationLike<K extends string = string> {
  kind: RelationKind;
  /** 親子: the parent. */
  member: K;
  /** 親子: the child. */
  other: K;
}

export type RelationProblemCode = 'unknownMember' | 'self' | 'duplicate' | 'tooManyParents' | 'cycle';

export interface RelationProblem {
  /** Index of the relation the problem is reported on. */
  index: number;
  code: RelationProblemCode;
  message: string;
}

/**
 * What is wrong with a household's relations: a member that does not exist, a member related to
 * themself, the same pair twice, a child with more than two parents, and 親子 that loop back
 * (someone their own ancestor). Every problem is reported, each on the relation where it shows.
 */
export function relationProblems<K extends string>(
  members: readonly K[],
  relations: readonly RelationLike<K>[],
  name: (key: K) => string = String,
): RelationProblem[] {
  const problems: RelationProblem[] = [];
  const known = new Set<string>(members);
  const pairs = new Set<string>();
  const parents = new Map<K, K[]>();
  const isAncestor = (candidate: K, of: K, seen = new Set<K>()): boolean =>
    (parents.get(of) ?? []).some((p) => {
      if (p === candidate) return true;
      if (seen.has(p)) return false;
      seen.add(p);
      return isAncestor(candidate, p, seen);
    });
  relations.forEach((r, index) => {
    const unknown = [r.member, r.other].filter((k) => !known.has(k));
    if (unknown.length) {
      for (const k of new Set(unknown))
        problems.push({ index, code: 'unknownMember', message: `世帯員「${name(k)}」が見つかりません` });
      return;
    }
    if (r.member === r.other) {
      problems.push({
        index,
        code: 'self',
        message:
          r.kind === 'parentChild'
            ? `${name(r.member)}が自分自身の親になっています`
            : `${name(r.member)}と自分自身の関係になっています`,
      });
      return;
    }
    const pair = [r.member, r.other].sort().join('\u0000');
    if (pairs.has(pair)) {
      problems.push({
        index,
        code: 'duplicate',
        message: `${name(r.member)}と${name(r.other)}の関係が2回登録されています`,
      });
      return;
    }
    pairs.add(pair);
    if (r.kind !== 'parentChild') return;
    // Reported on the 親子 that closes the loop: its child is already an ancestor of its parent.
    if (isAncestor(r.other, r.member)) {
      problems.push({
        index,
        code: 'cycle',
        message: `親子関係が循環しています（${name(r.other)}が${name(r.member)}の祖先にもなっています）`,
      });
      return;
    }
    const list = parents.get(r.other) ?? [];
    list.push(r.member);
    parents.set(r.other, list);
    if (list.length === 3)
      problems.push({
        index,
        code: 'tooManyParents',
        message: `${name(r.other)}の親が3人以上になっています`,
      });
  });
  return problems.sort((a, b) => a.index - b.index);
}
