// Browsing instruments: the list, filtering it, and an instrument's detail and history.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { jsErrors, launchBrowser, newPage } from './support/browser.ts';
import { ApiClient, seedCity, type Seeded } from './support/seed.ts';
import { startServer, type TestServer } from './support/server.ts';
import { expectSerials, expectText, pickOption, signIn } from './support/ui.ts';

let server: TestServer;
let browser: Browser;
let seeded: Seeded;

before(async () => {
  server = await startServer();
  seeded = await seedCity(new ApiClient(server.baseUrl, server.adminToken));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('opening the app and going to 计量器具 shows the instrument list', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, '/');
  await page.getByTestId('dashboard-page').waitFor();
  await page.getByTestId('nav-instruments').click();
  await page.getByTestId('instrument-list-page').waitFor();
  assert.equal(await page.getByTestId('page-title').textContent(), '计量器具');
  await expectSerials(page, ['YS2024000123', 'ZX2026000001', 'ZX2026000002']);
  await expectText(page.getByTestId('instrument-total'), '共 3 条');

  // Status and due state are tags with words, not colour alone.
  const overdueRow = page.locator('[data-testid=instrument-row][data-serial-no=YS2024000123]');
  assert.equal(await overdueRow.getByTestId('due-state-tag').textContent(), '超期');
  assert.equal(await overdueRow.getByTestId('status-tag').textContent(), '已登记');
  const validRow = page.locator('[data-testid=instrument-row][data-serial-no=ZX2026000002]');
  assert.equal(await validRow.getByTestId('due-state-tag').textContent(), '有效');
  assert.equal(await validRow.getByTestId('status-tag').textContent(), '在用');
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});

test('filtering by due state and by district changes the rows', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, '/instruments');
  await expectSerials(page, ['YS2024000123', 'ZX2026000001', 'ZX2026000002']);

  await pickOption(page, 'filter-due-state', '超期');
  await expectSerials(page, ['YS2024000123']);
  assert.match(page.url(), /dueState=overdue/);
  // The export carries the same filter and arrives as a download.
  const exportRequest = page.waitForRequest((r) => r.url().includes('/api/v1/exports/instruments.xlsx'));
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  assert.equal(new URL((await exportRequest).url()).search, '?dueState=overdue');
  assert.equal((await downloading).suggestedFilename(), 'jiliang-instruments.xlsx');

  await page.getByTestId('filter-reset').click();
  await expectSerials(page, ['YS2024000123', 'ZX2026000001', 'ZX2026000002']);

  await pickOption(page, 'filter-district', '渝北区', '渝北');
  await expectSerials(page, ['ZX2026000001', 'ZX2026000002']);

  await page.getByTestId('filter-serial').fill('ZX2026000002');
  await page.getByTestId('filter-serial').press('Enter');
  await expectSerials(page, ['ZX2026000002']);
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});

test('an instrument opens on its detail page with verification records and the operation log', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, '/instruments');
  await page.locator('[data-testid=instrument-row][data-serial-no=ZX2026000002]').getByTestId('instrument-link').click();
  await page.getByTestId('instrument-detail-page').waitFor();
  assert.match(page.url(), new RegExp(`/instruments/${seeded.valid.id}$`));

  const basic = page.getByTestId('instrument-basic');
  await expectText(basic.getByTestId('serial-no'), 'ZX2026000002');
  assert.equal(await basic.getByTestId('status-tag').textContent(), '在用');
  assert.equal(await basic.getByTestId('due-state-tag').textContent(), '有效');
  assert.match((await basic.getByTestId('next-due-on').textContent()) ?? '', /^\d{4}-\d{2}-\d{2}$/);
  await expectText(page.getByTestId('breadcrumb'), '计量器具');

  await page.getByTestId('tab-verifications').click();
  const rows = page.getByTestId('verification-row');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 1);
  assert.equal(await rows.first().getByTestId('conclusion-tag').textContent(), '合格');
  assert.match((await rows.first().textContent()) ?? '', /检定证书/);

  await page.getByTestId('tab-events').click();
  const events = page.getByTestId('event-item');
  await events.first().waitFor();
  const kinds = await events.evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
  assert.deepEqual(kinds, ['verified', 'registered']);
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});

test('the language switch turns the interface to English and is remembered', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, '/instruments');
  await expectSerials(page, ['YS2024000123', 'ZX2026000001', 'ZX2026000002']);
  await page.getByTestId('lang-en').click();
  await expectText(page.getByTestId('page-title'), 'Measuring instruments');
  const overdueRow = page.locator('[data-testid=instrument-row][data-serial-no=YS2024000123]');
  await expectText(overdueRow.getByTestId('due-state-tag'), 'Overdue');
  await page.reload();
  await expectText(page.getByTestId('page-title'), 'Measuring instruments');
  await page.getByTestId('lang-zh').click();
  await expectText(page.getByTestId('page-title'), '计量器具');
  await page.context().close();
});

test('the dashboard and the due view show the due counts as a chart with a table view', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, '/');
  await expectText(page.getByTestId('summary-total'), '3');
  await expectText(page.getByTestId('summary-overdue'), '1');
  await expectText(page.getByTestId('summary-dueSoon'), '1');
  await page.getByTestId('due-chart').waitFor();

  await page.getByTestId('nav-due').click();
  await page.getByTestId('due-page').waitFor();
  await page.getByTestId('due-chart').waitFor();
  await page.getByTestId('due-page').getByText('表格', { exact: true }).click();
  const table = page.getByTestId('due-table');
  await expectText(table, '渝中区');
  const yubei = table.locator('tr', { hasText: '渝北区' });
  // columns: district, overdue, due soon, valid, suspended, not applicable, total
  const cells = await yubei.locator('td').allTextContents();
  assert.deepEqual(cells, ['渝北区', '0', '1', '1', '0', '0', '2']);

  await expectSerials(page, ['YS2024000123'], 'due-instrument-table');
  await page.getByTestId('tab-due-soon').click();
  await expectSerials(page, ['ZX2026000001'], 'due-instrument-table');
  assert.match(page.url(), /tab=due_soon/);
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});

test('lifecycle actions change the status on screen; scrapping asks for confirmation', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, `/instruments/${seeded.dueSoon.id}`);
  const basic = page.getByTestId('instrument-basic');
  await expectText(basic.getByTestId('status-tag'), '已登记');
  await page.getByTestId('action-install').click();
  await expectText(basic.getByTestId('status-tag'), '在用');
  await page.getByTestId('action-suspend').click();
  await expectText(basic.getByTestId('status-tag'), '停用');
  await page.getByTestId('action-resume').click();
  await expectText(basic.getByTestId('status-tag'), '在用');
  await page.getByTestId('action-scrap').click();
  await page.getByTestId('confirm-scrap').click();
  await expectText(basic.getByTestId('status-tag'), '报废');
  await expectText(basic.getByTestId('due-state-tag'), '不适用');
  assert.equal(await page.getByTestId('record-verification').count(), 0);
  await page.getByTestId('tab-events').click();
  const kinds = await page.getByTestId('event-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')));
  assert.deepEqual(kinds, ['scrapped', 'resumed', 'suspended', 'installed', 'registered']);
  await page.context().close();
});
