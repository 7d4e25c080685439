import type { OfficeSettings } from '../../ipc/contract.js';

/**
 * Everything a 様式 needs, already decided: names are real or masked (rule 4), the warning text is the
 * one in force, dates are ISO. Form builders are pure: this in, .docx bytes out.
 */
export interface FormData {
  office: OfficeSettings;
  kind: 'consented' | 'unconsented';
  /** 重層的支援会議 / 支援会議 as the office names them (settings.meetingLabels). */
  meetingLabel: string;
  /** The 159条 footer in force on the date of printing (106条の6 variant for a 支援会議). */
  warningFooter: string;
  meeting: {
    meetingNo: string;
    heldOn: string;
    startTime: string | null;
    endTime: string | null;
    place: string;
    /** 会次第 items in order. */
    agenda: string[];
    /** 報告事項 (様式4), numbered in order. */
    reportSections: { title: string; body: string }[];
    nextReviewOn: string | null;
    /** 文書番号 of the notice; null prints 「事務連絡」. */
    noticeNumber: string | null;
    /** 発信日 of the notice. */
    issuedOn: string;
    /** The notice asks for a reply by this date. */
    replyBy: string | null;
    /** 配布資料 listed in 様式2. */
    handouts: string[];
  };
  /** e.g. 「A氏世帯」: always by label in titles and 議題, whatever the names setting. */
  householdTitle: string;
  /** Members in label order; `displayName` is the real 氏名 or 「A氏」 when masked. */
  members: { label: string; displayName: string; relationship: string }[];
  attendees: { field: string; agencyName: string; title: string; personName: string }[];
  /** One row per member (heading = displayName), then 危機介入, then その他. */
  planRows: { heading: string; goal: string; discussion: string; nextActions: string; roles: string }[];
  /** 様式5: agencies responsible for monitoring. */
  monitoringAgencies: string[];
  /** 様式4 所属 / 氏名 of the reporting coordinator. */
  reporter: { department: string; name: string };
  /** 配布番号 when copies are numbered (rule 8). */
  copy: { number: number; total: number } | null;
  /** Frozen in tests so the same input gives the same document.xml. */
  createdAt: Date;
}
