/**
 * The SQLite driver behind Kysely, with two changes to Kysely's own (which it otherwise mirrors):
 *
 * 1. Prepared statements are kept for reuse. Kysely prepares every query afresh, and preparing
 *    costs several times more than running a point query: the same few dozen statement texts
 *    run thousands of times a second.
 *
 * 2. Group commit. With `synchronous = FULL` every COMMIT waits for the disk (fsync), and
 *    better-sqlite3 waits on the only thread. A finished transaction is closed as a savepoint
 *    inside one physical transaction that the next ones join; the physical COMMIT — one fsync
 *    for the whole group — happens once nothing waits for the connection and the requests that
 *    arrived meanwhile have run (the next turn of the event loop: a request's transaction, its
 *    statements being synchronous, runs start to end within one turn and would otherwise never
 *    meet another), or when the group reaches MAX_GROUP transactions / MAX_GROUP_MS. Each
 *    transaction's commit resolves only after that COMMIT, so nothing is acknowledged before it
 *    is durable; a failed COMMIT fails every transaction of the group. A transaction that rolls
 *    back undoes only its own savepoint. A write outside a transaction that runs while a group
 *    is open commits the group before it resolves. Reads that run while a group is open see its
 *    writes slightly before they are durable (as they would with `synchronous = NORMAL`).
 *
 * 3. Rows are made in JavaScript from raw arrays (see `withRowMaker`).
 *
 * 4. The disk wait off the only thread. With `synchronous = FULL` SQLite waits for the WAL's fsync
 *    inside COMMIT, on the thread that serves every request. In WAL mode with
 *    `synchronous = NORMAL` (as `connect` opens files) SQLite does not sync at COMMIT; the driver
 *    then syncs the WAL file itself on libuv's thread pool after each group's COMMIT, and a
 *    transaction (or a write outside one) resolves only once a sync that began after its COMMIT
 *    has finished: what is acknowledged is on disk, as with FULL, while the next group runs.
 *    Syncs do not overlap: the groups that commit while one runs share the next.
 */
import fs from 'node:fs';
import type SQLite from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import {
  SelectQueryNode,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';

/** statements kept, least recently used dropped first */
const MAX_STATEMENTS = 500;
/** longer texts (bulk inserts, long `in (…)` lists) are one-offs: prepared, not kept */
const MAX_CACHED_SQL_LENGTH = 4_000;
/** transactions per physical commit at most */
const MAX_GROUP = 16;
/** a group older than this commits at the next transaction's end */
const MAX_GROUP_MS = 10;
const SAVEPOINT = 'polaris_group_tx';

type Statement = SQLite.Statement<unknown[], unknown>;

/** A prepared statement, and for one that returns rows, how to make an object of a row. */
export interface Prepared {
  stmt: Statement;
  /** null: a statement without result columns (INSERT, UPDATE … without RETURNING, DDL) */
  toRow: ((values: unknown[]) => unknown) | null;
  /** the number of result columns toRow expects */
  width: number;
}

/**
 * Row objects made in JavaScript. better-sqlite3 builds each row object property by property
 * through the V8 API, which costs more than reading the row: statements run in raw mode
 * (arrays), and a function compiled once per statement — an object literal with the result
 * columns in order — turns each array into an object. Same keys, same order, same values (a
 * repeated column name keeps the last value, as better-sqlite3's objects do).
 */
function withRowMaker(stmt: Statement): Prepared {
  if (!stmt.reader) return { stmt, toRow: null, width: 0 };
  const names = stmt.columns().map((c) => c.name);
  if (names.includes('__proto__')) return { stmt: stmt.raw(false), toRow: null, width: 0 };
  const fields = names.map((n, i) => `${JSON.stringify(n)}: v[${i}]`).join(', ');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const toRow = new Function('v', `return { ${fields} };`) as (values: unknown[]) => unknown;
  return { stmt: stmt.raw(true), toRow, width: names.length };
}

/** DDL changes what `select *` returns: statements kept from before are dropped after it. */
const isSchemaChange = (sql: string): boolean => /^\s*(create|alter|drop)\b/i.test(sql);

/** Prepared statements by SQL text, least recently used dropped first. */
export class StatementCache {
  private readonly statements = new Map<string, Prepared>();

  constructor(private readonly db: SQLite.Database) {}

  prepare(sql: string): Prepared {
    const kept = this.statements.get(sql);
    if (kept !== undefined) {
      this.statements.delete(sql);
      this.statements.set(sql, kept);
      return kept;
    }
    const p = withRowMaker(this.db.prepare<unknown[], unknown>(sql));
    if (sql.length <= MAX_CACHED_SQL_LENGTH) {
      this.statements.set(sql, p);
      if (this.statements.size > MAX_STATEMENTS) {
        const oldest = this.statements.keys().next().value;
        if (oldest !== undefined) this.statements.delete(oldest);
      }
    }
    return p;
  }

  /** The statement's columns changed under it (a schema change elsewhere): name them anew. */
  refresh(sql: string, p: Prepared): Prepared {
    const fresh = withRowMaker(p.stmt);
    this.statements.set(sql, fresh);
    return fresh;
  }

  /** whether the statement only reads (kept statements; others are treated as writes) */
  isReadonly(sql: string): boolean {
    return this.statements.get(sql)?.stmt.readonly ?? false;
  }

  clear(): void {
    this.statements.clear();
  }
}

/** One use of the single connection, from acquire to release. */
class Lease implements DatabaseConnection {
  /** the connection was handed on early (its transaction waits in a commit group) */
  handedOn = false;
  /** between BEGIN and COMMIT / ROLLBACK of a transaction */
  inTransaction = false;

  constructor(private readonly driver: GroupCommitSqliteDriver) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.execute<R>(query, this);
  }

  streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    return this.driver.stream<R>(query);
  }
}

