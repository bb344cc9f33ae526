// Several server processes on one SQLite file (`jiliang serve --workers N`): the processes write
// concurrently without losing a write or breaking the audit chain, and the command starts N
// workers on one port and stops them all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createContext } from '../../src/services/context.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { instrumentInput, seedOrganizations, verificationInput } from '../support/fixtures.ts';
import { SYSTEM, TEST_NOW } from '../support/dialects.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'jiliang-workers-'));
const file = join(dir, 'shared.db');
const keyDir = join(dir, 'keys');
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('two processes issuing certificates into one SQLite file at once lose nothing and keep the log and audit chain whole', async () => {
  const ctx = await createContext({ databaseUrl: `sqlite:${file}`, keyDir, clock: fixedClock(TEST_NOW) });
  const { ownerId, institutionId } = await seedOrganizations(ctx);
  const ids: number[] = [];
  for (let i = 0; i < 120; i++) {
    const instrument = await ctx.instruments.register(SYSTEM, instrumentInput(ownerId, { serialNo: `W-${i}` }));
    ids.push((await ctx.verifications.record(SYSTEM, instrument.id, verificationInput(institutionId))).id);
  }
  // The institute's key exists before the writers start (each would otherwise create its own file).
  await ctx.certificates.issue(SYSTEM, ids.pop()!);
  await ctx.close();
  const startAt = String(Date.now() + 6000);
  const writer = (part: number[]) => run(process.execPath, ['--import', 'tsx', 'test/support/concurrent-writer.ts', file, keyDir, startAt, ...part.map(String)], { env: process.env });
  const outputs = await Promise.all([writer(ids.filter((_, i) => i % 2 === 0)), writer(ids.filter((_, i) => i % 2 === 1))]);
  assert.deepEqual(
    outputs.map((o) => o.stdout.trim()),
    ['60', '59'],
  );

  const after = await createContext({ databaseUrl: `sqlite:${file}`, keyDir, clock: fixedClock(TEST_NOW) });
  try {
    const versions = await after.audit.db.selectFrom('certificate_version').select('log_index').orderBy('log_index').execute();
    assert.deepEqual(
      versions.map((v) => v.log_index),
      Array.from({ length: 120 }, (_, i) => i),
    );
    assert.equal((await after.audit.db.selectFrom('certificate_lookup').select('certificate_no').execute()).length, 120);
    const verdict = await after.audit.verify();
    assert.ok(verdict.ok, JSON.stringify(verdict));
  } finally {
    await after.close();
  }
});

test('serve --workers 2 answers on one port from two worker processes and stops them all', async () => {
  const server = spawn(process.execPath, ['bin/jiliang.js', 'serve', '--workers', '2', '--port', '0'], {
    env: { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'served.db')}`, JILIANG_KEY_DIR: keyDir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  server.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
  try {
    // The primary says when every worker listens; the worker running the jobs says where.
    for (let i = 0; !(stderr.includes('workers are listening') && stderr.includes('is serving')); i++) {
      assert.ok(i < 600, `not serving after 60 s: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.match(stderr, /2 workers/);
    const origin = /is serving (http:\/\/\S+)/.exec(stderr)![1]!;
    const { stdout } = await run('pgrep', ['-P', String(server.pid)]);
    const workers = stdout.trim().split('\n').filter(Boolean);
    assert.equal(workers.length, 2, stdout);
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${origin}/api/v1/health`)));
    assert.deepEqual(new Set(answers.map((r) => r.status)), new Set([200]));
    server.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
    for (const pid of workers) assert.throws(() => process.kill(Number(pid), 0), `worker ${pid} still running`);
  } finally {
    server.kill('SIGKILL');
  }
});
