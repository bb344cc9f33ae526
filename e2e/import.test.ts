// Batch import through the UI: a CSV with one bad row is refused with a row-level report; with
// "仅导入有效行" the good row is written.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { jsErrors, launchBrowser, newPage } from './support/browser.ts';
import { ApiClient, USCC } from './support/seed.ts';
import { startServer, type TestServer } from './support/server.ts';
import { expectText, signIn } from './support/ui.ts';

let server: TestServer;
let browser: Browser;
let api: ApiClient;

const HEADER = '器具类别,制造单位,型号规格,出厂编号,使用单位统一社会信用代码,区县代码,使用领域,使用地点,型式批准证书号,准确度等级,测量范围,出厂日期,启用日期,备案日期,使用年限（月）';
const CSV = [
  HEADER,
  `PRICE_SCALE,上海友声衡器有限公司,ACS-15,YS2024000201,${USCC.marketOwner},500103,贸易结算,民族路农贸市场1号摊位,2019F123-31,III,(0~15)kg,2024-03-01,2024-04-01,2024-04-02,`,
  `PRICE_SCALE,上海友声衡器有限公司,ACS-15,YS2024000202,${USCC.marketOwner},999999,贸易结算,民族路农贸市场2号摊位,2019F123-31,III,(0~15)kg,2024-03-01,2024-04-01,2024-04-02,`,
].join('\n');

before(async () => {
  server = await startServer();
  api = new ApiClient(server.baseUrl, server.adminToken);
  await api.post('/api/v1/organizations', {
    uscc: USCC.marketOwner,
    name: '重庆市渝中区民族路农贸市场有限公司',
    districtCode: '500103',
    roles: ['owner', 'market_operator'],
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function instrumentCount(): Promise<number> {
  return (await api.get<{ total: number }>('/api/v1/instruments')).total;
}

test('importing a CSV with a bad district code shows that row in the report and writes nothing', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, '/');
  await page.getByTestId('nav-import').click();
  await page.getByTestId('import-page').waitFor();
  assert.equal(await page.getByTestId('template-csv').getAttribute('href'), '/api/v1/imports/templates/instruments.csv');

  await page.getByTestId('import-file').setInputFiles({ name: 'instruments.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
  await page.getByTestId('import-start').click();

  const report = page.getByTestId('import-report');
  await report.waitFor();
  await expectText(page.getByTestId('import-failed'), '未写入任何数据');
  const rows = page.getByTestId('import-error-row');
  assert.equal(await rows.count(), 1);
  assert.equal(await rows.first().getAttribute('data-row'), '3');
  assert.match((await rows.first().textContent()) ?? '', /未知的区县代码/);
  assert.equal(await instrumentCount(), 0);

  // The report follows the language switch.
  await page.getByTestId('lang-en').click();
  await expectText(rows.first(), 'Unknown district code');
  await expectText(page.getByTestId('import-failed'), 'nothing was written');
  await page.getByTestId('lang-zh').click();
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});

test('with 仅导入有效行 the valid row is written and the bad one reported', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, '/import');
  await page.getByTestId('import-file').setInputFiles({ name: 'instruments.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
  await page.getByTestId('import-valid-only').check();
  await page.getByTestId('import-start').click();
  await expectText(page.getByTestId('import-succeeded'), '已写入 1 行');
  const rows = page.getByTestId('import-error-row');
  assert.equal(await rows.count(), 1);
  assert.equal(await rows.first().getAttribute('data-row'), '3');
  assert.equal(await instrumentCount(), 1);
  await page.context().close();
});
