/** The file opened with a key that unwrapped correctly, yet SQLite could not read it. */
export class DatabaseDamagedError extends Error {
  override name = 'DatabaseDamagedError';
}

/** The file was written by a newer Kasane; opening it could lose data, so we refuse. */
export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
  constructor(
    readonly fileVersion: number,
    readonly knownVersion: number,
  ) {
    super(`schema version ${fileVersion} is newer than ${knownVersion}`);
  }
}

/**
 * The steps the file records are not the first steps this build knows, in order: a step was added
 * below one the file already ran, or the file ran a step this build does not know (a development
 * build's). Migrating could skip a step or run one twice, so we refuse.
 */
export class MigrationHistoryError extends Error {
  override name = 'MigrationHistoryError';
  constructor(
    /** The first recorded step that differs (null: the file records fewer steps than expected there). */
    readonly found: string | null,
    /** What this build has at that place (null: the file ran more steps than this build knows). */
    readonly expected: string | null,
  ) {
    super(`recorded migration ${found ?? '(none)'} where ${expected ?? '(none)'} was expected`);
  }
}
