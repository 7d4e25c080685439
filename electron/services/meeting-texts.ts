import type { MeetingKind } from '../domain/meeting.js';

/**
 * The default texts of a meeting's documents, written for its kind. A 支援会議 is held because the
 * household has not consented (社会福祉法第106条の6): nothing here may say that consent was obtained,
 * nor refer to a plan or a document that does not exist. The stored texts are null until the
 * coordinator edits them, so these follow the meeting when its kind or its plan changes.
 */

export interface ReportFacts {
  kind: MeetingKind;
  /** 重層的支援会議 / 支援会議 as the office names them. */
  label: string;
  /** 「A氏世帯」 */
  householdTitle: string;
  /** A 家族構成図 is issued with (or before) the report: only then may the report refer to it. */
  genogram: boolean;
}

function genogramNote(facts: ReportFacts): string {
  return facts.genogram ? `（別添資料「${facts.householdTitle}家族構成図」参照）` : '';
}

/** 報告事項 of 様式4, numbered in order (forms.md). */
export function defaultReportSections(facts: ReportFacts): { title: string; body: string }[] {
  if (facts.kind === 'consented') {
    return [
      {
        title: `${facts.label}について`,
        body: '一つの世帯に複数の課題が絡むケースについて、各支援機関が世帯全体を一つの単位としてチームで支援する重層的支援体制整備事業の対象として、世帯の同意を得た上で、共通の情報・支援計画のもとで支援するために開催した。',
      },
      {
        title: '参加機関紹介、現状及び課題の共有',
        body: `関係機関から事前に聞き取った現状について、共通認識を図った。${genogramNote(facts)}`,
      },
      {
        title: '当面の支援方針や役割分担について',
        body: `現状及び課題から項目別に参加機関で検討し、当面の支援方針や役割分担を決定した（別添資料「${facts.householdTitle}支援プランシート」参照）。`,
      },
    ];
  }
  return [
    {
      title: `${facts.label}について`,
      body: `世帯から情報共有についての同意が得られていないため、社会福祉法第106条の6の規定に基づく${facts.label}として開催した。構成員は同条の規定による守秘義務を負い、その範囲内で情報を共有した。`,
    },
    {
      title: '現状及び課題の共有',
      body: `関係機関が把握している世帯の状況を持ち寄り、現状と課題について共通認識を図った。${genogramNote(facts)}`,
    },
    {
      title: '見守り体制と今後の対応',
      body: '世帯を見守る体制と、世帯への働きかけの方法及び各機関の関わり方について協議した。',
    },
  ];
}

/**
 * The documents Kasane issues that 様式2 lists as 配布資料, by the document kind issued with it. The
 * 家族構成図 joins this list when its document kind exists; it is listed only when issued in the packet.
 */
const handoutTitles: Record<string, string> = {
  form3: '世帯支援プラン検討シート',
  genogram: '家族構成図',
};

/**
 * 配布資料 of 様式2: the 検討シート when the meeting has a plan to review, the other documents issued
 * together with the 次第, then the materials the coordinator added by hand.
 */
export function handouts(facts: {
  hasPlan: boolean;
  packet: readonly string[];
  extra: readonly string[];
}): string[] {
  const issued = facts.packet.filter((kind) => kind !== 'form3' && handoutTitles[kind] !== undefined);
  return [
    ...(facts.hasPlan ? [handoutTitles.form3 ?? ''] : []),
    ...issued.map((kind) => handoutTitles[kind] ?? ''),
    ...facts.extra.filter((title) => !Object.values(handoutTitles).includes(title)),
  ];
}
