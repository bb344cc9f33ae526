// Reads on a SQLite connection of their own, grouped into one read transaction per event-loop turn.
// A statement outside a transaction begins and ends one of its own, taking and releasing SQLite's
// shared locks (fcntl system calls on the database file and its -shm) on every read. Under load one
// turn answers dozens of lookups, which then share a single snapshot: each sees the database as it
// was committed when the turn's first read began — never older than the start of the turn. The
// transaction ends when the turn does (setImmediate), or at once with `end()`, which a writer calls
// after committing so that its own next read sees the change.
import type SQLite from 'better-sqlite3';

export class TurnSnapshot {
  private open = false;
  private readonly beginStatement: SQLite.Statement;
  private readonly commitStatement: SQLite.Statement;

  constructor(private readonly connection: SQLite.Database) {
    this.beginStatement = connection.prepare('BEGIN');
    this.commitStatement = connection.prepare('COMMIT');
  }

  /** Call before each read: begins this turn's read transaction if none is open. */
  enter(): void {
    if (this.open) return;
    this.beginStatement.run();
    this.open = true;
    setImmediate(this.end);
  }

  /** Ends the read transaction, if any: the next read sees every commit made so far. */
  readonly end = (): void => {
    if (!this.open) return;
    this.open = false;
    // The connection may have been closed (shutdown) with the transaction still open.
    if (this.connection.open && this.connection.inTransaction) this.commitStatement.run();
  };
}
