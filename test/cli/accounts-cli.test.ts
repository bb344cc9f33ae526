// `jiliang admin create` and `jiliang token create`, run as an operator would on a SQLite file;
// what they create is then used through the HTTP API on the same database.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../../src/services/context.ts';
import { anonymousApp, signIn } from '../support/http.ts';
import { runJiliang } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'jiliang-accounts-cli-'));
const database = `sqlite:${join(dir, 'accounts.db')}`;
const keyDir = join(dir, 'keys');
// DATABASE_URL points nowhere usable: the commands must take --database.
const env = { JILIANG_KEY_DIR: keyDir, DATABASE_URL: 'sqlite:/nonexistent/should-not-be-used.db' };
const PASSWORD = 'quiet copper lantern 88';

const jiliang = (args: string[], input?: string) => runJiliang(['--database', database, ...args], { env, input });

/** The HTTP app on the database the commands wrote, for one check. */
async function withApp(check: (app: Awaited<ReturnType<typeof anonymousApp>>) => Promise<void>): Promise<void> {
  const ctx = await createContext({ databaseUrl: database, keyDir });
  const app = await anonymousApp(ctx);
  try {
    await check(app);
  } finally {
    await app.close();
    await ctx.close();
  }
}

test('admin create refuses a weak password with exit code 2 and problem JSON on stderr', async () => {
  const refused = await jiliang(['admin', 'create', '--username', 'weak', '--password-stdin'], 'password1234\n');
  assert.equal(refused.code, 2, refused.stderr);
  assert.equal(refused.stdout, '');
  const problem = JSON.parse(refused.stderr);
  assert.equal(problem.code, 'JL_ERR_VALIDATION');
  assert.deepEqual(problem.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]), [['/password', 'password_too_weak']]);
  // (The next test finds root the only user: nothing was created here.)
});

test('admin create reads the password from stdin; the administrator signs in through the API', async () => {
  const created = await jiliang(['admin', 'create', '--username', 'root', '--password-stdin'], `${PASSWORD}\n`);
  assert.equal(created.code, 0, created.stderr);
  const user = JSON.parse(created.stdout);
  assert.equal(user.username, 'root');
  assert.deepEqual(user.grants, [{ role: 'platform_admin', scope: 'platform' }]);
  assert.ok(!created.stdout.includes(PASSWORD) && !created.stderr.includes(PASSWORD), 'the password is not echoed');

  await withApp(async (app) => {
    const session = await signIn(app, 'root', PASSWORD);
    assert.ok((session.body.permissions as string[]).includes('users:manage'));
    const users = (await app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: session.headers })).json().items as { username: string }[];
    assert.deepEqual(users.map((u) => u.username), ['root'], 'the refused weak password created no account');
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'root', password: `${PASSWORD}x` } });
    assert.equal(wrong.statusCode, 401);
  });
});

test('token create prints a token that works as Bearer within its role and scope; a bad scope exits 2', async () => {
  // A malformed scope, and one the role cannot be held in (in parallel: each run starts the application).
  const bad = [
    ['regulator', 'district:12', '365', '/scope', 'invalid_format'],
    ['owner', 'city', '365', '/scope', 'invalid_scope'],
    ['regulator', 'city', '0', '/expiresInDays', 'out_of_range'],
  ] as const;
  const results = await Promise.all(bad.map(([role, scope, days]) => jiliang(['token', 'create', '--role', role, '--scope', scope, '--expires-in-days', days])));
  for (const [i, refused] of results.entries()) {
    const [role, scope, days, pointer, code] = bad[i]!;
    assert.equal(refused.code, 2, `${role} ${scope} ${days}: ${refused.stderr}`);
    assert.equal(refused.stdout, '');
    const problem = JSON.parse(refused.stderr);
    assert.equal(problem.code, 'JL_ERR_VALIDATION');
    assert.deepEqual(problem.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code]), [[pointer, code]]);
  }

  const created = await jiliang(['token', 'create', '--role', 'regulator', '--scope', 'district:500103', '--name', 'gw', '--expires-in-days', '90']);
  assert.equal(created.code, 0, created.stderr);
  const token = created.stdout.trim();
  assert.match(token, /^jl_[A-Za-z0-9_-]{43}$/);

  await withApp(async (app) => {
    const bearer = { authorization: `Bearer ${token}` };
    const instruments = await app.inject({ method: 'GET', url: '/api/v1/instruments', headers: bearer });
    assert.equal(instruments.statusCode, 200, instruments.body);
    // A regulator's token, not an administrator's.
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/admin/users', headers: bearer })).statusCode, 403);
    const root = await signIn(app, 'root', PASSWORD);
    const listed = (await app.inject({ method: 'GET', url: '/api/v1/admin/tokens', headers: root.headers })).json().items as { name: string; role: string; scope: string; lastUsedAt: string | null; createdAt: string; expiresAt: string }[];
    // Only the good token exists (the refused ones created nothing), it has been used, and it is valid for the 90 days asked for.
    assert.deepEqual(listed.map((t) => [t.name, t.role, t.scope, t.lastUsedAt !== null]), [['gw', 'regulator', 'district:500103', true]]);
    assert.equal(Date.parse(listed[0]!.expiresAt) - Date.parse(listed[0]!.createdAt), 90 * 86_400_000);
  });
});

after(() => rmSync(dir, { recursive: true, force: true }));
