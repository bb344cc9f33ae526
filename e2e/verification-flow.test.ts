// The main write flow, all through the UI: register an instrument, record a failed verification
// (status → 停用), then a passed one (status → 在用, next due date set).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { jsErrors, launchBrowser, newPage } from './support/browser.ts';
import { ApiClient, USCC } from './support/seed.ts';
import { startServer, type TestServer } from './support/server.ts';
import { eventually, expectText, pickOption } from './support/ui.ts';

let server: TestServer;
let browser: Browser;
let today: string;

before(async () => {
  server = await startServer();
  const api = new ApiClient(server.baseUrl);
  today = await api.today();
  await api.post('/api/v1/organizations', {
    uscc: USCC.stationOwner,
    name: '重庆渝北加油站有限公司',
    districtCode: '500112',
    roles: ['owner'],
  });
  await api.post('/api/v1/organizations', {
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

async function recordVerification(page: Page, error: string, expected: 'pass' | 'fail'): Promise<void> {
  await page.getByTestId('record-verification').click();
  const drawer = page.getByTestId('verification-drawer');
  await drawer.waitFor();
  await pickOption(page, 'field-institutionId', '重庆市计量质量检测研究院', '计量');
  await page.getByTestId('field-verifier').fill('李四');
  await page.getByTestId('field-checker').fill('王五');
  await page.getByTestId('field-approver').fill('赵六');
  await page.getByTestId('field-place').fill('渝北加油站现场');
  await page.getByTestId('field-temperatureC').fill('21.5');
  await page.getByTestId('field-humidityPct').fill('60');
  await page.getByTestId('standard-0-name').fill('二等标准金属量器');
  await page.getByTestId('standard-0-certificateNo').fill('[2020]渝量标证字第001号');
  await page.getByTestId('item-0-name').fill('示值误差');
  await page.getByTestId('item-0-error').fill(error);
  await page.getByTestId('item-0-mpe').fill('0.3');
  await page.getByTestId('item-0-unit').fill('%');
  await expectText(page.getByTestId('item-0-result'), expected === 'pass' ? '合格' : '不合格');
  const checked = await page.getByTestId(`conclusion-${expected}`).evaluate((el) => el.closest('label')?.className ?? '');
  assert.match(checked, /checked/, `conclusion ${expected} follows the items`);
  await page.getByTestId('verification-submit').click();
  await drawer.waitFor({ state: 'hidden' });
}

test('register an instrument, fail then pass its verification, all through the UI', async () => {
  const page = await newPage(browser, server.baseUrl);
  await page.goto('/instruments');
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
  await page.goto('/organizations');
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