interface Member {
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** A read-only descriptor of `file`, or null when there is no such file. */
function openIfThere(file: string): number | null {
  try {
    return fs.openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Flushes a file to disk, calling back when done (fs.fsync; tests watch it). */
export type Fsync = (fd: number, done: (err: NodeJS.ErrnoException | null) => void) => void;

export interface DriverOptions {
  fsync?: Fsync;
}

export class GroupCommitSqliteDriver implements Driver {
  private readonly statements: StatementCache;
  /** the WAL file the driver syncs itself (WAL mode with synchronous = NORMAL), else null */
  private readonly walPath: string | null;
  private walFd: number | null = null;
  private readonly fsync: Fsync;
  /** committed, waiting for the next sync of the WAL */
  private unsynced: Member[] = [];
  /** the sync running now, if any */
  private syncing: Promise<void> | null = null;
  private locked = false;
  private readonly waiters: (() => void)[] = [];
  /** transactions released into the open physical transaction, waiting for its COMMIT */
  private group: Member[] = [];
  private groupStartedAt = 0;
  /** a COMMIT of the open group is scheduled (setImmediate) */
  private commitScheduled = false;
  private closed = false;

  constructor(
    private readonly db: SQLite.Database,
    opts: DriverOptions = {},
  ) {
    this.statements = new StatementCache(db);
    this.fsync = opts.fsync ?? fs.fsync;
    const wal = !db.memory && db.pragma('journal_mode', { simple: true }) === 'wal';
    const normal = db.pragma('synchronous', { simple: true }) === 1;
    this.walPath = wal && normal ? `${db.name}-wal` : null;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.locked) await new Promise<void>((resolve) => this.waiters.push(resolve));
    else this.locked = true;
    return new Lease(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as Lease).inTransaction = true;
    this.failGroupIfLost();
    if (!this.db.inTransaction) {
      this.run('begin');
      this.groupStartedAt = performance.now();
    }
    this.run(`savepoint ${SAVEPOINT}`);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as Lease).inTransaction = false;
    this.run(`release ${SAVEPOINT}`);
    const durable = new Promise<void>((resolve, reject) => this.group.push({ resolve, reject }));
    const full =
      this.group.length >= MAX_GROUP || performance.now() - this.groupStartedAt >= MAX_GROUP_MS;
    if (full) {
      this.commitGroup();
    } else {
      // let the next one in (a waiter now, or requests arriving before the scheduled COMMIT);
      // this transaction is committed with the group
      (connection as Lease).handedOn = true;
      this.handOn();
    }
    await durable;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as Lease).inTransaction = false;
    // handed on: its group's COMMIT failed and rolled everything back already
    if ((connection as Lease).handedOn || !this.db.inTransaction) return;
    this.run(`rollback to ${SAVEPOINT}`);
    this.run(`release ${SAVEPOINT}`);
    if (this.group.length === 0) this.run('rollback');
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    this.run(`savepoint "${name}"`);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    this.run(`rollback to "${name}"`);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    this.run(`release "${name}"`);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (lease.handedOn) return;
    lease.handedOn = true;
    this.handOn();
  }

  async destroy(): Promise<void> {
    if (this.group.length > 0) this.commitGroup();
    while (this.syncing) await this.syncing;
    if (this.walFd !== null) fs.closeSync(this.walFd);
    this.closed = true;
    this.statements.clear();
    this.db.close();
  }

