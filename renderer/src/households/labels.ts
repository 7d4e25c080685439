import type { ConsentState, HouseholdStatus } from '../../../electron/ipc/schemas/households';

/** Japanese words for the values the contract spells in English. */

export const consentLabels: Record<ConsentState, string> = {
  granted: '同意あり',
  none: '同意なし',
  withdrawn: '撤回',
};

export const statusLabels: Record<HouseholdStatus, string> = {
  received: '受付',
  active: '支援中',
  closed: '終結',
};

export const trackLabels = {
  consented: '同意あり（重層的支援会議）',
  unconsented: '同意なし（支援会議）',
} as const;

export const sexLabels = { male: '男', female: '女', other: 'その他', unknown: '不明' } as const;

export const methodLabels = { written: '書面', oral: '口頭' } as const;

export const timelineKindLabels = {
  received: '受付',
  consentGranted: '同意',
  consentWithdrawn: '同意撤回',
  status: '状態',
  progressNote: '支援経過',
} as const;

/** 年度 as the office says it: 2019 → 令和元年度, 2024 → 令和6年度, 2018 → 平成30年度. */
export function fiscalYearLabel(fiscalYear: number): string {
  if (fiscalYear >= 2019) {
    const year = fiscalYear - 2018;
    return `令和${year === 1 ? '元' : year}年度`;
  }
  return `平成${fiscalYear - 1988}年度`;
}

/** The 年度 (starting 4/1) an ISO date falls in. */
export function fiscalYearOf(iso: string): number {
  const year = Number(iso.slice(0, 4));
  return Number(iso.slice(5, 7)) < 4 ? year - 1 : year;
}

/** A, B, … Z: members are labelled by their order (the services do the same). */
export const memberLabel = (index: number) => String.fromCharCode(65 + index);
