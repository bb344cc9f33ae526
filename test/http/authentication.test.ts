// Authentication through the HTTP API (issue 3): the session cookie and its storage, sign-in
// failures and lockout, session timeouts, CSRF, re-authentication for sensitive actions, the
// password policy, machine tokens, disabling users, and the hardening every response gets.
// Who may call which route is the authorization matrix's job (authorization-matrix.test.ts).
//
// Time is a movable clock shared by the services, so timeouts and lockouts are tested without
// waiting; rate limits (which count real time) are tested on apps of their own with small limits.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { describeEachDialect, SYSTEM, TEST_NOW } from '../support/dialects.ts';
import { anonymousApp, signIn, TEST_PASSWORD } from '../support/http.ts';
import { instrumentInput, organizationInput, seedOrganizations, USCC } from '../support/fixtures.ts';
import { buildApp } from '../../src/http/app.ts';
import { shanghaiDate } from '../../src/domain/common/dates.ts';
import type { Clock } from '../../src/services/clock.ts';
import type { AppContext } from '../../src/services/context.ts';

/** A clock the tests move forward by hand. */
function movableClock(start: Date): Clock & { advance(ms: number): void } {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    today: () => shanghaiDate(new Date(t)),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const clock = movableClock(TEST_NOW);

// Passwords that pass the policy (checked by the tests that use them), and some that do not.
const PHRASE = 'amber falcon quietly rewires seven copper lanterns beside a drowsy harbour while violet moths hum softly tonight and nine orange kites';
const CHINESE_12 = '春眠不觉晓处处闻啼鸟夜来';
const WITH_SPACES = 'purple elephants dance at midnight';
const WITH_EMOJI = 'my 🔑 opens the blue 🚪 at dawn';
const LONG_100 = PHRASE.slice(0, 100);
const LONG_128 = PHRASE.slice(0, 128);
const LONG_129 = `${LONG_128}x`;
const SHORT_11 = 'k8#Vq2!mZp4';
const WEAK = 'password1234';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function setCookieOf(res: LightMyRequestResponse): string {
  const header = res.headers['set-cookie'];
  const cookie = Array.isArray(header) ? header[0] : header;
  assert.ok(cookie, 'a Set-Cookie header');
  return cookie;
}

/** `jl_session=<value>` as a browser sends it back. */
function cookieValue(res: LightMyRequestResponse): string {
  return setCookieOf(res).split(';')[0]!.slice('jl_session='.length);
}

function assertProblem(res: LightMyRequestResponse, status: number, code: string): Record<string, unknown> {
  assert.equal(res.statusCode, status, res.body.slice(0, 300));
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const problem = res.json() as Record<string, unknown>;
  assert.equal(problem.code, code, res.body.slice(0, 300));
  return problem;
}

function fieldErrors(res: LightMyRequestResponse): { pointer: string; code: string }[] {
  assertProblem(res, 422, 'JL_ERR_VALIDATION');
  return (res.json().errors as { pointer: string; code: string }[]).map(({ pointer, code }) => ({ pointer, code }));
}

describeEachDialect(
  'authentication over HTTP',
  (getCtx) => {
    let app: FastifyInstance;
    let ctx: AppContext;
    let ownerId: number;
    let serial = 0;

    before(async () => {
      ctx = getCtx();
      // Limits out of the way here: the rate limiter is tested on apps of its own below.
      app = await anonymousApp(ctx, { loginRateLimit: 10_000, publicRateLimit: 10_000 });
      ({ ownerId } = await seedOrganizations(ctx));
    });
    after(async () => {
      await app.close();
    });

    const db = () => ctx.audit.db;

    async function newUser(grants: { role: string; scope: string }[] = [], password = TEST_PASSWORD): Promise<{ id: number; username: string; password: string }> {
      const username = `user-${++serial}`;
      const created = await ctx.accounts.createUser(SYSTEM, { username, displayName: `用户 ${serial}`, password, grants });
      return { id: created.id, username, password };
    }
    const newAdmin = () => newUser([{ role: 'platform_admin', scope: 'platform' }]);
    const newRegulator = () => newUser([{ role: 'regulator', scope: 'city' }]);

    function login(username: string, password: string): Promise<LightMyRequestResponse> {
      return app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    }
    function get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
      return app.inject({ method: 'GET', url, headers });
    }
    function send(method: InjectOptions['method'], url: string, payload: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
      return app.inject({ method, url, payload: payload as object, headers });
    }
    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) => send('POST', url, payload, headers);

    async function userRow(id: number) {
      return db().selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    }
    async function freshInstrument(): Promise<number> {
      return (await ctx.instruments.register(SYSTEM, instrumentInput(ownerId, { serialNo: `AUTH-${++serial}` }))).id;
    }
    const counts = async () => JSON.stringify(await ctx.stats.counts());

    test('login sets an HttpOnly, SameSite=Strict session cookie; only hashes of the password and the cookie are stored', async () => {
      const user = await newRegulator();
      const res = await login(user.username, user.password);
      assert.equal(res.statusCode, 200, res.body);
      const cookie = setCookieOf(res);
      const attributes = cookie.split(';').slice(1).map((a) => a.trim().toLowerCase());
      assert.match(cookie, /^jl_session=s_[A-Za-z0-9_-]{43};/);
      assert.ok(attributes.includes('httponly'), cookie);
      assert.ok(attributes.includes('samesite=strict'), cookie);
      assert.ok(attributes.includes('path=/'), cookie);
      assert.ok(attributes.includes('max-age=43200'), cookie);
      assert.ok(!attributes.includes('secure'), 'Secure only when the app is told it is served over TLS');

      const secret = cookieValue(res);
      const headers = { cookie: `jl_session=${secret}` };
      const session = await get('/api/v1/auth/session', headers);
      assert.equal(session.statusCode, 200, session.body);
      const body = session.json();
      assert.equal(body.user.username, user.username);
      assert.deepEqual(body.user.grants, [{ role: 'regulator', scope: 'city' }]);
      assert.deepEqual(body.permissions, ['metrology:use', 'registry:export', 'registry:import', 'registry:read', 'registry:write', 'supervision:read']);
      assert.match(body.csrfToken, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(body.csrfToken, res.json().csrfToken);
      assert.equal(body.expiresAt, new Date(clock.now().getTime() + 12 * HOUR).toISOString());

      const row = await userRow(user.id);
      // PHC string: argon2id with the OWASP parameters (19 MiB, 2 passes, 1 lane), salt, hash.
      const [, algorithm, version, params, salt, hash] = row.password_hash.split('$');
      assert.deepEqual([algorithm, version, params!.split(',').sort()], ['argon2id', 'v=19', ['m=19456', 'p=1', 't=2']]);
      assert.ok(Buffer.from(salt!, 'base64').length >= 16 && Buffer.from(hash!, 'base64').length >= 32, row.password_hash);
      assert.ok(!row.password_hash.includes(user.password));
      // A fresh salt for each hash: the same password twice gives different hashes.
      const twin = await newUser([], user.password);
      assert.notEqual((await userRow(twin.id)).password_hash, row.password_hash);

      const sessions = await db().selectFrom('user_session').selectAll().where('user_id', '=', user.id).execute();
      assert.equal(sessions.length, 1);
      assert.equal(sessions[0]!.id_hash, sha256(secret));
      assert.ok(!JSON.stringify(sessions).includes(secret), 'the cookie value itself is stored nowhere');

      // Signing in again, even with the old cookie along, always issues a new session (no fixation).
      const again = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: user.password }, headers });
      assert.equal(again.statusCode, 200, again.body);
      assert.notEqual(cookieValue(again), secret);
      assert.notEqual(again.json().csrfToken, body.csrfToken);

      // Served behind TLS, the cookie is marked Secure and named with the __Host- prefix; the plain
      // name (which a plain-HTTP page or a subdomain could plant) is not read there.
      const tlsApp = await buildApp(ctx, { webRoot: '/nonexistent-web-root', secureCookies: true });
      try {
        const tls = await tlsApp.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: user.password } });
        const tlsCookie = setCookieOf(tls);
        assert.match(tlsCookie, /^__Host-jl_session=s_[A-Za-z0-9_-]{43};/);
        const tlsAttributes = tlsCookie.split(';').slice(1).map((a) => a.trim().toLowerCase());
        assert.ok(tlsAttributes.includes('secure') && tlsAttributes.includes('path=/') && !tlsAttributes.some((a) => a.startsWith('domain=')), tlsCookie);
        const tlsSecret = tlsCookie.split(';')[0]!.slice('__Host-jl_session='.length);
        assert.equal((await tlsApp.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: `__Host-jl_session=${tlsSecret}` } })).statusCode, 200);
        assert.equal((await tlsApp.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: `jl_session=${tlsSecret}` } })).statusCode, 401);
        const out = await tlsApp.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: `__Host-jl_session=${tlsSecret}`, 'x-csrf-token': String(tls.json().csrfToken) } });
        assert.equal(out.statusCode, 204, out.body);
        assert.match(setCookieOf(out), /^__Host-jl_session=;/);
      } finally {
        await tlsApp.close();
      }
    });

    test('a wrong password and an unknown username get the same 401 (no account enumeration)', async () => {
      const user = await newRegulator();
      const wrong = await login(user.username, 'not the right password at all');
      const unknown = await login('nobody-by-this-name', 'not the right password at all');
      const injection = await login("x' or '1'='1' --", "' or ''='");
      for (const res of [wrong, unknown, injection]) assertProblem(res, 401, 'JL_ERR_LOGIN_FAILED');
      assert.deepEqual(unknown.json(), wrong.json());
      assert.deepEqual(injection.json(), wrong.json());
      assert.equal(unknown.headers['set-cookie'], undefined);
      assert.equal(wrong.headers['set-cookie'], undefined);

      // Both failures are in the audit log under their request ids; the password tried is not.
      const failed = (await ctx.audit.list({ action: 'auth.login', outcome: 'failed', pageSize: 20 })).items;
      const entryOf = (res: LightMyRequestResponse) => failed.find((e) => e.requestId === res.headers['x-request-id']);
      assert.equal(entryOf(wrong)?.targetId, String(user.id));
      assert.equal(entryOf(wrong)?.detail.failures, 1);
      assert.deepEqual(entryOf(unknown)?.detail, { reason: 'unknown user' });
      assert.ok(!JSON.stringify(failed).includes('not the right password at all'), 'no password in the audit log');
    });

    test('progressive delay then lockout: 1 s after the 3rd failure, 2 s, then a minute; success resets; an administrator lifts it', async () => {
      const user = await newRegulator();
      const wrongPassword = 'definitely not my password';
      const lockedUntil = async () => (await userRow(user.id)).locked_until;

      for (const failures of [1, 2]) {
        assertProblem(await login(user.username, wrongPassword), 401, 'JL_ERR_LOGIN_FAILED');
        assert.equal((await userRow(user.id)).failed_logins, failures);
        assert.equal(await lockedUntil(), null, `no lock after ${failures} failures`);
      }
      assertProblem(await login(user.username, wrongPassword), 401, 'JL_ERR_LOGIN_FAILED');
      assert.equal(await lockedUntil(), new Date(clock.now().getTime() + SECOND).toISOString(), 'the 3rd failure locks for 1 s');
      const locked = await login(user.username, user.password);
      assert.equal(assertProblem(locked, 429, 'JL_ERR_ACCOUNT_LOCKED').retryAfterSeconds, 1);
      assert.equal(locked.headers['retry-after'], '1');
      // Attempts while locked are refused without being checked or counted.
      assertProblem(await login(user.username, wrongPassword), 429, 'JL_ERR_ACCOUNT_LOCKED');
      assert.equal((await userRow(user.id)).failed_logins, 3);

      clock.advance(SECOND);
      assertProblem(await login(user.username, wrongPassword), 401, 'JL_ERR_LOGIN_FAILED');
      assert.equal(await lockedUntil(), new Date(clock.now().getTime() + 2 * SECOND).toISOString(), 'the 4th failure locks for 2 s');
      clock.advance(2 * SECOND);
      assertProblem(await login(user.username, wrongPassword), 401, 'JL_ERR_LOGIN_FAILED');
      assert.equal((await userRow(user.id)).failed_logins, 5);

      const afterFive = await login(user.username, user.password);
      assertProblem(afterFive, 429, 'JL_ERR_ACCOUNT_LOCKED');
      assert.equal(afterFive.headers['retry-after'], '60');
      clock.advance(59 * SECOND);
      assert.equal((await login(user.username, user.password)).headers['retry-after'], '1');
      clock.advance(SECOND);
      const ok = await login(user.username, user.password);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal((await userRow(user.id)).failed_logins, 0);
      assert.equal(await lockedUntil(), null);
      // The count starts again from zero: one failure does not lock.
      assertProblem(await login(user.username, wrongPassword), 401, 'JL_ERR_LOGIN_FAILED');
      assert.equal(await lockedUntil(), null);

      // Locked again; an administrator re-activating the account lifts the lock at once.
      for (let i = 0; i < 2; i++) await login(user.username, wrongPassword);
      assertProblem(await login(user.username, user.password), 429, 'JL_ERR_ACCOUNT_LOCKED');
      const admin = await newAdmin();
      const adminSession = await signIn(app, admin.username, admin.password);
      assert.notEqual((await get(`/api/v1/admin/users/${user.id}`, adminSession.headers)).json().lockedUntil, null);
      const lifted = await post(`/api/v1/admin/users/${user.id}/status`, { status: 'active' }, adminSession.headers);
      assert.equal(lifted.statusCode, 200, lifted.body);
      assert.equal(lifted.json().lockedUntil, null);
      assert.equal((await login(user.username, user.password)).statusCode, 200);
    });

    test('wrong passwords on a signed-in session (re-authentication, password change) count towards the lock too', async () => {
      const user = await newUser();
      const { headers } = await signIn(app, user.username, user.password);
      for (let i = 0; i < 2; i++) assert.equal((await post('/api/v1/auth/reauth', { password: 'not the password at all' }, headers)).json().code, 'JL_ERR_LOGIN_FAILED');
      const third = await post('/api/v1/auth/password', { currentPassword: 'not the password at all', newPassword: PHRASE }, headers);
      assert.equal(third.json().code, 'JL_ERR_LOGIN_FAILED');
      assert.equal((await userRow(user.id)).failed_logins, 3);
      // Locked now: even the right password is refused until the lock passes.
      const locked = await post('/api/v1/auth/reauth', { password: user.password }, headers);
      assert.equal(locked.statusCode, 429);
      assert.equal(locked.json().code, 'JL_ERR_ACCOUNT_LOCKED');
      clock.advance(2 * SECOND);
      assert.equal((await post('/api/v1/auth/reauth', { password: user.password }, headers)).statusCode, 204);
    });

    test('concurrent wrong passwords each count towards the lockout', async () => {
      const user = await newRegulator();
      const attempts = await Promise.all(Array.from({ length: 6 }, () => login(user.username, 'parallel guessing attempt')));
      for (const res of attempts) assertProblem(res, 401, 'JL_ERR_LOGIN_FAILED');
      const row = await userRow(user.id);
      assert.equal(row.failed_logins, 6, 'every failure is counted, not one per batch');
      assert.ok(row.locked_until && Date.parse(row.locked_until) > clock.now().getTime(), 'six failures lock the account');
      assertProblem(await login(user.username, user.password), 429, 'JL_ERR_ACCOUNT_LOCKED');
    });

    test('sessions end after 30 minutes without requests and 12 hours after sign-in however active; logout ends them server-side', async () => {
      const user = await newRegulator();
      const idle = await signIn(app, user.username, user.password);
      clock.advance(29 * MINUTE);
      assert.equal((await get('/api/v1/auth/session', idle.headers)).statusCode, 200);
      clock.advance(29 * MINUTE);
      assert.equal((await get('/api/v1/instruments', idle.headers)).statusCode, 200, 'each request keeps the session alive');
      clock.advance(30 * MINUTE);
      assertProblem(await get('/api/v1/auth/session', idle.headers), 401, 'JL_ERR_UNAUTHENTICATED');
      assertProblem(await get('/api/v1/instruments', idle.headers), 401, 'JL_ERR_UNAUTHENTICATED');

      const active = await signIn(app, user.username, user.password);
      const hash = sha256(active.headers.cookie.slice('jl_session='.length));
      for (let elapsed = 20 * MINUTE; elapsed < 12 * HOUR; elapsed += 20 * MINUTE) {
        clock.advance(20 * MINUTE);
        assert.equal((await get('/api/v1/auth/session', active.headers)).statusCode, 200, `active after ${elapsed / MINUTE} min`);
      }
      clock.advance(20 * MINUTE); // 12 h after sign-in
      assertProblem(await get('/api/v1/auth/session', active.headers), 401, 'JL_ERR_UNAUTHENTICATED');
      assert.equal(await db().selectFrom('user_session').select('id_hash').where('id_hash', '=', hash).executeTakeFirst(), undefined, 'the expired session row is gone');

      const leaving = await signIn(app, user.username, user.password);
      const out = await post('/api/v1/auth/logout', undefined, leaving.headers);
      assert.equal(out.statusCode, 204, out.body);
      assert.match(setCookieOf(out), /^jl_session=;/);
      assert.match(setCookieOf(out), /Expires=Thu, 01 Jan 1970/);
      const leavingHash = sha256(leaving.headers.cookie.slice('jl_session='.length));
      assert.equal(await db().selectFrom('user_session').select('id_hash').where('id_hash', '=', leavingHash).executeTakeFirst(), undefined);
      // The old cookie, replayed, is worth nothing.
      assertProblem(await get('/api/v1/auth/session', leaving.headers), 401, 'JL_ERR_UNAUTHENTICATED');
    });

    test('session list: a user sees their live sessions with browser and address, ends any of them or all others; never another user\'s', async () => {
      const user = await newRegulator();
      const other = await newRegulator();
      const signInWith = async (who: { username: string; password: string }, userAgent: string) => {
        const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: who.username, password: who.password }, headers: { 'user-agent': userAgent } });
        assert.equal(res.statusCode, 200, res.body);
        return { cookie: `jl_session=${cookieValue(res)}`, 'x-csrf-token': String(res.json().csrfToken) };
      };
      type Listed = { id: string; current: boolean; userAgent: string | null; clientAddress: string | null; createdAt: string; lastSeenAt: string; expiresAt: string };
      const list = async (headers: Record<string, string>) => {
        const res = await get('/api/v1/auth/sessions', headers);
        assert.equal(res.statusCode, 200, res.body);
        return res.json() as Listed[];
      };
      const alive = async (headers: Record<string, string>) => (await get('/api/v1/auth/session', headers)).statusCode === 200;

      const laptop = await signInWith(user, 'Mozilla/5.0 (Windows NT 10.0) Chrome/126');
      const phone = await signInWith(user, 'Mozilla/5.0 (iPhone) Safari/604.1');
      const tablet = await signInWith(user, `Tablet ${'x'.repeat(300)}`);
      const stranger = await signInWith(other, 'curl/8');

      const seen = await list(laptop);
      assert.equal(seen.length, 3, 'only this user\'s sessions');
      assert.deepEqual(seen.filter((s) => s.current).map((s) => s.userAgent), ['Mozilla/5.0 (Windows NT 10.0) Chrome/126']);
      assert.ok(seen.every((s) => s.clientAddress === '127.0.0.1' && s.id.length === 32 && s.expiresAt > s.createdAt));
      assert.equal(seen.find((s) => s.userAgent?.startsWith('Tablet'))!.userAgent!.length, 200, 'the User-Agent is cut to 200 characters');
      for (const s of seen) assert.ok(!JSON.stringify(s).includes(laptop.cookie.slice('jl_session='.length)) && !JSON.stringify(s).includes(sha256(laptop.cookie.slice('jl_session='.length))));

      // End the phone's session from the laptop: the phone is signed out, the laptop is not.
      const phoneId = (await list(phone)).find((s) => s.current)!.id;
      assertProblem(await send('DELETE', `/api/v1/auth/sessions/${phoneId}`, undefined, { cookie: laptop.cookie }), 403, 'JL_ERR_CSRF');
      assert.ok(await alive(phone), 'without the CSRF token nothing ended');
      assert.equal((await send('DELETE', `/api/v1/auth/sessions/${phoneId}`, undefined, laptop)).statusCode, 204);
      assert.equal(await alive(phone), false);
      assert.ok(await alive(laptop));
      assert.equal((await list(laptop)).length, 2);

      // Another user cannot end it, and cannot tell it from a session that does not exist.
      const laptopId = (await list(laptop)).find((s) => s.current)!.id;
      assertProblem(await send('DELETE', `/api/v1/auth/sessions/${laptopId}`, undefined, stranger), 404, 'JL_ERR_NOT_FOUND');
      assert.ok(await alive(laptop));

      // Sign out everywhere else: only the current session remains.
      assert.equal((await post('/api/v1/auth/sessions/end-others', undefined, laptop)).statusCode, 204);
      assert.equal(await alive(tablet), false);
      assert.deepEqual((await list(laptop)).map((s) => s.id), [laptopId]);
      assert.ok(await alive(stranger), 'other users keep their sessions');

      // Ending the current session signs out like logout, cookie cleared.
      const ended = await send('DELETE', `/api/v1/auth/sessions/${laptopId}`, undefined, laptop);
      assert.equal(ended.statusCode, 204);
      assert.match(setCookieOf(ended), /^jl_session=;/);
      assert.equal(await alive(laptop), false);
      const audited = await db().selectFrom('audit_log').select('action').where('action', 'like', 'auth.session.%').execute();
      assert.deepEqual(audited.map((a) => a.action).sort(), ['auth.session.end', 'auth.session.end', 'auth.session.end-others']);
    });

    test('CSRF: a cookie-authenticated write needs the session\'s X-CSRF-Token; reads and bearer tokens do not', async () => {
      const user = await newRegulator();
      const session = await signIn(app, user.username, user.password);
      const other = await signIn(app, user.username, user.password);
      const cookieOnly = { cookie: session.headers.cookie };
      const body = organizationInput({ uscc: USCC.other1 });
      const before = await counts();
      assertProblem(await post('/api/v1/organizations', body, cookieOnly), 403, 'JL_ERR_CSRF');
      const token = session.headers['x-csrf-token'];
      const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
      assertProblem(await post('/api/v1/organizations', body, { ...cookieOnly, 'x-csrf-token': wrong }), 403, 'JL_ERR_CSRF');
      assertProblem(await post('/api/v1/organizations', body, { ...cookieOnly, 'x-csrf-token': other.headers['x-csrf-token'] }), 403, 'JL_ERR_CSRF');
      assertProblem(await post('/api/v1/organizations', body, { ...cookieOnly, 'x-csrf-token': '' }), 403, 'JL_ERR_CSRF');
      assertProblem(await post('/api/v1/auth/logout', undefined, cookieOnly), 403, 'JL_ERR_CSRF');
      assert.equal(await counts(), before, 'nothing was written');
      assert.equal((await get('/api/v1/auth/session', cookieOnly)).statusCode, 200, 'the refused logout left the session alive');

      const created = await post('/api/v1/organizations', body, session.headers);
      assert.equal(created.statusCode, 201, created.body);
      assert.equal((await get(`/api/v1/organizations/${created.json().id}`, cookieOnly)).statusCode, 200, 'GET needs no CSRF token');

      const { token: bearer } = await ctx.accounts.createToken(SYSTEM, { name: 'csrf-test', role: 'regulator', scope: 'city' });
      const byToken = await post('/api/v1/organizations', organizationInput({ uscc: USCC.other2 }), { authorization: `Bearer ${bearer}` });
      assert.equal(byToken.statusCode, 201, byToken.body);
    });

    test('sensitive actions need a password proved in the last 5 minutes; machine tokens never pass them', async () => {
      const regulator = await newRegulator();
      const session = await signIn(app, regulator.username, regulator.password);
      const scrap = (id: number, headers: Record<string, string>) => post(`/api/v1/instruments/${id}/actions`, { action: 'scrap' }, headers);
      const statusOf = async (id: number) => (await ctx.instruments.get(SYSTEM, id)).status;

      const first = await freshInstrument();
      const scrapped = await scrap(first, session.headers);
      assert.equal(scrapped.statusCode, 200, scrapped.body);
      assert.equal(scrapped.json().status, 'scrapped');

      clock.advance(6 * MINUTE);
      const second = await freshInstrument();
      const statusBefore = await statusOf(second);
      const before = await counts();
      assertProblem(await scrap(second, session.headers), 401, 'JL_ERR_REAUTH_REQUIRED');
      assert.equal(await statusOf(second), statusBefore);
      assert.equal(await counts(), before, 'nothing was written');
      assertProblem(await post('/api/v1/auth/reauth', { password: 'not the right password' }, session.headers), 401, 'JL_ERR_LOGIN_FAILED');
      assertProblem(await scrap(second, session.headers), 401, 'JL_ERR_REAUTH_REQUIRED');
      assert.equal((await post('/api/v1/auth/reauth', { password: regulator.password }, session.headers)).statusCode, 204);
      assert.equal((await scrap(second, session.headers)).json().status, 'scrapped');

      // The same gate on role changes and on exports.
      const admin = await newAdmin();
      const adminSession = await signIn(app, admin.username, admin.password);
      const target = await newUser();
      const grants = { grants: [{ role: 'analyst', scope: 'city' }] };
      clock.advance(5 * MINUTE + SECOND);
      assertProblem(await send('PUT', `/api/v1/admin/users/${target.id}/grants`, grants, adminSession.headers), 401, 'JL_ERR_REAUTH_REQUIRED');
      assert.deepEqual((await ctx.accounts.get(SYSTEM, target.id)).grants, []);
      assertProblem(await get('/api/v1/exports/instruments.csv', adminSession.headers), 401, 'JL_ERR_REAUTH_REQUIRED');
      assert.equal((await post('/api/v1/auth/reauth', { password: admin.password }, adminSession.headers)).statusCode, 204);
      assert.equal((await send('PUT', `/api/v1/admin/users/${target.id}/grants`, grants, adminSession.headers)).statusCode, 200);
      const exported = await get('/api/v1/exports/instruments.csv', adminSession.headers);
      assert.equal(exported.statusCode, 200, exported.body);
      assert.match(exported.body, /AUTH-/);

      // A platform administrator's token has every permission but can never prove a password.
      const { token } = await ctx.accounts.createToken(SYSTEM, { name: 'admin-token', role: 'platform_admin', scope: 'platform' });
      const bearer = { authorization: `Bearer ${token}` };
      const third = await freshInstrument();
      assertProblem(await scrap(third, bearer), 401, 'JL_ERR_REAUTH_REQUIRED');
      assertProblem(await send('PUT', `/api/v1/admin/users/${target.id}/grants`, { grants: [] }, bearer), 401, 'JL_ERR_REAUTH_REQUIRED');
      assertProblem(await get('/api/v1/exports/instruments.csv', bearer), 401, 'JL_ERR_REAUTH_REQUIRED');
      assertProblem(await post('/api/v1/auth/reauth', { password: admin.password }, bearer), 401, 'JL_ERR_UNAUTHENTICATED');
      assertProblem(await scrap(third, bearer), 401, 'JL_ERR_REAUTH_REQUIRED');
      assert.notEqual(await statusOf(third), 'scrapped');
      assert.deepEqual((await ctx.accounts.get(SYSTEM, target.id)).grants, [{ role: 'analyst', scope: 'city' }]);
    });

    test('password policy: 12–128 characters, any characters, no truncation, common passwords refused; a change ends the other sessions', async () => {
      const user = await newUser();
      let current = user.password;
      const session = await signIn(app, user.username, current);
      const change = (newPassword: string, headers: Record<string, string> = session.headers, currentPassword = current) =>
        post('/api/v1/auth/password', { currentPassword, newPassword }, headers);

      assert.deepEqual(fieldErrors(await change(SHORT_11)), [{ pointer: '/newPassword', code: 'password_too_short' }]);
      assert.deepEqual(fieldErrors(await change(LONG_129)), [{ pointer: '/newPassword', code: 'password_too_long' }]);
      assert.deepEqual(fieldErrors(await change(WEAK)), [{ pointer: '/newPassword', code: 'password_too_weak' }]);
      assert.deepEqual(fieldErrors(await change(user.username + user.username)), [{ pointer: '/newPassword', code: 'password_too_weak' }], 'the username is a guessable input');
      assertProblem(await change(WITH_SPACES, session.headers, 'not my current password'), 401, 'JL_ERR_LOGIN_FAILED');
      assert.equal((await login(user.username, current)).statusCode, 200, 'refused changes left the password alone');

      // A second session of the same user, which the next change ends.
      const elsewhere = await signIn(app, user.username, current);
      for (const password of [CHINESE_12, WITH_SPACES, WITH_EMOJI, LONG_128]) {
        const res = await change(password);
        assert.equal(res.statusCode, 204, `${JSON.stringify(password)}: ${res.body}`);
        current = password;
        assert.equal((await login(user.username, password)).statusCode, 200, `signs in with ${JSON.stringify(password)}`);
      }
      assert.equal((await get('/api/v1/auth/session', session.headers)).statusCode, 200, 'the session that changed the password goes on');
      assertProblem(await get('/api/v1/auth/session', elsewhere.headers), 401, 'JL_ERR_UNAUTHENTICATED');

      // Administrators creating users get the same rules, pointed at /password.
      const admin = await newAdmin();
      const adminSession = await signIn(app, admin.username, admin.password);
      const create = (username: string, password: string) => post('/api/v1/admin/users', { username, displayName: '新用户', password, grants: [] }, adminSession.headers);
      assert.deepEqual(fieldErrors(await create('policy-short', SHORT_11)), [{ pointer: '/password', code: 'password_too_short' }]);
      assert.deepEqual(fieldErrors(await create('policy-long', LONG_129)), [{ pointer: '/password', code: 'password_too_long' }]);
      assert.deepEqual(fieldErrors(await create('policy-weak', WEAK)), [{ pointer: '/password', code: 'password_too_weak' }]);
      assert.equal((await create('policy-zh', CHINESE_12)).statusCode, 201);
      assert.equal((await login('policy-zh', CHINESE_12)).statusCode, 200);

      // No truncation: all 100 characters count.
      assert.equal(LONG_100.length, 100);
      assert.equal((await create('policy-100', LONG_100)).statusCode, 201);
      assert.equal((await login('policy-100', LONG_100)).statusCode, 200);
      assertProblem(await login('policy-100', `${LONG_100.slice(0, 99)}!`), 401, 'JL_ERR_LOGIN_FAILED');
    });

    test('machine tokens: Bearer works and records its use; revoked or malformed credentials are refused, never anonymous; only a hash is stored', async () => {
      const admin = await newAdmin();
      const adminSession = await signIn(app, admin.username, admin.password);
      const created = await ctx.accounts.createToken(SYSTEM, { name: 'gateway', role: 'regulator', scope: 'district:500103' });
      const bearer = { authorization: `Bearer ${created.token}` };
      const listed = async () => ((await get('/api/v1/admin/tokens?pageSize=100', adminSession.headers)).json().items as { id: number; lastUsedAt: string | null }[]).find((t) => t.id === created.id)!;
      assert.equal((await listed()).lastUsedAt, null);

      clock.advance(MINUTE);
      const used = await get('/api/v1/instruments', bearer);
      assert.equal(used.statusCode, 200, used.body);
      assert.equal((await listed()).lastUsedAt, clock.now().toISOString());

      const row = await db().selectFrom('api_token').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
      assert.equal(row.token_hash, sha256(created.token));
      assert.ok(!JSON.stringify(row).includes(created.token.slice(3)), 'the token itself is stored nowhere');

      // Tokens expire: 365 days unless the creator says otherwise; then refused like a revoked one.
      assert.equal(created.expiresAt, new Date(Date.parse(created.createdAt) + 365 * 24 * HOUR).toISOString());
      const shortLived = await ctx.accounts.createToken(SYSTEM, { name: 'one day', role: 'regulator', scope: 'city', expiresInDays: 1 });
      assert.equal(((await get('/api/v1/admin/tokens?pageSize=100', adminSession.headers)).json().items as { id: number; expiresAt: string }[]).find((t) => t.id === shortLived.id)!.expiresAt, shortLived.expiresAt);
      clock.advance(24 * HOUR - SECOND);
      assert.equal((await get('/api/v1/instruments', { authorization: `Bearer ${shortLived.token}` })).statusCode, 200);
      clock.advance(SECOND);
      assertProblem(await get('/api/v1/instruments', { authorization: `Bearer ${shortLived.token}` }), 401, 'JL_ERR_UNAUTHENTICATED');
      for (const expiresInDays of [0, 3651, 1.5]) {
        await assert.rejects(ctx.accounts.createToken(SYSTEM, { name: 'bad', role: 'regulator', scope: 'city', expiresInDays }), (e: unknown) => (e as { code?: string }).code === 'JL_ERR_VALIDATION');
      }
      const adminAgain = await signIn(app, admin.username, admin.password);
      const revoked = await post(`/api/v1/admin/tokens/${created.id}/revoke`, undefined, adminAgain.headers);
      assert.equal(revoked.statusCode, 200, revoked.body);
      assertProblem(await get('/api/v1/instruments', bearer), 401, 'JL_ERR_UNAUTHENTICATED');

      // A credential that cannot be read is an error even on public routes: never a fall-back to anonymous.
      const malformed = ['Bearer', 'Bearer ', `Bearer ${created.token} extra`, 'Bearer short', 'Bearer jl_!!!!!!!!!!!!!!', `Basic ${Buffer.from('a:b').toString('base64')}`, `bearer ${created.token}`, `Bearer jl_${'x'.repeat(43)}`];
      for (const authorization of malformed) {
        assertProblem(await get('/api/v1/health', { authorization }), 401, 'JL_ERR_UNAUTHENTICATED');
        assertProblem(await get('/api/v1/instruments', { authorization, cookie: adminSession.headers.cookie }), 401, 'JL_ERR_UNAUTHENTICATED');
      }
    });

    test('a disabled user cannot sign in and their sessions end at once; new grants and a password reset end the sessions too', async () => {
      const admin = await newAdmin();
      const adminSession = await signIn(app, admin.username, admin.password);
      const user = await newRegulator();
      const session = await signIn(app, user.username, user.password);
      const disabled = await post(`/api/v1/admin/users/${user.id}/status`, { status: 'disabled' }, adminSession.headers);
      assert.equal(disabled.statusCode, 200, disabled.body);
      assertProblem(await get('/api/v1/auth/session', session.headers), 401, 'JL_ERR_UNAUTHENTICATED');
      assert.equal((await db().selectFrom('user_session').select('id_hash').where('user_id', '=', user.id).execute()).length, 0);
      const refused = await login(user.username, user.password);
      assertProblem(refused, 401, 'JL_ERR_LOGIN_FAILED');
      assert.deepEqual(refused.json(), (await login('nobody-by-this-name', user.password)).json(), 'a disabled account looks like a wrong password');
      assert.equal((await post(`/api/v1/admin/users/${user.id}/status`, { status: 'active' }, adminSession.headers)).statusCode, 200);

      const again = await signIn(app, user.username, user.password);
      assert.deepEqual(again.body.permissions, ['metrology:use', 'registry:export', 'registry:import', 'registry:read', 'registry:write', 'supervision:read']);
      const regranted = await send('PUT', `/api/v1/admin/users/${user.id}/grants`, { grants: [{ role: 'analyst', scope: 'district:500103' }] }, adminSession.headers);
      assert.equal(regranted.statusCode, 200, regranted.body);
      assertProblem(await get('/api/v1/auth/session', again.headers), 401, 'JL_ERR_UNAUTHENTICATED');
      const narrowed = await signIn(app, user.username, user.password);
      assert.deepEqual(narrowed.body.permissions, ['metrology:use', 'supervision:read']);
      assertProblem(await get('/api/v1/instruments', narrowed.headers), 403, 'JL_ERR_FORBIDDEN');

      // An administrator's password reset ends every session of the user, and the old password with them.
      const reset = await post(`/api/v1/admin/users/${user.id}/password`, { password: WITH_SPACES }, adminSession.headers);
      assert.equal(reset.statusCode, 204, reset.body);
      assertProblem(await get('/api/v1/auth/session', narrowed.headers), 401, 'JL_ERR_UNAUTHENTICATED');
      assertProblem(await login(user.username, user.password), 401, 'JL_ERR_LOGIN_FAILED');
      assert.equal((await login(user.username, WITH_SPACES)).statusCode, 200);
    });

    test('hardening: security headers, server-made request ids, prototype poisoning, rate limits, body size', async () => {
      const user = await newRegulator();
      const session = await signIn(app, user.username, user.password);
      const responses: [string, LightMyRequestResponse][] = [
        ['public', await get('/api/v1/health', { 'x-request-id': 'chosen-by-the-client' })],
        ['signed in', await get('/api/v1/instruments', session.headers)],
        ['401', await get('/api/v1/instruments', { 'x-request-id': 'chosen-by-the-client' })],
        ['404', await get('/api/v1/no-such-route')],
        ['422', await post('/api/v1/auth/login', { username: 'x' })],
        ['undecodable URL', await get('/api/v1/instr%ZZ', { 'x-request-id': 'chosen-by-the-client' })],
        ['page', await get('/no-such-page')],
      ];
      const ids = new Set<string>();
      for (const [what, res] of responses) {
        const id = String(res.headers['x-request-id']);
        assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, `${what}: X-Request-Id is a UUID made by the server`);
        ids.add(id);
        if (what === 'undecodable URL') continue; // answered before routing, without the header plugins (docs/SECURITY.md)
        const csp = String(res.headers['content-security-policy']);
        if (what === 'page') {
          // Documents: the web app's policy and helmet's document headers.
          assert.match(csp, /(^|;)default-src 'self'(;|$)/, `${what}: ${csp}`);
          assert.match(csp, /(^|;)frame-ancestors 'none'(;|$)/, `${what}: ${csp}`);
          assert.match(csp, /(^|;)script-src 'self'(;|$)/, `${what}: ${csp}`);
          assert.match(csp, /(^|;)object-src 'none'(;|$)/, `${what}: ${csp}`);
          assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin', what);
        } else {
          // API answers load nothing and may be framed by nobody.
          assert.equal(csp, "default-src 'none';frame-ancestors 'none'", what);
          assert.equal(res.headers['cross-origin-opener-policy'], undefined, what);
        }
        assert.equal(res.headers['cross-origin-resource-policy'], 'same-origin', what);
        assert.equal(res.headers['x-content-type-options'], 'nosniff', what);
        assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN', what);
        assert.equal(res.headers['referrer-policy'], 'no-referrer', what);
        assert.match(String(res.headers['strict-transport-security']), /^max-age=\d{7,}; includeSubDomains/, what);
      }
      assert.equal(ids.size, responses.length, 'every response has its own id');

      // Prototype poisoning in a JSON body is refused before any handler sees it.
      for (const payload of ['{"username":"a","password":"b","__proto__":{"admin":true}}', '{"username":"a","password":"b","constructor":{"prototype":{"admin":true}}}']) {
        assertProblem(await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, headers: { 'content-type': 'application/json' } }), 400, 'JL_ERR_MALFORMED_BODY');
      }
      // A body over the 1 MiB limit.
      const big = JSON.stringify({ username: 'x', password: 'p'.repeat(1024 * 1024) });
      assertProblem(await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: big, headers: { 'content-type': 'application/json' } }), 413, 'JL_ERR_PAYLOAD_TOO_LARGE');

      // Sign-in attempts per client address: the 4th in a minute is refused whichever account it targets.
      const limited = await anonymousApp(ctx, { loginRateLimit: 3, publicRateLimit: 2 });
      try {
        for (const username of ['a-user', 'b-user', 'c-user']) assertProblem(await limited.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'some wrong password' } }), 401, 'JL_ERR_LOGIN_FAILED');
        const fourth = await limited.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: user.password } });
        assertProblem(fourth, 429, 'JL_ERR_RATE_LIMITED');
        assert.match(String(fourth.headers['retry-after']), /^\d+$/);
        assert.equal(fourth.headers['set-cookie'], undefined, 'even the right password is not checked');
        // Another address has its own budget.
        const elsewhere = await limited.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: user.password }, remoteAddress: '192.0.2.7' });
        assert.equal(elsewhere.statusCode, 200, elsewhere.body);

        // Public routes: 2 a minute here.
        for (let i = 0; i < 2; i++) assert.equal((await limited.inject({ method: 'GET', url: '/api/v1/reference/districts' })).statusCode, 200);
        const third = await limited.inject({ method: 'GET', url: '/api/v1/reference/districts' });
        assertProblem(third, 429, 'JL_ERR_RATE_LIMITED');
        assert.match(String(third.headers['retry-after']), /^\d+$/);
      } finally {
        await limited.close();
      }
    });

    test('signed-in routes are rate-limited per user or machine token, whatever the address', async () => {
      const [first, second] = [await newRegulator(), await newRegulator()];
      const token = (await ctx.accounts.createToken(SYSTEM, { name: 'busy gateway', role: 'regulator', scope: 'city' })).token;
      const limited = await anonymousApp(ctx, { loginRateLimit: 10_000, publicRateLimit: 10_000, callerRateLimit: 3 });
      try {
        const session = await signIn(limited, first.username, first.password);
        const list = (headers: Record<string, string>, remoteAddress = '127.0.0.1') => limited.inject({ method: 'GET', url: '/api/v1/instruments', headers, remoteAddress });
        // Three from two addresses count as one caller's three; the fourth is refused.
        for (const address of ['127.0.0.1', '192.0.2.8', '192.0.2.9']) assert.equal((await list(session.headers, address)).statusCode, 200);
        const fourth = await list(session.headers, '198.51.100.1');
        assertProblem(fourth, 429, 'JL_ERR_RATE_LIMITED');
        assert.match(String(fourth.headers['retry-after']), /^\d+$/);
        // Another user and a machine token have budgets of their own; so does another route.
        assert.equal((await list((await signIn(limited, second.username, second.password)).headers)).statusCode, 200);
        for (let i = 0; i < 3; i++) assert.equal((await list({ authorization: `Bearer ${token}` })).statusCode, 200);
        assertProblem(await list({ authorization: `Bearer ${token}` }), 429, 'JL_ERR_RATE_LIMITED');
        assert.equal((await limited.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: session.headers })).statusCode, 200);
      } finally {
        await limited.close();
      }
    });

    test('no secrets in the request log: passwords, session cookies, CSRF and bearer tokens never appear', async () => {
      const lines: string[] = [];
      const logStream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
          done();
        },
      });
      const logged = await buildApp(ctx, { webRoot: '/nonexistent-web-root', logger: true, logStream });
      try {
        const user = await newRegulator();
        const { token } = await ctx.accounts.createToken(SYSTEM, { name: 'log-test', role: 'regulator', scope: 'city' });
        const failed = await logged.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: 'a wrong password for the log' } });
        assert.equal(failed.statusCode, 401);
        const session = await signIn(logged, user.username, user.password);
        const requests = [
          await logged.inject({ method: 'GET', url: '/api/v1/auth/session', headers: session.headers }),
          await logged.inject({ method: 'POST', url: '/api/v1/auth/reauth', payload: { password: user.password }, headers: session.headers }),
          await logged.inject({ method: 'GET', url: '/api/v1/instruments', headers: { authorization: `Bearer ${token}` } }),
          await logged.inject({ method: 'GET', url: '/api/v1/instruments', headers: { authorization: `Bearer ${token.slice(0, -2)}!!` } }),
        ];
        await new Promise((resolve) => setImmediate(resolve));
        const text = lines.join('\n');
        // The log was captured: every request is in it under its id.
        for (const res of [failed, ...requests]) assert.ok(text.includes(String(res.headers['x-request-id'])), `request ${String(res.headers['x-request-id'])} is logged`);
        for (const line of lines) JSON.parse(line);
        const secrets = {
          password: user.password,
          'wrong password': 'a wrong password for the log',
          'session cookie': session.headers.cookie.slice('jl_session='.length),
          'CSRF token': session.headers['x-csrf-token'],
          'bearer token': token,
          'bearer token body': token.slice(3, -2),
        };
        for (const [what, secret] of Object.entries(secrets)) assert.ok(!text.includes(secret), `the ${what} appears in the log`);
      } finally {
        await logged.close();
      }
    });
  },
  { clock },
);
