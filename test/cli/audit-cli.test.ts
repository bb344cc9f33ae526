// `jiliang audit verify` and `audit checkpoint`, run as an operator would, on a SQLite file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createContext } from '../../src/services/context.ts';
import { runJiliang } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'jiliang-audit-cli-'));
const database = `sqlite:${join(dir, 'audit.db')}`;
const keyDir = join(dir, 'keys');
const env = { JILIANG_KEY_DIR: keyDir, DATABASE_URL: 'sqlite:/nonexistent/should-not-be-used.db' };

const jiliang = (...args: string[]) => runJiliang(['--database', database, ...args], { env });

test('verify exits 0 on an intact log and 1 on a tampered one; checkpoint prints the signed head', async () => {
  const ctx = await createContext({ databaseUrl: database, keyDir });
  for (let i = 1; i <= 3; i++) {
    await ctx.audit.recordAlone({ requestId: null, actorKind: 'system', actorId: 'cli', scope: null, action: 'organization.import', outcome: 'ok', targetType: 'organization', targetId: String(i), detail: { rows: i } });
  }
  await ctx.close();

  const checkpoint = await jiliang('audit', 'checkpoint');
  assert.equal(checkpoint.code, 0, checkpoint.stderr);
  const cp = JSON.parse(checkpoint.stdout);
  assert.equal(cp.seq, 3);
  assert.match(cp.keyId, /^[0-9a-f]{16}$/);
  assert.equal(JSON.parse((await jiliang('audit', 'checkpoint')).stdout), null);

  const intact = await jiliang('audit', 'verify');
  assert.equal(intact.code, 0, intact.stderr);
  assert.equal(intact.stdout, 'audit log intact: 3 entries (last seq 3), 1 checkpoint (1 in the witness file)\n');

  // Someone with the database file drops the trigger and edits history.
  const attacker = await createContext({ databaseUrl: database, keyDir: join(dir, 'other-keys') });
  await sql`drop trigger audit_log_no_update`.execute(attacker.audit.db);
  await attacker.audit.db.updateTable('audit_log').set({ target_id: '9' }).where('seq', '=', 2).execute();
  await attacker.close();

  const tampered = await jiliang('audit', 'verify');
  assert.equal(tampered.code, 1);
  assert.match(tampered.stdout, /^audit log NOT intact: 1 problem in 3 entries/);
  assert.match(tampered.stdout, /seq 2\thash_mismatch\tentry 2 does not match its hash/);
  const json = await jiliang('audit', 'verify', '--json');
  assert.equal(json.code, 1);
  const verdict = JSON.parse(json.stdout);
  assert.equal(verdict.ok, false);
  assert.deepEqual(verdict.problems.map((p: { kind: string; seq: number }) => [p.kind, p.seq]), [['hash_mismatch', 2]]);
});

test('audit has --help', async () => {
  const help = await jiliang('audit', '--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /verify/);
  assert.match(help.stdout, /checkpoint/);
});

test.after(() => rmSync(dir, { recursive: true, force: true }));
