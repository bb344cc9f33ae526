// Opens the database named by DATABASE_URL: `sqlite:<path>` (default, embedded) or `postgres://…`.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import type { Database } from './schema.ts';
import { withStatementCache } from './sqlite-statement-cache.ts';
import { endingSnapshotOnWrite, TurnSnapshotReader } from './turn-snapshot.ts';

export type DialectName = 'sqlite' | 'postgres';

export const DEFAULT_DATABASE_URL = 'sqlite:./jiliang-data/jiliang.db';

export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /**
   * The raw better-sqlite3 handle, for the bulk-load fast path; null on PostgreSQL. Writes on it
   * bypass the rule that ends the read snapshot (`turn-snapshot.ts`): run them inside a Kysely
   * transaction, as the demo city's loader does.
   */
  readonly sqlite: SQLite.Database | null;
  /**
   * SQLite files: hot public reads (the certificate lookup) on a second connection, read-only and
   * opened at the first read, sharing one snapshot per event-loop turn (`turn-snapshot.ts`). They
   * see committed data only — never the open transaction of the main connection, which a raw read on
   * that handle would join — and skip Kysely's per-query work. null on PostgreSQL and for an
   * in-memory database (another connection would see another database).
   */
  readonly snapshotReader: TurnSnapshotReader | null;
  /** PostgreSQL: the schema in use (`public` unless one was given); null on SQLite. */
  readonly schema: string | null;
  readonly close: () => Promise<void>;
}

// PostgreSQL returns int8 and numeric as strings by default; our counts and ids fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * Transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE), not at their first
 * write: with several server processes on one file (`serve --workers`), a deferred transaction that
 * read and then writes fails at once with SQLITE_BUSY when another process wrote in between; an
 * immediate one waits for the lock (busy_timeout). In one process Kysely runs one at a time anyway.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly driverConfig: SqliteDialectConfig) {
    super(driverConfig);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.driverConfig);
  }
}

export function dialectOf(url: string): DialectName {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  if (url.startsWith('sqlite:')) return 'sqlite';
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got ${url})`);
}

export interface OpenOptions {
  /** PostgreSQL only: the schema to use (created if absent); tests use one schema per run. */
  readonly schema?: string;
}

export function openDatabase(url: string = DEFAULT_DATABASE_URL, options: OpenOptions = {}): OpenDatabase {
  if (dialectOf(url) === 'sqlite') {
    const path = url.slice('sqlite:'.length);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const sqlite = new SQLite(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const snapshotReader =
      path === ':memory:'
        ? null
        : new TurnSnapshotReader(() => {
            const reader = new SQLite(path, { readonly: true, fileMustExist: true });
            reader.pragma('busy_timeout = 5000');
            return reader;
          });
    const main = withStatementCache(sqlite);
    const database = snapshotReader ? endingSnapshotOnWrite(main, snapshotReader) : main;
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database }) });
    const close = async () => {
      snapshotReader?.close();
      await db.destroy();
    };
    return { db, dialect: 'sqlite', sqlite, snapshotReader, schema: null, close };
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', sqlite: null, snapshotReader: null, schema: options.schema ?? 'public', close: () => db.destroy() };
}
