import type { ErrorCode } from '../services/errors.js';

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
  /** 想定外のエラー: a fault in Kasane itself, never a verdict about the data. */
  unexpected: 70,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'WRONG_PASSPHRASE':
    case 'WRONG_RECOVERY_CODE':
    case 'UNLOCK_BACKOFF':
      return exitCodes.wrongPassphrase;
    case 'DATABASE_DAMAGED':
    case 'NOT_INITIALIZED':
      return exitCodes.databaseUnreadable;
    case 'KEYSLOTS_DAMAGED':
      return exitCodes.keyslotsDamaged;
    case 'DATA_FOLDER_IN_USE':
      return exitCodes.dataFolderInUse;
    case 'RECORDS_LOST':
      return exitCodes.recordsLost;
    case 'BACKUP_OF_OTHER_VAULT':
      return exitCodes.otherVault;
    case 'FILE_OPERATION_FAILED':
      return exitCodes.fileOperationFailed;
    case 'AUDIT_BROKEN':
      return exitCodes.verificationFailed;
    case 'SCHEMA_TOO_NEW':
      return exitCodes.schemaTooNew;
    case 'CONSENT_REQUIRED':
    case 'OUT_OF_SCOPE':
    case 'NAMES_REASON_REQUIRED':
      return exitCodes.lawForbids;
    case 'VALIDATION':
    case 'ALREADY_INITIALIZED':
    case 'USER_EXISTS':
    case 'USER_NOT_FOUND':
    case 'USER_NAME_REQUIRED':
    case 'OFFICE_SETTINGS_INCOMPLETE':
    case 'NO_ADDRESSEES':
      return exitCodes.usage;
    case 'INTERNAL':
      return exitCodes.unexpected;
    default:
      return exitCodes.verificationFailed;
  }
}
