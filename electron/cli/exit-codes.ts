import type { ErrorCode } from '../ipc/errors.js';

/** The admin CLI's exit codes (documented in README.md). Scripts depend on them: never renumber. */
export const exitCodes = {
  ok: 0,
  verificationFailed: 1,
  usage: 2,
  wrongPassphrase: 3,
  databaseUnreadable: 4,
  schemaTooNew: 5,
  /** The import found errors and wrote nothing. */
  importFailed: 6,
  /** The law forbids it: no valid consent for a 重層的支援会議, real names without a reason… */
  lawForbids: 7,
  /** The app or another command holds the data folder (kasane.lock). */
  dataFolderInUse: 8,
  /** keyslots.json is damaged or missing (not a wrong passphrase). */
  keyslotsDamaged: 9,
  /** The database is behind its anchor: committed records were lost (read-only until restore or accept-loss). */
  recordsLost: 10,
  /** The backup belongs to another vault; restore needs --replace-vault. */
  otherVault: 11,
  /** A file could not be read, written or renamed (disk full, in use, no permission). */
  fileOperationFailed: 12,
  /** The household, meeting, agency… named does not exist (or no longer). */
  notFound: 13,
  /** The records refuse it: a duplicate, a voided record, a state that does not allow it, an agency in use. */
  refusedByRecords: 14,
  /** A program or font the command needs is not installed. */
  missingTool: 15,
  /** 想定外のエラー: a fault in Kasane itself, never a verdict about the data. */
  unexpected: 70,
} as const;

/**
 * Every error code's exit code: a Record, so a new code does not compile until it has one.
 * README.md's "Exit codes" table lists the same pairs (a test compares them).
 */
export const exitCodeOfError: Readonly<Record<ErrorCode, number>> = {
  VALIDATION: exitCodes.usage,
  ALREADY_INITIALIZED: exitCodes.usage,
  USER_EXISTS: exitCodes.usage,
  USER_NOT_FOUND: exitCodes.usage,
  USER_NAME_REQUIRED: exitCodes.usage,
  OFFICE_SETTINGS_INCOMPLETE: exitCodes.usage,
  NO_ADDRESSEES: exitCodes.usage,
  INVALID_RELATIONS: exitCodes.usage,
  COPY_DATE_OUT_OF_RANGE: exitCodes.usage,
  AUDIT_BROKEN: exitCodes.verificationFailed,
  WRONG_PASSPHRASE: exitCodes.wrongPassphrase,
  WRONG_RECOVERY_CODE: exitCodes.wrongPassphrase,
  UNLOCK_BACKOFF: exitCodes.wrongPassphrase,
  DATABASE_DAMAGED: exitCodes.databaseUnreadable,
  NOT_INITIALIZED: exitCodes.databaseUnreadable,
  SCHEMA_TOO_NEW: exitCodes.schemaTooNew,
  MIGRATION_HISTORY_MISMATCH: exitCodes.schemaTooNew,
  IMPORT_FAILED: exitCodes.importFailed,
  CONSENT_REQUIRED: exitCodes.lawForbids,
  OUT_OF_SCOPE: exitCodes.lawForbids,
  NAMES_REASON_REQUIRED: exitCodes.lawForbids,
  DATA_FOLDER_IN_USE: exitCodes.dataFolderInUse,
  KEYSLOTS_DAMAGED: exitCodes.keyslotsDamaged,
  RECORDS_LOST: exitCodes.recordsLost,
  BACKUP_OF_OTHER_VAULT: exitCodes.otherVault,
  FILE_OPERATION_FAILED: exitCodes.fileOperationFailed,
  NOT_FOUND: exitCodes.notFound,
  DUPLICATE_CASE_NO: exitCodes.refusedByRecords,
  DUPLICATE_MEETING_NO: exitCodes.refusedByRecords,
  DUPLICATE_AGENCY: exitCodes.refusedByRecords,
  DUPLICATE_ISSUE_TAG: exitCodes.refusedByRecords,
  UNKNOWN_ISSUE: exitCodes.refusedByRecords,
  AGENCY_IN_USE: exitCodes.refusedByRecords,
  RECORD_VOIDED: exitCodes.refusedByRecords,
  ALREADY_WITHDRAWN: exitCodes.refusedByRecords,
  CONSENT_IN_USE: exitCodes.refusedByRecords,
  STATUS_NOT_ALLOWED: exitCodes.refusedByRecords,
  STATUS_HISTORY_CONFLICT: exitCodes.refusedByRecords,
  MEMBER_LIMIT: exitCodes.refusedByRecords,
  PRINCIPAL_TWICE: exitCodes.refusedByRecords,
  MEMBER_NOT_REMOVABLE: exitCodes.refusedByRecords,
  MEETING_HOUSEHOLD_FIXED: exitCodes.refusedByRecords,
  MEETING_CANCELLED: exitCodes.refusedByRecords,
  MEETING_HAS_DOCUMENTS: exitCodes.refusedByRecords,
  NOT_MIGRATED_DATA: exitCodes.refusedByRecords,
  PLAN_FINAL: exitCodes.refusedByRecords,
  PLAN_NOT_FINAL: exitCodes.refusedByRecords,
  MONITORING_DATE_OUT_OF_RANGE: exitCodes.usage,
  PLAN_ROW_MONITORED: exitCodes.refusedByRecords,
  EVALUATION_REQUIRED: exitCodes.refusedByRecords,
  HANDOVER_REQUIRED: exitCodes.usage,
  PLAN_EMPTY: exitCodes.refusedByRecords,
  NOT_A_MEMBER: exitCodes.refusedByRecords,
  NO_RECORDS_LOST: exitCodes.refusedByRecords,
  NOT_RECOVERING: exitCodes.refusedByRecords,
  NOT_A_BACKUP: exitCodes.refusedByRecords,
  BACKUP_EXISTS: exitCodes.refusedByRecords,
  STALE_TEXT: exitCodes.refusedByRecords,
  PREVIEW_EXPIRED: exitCodes.refusedByRecords,
  COPIES_NEED_MEETING: exitCodes.refusedByRecords,
  DRAWING_FONTS_MISSING: exitCodes.missingTool,
  // The app's session states: the CLI never meets them, so seeing one is a fault.
  LOCKED: exitCodes.unexpected,
  NEEDS_ACKNOWLEDGEMENT: exitCodes.unexpected,
  RECOVERY_PENDING: exitCodes.unexpected,
  FORBIDDEN_SENDER: exitCodes.unexpected,
  INTERNAL: exitCodes.unexpected,
  CANCELLED: exitCodes.unexpected,
  JOB_RUNNING: exitCodes.unexpected,
};

export function exitCodeFor(code: ErrorCode): number {
  return exitCodeOfError[code];
}
