// Signing in and out, the lockout message, and a sensitive action that asks for the password again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { jsErrors, launchBrowser, newPage } from './support/browser.ts';
import { ApiClient, seedCity, type Seeded } from './support/seed.ts';
import { startServer, type TestServer } from './support/server.ts';
import { expectCount, expectText, signIn } from './support/ui.ts';

let server: TestServer;
let browser: Browser;
let seeded: Seeded;

const LOCKED_OUT = { username: 'e2e-locked-out', password: 'quarry violet tandem 58' };
const CHANGER = { username: 'e2e-changer', password: 'saffron ledger pylon 64' };
const TRAVELLER = { username: 'e2e-traveller', password: 'harbour lantern quiver 73' };

before(async () => {
  server = await startServer();
  seeded = await seedCity(new ApiClient(server.baseUrl, server.adminToken));
  await server.createUser(LOCKED_OUT, { role: 'analyst', scope: 'city' });
  await server.createUser(CHANGER, { role: 'analyst', scope: 'city' });
  await server.createUser(TRAVELLER, { role: 'analyst', scope: 'city' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a wrong password is refused with a message; the right one lands on the dashboard; signing out returns to the sign-in page', async () => {
  const page = await newPage(browser, server.baseUrl);
  await page.goto('/');
  await page.getByTestId('login-page').waitFor();
  assert.match(page.url(), /\/login$/);
  await expectText(page.getByTestId('login-brand'), '计量 Jiliang');

  await page.getByTestId('login-username').fill(server.admin.username);
  await page.getByTestId('login-password').fill('not the password');
  await page.getByTestId('login-submit').click();
  await expectText(page.getByTestId('login-error'), '用户名或密码不正确');
  // The message follows the language switch.
  await page.getByTestId('lang-en').click();
  await expectText(page.getByTestId('login-error'), 'Wrong username or password');
  await page.getByTestId('lang-zh').click();

  await page.getByTestId('login-password').fill(server.admin.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard-page').waitFor();
  await expectText(page.getByTestId('user-display-name'), '测试管理员');
  await page.getByTestId('user-menu').click();
  await expectText(page.getByTestId('user-grants'), '平台管理员 @ 全平台');

  await page.getByTestId('logout').click();
  await page.getByTestId('login-page').waitFor();
  assert.match(page.url(), /\/login$/);
  // The session is gone on the server too: a protected page sends the browser back to sign in.
  await page.goto('/instruments?status=in_use');
  await page.getByTestId('login-page').waitFor();
  assert.equal(new URL(page.url()).searchParams.get('next'), '/instruments?status=in_use');
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});

test('signing in from a deep link returns to that page', async () => {
  const page = await newPage(browser, server.baseUrl);
  await page.goto(`/instruments/${seeded.valid.id}`);
  await page.getByTestId('login-page').waitFor();
  await page.getByTestId('login-username').fill(server.admin.username);
  await page.getByTestId('login-password').fill(server.admin.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('instrument-detail-page').waitFor();
  assert.match(page.url(), new RegExp(`/instruments/${seeded.valid.id}$`));
  await page.context().close();
});

test('repeated failures lock the account, and the sign-in page says how long to wait', async () => {
  const page = await newPage(browser, server.baseUrl);
  await page.goto('/login');
  const attempt = async (password: string) => {
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await page.getByTestId('login-username').fill(LOCKED_OUT.username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    return (await answered).status();
  };
  // From the third failure on each one locks the account (1 s, 2 s, 1 min, then 2 min after the
  // sixth); the server's clock moves past each lock so that the next attempt counts.
  for (let failure = 1; failure <= 6; failure++) {
    assert.equal(await attempt('wrong password, again'), 401);
    await expectText(page.getByTestId('login-error'), '用户名或密码不正确');
    if (failure < 6) server.advanceClock(61_000);
  }
  assert.equal(await attempt(LOCKED_OUT.password), 429, 'locked even with the right password');
  await expectText(page.getByTestId('login-error'), '请 2 分钟后再试');
  await page.getByTestId('lang-en').click();
  await expectText(page.getByTestId('login-error'), 'Try again in 2 min');
  await page.context().close();
});

test('changing one’s password: the server’s verdict on a weak one shows on the field; the new one signs in', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, CHANGER.username, CHANGER.password);
  await page.getByTestId('user-menu').click();
  await page.getByTestId('change-password').click();
  const newPassword = page.locator('.ant-form-item', { has: page.getByTestId('field-newPassword') });
  const submit = async (next: string) => {
    await page.getByTestId('field-currentPassword').fill(CHANGER.password);
    await page.getByTestId('field-newPassword').fill(next);
    await page.getByTestId('field-confirmPassword').fill(next);
    await page.getByTestId('change-password-submit').click();
  };
  await submit('password1234');
  await expectText(newPassword, '密码过于常见或容易猜测');
  const changed = 'tidal compass ember 91';
  await submit(changed);
  await expectText(page.locator('.ant-message'), '密码已修改');

  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.getByTestId('login-page').waitFor();
  await signIn(page, CHANGER.username, changed);
  await expectText(page.getByTestId('user-display-name'), CHANGER.username);
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});

test('scrapping an instrument asks for the password again once the last proof is older than five minutes', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, `/instruments/${seeded.overdue.id}`);
  const basic = page.getByTestId('instrument-basic');
  await expectText(basic.getByTestId('status-tag'), '已登记');
  server.advanceClock(6 * 60_000);

  await page.getByTestId('action-scrap').click();
  await page.getByTestId('confirm-scrap').click();
  const modal = page.getByTestId('reauth-modal');
  await expectText(modal, '请再次输入密码');
  await page.getByTestId('reauth-password').fill('not the password');
  await page.getByTestId('reauth-submit').click();
  await expectText(page.getByTestId('reauth-error'), '用户名或密码不正确');
  await page.getByTestId('reauth-password').fill(server.admin.password);
  await page.getByTestId('reauth-submit').click();
  await modal.waitFor({ state: 'hidden' });
  // The scrap request was retried after the password and went through.
  await expectText(basic.getByTestId('status-tag'), '报废');
  assert.equal(await page.getByTestId('error-notification').count(), 0);
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});

test('the session list shows this browser and another device; signing out the others ends the other one', async () => {
  // The other device: a sign-in from outside the browser.
  const elsewhere = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'JiliangTestPhone/1.0' },
    body: JSON.stringify(TRAVELLER),
  });
  assert.equal(elsewhere.status, 200);
  const phoneCookie = elsewhere.headers.get('set-cookie')!.split(';')[0]!;
  const phoneAlive = async () => (await fetch(`${server.baseUrl}/api/v1/auth/session`, { headers: { cookie: phoneCookie } })).status === 200;
  assert.ok(await phoneAlive());

  const page = await newPage(browser, server.baseUrl);
  await signIn(page, TRAVELLER.username, TRAVELLER.password);
  await page.getByTestId('user-menu').click();
  await page.getByTestId('show-sessions').click();
  const table = page.getByTestId('sessions-table');
  await expectText(table, 'JiliangTestPhone/1.0');
  await expectCount(table.locator('tbody tr.ant-table-row'), 2, 'sessions');
  await expectCount(table.getByTestId('session-current'), 1, 'current-session tags');
  await expectText(table.locator('tbody tr.ant-table-row', { has: page.getByTestId('session-current') }), '127.0.0.1');

  await page.getByTestId('sessions-end-others').click();
  await page.getByTestId('confirm-end-others').click();
  await expectCount(table.locator('tbody tr.ant-table-row'), 1, 'sessions');
  assert.equal(await phoneAlive(), false, 'the other device is signed out');
  await expectText(page.getByTestId('user-display-name'), TRAVELLER.username);
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});
