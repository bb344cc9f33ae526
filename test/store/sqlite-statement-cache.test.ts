import { test } from 'node:test';
import assert from 'node:assert/strict';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { withStatementCache } from '../../src/store/sqlite-statement-cache.ts';

function counted(capacity?: number) {
  const sqlite = new SQLite(':memory:');
  let prepares = 0;
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((text: string) => {
    prepares++;
    return prepare(text);
  }) as typeof sqlite.prepare;
  return { cached: withStatementCache(sqlite, capacity), sqlite, prepares: () => prepares };
}

test('a repeated SQL text is prepared once and answers with fresh parameters', async () => {
  const { cached, prepares } = counted();
  const db = new Kysely<{ t: { n: number } }>({ dialect: new SqliteDialect({ database: cached }) });
  await sql`create table t (n integer)`.execute(db);
  await db.insertInto('t').values([{ n: 1 }, { n: 2 }, { n: 3 }]).execute();
  const before = prepares();
  for (const n of [1, 2, 3, 2]) {
    const rows = await db.selectFrom('t').select('n').where('n', '=', n).execute();
    assert.deepEqual(rows, [{ n }]);
  }
  assert.equal(prepares() - before, 1);
  await db.destroy();
});

test('the least recently used statement leaves first when the cache is full', () => {
  const { cached, prepares } = counted(2);
  cached.prepare('select 1');
  cached.prepare('select 2');
  cached.prepare('select 1'); // now the most recent
  cached.prepare('select 3'); // evicts select 2
  assert.equal(prepares(), 3);
  cached.prepare('select 1');
  assert.equal(prepares(), 3);
  cached.prepare('select 2');
  assert.equal(prepares(), 4);
});

test('a cached statement follows schema changes (SQLite re-prepares it)', () => {
  const { cached, sqlite } = counted();
  sqlite.exec('create table t (a integer); insert into t values (1)');
  assert.deepEqual(cached.prepare('select * from t').all([]), [{ a: 1 }]);
  sqlite.exec('alter table t add column b integer default 7');
  assert.deepEqual(cached.prepare('select * from t').all([]), [{ a: 1, b: 7 }]);
});
