// Sticker-label sheets (issue 4): an A4 PDF, 3 × 8 labels a page, for every certificate an
// institution issued for verifications performed on one date — the latest version of each, revoked
// ones left out — with the certificate's signed QR code drawn module for module.
// pdftotext and pdftoppm (poppler-utils) are hard requirements, as for the certificate exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { describeEachDialect, SYSTEM } from '../support/dialects.ts';
import { instrumentInput, organizationInput, seedOrganizations, USCC, verificationInput } from '../support/fixtures.ts';
import { testApp } from '../support/http.ts';
import { pdfPages } from '../support/pdf-text.ts';
import { labelQrArea, LABELS_PER_PAGE, renderLabelSheet, type Label } from '../../src/services/certificates/label-sheet.ts';
import { AppError } from '../../src/domain/errors.ts';

const DAY = '2026-06-01';
const OTHER_DAY = '2026-06-02';

const work = mkdtempSync(join(tmpdir(), 'jiliang-labels-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
let files = 0;

function tool(command: string, args: readonly string[]) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') assert.fail(`${command} is not installed: apt-get install poppler-utils`);
  if (result.error) throw result.error;
  assert.equal(result.status, 0, result.stderr);
  return result;
}

function save(pdf: Buffer): string {
  const file = join(work, `sheet-${++files}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** The dark modules read back from the rendered first page at the QR area of a slot, compared with the symbol of `text`. */
function qrMatches(pdf: Buffer, slot: number, text: string): boolean {
  const dpi = 600;
  const px = (pt: number) => Math.round((pt * dpi) / 72);
  const area = labelQrArea(slot);
  const out = join(work, `qr-${++files}`);
  tool('pdftoppm', ['-gray', '-r', String(dpi), '-f', '1', '-l', '1', '-x', String(px(area.x)), '-y', String(px(area.y)), '-W', String(px(area.size)), '-H', String(px(area.size)), '-singlefile', save(pdf), out]);
  const pgm = readFileSync(`${out}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 50));
  assert.ok(header, 'pdftoppm wrote a binary PGM');
  const width = Number(header[1]);
  const pixels = pgm.subarray(header[0].length);
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'Q' });
  const unit = (area.size * dpi) / 72 / (modules.size + 2 * area.quietZone);
  for (let row = -area.quietZone; row < modules.size + area.quietZone; row++) {
    for (let col = -area.quietZone; col < modules.size + area.quietZone; col++) {
      const x = Math.floor((col + area.quietZone + 0.5) * unit);
      const y = Math.floor((row + area.quietZone + 0.5) * unit);
      const dark = (pixels[y * width + x] ?? 255) < 128;
      const inside = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
      if (dark !== (inside && modules.get(row, col) === 1)) return false;
    }
  }
  return true;
}

