// Kysely's SQLite driver prepares every query it runs; preparing costs as much as running a
// point lookup (docs/PERFORMANCE.md, "Certificates"). Our queries come from a fixed set of code
// paths, so their SQL texts repeat: keep the prepared statements, least recently used out first.
// Safe because the driver only calls `all`/`run` (synchronous, finished before the next query);
// `iterate` (Kysely's `stream()`, unused here) would hold a statement busy.
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export const STATEMENT_CACHE_SIZE = 500;

export function withStatementCache(sqlite: SQLite.Database, capacity = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => void sqlite.close(),
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement) {
        // Map keeps insertion order: re-inserting marks it most recently used.
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql) as unknown as SqliteStatement;
        if (statements.size >= capacity) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
