/** What the 家族構成図 is drawn from: every text already decided by the caller (names or labels, rule 4). */

export type Sex = 'male' | 'female' | 'other' | 'unknown';

export type PartnerKind = 'married' | 'commonLaw' | 'divorced' | 'separated';

export interface GenogramPerson {
  /** Stable key: the member's 記号 (A, B, …). */
  key: string;
  sex: Sex;
  /** Lines under the symbol, e.g. ['A氏', '本人'] or ['A 山田 太郎', '本人']. */
  caption: string[];
  /** Shown inside the symbol; null when unknown. */
  age: number | null;
  isPrincipal: boolean;
  livesInHousehold: boolean;
  deceased: boolean;
  isKeyPerson: boolean;
  /** ISO date or null: orders siblings by birth. */
  birthDate: string | null;
}

export type GenogramRelation =
  | { kind: 'parentChild'; parent: string; child: string }
  | { kind: PartnerKind; a: string; b: string /** e.g. 「平成17年」 */; yearText: string | null };

export interface GenogramInput {
  /** Accessible title, by label only (「A氏世帯の家族構成図」). */
  title: string;
  people: GenogramPerson[];
  relations: GenogramRelation[];
  /** Office setting: deceased drawn with × across the symbol, or filled. */
  deceasedStyle: 'cross' | 'filled';
}
