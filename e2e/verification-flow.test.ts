// The main write flow, all through the UI: register an instrument, record a failed verification
// (status → 停用), then a passed one (status → 在用, next due date set); and an item with an
// uncertainty judged by a guarded-acceptance decision rule (JCGM 106 / ILAC G8).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { jsErrors, launchBrowser, newPage } from './support/browser.ts';
import { ApiClient, USCC, type Created } from './support/seed.ts';
import { startServer, type TestServer } from './support/server.ts';
import { eventually, expectCount, expectText, pickOption, signIn } from './support/ui.ts';
import { fillFirstItem, openVerificationDrawer, recordVerification } from './support/verification.ts';

let server: TestServer;
let browser: Browser;
let today: string;
let api: ApiClient;
let owner: Created;
let institute: Created;

before(async () => {
  server = await startServer();
  api = new ApiClient(server.baseUrl, server.adminToken);
  today = await api.today();
  owner = await api.post('/api/v1/organizations', {
    uscc: USCC.stationOwner,
    name: '重庆渝北加油站有限公司',
    districtCode: '500112',
    roles: ['owner'],
  });
  institute = await api.post('/api/v1/organizations', {
    uscc: USCC.institute,
    name: '重庆市计量质量检测研究院',
    districtCode: '500112',
    roles: ['verification_institute'],
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('register an instrument, fail then pass its verification, all through the UI', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, '/instruments');
  await page.getByTestId('register-instrument').click();
  await page.getByTestId('register-instrument-drawer').waitFor();
  await pickOption(page, 'field-categoryCode', '燃油加油机', '燃油');
  // The only use domain of fuel dispensers is filled in.
  await expectText(page.getByTestId('register-instrument-drawer').locator('.ant-form-item', { hasText: '使用领域' }), '贸易结算');
  await page.getByTestId('field-manufacturer').fill('正星科技股份有限公司');
  await page.getByTestId('field-model').fill('CS46');
  await page.getByTestId('field-serialNo').fill('ZX2026009001');
  await pickOption(page, 'field-districtCode', '渝北区', '渝北');
  await pickOption(page, 'field-ownerId', '重庆渝北加油站有限公司', '加油站');
  await page.getByTestId('field-site').fill('1号加油岛');
  await page.getByTestId('register-instrument-submit').click();

  await page.getByTestId('instrument-detail-page').waitFor();
  const basic = page.getByTestId('instrument-basic');
  await expectText(basic.getByTestId('serial-no'), 'ZX2026009001');
  await expectText(basic.getByTestId('status-tag'), '已登记');
  await expectText(basic.getByTestId('next-due-on'), today);

  // A failed verification suspends the instrument; only a passing one lifts that.
  await recordVerification(page, '0.5', 'fail');
  await expectText(basic.getByTestId('status-tag'), '停用');
  await expectText(basic, '检定不合格');
  assert.equal(await page.getByTestId('action-resume').isDisabled(), true);

  await recordVerification(page, '0.1', 'pass');
  await expectText(basic.getByTestId('status-tag'), '在用');
  await expectText(basic.getByTestId('due-state-tag'), '有效');
  const nextDue = await eventually('a next due date after today', async () => {
    const text = (await basic.getByTestId('next-due-on').textContent()) ?? '';
    return /^\d{4}-\d{2}-\d{2}$/.test(text) && text > today ? text : '';
  });

  await page.getByTestId('tab-verifications').click();
  const rows = page.getByTestId('verification-row');
  await eventually('two verification rows', async () => (await rows.count()) === 2);
  const conclusions = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-conclusion')));
  assert.deepEqual(conclusions, ['pass', 'fail']);
  assert.match((await rows.first().textContent()) ?? '', new RegExp(nextDue));
  assert.match((await rows.nth(1).textContent()) ?? '', /检定结果通知书/);

  await page.getByTestId('tab-events').click();
  const kinds = await page.getByTestId('event-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')));
  assert.deepEqual(kinds, ['verified', 'verified', 'registered']);
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});

test('a server field error appears on the form field, in the current language', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, '/organizations');
  const drawer = page.getByTestId('register-organization-drawer');
  const usccItem = drawer.locator('.ant-form-item', { has: page.getByTestId('field-uscc') });

  const submitBadUscc = async (district: string, search: string) => {
    await page.getByTestId('register-organization').click();
    await drawer.waitFor();
    await page.getByTestId('field-uscc').fill('915001122030004145'); // wrong check digit
    await page.getByTestId('field-name').fill('校验位错误的单位');
    await pickOption(page, 'field-districtCode', district, search);
    await page.getByTestId('register-organization-submit').click();
  };

  await submitBadUscc('渝中区', '渝中');
  await expectText(usccItem, '统一社会信用代码无效');
  await expectText(page.getByTestId('error-notification'), '输入数据未通过校验');
  await drawer.getByTestId('drawer-cancel').click();
  await drawer.waitFor({ state: 'hidden' });

  await page.getByTestId('lang-en').click();
  await expectText(page.getByTestId('page-title'), 'Organizations');
  await submitBadUscc('Yuzhong District', 'Yuzhong');
  await expectText(usccItem, 'Invalid unified social credit code');
  await page.context().close();
});

