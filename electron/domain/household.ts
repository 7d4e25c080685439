import { z } from 'zod';

/** 受付 → 支援中 → 終結 (and 再開 back to 支援中). */
export const householdStatusSchema = z.enum(['received', 'active', 'closed']);
export type HouseholdStatus = z.infer<typeof householdStatusSchema>;
export const statusLabels: Record<HouseholdStatus, string> = {
  received: '受付',
  active: '支援中',
  closed: '終結',
};

/** Which meeting a household goes to today: with valid consent 重層的支援会議, otherwise 支援会議. */
export const trackSchema = z.enum(['consented', 'unconsented']);
export type Track = z.infer<typeof trackSchema>;
export const trackLabels: Record<Track, string> = {
  consented: '同意あり（重層的支援会議）',
  unconsented: '同意なし（支援会議）',
};

export const sexSchema = z.enum(['male', 'female', 'other', 'unknown']);
export type Sex = z.infer<typeof sexSchema>;
export const sexLabels: Record<Sex, string> = { male: '男', female: '女', other: 'その他', unknown: '不明' };

/** The columns 世帯一覧 can be ordered by: 受付日, ふりがな, 受付番号. */
export const householdListSorts = ['receivedOn', 'kana', 'caseNo'] as const;
export type HouseholdListSort = (typeof householdListSorts)[number];
export type ListDirection = 'ascending' | 'descending';
/** The way a column sorts when no direction is asked for: 受付日 newest first, the others from the start. */
export const usualDirection: Readonly<Record<HouseholdListSort, ListDirection>> = {
  receivedOn: 'descending',
  kana: 'ascending',
  caseNo: 'ascending',
};

/** 世帯員 are labelled A, B, C… in their order (A氏, B氏 in 支援会議 documents). */
export function memberLabel(index: number): string {
  return String.fromCharCode(65 + index);
}
