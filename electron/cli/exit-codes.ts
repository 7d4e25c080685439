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
} as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'WRONG_PASSPHRASE':
    case 'WRONG_RECOVERY_CODE':
    case 'UNLOCK_BACKOFF':
      return exitCodes.wrongPassphrase;
    case 'DATABASE_DAMAGED':
    case 'KEYSLOTS_DAMAGED':
    case 'NOT_INITIALIZED':
      return exitCodes.databaseUnreadable;
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
    case 'PASSPHRASE_IN_USE':
    case 'OFFICE_SETTINGS_INCOMPLETE':
    case 'NO_ADDRESSEES':
      return exitCodes.usage;
    default:
      return exitCodes.verificationFailed;
  }
}
