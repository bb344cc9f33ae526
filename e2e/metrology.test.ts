// 计量服务 pages: the uncertainty budget (GUM H.1), the conformance calculator and the SPC chart,
// computed by the real server's metrology engine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { jsErrors, launchBrowser, newPage } from './support/browser.ts';
import { startServer, type TestServer } from './support/server.ts';
import { eventually, expectNumber, expectText, signIn } from './support/ui.ts';

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('不确定度评定: the GUM H.1 preset gives u ≈ 31.66 nm and U99 ≈ 92.5 nm with k = 2.92, and follows edits', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, '/');
  await page.getByTestId('nav-uncertainty').click();
  await page.getByTestId('uncertainty-page').waitFor();
  assert.equal(await page.getByTestId('page-title').textContent(), '不确定度评定');

  await page.getByTestId('preset-h1').click();
  await expectNumber(page, 'gum-u', 31.66, 0.01);
  await expectNumber(page, 'gum-U', 92.5, 0.5);
  await expectNumber(page, 'gum-k', 2.92, 0.005);
  await expectNumber(page, 'gum-dof', 16.75, 0.01);
  await expectNumber(page, 'gum-y', 50000838.6, 0.5);
  await page.getByTestId('budget-chart').waitFor();
  // The table view of the budget: δθ contributes |c|·u = 575.007 × 0.0289 = 16.60 nm.
  await page.getByTestId('budget-view-switch').getByText('表格').click();
  await expectText(page.getByTestId('budget-table').locator('tr', { hasText: 'delta_theta' }), '16.60');

  // 导出 Excel: the server's workbook of the same input arrives as a download.
  const downloading = page.waitForEvent('download');
  await expectText(page.getByTestId('download-xlsx'), '导出 Excel');
  await page.getByTestId('download-xlsx').click();
  const download = await downloading;
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  const bytes = await readFile((await download.path())!);
  assert.ok(bytes.length > 1000, `workbook of ${bytes.length} bytes`);
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');

  // 下载 PDF: the server's PDF report of the same input.
  const pdfDownloading = page.waitForEvent('download');
  await expectText(page.getByTestId('download-pdf'), '下载 PDF');
  await page.getByTestId('download-pdf').click();
  const pdf = await pdfDownloading;
  assert.match(pdf.suggestedFilename(), /\.pdf$/);
  assert.equal((await readFile((await pdf.path())!)).subarray(0, 5).toString('latin1'), '%PDF-');

  // 下载 JSON, then open it again over another preset: the editor gets the H.1 budget back.
  const jsonDownloading = page.waitForEvent('download');
  await page.getByTestId('download-json').click();
  const saved = await readFile((await (await jsonDownloading).path())!);
  await page.getByTestId('preset-resistance').click();
  await eventually('the resistance preset evaluated', async () => {
    const shown = Number(((await page.getByTestId('gum-u').first().textContent()) ?? '').replace(/[^0-9eE+.-]/g, ''));
    return Number.isFinite(shown) && Math.abs(shown - 31.66) > 1;
  });
  await page.getByTestId('open-saved').setInputFiles({ name: 'uncertainty-gum.json', mimeType: 'application/json', buffer: saved });
  await expectNumber(page, 'gum-u', 31.66, 0.01);
  await expectNumber(page, 'gum-k', 2.92, 0.005);
  // A file that is not a saved evaluation is refused with a message; the editor keeps its budget.
  await page.getByTestId('open-saved').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"spc","input":{}}') });
  await expectText(page.locator('.ant-message'), '不是在本页下载的不确定度评定 JSON');
  await expectNumber(page, 'gum-u', 31.66, 0.01);

  // Doubling u(l_s) from 25 to 50 nm raises u_c to about 53.5 nm.
  await page.getByTestId('input-u-l_s').fill('50');
  const u = await expectNumber(page, 'gum-u', Math.sqrt(31.6639 ** 2 - 25 ** 2 + 50 ** 2), 0.05);
  assert.ok(u > 50);

  // Monte Carlo on demand.
  await page.getByTestId('mcm-run').click();
  await expectNumber(page, 'mcm-u', u, 5);
  await page.getByTestId('mcm-interval-chart').waitFor();
  await page.getByTestId('mcm-download-pdf').waitFor(); // the run's own Excel and PDF downloads
  // The histogram of the output distribution, and its table of bins.
  await page.getByTestId('mcm-histogram-chart').waitFor();
  await page.getByTestId('mcm-histogram-view-switch').getByText('表格').click();
  const bins = page.getByTestId('mcm-histogram-table').locator('tbody tr.ant-table-row');
  await eventually('histogram table rows', async () => (await bins.count()) >= 10);
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});

test('invalid input shows the server’s field problems inline', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, '/metrology/uncertainty');
  await page.getByTestId('gum-u').waitFor();
  await page.getByTestId('gum-model').fill('V / I *');
  const problems = page.getByTestId('calculation-problems');
  await expectText(problems, '/model');
  await page.getByTestId('gum-model').fill('V / I * 1000');
  await problems.waitFor({ state: 'detached' });
  await expectNumber(page, 'gum-y', 254.26, 0.01);
  await page.context().close();
});

test('符合性判定: case 06 is accepted with pc = 0.9772', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, '/metrology/conformance');
  await page.getByTestId('preset-centred').click();
  await expectNumber(page, 'conf-pc', 0.9876, 0.0001);
  await page.getByTestId('preset-near-limit').click();
  await expectText(page.getByTestId('conf-decision'), '接受');
  await expectNumber(page, 'conf-pc', 0.9772, 0.0001);
  await expectNumber(page, 'conf-specific-risk', 0.02275, 0.00001);
  await page.getByTestId('conformance-chart').waitFor();

  // A guard band of 2u puts the upper acceptance limit at 9.8; with 3u (9.7) the result is rejected.
  await page.getByTestId('conf-rule-guarded').click();
  await expectText(page.getByTestId('conf-acceptance'), '9.80000]');
  await expectText(page.getByTestId('conf-decision'), '接受');
  await page.getByTestId('conf-k').fill('3');
  await expectText(page.getByTestId('conf-acceptance'), '9.70000]');
  await expectText(page.getByTestId('conf-decision'), '拒绝');
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});

test('统计过程控制: the piston-ring preset draws X̄ and R charts with Cp ≈ 1.70', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, '/metrology/spc');
  await page.getByTestId('preset-piston-rings').click();
  await expectNumber(page, 'spc-cp', 1.7, 0.01);
  await expectNumber(page, 'spc-cpk', 1.66, 0.01);
  await expectNumber(page, 'spc-center', 74.00118, 0.00001);
  await page.getByTestId('spc-chart').waitFor();
  await page.getByTestId('spc-range-chart').waitFor();
  await expectText(page.getByTestId('spc-flagged'), '受控');
  await page.getByTestId('spc-location-view-switch').getByText('表格').click();
  await expectText(page.getByTestId('spc-table'), '74.0102');
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});

test('测量系统分析: the AIAG example gives %GRR 26.68 and ndc 5 (average and range), ndc 4 (ANOVA)', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, '/metrology/grr');
  await page.getByTestId('preset-aiag-xbar-r').click();
  await expectNumber(page, 'grr-pct', 26.68, 0.01);
  await expectText(page.getByTestId('grr-ndc'), '5');
  await page.getByTestId('preset-aiag-anova').click();
  await expectNumber(page, 'grr-pct', 27.86, 0.01);
  await expectText(page.getByTestId('grr-ndc'), '4');
  await page.getByTestId('grr-chart').waitFor();
  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});
