import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type QueryResult,
  SelectQueryNode,
  SqliteAdapter,
  SqliteDialect,
} from 'kysely';

type Sqlite = BetterSqlite3.Database;

/**
 * A job in a worker thread (electron/services/jobs) writes through its own connection. Waiting for
 * its write lock must never block this thread: the connection's busy_timeout is 0 and a write that
 * meets SQLITE_BUSY is retried after a timer, so the window, the idle-lock and the job's progress
 * keep running meanwhile.
 */
const busyRetryMs = 25;
const busyGiveUpMs = 15 * 60_000;

function isBusy(err: unknown): boolean {
  return (err as { code?: string }).code === 'SQLITE_BUSY';
}

async function whenNotBusy<T>(sqlite: Sqlite, work: () => T): Promise<T> {
  const giveUpAt = Date.now() + busyGiveUpMs;
  for (;;) {
    try {
      return work();
    } catch (err) {
      if (!isBusy(err) || Date.now() > giveUpAt || !sqlite.open) throw err;
    }
    await new Promise((wake) => setTimeout(wake, busyRetryMs));
  }
}

/**
 * Told about every committed transaction that changed a row. `beforeCommit` runs inside the
 * transaction (it may write, e.g. bump a commit counter); `afterCommit` runs once COMMIT has
 * returned: with `walSynced` true the change is durable (WAL + synchronous=FULL); false only for a
 * transaction begun without the WAL's sync (transactionWithoutWalSync), whose frames are written
 * (a killed process loses nothing) but not yet flushed — the watcher then flushes them (db/wal-sync.ts)
 * before recording anything that depends on them, now or later.
 */
export interface CommitWatcher {
  beforeCommit(sqlite: Sqlite): void;
  afterCommit(sqlite: Sqlite, walSynced: boolean): void;
  /**
   * Present when the watcher takes care of transactions committed without the WAL's sync; only
   * then does transactionWithoutWalSync begin one (without a watcher nobody would flush it).
   */
  commitsWithoutWalSync?(sqlite: Sqlite, changes: number): void;
}

/** The one watcher of a store; null while migrations run or when nothing is anchored. */
export class CommitWatch {
  watcher: CommitWatcher | null = null;
}

const changeCounters = new WeakMap<Sqlite, BetterSqlite3.Statement>();
function totalChanges(sqlite: Sqlite): number {
  let stmt = changeCounters.get(sqlite);
  if (!stmt) {
    stmt = sqlite.prepare('SELECT total_changes()').pluck();
    changeCounters.set(sqlite, stmt);
  }
  return stmt.get() as number;
}

const syncReads = new WeakMap<Sqlite, BetterSqlite3.Statement>();
/** The connection's synchronous setting (a cached statement reads it afresh each time). */
function syncSetting(sqlite: Sqlite): number {
  let stmt = syncReads.get(sqlite);
  if (!stmt) {
    stmt = sqlite.prepare('PRAGMA synchronous').pluck();
    syncReads.set(sqlite, stmt);
  }
  return stmt.get() as number;
}

/** True when this transaction began under synchronous below FULL (2): its COMMIT did not sync the WAL. */
function walSyncDeferred(sqlite: Sqlite): boolean {
  return syncSetting(sqlite) < 2;
}

/** Prepared statements kept per connection, least recently used dropped first. */
const statementCacheSize = 500;

class WatchedConnection implements DatabaseConnection {
  // Preparing costs about as much as running a small query (more on an encrypted file's schema):
  // the same SQL text is prepared once. SQLite re-prepares a statement itself after a schema change.
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  constructor(
    private readonly sqlite: Sqlite,
    private readonly watch: CommitWatch,
  ) {}

