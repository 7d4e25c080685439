import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/** Table types of the encrypted store. Columns are snake_case as in SQL. */
export interface UserTable {
  id: string;
  name: string;
  created_at: string;
  retired_at: string | null;
}

export interface SettingTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  user_id: string | null;
  kind: string;
  target_type: string | null;
  target_id: string | null;
  detail_json: string;
  prev_hash: string;
  hash: string;
  /** 1: SHA-256 (first format), 2: HMAC-SHA256 keyed from the data key. */
  chain: Generated<number>;
  /** The kind, null for a 閲覧 event: what the kind index holds (1101). Ask it for any other kind. */
  indexed_kind: GeneratedAlways<string | null>;
}

/** One row: how many changing transactions this database has committed (see kasane.anchor). */
export interface VaultHeadTable {
  id: number;
  commits: number;
  keyslots_generation: number;
}

export interface AcknowledgementTable {
  id: Generated<number>;
  user_id: string;
  text_id: string;
  text_version: string;
  acknowledged_at: string;
  /** Office-local calendar day (Asia/Tokyo), YYYY-MM-DD. */
  local_date: string;
}

export interface AgencyTable {
  id: string;
  field: string;
  name: string;
  department: string;
  phone: string;
  email: string;
  address: string;
  contact_person: string;
  retired_at: string | null;
  created_at: string;
}

export interface IssueTagTable {
  name: string;
  sort_order: number;
  retired_at: string | null;
}

export interface HouseholdTable {
  id: string;
  case_no: string;
  /** caseNoKey(case_no): unique among households whose case_no_duplicate is 0. */
  case_no_key: string;
  /** 1 = a round-1 household whose number another one already had after normalisation (0800). */
  case_no_duplicate: Generated<number>;
  received_on: string;
  label: string;
  referral_agency_id: string | null;
  status: 'received' | 'active' | 'closed';
  closed_on: string | null;
  close_reason: string | null;
  note: string;
  sort_kana: string;
  created_at: string;
  updated_at: string;
  /**
   * The latest 支援経過, meeting or status change, whatever its date ('' when none), kept by triggers
   * (migration 1080) for ホーム's 「長く動きのない世帯」.
   */
  last_activity_on: Generated<string>;
}

export interface HouseholdIssueTable {
  household_id: string;
  issue: string;
}

export interface MemberTable {
  id: string;
  household_id: string;
  label: string;
  position: number;
  name: string;
  kana: string;
  relationship: string;
  birth_date: string | null;
  sex: 'male' | 'female' | 'other' | 'unknown';
  is_principal: number;
  /** 1 = 同居; relatives drawn on the 家族構成図 who live elsewhere have 0. */
  lives_in_household: Generated<number>;
  deceased: Generated<number>;
  death_date: string | null;
  death_year: number | null;
  is_key_person: Generated<number>;
  /** 取消 (rule 18): the member no longer counts; the row and its label stay. */
  voided_at: string | null;
}

export interface MemberRelationTable {
  id: string;
  household_id: string;
  kind: 'parentChild' | 'married' | 'commonLaw' | 'divorced' | 'separated';
  /** 親子: the parent. */
  member_id: string;
  /** 親子: the child. */
  other_member_id: string;
  year: number | null;
  position: number;
}

export interface EcoMapTieTable {
  household_id: string;
  agency_id: string;
  strength: 'strong' | 'normal' | 'weak' | 'stress';
  direction: 'none' | 'toHousehold' | 'toAgency' | 'both';
}

export interface ConsentTable {
  id: string;
  household_id: string;
  obtained_on: string;
  /** unknown: the ledger did not say (imported consents); never assumed 書面. */
  method: 'written' | 'oral' | 'unknown';
  obtained_by: string;
  /** 1 = 範囲 is every attending agency (the ledger's empty 同意範囲). */
  all_agencies: number;
  withdrawn_on: string | null;
  withdraw_reason: string | null;
  created_at: string;
  /** 取消 (rule 18): the record no longer counts. */
  voided_at: string | null;
  /** A consent given 口頭: the day its 書面 came in (null while it has not). */
  written_on: string | null;
}

export interface ConsentAgencyTable {
  consent_id: string;
  agency_id: string;
}

export interface StatusChangeTable {
  id: Generated<number>;
  household_id: string;
  status: string;
  changed_on: string;
  reason: string | null;
  user_id: string | null;
  created_at: string;
  /** 取消 (rule 18): the change no longer counts. */
  voided_at: string | null;
}

/** Rule 17's status as runs of days `[from_on, to_on)`, kept from the history (db/status-periods.ts). */
export interface StatusPeriodTable {
  household_id: string;
  status: string;
  from_on: string;
  /** The first day after the period; `9999-12-31` while it lasts. */
  to_on: string;
}

