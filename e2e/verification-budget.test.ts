// An uncertainty budget recorded with a verification, through the UI: the drawer's optional
// 不确定度评定 section (the uncertainty page's editor) evaluates a two-input linear model live, a
// server problem under /uncertaintyBudget shows beside the section, and the stored record, its
// expanded 检定记录 row, its certificate and the certificate PDF carry the budget and its result.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { jsErrors, launchBrowser, newPage } from './support/browser.ts';
import { ApiClient, type Created } from './support/seed.ts';
import { startServer, type TestServer } from './support/server.ts';
import { eventually, expectNumber, expectText, signIn } from './support/ui.ts';
import { fillFirstItem, openVerificationDrawer, seedDispenser } from './support/verification.ts';
import { pdfPages } from '../test/support/pdf-text.ts';

let server: TestServer;
let browser: Browser;
let api: ApiClient;
let instrument: Created;

before(async () => {
  server = await startServer();
  api = new ApiClient(server.baseUrl, server.adminToken);
  instrument = await seedDispenser(api, 'ZX2026009101');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

interface GumQuantity {
  value: number;
  u: number;
  k: number;
  U: number;
  p: number;
  budget: Array<{ input: string; u: number }>;
}

interface StoredVerification {
  id: number;
  documentNo: string;
  uncertaintyBudget: { input: { model: string; inputs: Record<string, { value: number; u: number }>; p: number }; result: { outputs: Record<string, GumQuantity> } } | null;
}

test('record a verification with an uncertainty budget: live GUM result, server problems beside the section, stored and printed', async () => {
  const page = await newPage(browser, server.baseUrl);
  await signIn(page, server.admin.username, server.admin.password, `/instruments/${instrument.id}`);
  await page.getByTestId('instrument-detail-page').waitFor();

  const drawer = await openVerificationDrawer(page);
  await fillFirstItem(page, { error: '0.1', mpe: '0.3', unit: '%' });

  // The section is collapsed and attaches nothing until asked.
  const section = page.getByTestId('verification-budget');
  await expectText(section, '不确定度评定（可选）');
  assert.equal(await page.getByTestId('budget-add').count(), 0, 'collapsed');
  await page.getByTestId('budget-toggle').click();

  // A budget saved on the uncertainty page (下载 JSON) opens into the section; removed again, the
  // section offers both ways once more.
  const saved = { kind: 'gum', input: { model: 'x1 + x2', inputs: { x1: { value: 0.1, u: 0.03 }, x2: { value: 0.02, u: 0.04 } }, p: 0.95, dofPolicy: 'truncate' }, result: {} };
  await page.getByTestId('budget-open-saved').setInputFiles({ name: 'uncertainty-gum.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
  await expectNumber(page.getByTestId('budget-result'), 'gum-u', 0.05, 1e-6);
  await page.getByTestId('budget-remove').click();
  await page.getByTestId('budget-add').click();

  // y = x1 + x2 with u(x1) = 0.03 and u(x2) = 0.04: u = 0.05, k = 1.96 (ν_eff = ∞, p = 0.95), U = 0.098.
  await section.getByTestId('gum-model').fill('x1 + x2');
  await section.getByTestId('input-value-x1').fill('0.1');
  await section.getByTestId('input-u-x1').fill('0.03');
  await section.getByTestId('input-add').click();
  await section.getByTestId('input-value-x2').fill('0.02');
  await section.getByTestId('input-u-x2').fill('0.04');
  await expectNumber(page.getByTestId('budget-result'), 'gum-u', 0.05, 1e-6);
  await expectNumber(page.getByTestId('budget-result'), 'gum-k', 1.96, 0.005);
  await expectNumber(page.getByTestId('budget-result'), 'gum-U', 0.098, 0.0005);
  await expectNumber(page.getByTestId('budget-result'), 'gum-y', 0.12, 1e-6);
  await expectText(page.getByTestId('budget-attached'), 'U = 0.098');

  // A budget the server refuses (the model is broken on the way): its problem shows beside the
  // section, pointing into the budget, and the drawer stays open.
  const pattern = '**/api/v1/instruments/*/verifications';
  let sent: { uncertaintyBudget?: { model: string; inputs: Record<string, unknown>; p: number; dofPolicy: string } } | undefined;
  await page.route(pattern, async (route) => {
    sent = route.request().postDataJSON() as typeof sent;
    await route.continue({ postData: JSON.stringify({ ...sent, uncertaintyBudget: { ...sent!.uncertaintyBudget, model: 'x1 + (' } }) });
  });
  await page.getByTestId('verification-submit').click();
  const problems = page.getByTestId('budget-server-problems');
  await expectText(problems, '/uncertaintyBudget/model');
  assert.equal(await drawer.isVisible(), true, 'the drawer stays open');
  assert.deepEqual(sent?.uncertaintyBudget, {
    model: 'x1 + x2',
    inputs: { x1: { value: 0.1, u: 0.03 }, x2: { value: 0.02, u: 0.04 } },
    p: 0.95,
    dofPolicy: 'truncate',
  });
  // The notification gives the problem's message but leaves the budget's pointers to the section.
  const notification = page.getByTestId('error-notification');
  await expectText(notification, '输入数据未通过校验');
  assert.doesNotMatch((await notification.textContent()) ?? '', /uncertaintyBudget/);
  await page.unroute(pattern);

  await page.getByTestId('verification-submit').click();
  await drawer.waitFor({ state: 'hidden' });

  // The API has the record with its budget and the server's own GUM result.
  const detail = await api.get<{ verifications: StoredVerification[] }>(`/api/v1/instruments/${instrument.id}`);
  assert.equal(detail.verifications.length, 1);
  const verification = detail.verifications[0]!;
  const budget = verification.uncertaintyBudget;
  assert.ok(budget, 'the verification carries its budget');
  assert.equal(budget.input.model, 'x1 + x2');
  assert.deepEqual(budget.input.inputs, { x1: { value: 0.1, u: 0.03 }, x2: { value: 0.02, u: 0.04 } });
  const y = Object.values(budget.result.outputs)[0]!;
  assert.ok(Math.abs(y.u - 0.05) < 1e-12, `u = ${y.u}`);
  assert.ok(Math.abs(y.U - 1.959963984540054 * 0.05) < 1e-6, `U = ${y.U}`);
  assert.deepEqual(
    y.budget.map((b) => b.input),
    ['x1', 'x2'],
  );

  // The 检定记录 row, expanded, shows the recorded budget and its result.
  await page.getByTestId('tab-verifications').click();
  await page.getByTestId('verification-row').first().locator('.ant-table-row-expand-icon').click();
  const recorded = page.getByTestId('verification-budget-record');
  await expectText(recorded, '测量不确定度评定');
  await expectText(recorded.getByTestId('verification-budget-model'), 'x1 + x2');
  await expectText(recorded.getByTestId('gum-u'), '0.05');

  // Issued in the UI, the certificate PDF prints the budget.
  const cell = page.getByTestId('verification-row').first().getByTestId('certificate-cell');
  await cell.getByTestId('certificate-issue').click();
  await page.getByTestId('confirm-issue').click();
  await eventually('the certificate is issued', async () => (await cell.getAttribute('data-status')) === 'valid');
  const pdf = Buffer.from(await (await fetch(`${server.baseUrl}/api/v1/public/certificates/${verification.documentNo}.pdf`)).arrayBuffer());
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const text = pdfPages(pdf).join('\n');
  assert.match(text, /测量不确定度评定/);
  assert.match(text, /x1 \+ x2/);
  assert.match(text, /u = 0\.05/);

  assert.deepEqual(jsErrors(page), []);
  await page.context().close();
});