  #prepare(text: string): BetterSqlite3.Statement {
    const cached = this.#statements.get(text);
    if (cached) {
      this.#statements.delete(text);
      this.#statements.set(text, cached);
      return cached;
    }
    const stmt = this.sqlite.prepare(text);
    this.#statements.set(text, stmt);
    if (this.#statements.size > statementCacheSize) {
      const oldest = this.#statements.keys().next();
      if (!oldest.done) this.#statements.delete(oldest.value);
    }
    return stmt;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.#prepare(compiled.sql);
    const params = compiled.parameters as unknown[];
    const run = () => {
      if (stmt.reader) return { rows: stmt.all(params) as R[] };
      const { changes, lastInsertRowid } = stmt.run(params);
      return {
        insertId: lastInsertRowid != null ? BigInt(lastInsertRowid) : undefined,
        numAffectedRows: changes != null ? BigInt(changes) : undefined,
        rows: [] as R[],
      };
    };
    const watcher = this.watch.watcher;
    // A write outside any transaction commits on its own: make it a transaction so the watcher
    // sees it like any other commit.
    if (watcher && !stmt.readonly && !this.sqlite.inTransaction) {
      let changed = false;
      const result = await whenNotBusy(this.sqlite, () =>
        this.sqlite
          .transaction(() => {
            const before = totalChanges(this.sqlite);
            const out = run();
            changed = totalChanges(this.sqlite) !== before;
            if (changed) watcher.beforeCommit(this.sqlite);
            return out;
          })
          .immediate(),
      );
      if (changed) watcher.afterCommit(this.sqlite, true);
      return result;
    }
    if (!stmt.readonly && !this.sqlite.inTransaction) return whenNotBusy(this.sqlite, run);
    return run();
  }

  /** BEGIN IMMEDIATE takes the write lock first, so a transaction never meets a writer half-way. */
  async begin(immediate: boolean): Promise<void> {
    const stmt = this.#prepare(immediate ? 'begin immediate' : 'begin');
    await whenNotBusy(this.sqlite, () => stmt.run());
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query)) throw new Error('only SELECT queries can be streamed');
    const stmt = this.sqlite.prepare(compiled.sql);
    for (const row of stmt.iterate(compiled.parameters as unknown[])) yield { rows: [row as R] };
  }
}

