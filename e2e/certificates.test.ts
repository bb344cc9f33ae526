// Certificates end to end: a platform administrator records a passing verification and issues its
// certificate from the instrument page; the PDF downloads; a visitor without a session opens the QR
// code's URL and sees 有效 with the signature checked in the browser; after an amendment that token
// is 已被替代; after a revocation in the UI (which asks for the password again) the page says 已撤销,
// and with the network cut it still does — after a reload, from the service worker's copy of the
// page and the keys and signed revocation list it cached.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { jsErrors, launchBrowser, newPage } from './support/browser.ts';
import { ApiClient, type Created } from './support/seed.ts';
import { startServer, type TestServer } from './support/server.ts';
import { eventually, expectText, signIn } from './support/ui.ts';
import { INSTITUTE_NAME, recordVerification, seedDispenser } from './support/verification.ts';

let server: TestServer;
let browser: Browser;
let instrument: Created;

const SERIAL_NO = 'ZX2026007001';

before(async () => {
  server = await startServer();
  const api = new ApiClient(server.baseUrl, server.adminToken);
  instrument = await seedDispenser(api, SERIAL_NO);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

interface PublicView {
  readonly certificateNo: string;
  readonly status: string;
  readonly qr: string;
}

async function publicView(no: string): Promise<PublicView> {
  const response = await fetch(`${server.baseUrl}/api/v1/public/certificates/${no}`);
  assert.equal(response.status, 200);
  return (await response.json()) as PublicView;
}

const attr = (page: Page, testId: string, name: string) => page.getByTestId(testId).first().getAttribute(name);

test('issue a certificate, download its PDF, verify it publicly, amend and revoke it, and verify offline', async () => {
  // 1. Record a passing verification and issue its certificate, all in the signed-in UI.
  const page = await newPage(browser, server.baseUrl);
  // The table shows each certificate from the instrument detail: no request per row.
  const certificateReads: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname.startsWith('/api/v1/certificates/')) certificateReads.push(request.url());
  });
  await signIn(page, server.admin.username, server.admin.password, `/instruments/${instrument.id}`);
  await page.getByTestId('instrument-detail-page').waitFor();
  await recordVerification(page, '0.1', 'pass');
  await page.getByTestId('tab-verifications').click();
  const row = page.getByTestId('verification-row').first();
  await row.waitFor();
  const no = (await row.getAttribute('data-document-no')) ?? '';
  assert.match(no, /^J\d{4}-\d{4}-\d{6}$/);
  const cell = row.getByTestId('certificate-cell');
  await expectText(cell.getByTestId('certificate-status'), '未签发');
  await cell.getByTestId('certificate-issue').click();
  await page.getByTestId('confirm-issue').click();
  await eventually('the certificate is issued', async () => (await cell.getAttribute('data-status')) === 'valid');
  await expectText(cell.getByTestId('certificate-status'), '有效');
  assert.equal(await cell.getAttribute('data-version'), '1');

  // 2. The PDF link downloads the certificate.
  const [download] = await Promise.all([page.waitForEvent('download'), cell.getByTestId('certificate-pdf').click()]);
  assert.equal(download.suggestedFilename(), `${no}.pdf`);
  const pdf = await readFile(await download.path());
  assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
  assert.ok(pdf.length > 10 * 1024, `the PDF has ${pdf.length} bytes`);

  // 3. A visitor without a session opens the QR code's URL. (The QR names the configured public
  //    URL; the test server listens on another port, so only its path and fragment are kept.)
  const view = await publicView(no);
  const qr = new URL(view.qr);
  assert.equal(qr.pathname, '/v');
  assert.match(qr.hash, /^#JL1:/);
  const visitor = await newPage(browser, server.baseUrl);
  assert.deepEqual(await visitor.context().cookies(), []);
  const requested: string[] = [];
  visitor.on('request', (request) => requested.push(request.url()));
  await visitor.goto(`${qr.pathname}${qr.hash}`);
  await visitor.getByTestId('public-verify-page').waitFor();
  await eventually('the verdict 有效', async () => (await attr(visitor, 'verdict', 'data-verdict')) === 'valid');
  await expectText(visitor.getByTestId('verdict-label'), '有效');
  await expectText(visitor.getByTestId('verdict-certificate-no'), no);
  assert.equal(await attr(visitor, 'signature-check', 'data-state'), 'valid');
  await expectText(visitor.getByTestId('signature-text'), '签名有效');
  assert.equal(await attr(visitor, 'verify-mode', 'data-mode'), 'online');
  await expectText(visitor.getByTestId('field-serialNo'), SERIAL_NO);
  await expectText(visitor.getByTestId('field-owner'), '重庆渝北加油站有限公司');
  await expectText(visitor.getByTestId('field-institution'), INSTITUTE_NAME);
  await expectText(visitor.getByTestId('field-conclusion'), '合格');
  assert.equal(await visitor.getByTestId('history-action').count(), 1);
  assert.equal(await visitor.getByTestId('download-pdf').getAttribute('href'), `/api/v1/public/certificates/${no}.pdf`);
  assert.equal(await visitor.getByTestId('download-proof').getAttribute('href'), `/api/v1/public/certificates/${no}/proof`);
  // Nothing of the signed-in app: no session check, no antd or ECharts chunk.
  assert.ok(!requested.some((url) => url.includes('/api/v1/auth/')), 'the public page does not ask for a session');
  assert.ok(!requested.some((url) => /\/assets\/(antd|echarts|App)-/.test(url)), `the public page loads only its own chunks: ${requested.join(' ')}`);
  assert.equal(await visitor.getByTestId('login-page').count(), 0);

  // 4. An amendment issues version 2: the scanned token (version 1) is now 已被替代.
  await cell.getByTestId('certificate-amend').click();
  await page.getByTestId('certificate-reason').fill('使用单位名称更正');
  await page.getByTestId('certificate-amend-submit').click();
  await eventually('version 2', async () => (await cell.getAttribute('data-version')) === '2');
  await visitor.getByTestId('verify-again').click();
  await eventually('the verdict 已被替代', async () => (await attr(visitor, 'verdict', 'data-verdict')) === 'superseded');
  await expectText(visitor.getByTestId('verdict-label'), '已被替代');
  assert.equal(await visitor.getByTestId('history-version').count(), 2);

  // 5. Revoke in the signed-in UI — a sensitive action: with the last password proof older than
  //    five minutes the password is asked again — and the public page says 已撤销 on the next check.
  server.advanceClock(6 * 60_000);
  await cell.getByTestId('certificate-revoke').click();
  await page.getByTestId('certificate-reason').fill('检定原始记录有误，需重新检定');
  await page.getByTestId('certificate-revoke-submit').click();
  await expectText(page.getByTestId('reauth-modal'), '请再次输入密码');
  await page.getByTestId('reauth-password').fill(server.admin.password);
  await page.getByTestId('reauth-submit').click();
  await eventually('the certificate is revoked', async () => (await cell.getAttribute('data-status')) === 'revoked');
  await expectText(cell.getByTestId('certificate-status'), '已撤销');
  assert.equal(await cell.getByTestId('certificate-revoke').count(), 0, 'nothing to do after a revocation');
  assert.deepEqual(certificateReads, [], 'the certificate cell reads the instrument detail, not each certificate');
  assert.equal((await publicView(no)).status, 'revoked');

  await visitor.getByTestId('verify-again').click();
  await eventually('the verdict 已撤销', async () => (await attr(visitor, 'verdict', 'data-verdict')) === 'revoked');
  await expectText(visitor.getByTestId('verdict-label'), '已撤销');
  assert.equal(await attr(visitor, 'signature-check', 'data-state'), 'valid', 'the signature itself is still genuine');
  await expectText(visitor.getByTestId('field-revokeReason'), '检定原始记录有误');

  // 6. With the network cut, the page reloads from its service worker and verifies with the keys
  //    and the signed revocation list it cached.
  await visitor.locator('html[data-verify-offline="ready"]').waitFor({ state: 'attached' });
  await visitor.context().setOffline(true);
  assert.equal((await fetch(`${server.baseUrl}/api/v1/public/certificates/${no}`)).status, 200, 'the server itself is still up');
  const reloaded = await visitor.reload();
  assert.equal(reloaded?.fromServiceWorker(), true, 'the page comes from the service worker');
  await eventually('an offline verdict', async () => (await attr(visitor, 'verify-mode', 'data-mode')) === 'offline');
  assert.equal(await attr(visitor, 'verdict', 'data-verdict'), 'revoked');
  await expectText(visitor.getByTestId('offline-note'), /离线核验，撤销列表截至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  assert.equal(await attr(visitor, 'signature-check', 'data-state'), 'valid');
  await visitor.getByTestId('lang-en').click();
  await expectText(visitor.getByTestId('verdict-label'), 'Revoked');
  await expectText(visitor.getByTestId('offline-note'), 'Offline verdict; revocation list as of');
  await visitor.getByTestId('lang-zh').click();
  // "Verify again" without a network gives the same offline verdict.
  await visitor.getByTestId('verify-again').click();
  await eventually('the offline verdict again', async () => (await attr(visitor, 'verify-mode', 'data-mode')) === 'offline');
  assert.equal(await attr(visitor, 'verdict', 'data-verdict'), 'revoked');

  assert.deepEqual(jsErrors(page), []);
  assert.deepEqual(jsErrors(visitor), []);
  await visitor.context().close();
  await page.context().close();
});

test('unknown and malformed numbers say 未知; lookups by number, QR text and registry number', async () => {
  const visitor = await newPage(browser, server.baseUrl);
  await visitor.goto('/v/J2026-9999-999999');
  await eventually('未知 for an unknown number', async () => (await attr(visitor, 'verdict', 'data-verdict')) === 'unknown');
  await expectText(visitor.getByTestId('verdict-label'), '未知');
  await expectText(visitor.getByTestId('verdict'), '系统中没有该证书');

  await visitor.goto('/v/not-a-number');
  await eventually('未知 for a malformed number', async () => (await attr(visitor, 'verdict', 'data-verdict')) === 'unknown');

  // A tampered token fails the signature check in the browser: 无效.
  const [certificate] = (await (await fetch(`${server.baseUrl}/api/v1/public/certificates?instrumentId=${instrument.id}`)).json()) as PublicView[];
  assert.ok(certificate);
  const token = new URL(certificate.qr).hash;
  const tampered = token.slice(0, -6) + (token.at(-6) === 'A' ? 'B' : 'A') + token.slice(-5);
  await visitor.goto(`/v${tampered}`);
  await eventually('无效 for a tampered token', async () => (await attr(visitor, 'verdict', 'data-verdict')) === 'invalid');
  assert.equal(await attr(visitor, 'signature-check', 'data-state'), 'invalid');

  // The lookup field takes a certificate number…
  await visitor.getByTestId('lookup-text').fill(certificate.certificateNo);
  await visitor.getByTestId('lookup-submit').click();
  await eventually('the looked-up certificate', async () => (await attr(visitor, 'verdict', 'data-verdict')) === 'revoked');
  assert.match(visitor.url(), new RegExp(`/v/${certificate.certificateNo}$`));
  // …or pasted QR text, and the registry number lists the instrument's certificates.
  await visitor.getByTestId('lookup-text').fill('not a certificate');
  await visitor.getByTestId('lookup-submit').click();
  await expectText(visitor.getByTestId('lookup-error'), '请输入证书编号');
  await visitor.getByTestId('lookup-instrument').fill(String(instrument.id));
  await visitor.getByTestId('lookup-instrument-submit').click();
  await expectText(visitor.getByTestId('instrument-certificate'), certificate.certificateNo);
  await expectText(visitor.getByTestId('instrument-certificate'), '已撤销');
  await visitor.getByTestId('lookup-text').fill(certificate.qr);
  await visitor.getByTestId('lookup-submit').click();
  await eventually('the pasted QR text', async () => (await attr(visitor, 'verdict', 'data-verdict')) === 'revoked');
  assert.match(new URL(visitor.url()).hash, /^#JL1:/);
  assert.deepEqual(jsErrors(visitor), []);
  await visitor.context().close();
});
