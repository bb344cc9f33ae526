// Hot reads on a read-only SQLite connection of their own, grouped into one read transaction per
// event-loop turn. A statement outside a transaction begins and ends one of its own, taking and
// releasing SQLite's shared locks (fcntl system calls on the database file and its -shm) on every
// read; under load one turn answers dozens of lookups, which then share one snapshot: each sees
// the database as committed when the turn's first read began.
//
// The snapshot ends when the turn does (setImmediate), and before every write statement of this
// process's main connection (`endingSnapshotOnWrite`), for two reasons: a read after this process's
// own commit must see it, and a write that commits while a reader of the same file holds a snapshot
// cannot restart the WAL — with a snapshot open at every write the WAL grows without bound (20,000
// writes of 3 KB: 252 MB instead of 4 MB, and six times slower). Another process's commit shows from
// this process's next turn.
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export class TurnSnapshotReader {
  private connection: SQLite.Database | null = null;
  private beginStatement: SQLite.Statement | null = null;
  private commitStatement: SQLite.Statement | null = null;
  private open = false;

  /** `connect` opens the read-only connection, at the first read. */
  constructor(private readonly connect: () => SQLite.Database) {}

  /** A single-row read, prepared at its first call, run inside the turn's snapshot. */
  getter<Params extends unknown[], Row>(sql: string): (...params: Params) => Row | undefined {
    let statement: SQLite.Statement<Params, Row> | null = null;
    return (...params) => {
      statement ??= this.connected().prepare<Params, Row>(sql);
      this.enter();
      return statement.get(...params);
    };
  }

  /** Ends the read transaction, if any: the next read sees every commit made so far. */
  readonly end = (): void => {
    if (!this.open) return;
    this.open = false;
    // Closed (shutdown) with the transaction still open: closing ended it.
    if (this.connection?.open && this.connection.inTransaction) this.commitStatement!.run();
  };

  close(): void {
    this.open = false;
    this.connection?.close();
  }

  private connected(): SQLite.Database {
    if (!this.connection) {
      this.connection = this.connect();
      this.beginStatement = this.connection.prepare('BEGIN');
      this.commitStatement = this.connection.prepare('COMMIT');
    }
    return this.connection;
  }

  private enter(): void {
    if (this.open) return;
    this.beginStatement!.run();
    this.open = true;
    setImmediate(this.end);
  }
}

/**
 * The main connection as Kysely's SQLite driver uses it, ending `reader`'s snapshot before every
 * statement that is not a read — BEGIN, COMMIT and every write included.
 */
export function endingSnapshotOnWrite(database: SqliteDatabase, reader: TurnSnapshotReader): SqliteDatabase {
  // One wrapper per prepared statement, kept as long as the statement cache keeps the statement.
  const wrappers = new WeakMap<SqliteStatement, SqliteStatement>();
  const wrap = (statement: SqliteStatement): SqliteStatement => ({
    reader: false,
    all: (parameters) => statement.all(parameters),
    iterate: (parameters) => statement.iterate(parameters),
    run: (parameters) => {
      reader.end();
      return statement.run(parameters);
    },
  });
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const statement = database.prepare(sql);
      if (statement.reader) return statement;
      let wrapper = wrappers.get(statement);
      if (!wrapper) wrappers.set(statement, (wrapper = wrap(statement)));
      return wrapper;
    },
  };
}
