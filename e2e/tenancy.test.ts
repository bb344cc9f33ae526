// Tenant isolation as the browser sees it, on a small demo city: a district regulator sees only
// that district's instruments, an owner only its own, neither sees the administration menu, and
// another tenant's record is "not found".
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { DEMO_DISTRICT, DEMO_PASSWORD } from '../src/services/demo/demo-users.ts';
import { jsErrors, launchBrowser, newPage } from './support/browser.ts';
import { ApiClient } from './support/seed.ts';
import { startServer, type TestServer } from './support/server.ts';
import { eventually, expectCount, expectText, signIn } from './support/ui.ts';

let server: TestServer;
let browser: Browser;
let api: ApiClient;

interface Listed {
  readonly total: number;
  readonly items: Array<{ readonly id: number; readonly districtCode: string; readonly ownerId: number }>;
}

before(async () => {
  server = await startServer({ demoInstruments: 400 });
  api = new ApiClient(server.baseUrl, server.adminToken);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The demo account's organization id (its grant's scope `organization:<id>`). */
function organizationOf(username: string): number {
  const account = server.demoAccounts.find((a) => a.username === username);
  const match = /^organization:(\d+)$/.exec(account?.scope ?? '');
  assert.ok(match, `${username} has an organization scope`);
  return Number(match[1]);
}

/** The instrument rows' `attribute` values once the table shows `total` in all. */
async function listedRows(page: Page, total: number, attribute: string): Promise<string[]> {
  await expectText(page.getByTestId('instrument-total'), `共 ${total} 条`);
  const rows = page.getByTestId('instrument-table').getByTestId('instrument-row');
  await eventually('rows', async () => (await rows.count()) > 0);
  return rows.evaluateAll((trs, name) => trs.map((tr) => tr.getAttribute(name) ?? ''), attribute);
}

async function expectNoAdministration(page: Page): Promise<void> {
  await page.getByTestId('nav-instruments').waitFor();
  await expectCount(page.getByTestId('nav-admin'), 0, 'administration menus');
  await expectCount(page.getByTestId('nav-users'), 0, 'user menu entries');
}

test('the 渝中区 regulator sees only 渝中区 instruments, and another district’s instrument is not found', async () => {
  const all = await api.get<Listed>('/api/v1/instruments?pageSize=200');
  const own = await api.get<Listed>(`/api/v1/instruments?districtCode=${DEMO_DISTRICT}`);
  assert.ok(own.total > 0 && own.total < all.total, `${own.total} of ${all.total} instruments in ${DEMO_DISTRICT}`);
  const elsewhere = all.items.find((i) => i.districtCode !== DEMO_DISTRICT);
  assert.ok(elsewhere, 'an instrument in another district');

  const page = await newPage(browser, server.baseUrl);
  await signIn(page, 'yuzhong-regulator', DEMO_PASSWORD, '/instruments');
  const districts = await listedRows(page, own.total, 'data-district');
  assert.deepEqual([...new Set(districts)], [DEMO_DISTRICT]);
  await page.getByTestId('user-menu').click();
  await expectText(page.getByTestId('user-grants'), '监管人员 @ 渝中区');
  await page.keyboard.press('Escape');
  await expectNoAdministration(page);
  // A regulator imports and registers within the district.
  await expectCount(page.getByTestId('nav-import'), 1, 'import entries');
  await expectCount(page.getByTestId('register-instrument'), 1, 'register buttons');

  await page.goto(`/instruments/${elsewhere.id}`);
  await expectText(page.locator('.ant-result-title'), '页面不存在');
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});

test('an owner sees only its own instruments and no import or administration', async () => {
  const ownerId = organizationOf('owner');
  const own = await api.get<Listed>(`/api/v1/instruments?ownerId=${ownerId}`);
  assert.ok(own.total > 0, 'the demo owner has instruments');

  const page = await newPage(browser, server.baseUrl);
  await signIn(page, 'owner', DEMO_PASSWORD, '/instruments');
  const owners = await listedRows(page, own.total, 'data-owner-id');
  assert.deepEqual([...new Set(owners)], [String(ownerId)]);
  await expectNoAdministration(page);
  await expectCount(page.getByTestId('nav-import'), 0, 'import entries');
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});