/**
 * 世帯一覧's row of each household, kept by triggers on the tables each figure comes from
 * (migrations 1070, 1090); the separators are those electron/services/household-summaries.ts reads.
 */
export interface HouseholdListRowTable {
  /** The household's search key (household_search_terms.key): its index entries' low bits. */
  key: Generated<number>;
  household_id: string;
  case_no: string;
  label: string;
  received_on: string;
  /** The principal's ふりがな, folded (households.sort_kana): the list's kana order. */
  sort_kana: string;
  /** `sort_order␞name` per 課題, joined by ␟. */
  issues: string | null;
  /** Members living in the household, not voided. */
  member_count: number;
  /** The latest of the 受付日, a 支援経過, a consent obtained or withdrawn, and a status change. */
  last_activity_on: string;
  /** `obtained~withdrawn` per consent not voided, joined by commas. */
  consent_periods: string | null;
  /** 1 when another household has the same normalised 受付番号. */
  case_no_duplicate: number;
  /** `id␞status␞changed_on` per status change not voided, joined by ␟. */
  status_changes: string | null;
}

/**
 * What the yearly statistics' breakdowns read of each household, in 受付日 order, kept by triggers
 * (migration 1110).
 */
export interface HouseholdStatisticsRowTable {
  received_on: string;
  household_id: string;
  /** 1 when a consent not voided is valid on some day of the 年度 of the 受付日 (rule 13). */
  consented: number;
  referral_agency_id: string | null;
  /** The principal's (or the first member's) birth date. */
  birth_date: string | null;
  /** Members living in the household, not voided. */
  member_count: number;
  /** The 課題 as a JSON array, in name order. */
  issues: string;
}

/**
 * Per day, how many periods open on it (受付 or 支援中) start and end on it, kept by triggers on
 * status_periods (migration 1111): the households open on a day are the sum up to it.
 */
export interface StatusOpenDayTable {
  day: string;
  starts: number;
  ends: number;
}

export interface ProgressNoteTable {
  id: string;
  household_id: string;
  noted_on: string;
  agency_id: string | null;
  staff: string;
  content: string;
  next_plan: string;
  revision: number;
  created_at: string;
  updated_at: string;
  /** 取消 (rule 18): the entry no longer counts. */
  voided_at: string | null;
  /** 手段 (訪問, 電話…); null for entries written before it was asked. */
  means: string | null;
  time_from: string | null;
  time_to: string | null;
  /** 次回予定日: when the next contact is planned (feeds ホーム). */
  next_on: string | null;
}

/** The members a 支援経過 entry concerns. */
export interface ProgressNoteMemberTable {
  note_id: string;
  member_id: string;
}

export interface ProgressNoteSearchTermsTable {
  note_id: string;
  text: string;
}

/** Rule 18: every 取消 and 訂正, with its reason and the version it replaced (JSON, parsed in one mapper). */
export interface RecordCorrectionTable {
  id: Generated<number>;
  household_id: string;
  target_type: 'consent' | 'statusChange' | 'member' | 'progressNote';
  target_id: string;
  action: 'void' | 'correct';
  reason: string;
  before_json: string;
  user_id: string | null;
  created_at: string;
}

/** One row per household: what search checks a match against, and its entries in the index (db/search-index.ts). */
/** Per list order and place of the search index, the neighbouring entries out of the list's order (1091). */
export interface HouseholdSearchDisorderTable {
  list_order: 'received' | 'kana';
  place: number;
  descents: number;
}

export interface HouseholdSearchTermsTable {
  /** The household's key in the low bits of its index entries. */
  key: number;
  household_id: string;
  /** 受付番号, 表示名, 氏名, ふりがな, each folded, joined by U+0001. */
  text: string;
  /** Entry ids in household_search_received / _kana: 63-bit, so written as bigint and never read into JS. */
  received_rowid: ColumnType<never, bigint, never>;
  kana_rowid: ColumnType<never, bigint, never>;
  /** 受付番号 and ふりがな as indexed: what household_search_disorder compared (migration 1091). */
  case_no: Generated<string>;
  sort_kana: Generated<string>;
}

export interface MeetingTable {
  id: string;
  meeting_no: string;
  household_id: string;
  kind: 'consented' | 'unconsented';
  held_on: string;
  start_time: string | null;
  end_time: string | null;
  place: string;
  agenda_json: string;
  report_sections_json: string;
  handouts_json: string;
  next_review_on: string | null;
  notice_number: string | null;
  issued_on: string;
  reply_by: string | null;
  plan_status: 'none' | 'draft' | 'final';
  created_at: string;
  updated_at: string;
  /** 中止 (rule 22): when, and why; null for a meeting held or planned. */
  cancelled_at: string | null;
  cancel_reason: string | null;
  /** 0 = scheduled in Kasane; 1 = imported past record (移行データ); 2 = imported, completed by choice. */
  migrated: Generated<number>;
  /** When its first 様式4 was issued (null: never), kept by triggers (migration 1081) for ホーム. */
  reported_at: Generated<string | null>;
}

