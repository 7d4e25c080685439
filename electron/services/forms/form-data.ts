import type { OfficeSettings } from '../../ipc/contract.js';
import type { CopyNumber } from './page.js';

/** 公用文 style of 様式1 (office setting): 第N号 from the 課長, or 事務連絡 from the 課 and its 担当. */
export type NoticeStyle = 'numbered' | 'officeMemo';

/** One addressee of 様式1: the agency, and the people it sends. */
export interface NoticeAddressee {
  agencyName: string;
  people: { title: string; personName: string }[];
}

/**
 * Everything a 様式 needs, already decided: names are real or masked (rule 4), the warning text is the
 * one in force, default texts fit the meeting's kind, dates are ISO. Form builders are pure: this in,
 * .docx bytes out.
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
    /** 配布資料 listed in 様式2: what is issued with it, then what the coordinator added. */
    handouts: string[];
  };
  /** 様式1's 公用文 details, decided when it is issued. */
  notice: {
    style: NoticeStyle;
    /** The number N of 第N号 (numbered style); null leaves it blank to write in by hand. */
    number: string | null;
    /** 発信日: the day of issue. */
    issuedOn: string;
    /** 「出欠は…までに担当あて御連絡ください」 */
    replyBy: string;
    /** 担当者: the coordinator issuing it. */
    contactPerson: string;
    /** Attending agencies other than the office's own 課, in attendance order. */
    addressees: NoticeAddressee[];
  };
  /** e.g. 「A氏世帯」: always by label in titles and 議題, whatever the names setting. */
  householdTitle: string;
  attendees: { field: string; agencyName: string; title: string; personName: string }[];
  /** One row per member (「A氏（本人）」, with the name when names are shown), then 危機介入, then その他. */
  planRows: { heading: string; goal: string; discussion: string; nextActions: string; roles: string }[];
  /** 様式5: agencies responsible for monitoring. */
  monitoringAgencies: string[];
  /** 様式4 所属 / 氏名 of the reporting coordinator. */
  reporter: { department: string; name: string };
  /** 配布番号 when copies are numbered (rule 8). */
  copy: CopyNumber | null;
  /** Frozen in tests so the same input gives the same document.xml. */
  createdAt: Date;
}
