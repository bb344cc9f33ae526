// The read-only connection's reads share one snapshot per event-loop turn (src/store/turn-snapshot.ts):
// commits of this process's main connection are seen at once, another process's from the next turn,
// and writes never meet an open snapshot (or the WAL would grow without bound).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type OpenDatabase } from '../../src/store/db.ts';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

let dir = '';
let file = '';
let opened: OpenDatabase;
let db: Kysely<{ note: { id: number; text: string } }>;
let readNote: (id: number) => { text: string } | undefined;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jiliang-snapshot-'));
  file = join(dir, 'snapshot.db');
  opened = openDatabase(`sqlite:${file}`);
  db = opened.db as unknown as typeof db;
  await sql`create table note (id integer primary key, text text not null)`.execute(db);
  await db.insertInto('note').values({ id: 1, text: 'first' }).execute();
  readNote = opened.snapshotReader!.getter<[number], { text: string }>('SELECT text FROM note WHERE id = ?');
});

after(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a commit of the main connection is seen by the next read of the same turn', async () => {
  assert.equal(readNote(1)?.text, 'first');
  await db.updateTable('note').set({ text: 'second' }).where('id', '=', 1).execute();
  assert.equal(readNote(1)?.text, 'second');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('note').set({ text: 'uncommitted' }).where('id', '=', 1).execute();
    assert.equal(readNote(1)?.text, 'second', 'not the open transaction');
  });
  assert.equal(readNote(1)?.text, 'uncommitted', 'committed now');
});

test("another process's commit shows from the next turn", async () => {
  await nextTurn();
  assert.equal(readNote(1)?.text, 'uncommitted');
  const other = new SQLite(file);
  try {
    other.pragma('busy_timeout = 5000');
    other.prepare('UPDATE note SET text = ? WHERE id = 1').run('from elsewhere');
  } finally {
    other.close();
  }
  assert.equal(readNote(1)?.text, 'uncommitted', 'this turn keeps its snapshot');
  await nextTurn();
  assert.equal(readNote(1)?.text, 'from elsewhere');
});

test('writes interleaved with reads in one turn keep the WAL bounded', async () => {
  const payload = 'x'.repeat(3000);
  // 3,000 writes of 3 KB with a read before each: with the snapshot left open across the writes,
  // the WAL could not restart and would pass 35 MB; SQLite checkpoints it at ~4 MB (1,000 pages).
  for (let i = 0; i < 3000; i++) {
    assert.ok(readNote(1));
    await db.insertInto('note').values({ id: 100 + i, text: payload }).execute();
  }
  const walBytes = statSync(`${file}-wal`).size;
  assert.ok(walBytes < 8_000_000, `WAL ${walBytes} bytes`);
});