describeEachDialect('label sheets', (ctx) => {
  let institutionId = 0;
  let otherInstitutionId = 0;
  const onSheet: string[] = [];
  let revokedNo = '';
  let amendedNo = '';
  let otherInstitutionNo = '';

  const issue = async (ownerId: number, institution: number, serialNo: string, overrides: Record<string, unknown> = {}) => {
    const instrument = await ctx().instruments.register(SYSTEM, instrumentInput(ownerId, { serialNo }));
    const verification = await ctx().verifications.record(SYSTEM, instrument.id, verificationInput(institution, { verifiedOn: DAY, ...overrides }));
    return (await ctx().certificates.issue(SYSTEM, verification.id)).certificateNo;
  };

  test('set up: 31 certificates of one institute on one day (one amended, one revoked, three failed), one of another institute', async () => {
    const orgs = await seedOrganizations(ctx());
    institutionId = orgs.institutionId;
    otherInstitutionId = (await ctx().organizations.register(SYSTEM, organizationInput({ uscc: USCC.other1, name: '另一检定机构', roles: ['verification_institute'] }))).id;
    for (let i = 0; i < 31; i++) {
      const failed = i % 10 === 9;
      const no = await issue(orgs.ownerId, institutionId, `LBL-${String(i).padStart(3, '0')}`, failed ? { conclusion: 'fail', items: [{ name: 'x', error: 12, mpe: 10 }] } : {});
      onSheet.push(no);
    }
    amendedNo = onSheet[1]!;
    await ctx().certificates.amend(SYSTEM, amendedNo, { reason: '更正' });
    revokedNo = onSheet.splice(2, 1)[0]!;
    await ctx().certificates.revoke(SYSTEM, revokedNo, { reason: '数据有误' });
    otherInstitutionNo = await issue(orgs.ownerId, otherInstitutionId, 'LBL-OTHER');
    onSheet.sort();
    assert.equal(onSheet.length, 30);
  });

  test('30 labels: two A4 pages (24 + 6), every certificate number once, the revoked one and the other institute\'s absent', async () => {
    const pdf = await ctx().certificates.labelSheet(SYSTEM, institutionId, DAY);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const pages = pdfPages(pdf);
    assert.equal(pages.length, Math.ceil(30 / LABELS_PER_PAGE));
    assert.equal(pages.length, 2);
    const text = pages.join('\n');
    for (const no of onSheet) assert.equal(text.split(no).length - 1, 1, `${no} is on the sheet once`);
    assert.ok(!text.includes(revokedNo), 'a revoked certificate has no label');
    assert.ok(!text.includes(otherInstitutionNo), 'another institute\'s certificate has no label');
    // Labels follow certificate numbers: J… (passes) first, 24 on page 1, the rest on page 2.
    assert.ok(pages[0]!.includes(onSheet[23]!) && pages[1]!.includes(onSheet[24]!));
    assert.equal((text.match(/检定合格/g) ?? []).length, 27);
    assert.equal((text.match(/检定不合格/g) ?? []).length, 3);
    assert.equal((text.match(/有效期至/g) ?? []).length, 27);
    assert.match(pages[0]!, /出厂编号 LBL-000/);
    assert.match(pages[0]!, /重庆市计量质量检测研究院/);
    assert.match(pages[0]!, /第 1 页 共 2 页/);
  });

  test('each label carries the QR code of the latest version\'s signed QR text (error correction Q)', async () => {
    const pdf = await ctx().certificates.labelSheet(SYSTEM, institutionId, DAY);
    const first = (await ctx().certificates.publicView(onSheet[0]!)).qr;
    assert.ok(qrMatches(pdf, 0, first), 'slot 0 holds the first certificate\'s QR code');
    assert.ok(!qrMatches(pdf, 1, first), 'slot 1 holds another code');
    const amended = await ctx().certificates.publicView(amendedNo);
    assert.equal(amended.version, 2);
    const slot = onSheet.indexOf(amendedNo);
    assert.ok(slot >= 0 && slot < LABELS_PER_PAGE);
    assert.ok(qrMatches(pdf, slot, amended.qr), 'the amended certificate\'s label has version 2\'s code');
  });

  test('the same certificates give the same bytes', async () => {
    const a = await ctx().certificates.labelSheet(SYSTEM, institutionId, DAY);
    const b = await ctx().certificates.labelSheet(SYSTEM, institutionId, DAY);
    assert.ok(a.equals(b));
  });

  test('a day without certificates: one page saying 当日无证书', async () => {
    const pages = pdfPages(await ctx().certificates.labelSheet(SYSTEM, institutionId, OTHER_DAY));
    assert.equal(pages.length, 1);
    assert.match(pages[0]!, /当日无证书/);
    assert.match(pages[0]!, /2026-06-02/);
  });

  test('an invalid date is a validation error; an unknown institution is not found', async () => {
    const bad = await ctx().certificates.labelSheet(SYSTEM, institutionId, '2026-02-30').catch((e) => e);
    assert.ok(bad instanceof AppError);
    assert.equal(bad.code, 'JL_ERR_VALIDATION');
    const unknown = await ctx().certificates.labelSheet(SYSTEM, 999_999, DAY).catch((e) => e);
    assert.ok(unknown instanceof AppError);
    assert.equal(unknown.code, 'JL_ERR_NOT_FOUND');
  });

  test('GET /api/v1/institutions/:id/labels.pdf answers a PDF attachment; a malformed date 400/422', async () => {
    const app = await testApp(ctx());
    try {
      const res = await app.inject({ method: 'GET', url: `/api/v1/institutions/${institutionId}/labels.pdf?date=${DAY}` });
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.match(String(res.headers['content-disposition']), new RegExp(`labels-${institutionId}-${DAY}\\.pdf`));
      assert.equal(pdfPages(res.rawPayload).length, 2);
      const bad = await app.inject({ method: 'GET', url: `/api/v1/institutions/${institutionId}/labels.pdf?date=June` });
      assert.ok([400, 422].includes(bad.statusCode), `${bad.statusCode}`);
      const missing = await app.inject({ method: 'GET', url: `/api/v1/institutions/${institutionId}/labels.pdf` });
      assert.ok([400, 422].includes(missing.statusCode), `${missing.statusCode}`);
    } finally {
      await app.close();
    }
  });
});

test('renderLabelSheet: long texts are shrunk or cut, never run into the next label', async () => {
  const label: Label = {
    certificateNo: 'J2026-0002-000001',
    kind: 'certificate',
    qrText: `http://127.0.0.1:8080/v#JL1:${'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(16)}`,
    serialNo: 'A-VERY-LONG-SERIAL-NUMBER-THAT-DOES-NOT-FIT-0123456789',
    categoryName: '燃油加油机（税控加油机及其附属计量装置，含油气回收系统）',
    verifiedOn: DAY,
    validUntil: null,
    institution: '某省某市某区某某某某某某计量检定测试研究院有限责任公司第二分公司',
  };
  const pdf = await renderLabelSheet([label], { date: DAY, institution: '测试', createdAt: new Date('2026-06-01T00:00:00Z') });
  const text = pdfPages(pdf)[0]!;
  assert.match(text, /J2026-0002-000001/);
  assert.match(text, /…/);
  assert.match(text, /检定日期 2026-06-01/, 'a pass without a cycle shows its verification date');
  assert.ok(qrMatches(pdf, 0, label.qrText));
});
