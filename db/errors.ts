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
