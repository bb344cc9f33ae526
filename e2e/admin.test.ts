// Platform administration through the UI: a new user with a district grant, a machine token shown
// once and then revoked, and the audit log that recorded it all, with its chain verified.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { jsErrors, launchBrowser, newPage } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { eventually, expectCount, expectText, pickOption, signIn } from './support/ui.ts';

let server: TestServer;
let browser: Browser;

const NEW_USER = { username: 'yubei-regulator', displayName: '渝北区监管员', password: 'harbor cinnamon glacier 73' };

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('an administrator creates a user with a district grant, edits the grant and disables the account', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password);
  await page.getByTestId('nav-users').click();
  await page.getByTestId('users-page').waitFor();

  await page.getByTestId('create-user').click();
  const drawer = page.getByTestId('create-user-drawer');
  await drawer.waitFor();
  await page.getByTestId('field-username').fill(NEW_USER.username);
  await page.getByTestId('field-displayName').fill(NEW_USER.displayName);
  await page.getByTestId('field-password').fill('short');
  await pickOption(page, 'grant-0-role', '监管人员');
  // A regulator is held citywide or in a district, never in an organization.
  await page.getByTestId('grant-0-scopeKind').click();
  const kinds = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expectCount(kinds, 2, 'scope kinds');
  assert.deepEqual(await kinds.allTextContents(), ['全市', '区县']);
  await kinds.filter({ hasText: '区县' }).click();
  await pickOption(page, 'grant-0-district', '渝北区', '渝北');
  await page.getByTestId('create-user-submit').click();
  await expectText(drawer.locator('.ant-form-item', { has: page.getByTestId('field-password') }), '密码至少 12 个字符');
  await page.getByTestId('field-password').fill(NEW_USER.password);
  await page.getByTestId('create-user-submit').click();
  await drawer.waitFor({ state: 'hidden' });

  const row = page.locator(`[data-testid=user-row][data-username=${NEW_USER.username}]`);
  await expectText(row.getByTestId('grant-tag'), '监管人员 @ 渝北区');
  assert.equal(await row.getByTestId('grant-tag').getAttribute('data-grant'), 'regulator@district:500112');

  // The new user signs in with that grant.
  const user = await newPage(browser, server.baseUrl);
  await signIn(user, NEW_USER.username, NEW_USER.password);
  await user.getByTestId('dashboard-page').waitFor();
  await expectText(user.getByTestId('user-display-name'), NEW_USER.displayName);
  await expectCount(user.getByTestId('nav-admin'), 0, 'administration menus');

  await row.getByTestId('edit-grants').click();
  await pickOption(page, 'grant-0-scopeKind', '全市');
  await page.getByTestId('edit-grants-submit').click();
  await expectText(row.getByTestId('grant-tag'), '监管人员 @ 全市');

  await row.getByTestId('toggle-status').click();
  await page.getByTestId('confirm-disable').click();
  await eventually('disabled', async () => (await row.getByTestId('user-status').getAttribute('data-status')) === 'disabled');
  // The disabled user's session ends: the next page sends the browser to sign in.
  await user.getByTestId('nav-instruments').click();
  await user.getByTestId('login-page').waitFor();
  assert.deepEqual(jsErrors(page), []);
  assert.deepEqual(jsErrors(user), []);
  await user.context().close();
  await page.context().close();
});

test('a new token is shown once, works as a bearer token until it expires or is revoked', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, '/admin/tokens');
  await page.getByTestId('tokens-page').waitFor();
  await page.getByTestId('create-token').click();
  await page.getByTestId('field-tokenName').fill('区县数据交换');
  await pickOption(page, 'token-role', '数据分析员');
  await pickOption(page, 'token-scopeKind', '全市');
  await page.getByTestId('field-tokenDays').fill('30');
  await page.getByTestId('create-token-submit').click();

  const secret = (await expectText(page.getByTestId('token-secret'), /jl_/)).trim();
  await expectText(page.locator('.ant-modal', { has: page.getByTestId('token-secret') }), '无法再次查看');
  const summary = () => fetch(`${server.baseUrl}/api/v1/supervision/due-summary`, { headers: { authorization: `Bearer ${secret}` } });
  assert.equal((await summary()).status, 200);

  await page.getByTestId('token-secret-close').click();
  await page.getByTestId('token-secret').waitFor({ state: 'detached' });
  const row = page.locator('[data-testid=token-row][data-name=区县数据交换]');
  await expectText(row.getByTestId('grant-tag'), '数据分析员 @ 全市');
  assert.ok(!(await page.content()).includes(secret), 'the secret is gone from the page');
  // Valid for the 30 days asked for; the list shows the day it ends (Asia/Shanghai).
  const listed = (await (await fetch(`${server.baseUrl}/api/v1/admin/tokens?pageSize=100`, { headers: { authorization: `Bearer ${server.adminToken}` } })).json()) as {
    items: { name: string; createdAt: string; expiresAt: string }[];
  };
  const created = listed.items.find((t) => t.name === '区县数据交换')!;
  assert.equal(Date.parse(created.expiresAt) - Date.parse(created.createdAt), 30 * 86_400_000);
  await expectText(row, new Date(Date.parse(created.expiresAt) + 8 * 3_600_000).toISOString().slice(0, 10));
  await expectText(row.getByTestId('token-status'), '有效');

  await row.getByTestId('revoke-token').click();
  await page.getByTestId('confirm-revoke').click();
  await expectText(row.getByTestId('token-status'), '已吊销');
  assert.equal((await summary()).status, 401);
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});

test('the audit log lists what was done and its chain verifies', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, '/admin/audit');
  const rows = page.getByTestId('audit-row');
  await rows.first().waitFor();
  const actions = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')));
  for (const action of ['user.create', 'token.create', 'token.revoke']) assert.ok(actions.includes(action), `${action} in ${actions.join(', ')}`);

  // The revoked token's refused request was recorded as denied.
  await pickOption(page, 'audit-filter-outcome', '拒绝');
  await eventually('only denied entries', async () => {
    const outcomes = await rows.evaluateAll((trs) => [...new Set(trs.map((tr) => tr.getAttribute('data-outcome')))]);
    return outcomes.join() === 'denied';
  });
  await expectText(page.getByTestId('audit-table'), 'auth.token');

  await page.getByTestId('verify-audit').click();
  await expectText(page.getByTestId('audit-verdict'), '审计日志完整');
  assert.equal(await page.getByTestId('audit-verdict').getAttribute('data-ok'), 'true');
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});
