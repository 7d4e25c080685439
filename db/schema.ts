import type { Generated } from 'kysely';

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

export interface Database {
  users: UserTable;
  settings: SettingTable;
  audit_events: AuditEventTable;
  acknowledgements: AcknowledgementTable;
}