test('an item with an uncertainty is judged by the guarded decision rule and records its specific risk', async () => {
  const instrument = await api.post('/api/v1/instruments', {
    categoryCode: 'FUEL_DISPENSER',
    manufacturer: '正星科技股份有限公司',
    model: 'CS46',
    serialNo: 'ZX2026009002',
    districtCode: '500112',
    useDomain: 'TRADE',
    ownerId: owner.id,
  });
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, `/instruments/${instrument.id}`);
  await page.getByTestId('instrument-detail-page').waitFor();

  const drawer = await openVerificationDrawer(page);
  await fillFirstItem(page, { error: '4.8', mpe: '5', u: '0.2', unit: 'mL' });
  // Simple acceptance (the default): 4.8 lies within ±5, accepted with a 15.87 % false-accept risk.
  await expectText(page.getByTestId('item-0-result'), /^合格$/);
  await expectText(page.getByTestId('item-0-risk'), '15.87 %');

  // Guarded acceptance with k = 2: the acceptance zone is ±4.6, so 4.8 is rejected.
  await pickOption(page, 'field-decisionRule', '保护带接受');
  await page.getByTestId('field-guardK').fill('2');
  await expectText(page.getByTestId('item-0-result'), '不合格');
  await expectText(page.getByTestId('item-0-risk'), '84.13 %');
  const conclusionClass = () => page.getByTestId('conclusion-fail').evaluate((el) => el.closest('label')?.className ?? '');
  assert.match(await eventually('conclusion fail', conclusionClass), /checked/, 'the conclusion follows the rule');

  // A pass conclusion contradicts the rejected item: the form says so before anything is sent.
  const conclusionItem = drawer.locator('.ant-form-item', { has: page.getByTestId('field-conclusion') });
  await page.getByTestId('conclusion-pass').click();
  await expectText(conclusionItem, '结论应为“不合格”');

  // Should a pass conclusion reach the server anyway, its field error lands on the item's error.
  await page.getByTestId('conclusion-fail').click();
  const pattern = '**/api/v1/instruments/*/verifications';
  let sent: Record<string, unknown> | undefined;
  await page.route(pattern, async (route) => {
    sent = route.request().postDataJSON() as Record<string, unknown>;
    await route.continue({ postData: JSON.stringify({ ...sent, conclusion: 'pass' }) });
  });
  await page.getByTestId('verification-submit').click();
  const errorItem = drawer.locator('.ant-form-item', { has: page.getByTestId('item-0-error') });
  await expectText(errorItem, '结论与各检定项目结果不一致');
  assert.equal(await drawer.isVisible(), true, 'the drawer stays open');
  assert.deepEqual(sent?.decisionRule, { rule: 'guarded', k: 2 }, 'the rule is sent');
  assert.equal((sent?.items as Array<Record<string, unknown>> | undefined)?.[0]?.u, 0.2, 'u is sent');
  await page.unroute(pattern);

  await page.getByTestId('verification-submit').click();
  await drawer.waitFor({ state: 'hidden' });
  await expectText(page.getByTestId('instrument-basic').getByTestId('status-tag'), '停用');

  await page.getByTestId('tab-verifications').click();
  const row = page.getByTestId('verification-row');
  await expectCount(row, 1, 'verification rows');
  assert.equal(await row.getAttribute('data-conclusion'), 'fail');
  await row.locator('.ant-table-row-expand-icon').click();
  const item = page.getByTestId('verification-item');
  await expectCount(item, 1, 'verification items');
  assert.equal(await item.getAttribute('data-accept'), 'false');
  await expectText(item.getByTestId('item-result'), '不合格');
  await expectText(item.getByTestId('item-rule'), '保护带接受');
  await expectText(item.getByTestId('item-pc'), '84.13 %');
  await expectText(item.getByTestId('item-specific-risk'), '84.13 %');
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();

  // The API refuses a pass conclusion with the rejected item, pointing at the item's error.
  const response = await fetch(`${server.baseUrl}/api/v1/instruments/${instrument.id}/verifications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${server.adminToken}` },
    body: JSON.stringify({
      institutionId: institute.id,
      verifiedOn: today,
      verifier: '李四',
      checker: '王五',
      approver: '赵六',
      place: '渝北加油站现场',
      environment: {},
      standards: [{ name: '二等标准金属量器' }],
      items: [{ name: '示值误差', error: 4.8, mpe: 5, u: 0.2 }],
      adjusted: false,
      conclusion: 'pass',
      decisionRule: { rule: 'guarded', k: 2 },
    }),
  });
  assert.equal(response.status, 422);
  const problem = (await response.json()) as { errors?: Array<{ pointer: string; code: string }> };
  assert.deepEqual(
    problem.errors?.map((e) => [e.pointer, e.code]),
    [['/items/0/error', 'conclusion_mismatch']],
  );
});