class WatchedDriver implements Driver {
  readonly #connection: WatchedConnection;
  #changesAtBegin = 0;
  /** One transaction at a time on the one connection: the next waits for COMMIT or ROLLBACK. */
  #transactionDone: Promise<void> = Promise.resolve();
  #endTransaction: (() => void) | null = null;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly watch: CommitWatch,
  ) {
    this.#connection = new WatchedConnection(sqlite, watch);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection;
  }

  async beginTransaction(
    _connection?: DatabaseConnection,
    _settings?: unknown,
    walSync = true,
  ): Promise<void> {
    const previous = this.#transactionDone;
    let end = () => {};
    this.#transactionDone = new Promise<void>((done) => {
      end = done;
    });
    await previous;
    this.#endTransaction = end;
    try {
      // SQLite fixes a transaction's sync level at BEGIN; set here, in this transaction's turn,
      // and only for a watcher that flushes such commits itself.
      if (!walSync && this.watch.watcher?.commitsWithoutWalSync) this.#deferWalSync();
      // Anchored (a writable vault): take the write lock at BEGIN. Unanchored stores (migrations,
      // a read-only vault whose records were lost) keep a deferred BEGIN, which query_only allows.
      await this.#connection.begin(this.watch.watcher !== null);
    } catch (err) {
      this.#released();
      throw err;
    }
    this.#changesAtBegin = totalChanges(this.sqlite);
  }

  /** Set while a transaction runs under NORMAL: FULL is restored when it ends. */
  #walSyncDeferred = false;

  #deferWalSync(): void {
    // Only from FULL (every anchored store's setting): a store already below it keeps its own.
    // Set with exec: a prepared PRAGMA that sets a value is not applied again when re-run.
    if (syncSetting(this.sqlite) !== 2) return;
    this.sqlite.exec('PRAGMA synchronous = NORMAL');
    this.#walSyncDeferred = true;
  }

  /**
   * Runs `work` (queries on this connection) as one transaction whose COMMIT writes the WAL without
   * syncing it; the watcher flushes it after COMMIT, at once or later (commitsWithoutWalSync).
   */
  async transactionWithoutWalSync<T>(work: () => Promise<T>): Promise<T> {
    await this.beginTransaction(this.#connection, undefined, false);
    let result: T;
    try {
      result = await work();
      await this.commitTransaction(this.#connection);
    } catch (err) {
      if (this.#endTransaction) await this.rollbackTransaction(this.#connection);
      throw err;
    }
    return result;
  }

  #released(): void {
    if (this.#walSyncDeferred && this.sqlite.open) this.sqlite.exec('PRAGMA synchronous = FULL');
    this.#walSyncDeferred = false;
    const end = this.#endTransaction;
    this.#endTransaction = null;
    end?.();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const watcher = this.watch.watcher;
    const changes = totalChanges(this.sqlite) - this.#changesAtBegin;
    const changed = watcher !== null && changes !== 0;
    // Begun with the WAL's sync deferred (a lone read event, audit.ts): the watcher looks at what
    // the transaction holds before it commits, and flushes the WAL after, now or later.
    const walSynced = !(changed && walSyncDeferred(this.sqlite));
    if (!walSynced) watcher?.commitsWithoutWalSync?.(this.sqlite, changes);
    // A failed COMMIT is followed by kysely's rollbackTransaction, which ends the turn.
    if (changed) watcher.beforeCommit(this.sqlite);
    await connection.executeQuery(CompiledQuery.raw('commit'));
    this.#released();
    if (changed) watcher.afterCommit(this.sqlite, walSynced);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      if (this.sqlite.inTransaction) await connection.executeQuery(CompiledQuery.raw('rollback'));
    } finally {
      this.#released();
    }
  }

  async savepoint(connection: DatabaseConnection, name: string) {
    await connection.executeQuery(CompiledQuery.raw(`savepoint "${name}"`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string) {
    await connection.executeQuery(CompiledQuery.raw(`rollback to "${name}"`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string) {
    await connection.executeQuery(CompiledQuery.raw(`release "${name}"`));
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    if (this.sqlite.open) this.sqlite.close();
  }
}

/** SQLite runs DDL inside transactions; kysely's adapter is cautious and says it cannot. */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** kysely's SQLite dialect with a driver that tells a watcher about each commit. */
export class WatchedSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: Sqlite,
    private readonly watch: CommitWatch,
  ) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new WatchedDriver(this.sqlite, this.watch);
  }

  override createAdapter() {
    return new TransactionalSqliteAdapter();
  }
}

const drivers = new WeakMap<object, WatchedDriver>();

/** A kysely instance on a watched connection (db/open.ts), known to transactionWithoutWalSync. */
export function watchedKysely<DB>(sqlite: Sqlite, watch: CommitWatch): Kysely<DB> {
  let driver: WatchedDriver | undefined;
  const dialect = new (class extends WatchedSqliteDialect {
    override createDriver(): Driver {
      driver = new WatchedDriver(sqlite, watch);
      return driver;
    }
  })(sqlite, watch);
  const db = new Kysely<DB>({ dialect });
  if (driver) drivers.set(db, driver);
  return db;
}

/**
 * `work` as one transaction whose WAL is not synced at COMMIT; the store's watcher flushes it after,
 * at once or (a lone read event: electron/services/anchor.ts) a moment later. An ordinary
 * transaction on any other kysely instance, or on a store without such a watcher.
 */
export async function transactionWithoutWalSync<DB, T>(
  db: Kysely<DB>,
  work: (db: Kysely<DB>) => Promise<T>,
): Promise<T> {
  const driver = drivers.get(db);
  if (!driver) return db.transaction().execute(work);
  return driver.transactionWithoutWalSync(() => work(db));
}
