// Fresh, throw-away databases for one benchmark run: a SQLite file under /tmp, or a new schema in
// the PostgreSQL test server. The application creates its tables itself (createContext migrates);
// the raw baselines open their own driver connections with the same settings as src/store/db.ts.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { BenchConfig, BenchDialect } from './config.ts';

export interface BenchDatabase {
  readonly dialect: BenchDialect;
  /** DATABASE_URL for createContext. */
  readonly url: string;
  /** PostgreSQL schema (search_path) of this database; undefined on SQLite. */
  readonly pgSchema: string | undefined;
  /** Human-readable location (file path or schema). */
  readonly where: string;
  /** Deletes the database (unless BENCH_KEEP=1). */
  drop(): Promise<void>;
}

let counter = 0;

export async function freshDatabase(cfg: BenchConfig, dialect: BenchDialect, purpose: string): Promise<BenchDatabase> {
  const tag = `${purpose}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  if (dialect === 'sqlite') {
    const path = join(cfg.sqliteDir, `jiliang-bench-${tag}.db`);
    return {
      dialect,
      url: `sqlite:${path}`,
      pgSchema: undefined,
      where: path,
      drop: async () => {
        if (cfg.keep) return;
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
      },
    };
  }
  const schema = `bench_${tag}`;
  await withPgClient(cfg.pgUrl, undefined, (c) => c.query(`CREATE SCHEMA ${schema}`));
  return {
    dialect,
    url: cfg.pgUrl,
    pgSchema: schema,
    where: `${cfg.pgUrl} schema ${schema}`,
    drop: async () => {
      if (cfg.keep) return;
      await withPgClient(cfg.pgUrl, undefined, (c) => c.query(`DROP SCHEMA ${schema} CASCADE`));
    },
  };
}

/** A better-sqlite3 handle with the pragmas the application uses (src/store/db.ts). */
export function openRawSqlite(db: BenchDatabase): SQLite.Database {
  const sqlite = new SQLite(db.url.slice('sqlite:'.length));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

export async function openRawPg(url: string, schema: string | undefined): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  return client;
}

export async function withPgClient<T>(url: string, schema: string | undefined, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = await openRawPg(url, schema);
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Null when the server answers, otherwise why not. */
export async function postgresProblem(url: string): Promise<string | null> {
  try {
    await withPgClient(url, undefined, (c) => c.query('SELECT 1'));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The rows of one query through the driver; write the placeholders of the dialect (`?` or `$n`). */
export async function rawRows<T>(db: BenchDatabase, text: string, params: readonly unknown[] = []): Promise<T[]> {
  if (db.dialect === 'sqlite') {
    const sqlite = openRawSqlite(db);
    try {
      return sqlite.prepare(text).all(...params) as T[];
    } finally {
      sqlite.close();
    }
  }
  return withPgClient(db.url, db.pgSchema, async (c) => (await c.query(text, params as unknown[])).rows as T[]);
}