  /**
   * Runs one statement for `lease`. A write outside a transaction is durable before it resolves:
   * the open group, which it ran inside of, commits first, and a sync follows when the driver
   * syncs the WAL itself.
   */
  async execute<R>(query: CompiledQuery, lease: Lease): Promise<QueryResult<R>> {
    const result = this.executeStatement<R>(query);
    if (lease.inTransaction || this.statements.isReadonly(query.sql)) return result;
    if (this.group.length > 0) this.commitGroup();
    if (this.walPath !== null) {
      await new Promise<void>((resolve, reject) => this.whenSynced({ resolve, reject }));
    }
    return result;
  }

  private executeStatement<R>(query: CompiledQuery): QueryResult<R> {
    let p = this.statements.prepare(query.sql);
    const parameters = query.parameters as unknown[];
    if (p.toRow !== null) {
      const values = p.stmt.all(parameters) as unknown[][];
      // SQLite recompiled the statement for a changed schema: name the new columns (not rerun)
      if (values.length > 0 && values[0]!.length !== p.width) {
        p = this.statements.refresh(query.sql, p);
      }
      return { rows: (p.toRow === null ? values : values.map(p.toRow)) as R[] };
    }
    if (p.stmt.reader) return { rows: p.stmt.all(parameters) as R[] };
    const { changes, lastInsertRowid } = p.stmt.run(parameters);
    if (isSchemaChange(query.sql)) this.statements.clear();
    return {
      numAffectedRows: BigInt(changes),
      insertId: BigInt(lastInsertRowid),
      rows: [],
    };
  }

  async *stream<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) {
      throw new Error('Sqlite driver only supports streaming of select queries');
    }
    // a statement being iterated cannot run again meanwhile: stream on a fresh one
    const stmt = this.db.prepare<unknown[], R>(query.sql);
    for (const row of stmt.iterate(query.parameters)) yield { rows: [row] };
  }

  private run(sql: string): void {
    this.statements.prepare(sql).stmt.run();
  }

  /**
   * Passes the connection to the next waiter, or, with none, unlocks it and schedules the
   * group's COMMIT for after the I/O that is ready now: requests that arrived meanwhile run
   * first (a request's transaction runs start to end within one turn of the event loop, the
   * statements being synchronous) and join the group. A group does not wait longer than
   * MAX_GROUP_MS, however many reads queue up behind it.
   */
  private handOn(): void {
    if (this.group.length > 0 && performance.now() - this.groupStartedAt >= MAX_GROUP_MS) {
      this.commitGroup();
    }
    const next = this.waiters.shift();
    if (next) {
      next();
      return;
    }
    this.locked = false;
    if (this.group.length > 0) this.scheduleCommit();
  }

  private scheduleCommit(): void {
    if (this.commitScheduled) return;
    this.commitScheduled = true;
    setImmediate(() => {
      this.commitScheduled = false;
      // in use: whoever holds the connection commits or schedules again when it lets go
      if (this.closed || this.locked || this.group.length === 0) return;
      this.commitGroup();
    });
  }

  private commitGroup(): void {
    const members = this.group;
    this.group = [];
    if (members.length === 0) return;
    try {
      if (!this.db.inTransaction) throw new Error('The transaction was rolled back by SQLite');
      this.run('commit');
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('rollback');
      for (const m of members) m.reject(e);
      return;
    }
    if (this.walPath === null) {
      for (const m of members) m.resolve();
      return;
    }
    for (const m of members) this.whenSynced(m);
  }

  /** `m` settles once a sync of the WAL that begins after now has finished. */
  private whenSynced(m: Member): void {
    this.unsynced.push(m);
    this.syncing ??= this.syncWal();
  }

  private async syncWal(): Promise<void> {
    while (this.unsynced.length > 0) {
      const batch = this.unsynced;
      this.unsynced = [];
      try {
        const fd = (this.walFd ??= openIfThere(this.walPath!));
        // no WAL file yet: nothing was written that a sync could keep
        if (fd !== null) {
          await new Promise<void>((resolve, reject) =>
            this.fsync(fd, (err) => (err ? reject(err) : resolve())),
          );
        }
        for (const m of batch) m.resolve();
      } catch (e) {
        for (const m of batch) m.reject(e);
      }
    }
    this.syncing = null;
  }

  /** SQLite rolled back the physical transaction itself (I/O error, disk full): fail its group. */
  private failGroupIfLost(): void {
    if (this.group.length > 0 && !this.db.inTransaction) this.commitGroup();
  }
}

/** Kysely's SQLite dialect on `db`, with statement reuse and group commit. */
export class PolarisSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly opts: DriverOptions = {},
  ) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new GroupCommitSqliteDriver(this.sqlite, this.opts);
  }
}