/** Rule 18: each withdrawal of a plan's 確定, with its reason. */
export interface PlanUnfinalizationTable {
  id: Generated<number>;
  meeting_id: string;
  reason: string;
  user_id: string | null;
  created_at: string;
}

export interface MeetingAttendeeTable {
  id: string;
  meeting_id: string;
  agency_id: string;
  title: string;
  person_name: string;
  position: number;
  scope_reason: string | null;
  /** 出欠: unknown until the agency answers the notice. */
  attendance: Generated<Attendance>;
}

export type Attendance = 'unknown' | 'attending' | 'absent';

export interface PlanRowTable {
  id: string;
  meeting_id: string;
  position: number;
  target: 'member' | 'crisis' | 'other';
  member_id: string | null;
  member_label: string | null;
  goal: string;
  discussion: string;
  next_actions: string;
  roles: string;
}

/** モニタリング (rule 19): a dated entry per plan row. */
export interface PlanMonitoringTable {
  id: string;
  plan_row_id: string;
  checked_on: string;
  status: 'ongoing' | 'achieved' | 'partlyAchieved' | 'notDone' | 'needsReview';
  note: string;
  agency_id: string | null;
  user_id: string | null;
  created_at: string;
}

/** 評価 (rule 20): recorded with one 終結 of a household that had a plan. */
export interface EvaluationTable {
  id: string;
  household_id: string;
  status_change_id: number;
  meeting_id: string | null;
  closed_on: string;
  close_reason: string;
  handover_agency_id: string | null;
  user_id: string | null;
  created_at: string;
}

/** One plan row as evaluated: what it said and how far it came, copied so history never moves. */
export interface EvaluationRowTable {
  evaluation_id: string;
  position: number;
  plan_row_id: string | null;
  heading: string;
  goal: string;
  progress: string;
  achievement: 'achieved' | 'partlyAchieved' | 'notAchieved';
  comment: string;
}

export interface MeetingMonitorTable {
  meeting_id: string;
  agency_id: string;
}

/** A numbered copy of a meeting's packet (rule 8); outstanding while both dates are null. */
export interface DistributedCopyTable {
  meeting_id: string;
  copy_no: number;
  /** Agency name it went to; '' for a spare copy named by hand. */
  recipient: string;
  /** Form keys (form2, form3, genogram…) of the documents in this copy, in order. */
  documents_json: string;
  issued_at: string;
  collected_on: string | null;
  destroyed_on: string | null;
  recorded_by: string | null;
}

export interface DocumentIssueTable {
  id: string;
  meeting_id: string | null;
  /** Set for a document about one household (家族構成図); null for anonymous statistics. */
  household_id: Generated<string | null>;
  document: string;
  copies: number;
  purpose: string;
  purpose_note: string;
  names: 'real' | 'masked' | 'none';
  names_reason: string | null;
  action: string;
  user_id: string;
  created_at: string;
}

export interface Database {
  users: UserTable;
  settings: SettingTable;
  audit_events: AuditEventTable;
  vault_head: VaultHeadTable;
  acknowledgements: AcknowledgementTable;
  agencies: AgencyTable;
  issue_tags: IssueTagTable;
  households: HouseholdTable;
  household_issues: HouseholdIssueTable;
  members: MemberTable;
  member_relations: MemberRelationTable;
  eco_map_ties: EcoMapTieTable;
  consents: ConsentTable;
  consent_agencies: ConsentAgencyTable;
  status_changes: StatusChangeTable;
  status_periods: StatusPeriodTable;
  household_list_rows: HouseholdListRowTable;
  household_statistics_rows: HouseholdStatisticsRowTable;
  status_open_days: StatusOpenDayTable;
  progress_notes: ProgressNoteTable;
  progress_note_members: ProgressNoteMemberTable;
  progress_note_search_terms: ProgressNoteSearchTermsTable;
  record_corrections: RecordCorrectionTable;
  household_search_terms: HouseholdSearchTermsTable;
  household_search_disorder: HouseholdSearchDisorderTable;
  meetings: MeetingTable;
  meeting_attendees: MeetingAttendeeTable;
  plan_rows: PlanRowTable;
  plan_unfinalizations: PlanUnfinalizationTable;
  plan_monitoring: PlanMonitoringTable;
  evaluations: EvaluationTable;
  evaluation_rows: EvaluationRowTable;
  meeting_monitors: MeetingMonitorTable;
  document_issues: DocumentIssueTable;
  distributed_copies: DistributedCopyTable;
}
