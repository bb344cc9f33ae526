// Certificate exports (issue 4): the PDF (JJF 1002 Annex G layout, Chinese font embedded) and the
// PTB DCC v3.2.0 XML, which must validate against ../shared/testdata/dcc/dcc_3_2_0.xsd with xmllint.
// xmllint (Debian libxml2-utils) and pdftotext (poppler-utils) are hard requirements: .ci/run
// installs both; a missing tool fails the test with the package to install.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CertificateDocument } from '../../src/domain/certificates/certificate-document.ts';
import { renderCertificateDcc } from '../../src/services/certificates/certificate-dcc.ts';
import { cjkFontDirectory, renderCertificatePdf } from '../../src/services/certificates/certificate-pdf.ts';
import { chinaDate, formatMpe, formatNumber, formatSigned, itemAccepted, sanitizeText } from '../../src/services/certificates/certificate-text.ts';
import { DSI_EXAMPLES, toDsiUnit } from '../../src/services/certificates/dsi-units.ts';
import { el, escapeAttr, escapeText, serializeXml } from '../../src/services/certificates/xml.ts';
import { pdfPages } from '../support/pdf-text.ts';
import { failedNotice, longCertificate, minimalDocument, oddCharacters, passCertificate, QR_PNG, withUncertainty } from '../fixtures/certificates/documents.ts';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const DCC_DIR = resolve(ROOT, '../shared/testdata/dcc');
const FIXTURES: Record<string, CertificateDocument> = { passCertificate, failedNotice, withUncertainty, oddCharacters, longCertificate, minimalDocument };

const work = mkdtempSync(join(tmpdir(), 'jiliang-cert-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

function tool(command: string, args: readonly string[], pkg: string, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    assert.fail(`${command} is not installed: apt-get install ${pkg} (.ci/run installs it)`);
  }
  if (result.error) throw result.error;
  return result;
}

/** xmllint schema validation, offline through the catalog, exactly as DESIGN §5 states it. */
function validateDcc(xml: string, name: string): { ok: boolean; output: string } {
  const file = join(work, `${name}.xml`);
  writeFileSync(file, xml);
  const result = tool('xmllint', ['--nonet', '--noout', '--schema', join(DCC_DIR, 'dcc_3_2_0.xsd'), file], 'libxml2-utils', {
    ...process.env,
    XML_CATALOG_FILES: join(DCC_DIR, 'catalog.xml'),
  });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** An XPath 1.0 value of the document (namespaces matched by local-name()). */
function xpath(xml: string, expression: string): string {
  const file = join(work, 'xpath.xml');
  writeFileSync(file, xml);
  const result = tool('xmllint', ['--nonet', '--xpath', expression, file], 'libxml2-utils');
  assert.equal(result.status, 0, `xpath ${expression}: ${result.stderr}`);
  return result.stdout.trim();
}

const X = (name: string) => `*[local-name()='${name}']`;

function pageCount(pdf: Buffer): number {
  const match = /\/Type \/Pages\s*\/Kids \[[^\]]*\]\s*\/Count (\d+)/.exec(pdf.toString('latin1')) ?? /\/Count (\d+)/.exec(pdf.toString('latin1'));
  assert.ok(match, 'no page tree /Count');
  return Number(match[1]);
}

const squash = (text: string) => text.replace(/\s+/g, '');

describe('certificate text helpers', () => {
  test('numbers print without binary noise; errors carry their sign; MPE symmetric or asymmetric', () => {
    assert.equal(formatNumber(0.1 + 0.2), '0.3');
    assert.equal(formatNumber(-0), '0');
    assert.equal(formatNumber(Number.NaN), '—');
    assert.equal(formatSigned(0.5), '+0.5');
    assert.equal(formatSigned(-0.25), '-0.25');
    assert.equal(formatSigned(0), '0');
    assert.equal(formatMpe(0.5), '±0.5');
    assert.equal(formatMpe({ lower: -4, upper: 1 }), '-4 ~ +1');
  });

  test('the decision rule verdict wins over the plain MPE comparison', () => {
    assert.equal(itemAccepted({ name: 'a', error: 0.4, mpe: 0.5 }), true);
    assert.equal(itemAccepted({ name: 'a', error: 0.6, mpe: 0.5 }), false);
    assert.equal(itemAccepted({ name: 'a', error: 0.4, mpe: 0.5, u: 0.1, decision: { rule: 'guarded', accept: false } }), false);
  });

  test('issue dates are China civil dates', () => {
    assert.equal(chinaDate('2025-03-14T15:59:59Z'), '2025-03-14');
    assert.equal(chinaDate('2025-03-14T16:00:00Z'), '2025-03-15');
  });

  test('sanitizeText drops what XML 1.0 cannot carry and keeps tab, LF, CR, CJK and emoji', () => {
    assert.equal(sanitizeText('a\u0000b\u0007c\u001Fd\u007F\u0085e\uFFFE\uFFFF\uD800f'), 'abcdef');
    assert.equal(sanitizeText('\t\n\r 检定 🚀 \uDBFF\uDFFF'), '\t\n\r 检定 🚀 \uDBFF\uDFFF');
  });
});

describe('XML writer', () => {
  test('escapes markup in text and attributes and drops control characters', () => {
    assert.equal(escapeText('a & b < c > d ]]> "e" \'f\''), 'a &amp; b &lt; c &gt; d ]]&gt; "e" \'f\'');
    assert.equal(escapeAttr('x"y\tz\n\r&<'), 'x&quot;y&#9;z&#10;&#13;&amp;&lt;');
    assert.equal(escapeText('bell\u0007 null\u0000 🚀'), 'bell null 🚀');
  });

  test('serializes nested elements, skips empty children and refuses names that are not names', () => {
    const xml = serializeXml(el('a:root', { 'xmlns:a': 'urn:x', skip: undefined }, el('a:b', null, 'x<y'), null, false, [el('a:c', { n: '1' })]));
    assert.equal(xml, '<?xml version="1.0" encoding="UTF-8"?>\n<a:root xmlns:a="urn:x">\n  <a:b>x&lt;y</a:b>\n  <a:c n="1"/>\n</a:root>\n');
    assert.throws(() => el('bad name', null));
    assert.throws(() => el('ok', { 'on"x': 'y' }));
  });
});

describe('D-SI unit mapping', () => {
  test('the documented table holds', () => {
    for (const [unit, dsi] of DSI_EXAMPLES) assert.deepEqual(toDsiUnit(unit), { kind: 'si', unit: dsi }, unit);
  });

  test('variants: micro sign, superscripts, carets, products, 1/x', () => {
    assert.deepEqual(toDsiUnit('µm'), { kind: 'si', unit: '\\micro\\metre' });
    assert.deepEqual(toDsiUnit('m^3/h'), { kind: 'si', unit: '\\metre\\tothe{3}\\hour\\tothe{-1}' });
    assert.deepEqual(toDsiUnit('m2'), { kind: 'si', unit: '\\metre\\tothe{2}' });
    assert.deepEqual(toDsiUnit('N·m'), { kind: 'si', unit: '\\newton\\metre' });
    assert.deepEqual(toDsiUnit('m/s²'), { kind: 'si', unit: '\\metre\\second\\tothe{-2}' });
    assert.deepEqual(toDsiUnit('1/min'), { kind: 'si', unit: '\\minute\\tothe{-1}' });
    assert.deepEqual(toDsiUnit('°C'), { kind: 'si', unit: '\\degreecelsius' });
    assert.deepEqual(toDsiUnit('cd'), { kind: 'si', unit: '\\candela' });
    assert.deepEqual(toDsiUnit('kΩ'), { kind: 'si', unit: '\\kilo\\ohm' });
  });

  test('mmHg and bar become hybrids with pascal; unknown units map to null', () => {
    assert.deepEqual(toDsiUnit('mmHg'), { kind: 'hybrid', unit: '\\mmHg', siUnit: '\\pascal', factor: 133.322387415 });
    for (const unit of [undefined, '', 'div', 'e', 'r/min', 'binary', '格', 'm/s/s', '‰', 'kgf']) assert.equal(toDsiUnit(unit), null, String(unit));
  });
});

describe('DCC XML export', () => {
  test('the validator rejects a broken document (the check below is not vacuous)', () => {
    const xml = renderCertificateDcc(passCertificate).replace(/<dcc:uniqueIdentifier>[^<]*<\/dcc:uniqueIdentifier>/, '');
    assert.equal(validateDcc(xml, 'broken').ok, false);
  });

  for (const [name, doc] of Object.entries(FIXTURES)) {
    test(`${name} validates against dcc_3_2_0.xsd`, () => {
      const { ok, output } = validateDcc(renderCertificateDcc(doc), name);
      assert.ok(ok, output);
    });
  }

  test('administrative data: core data, item, laboratory, signatories, customer, conformity', () => {
    const xml = renderCertificateDcc(passCertificate);
    assert.equal(xpath(xml, `string(//${X('coreData')}/${X('uniqueIdentifier')})`), 'CQJL-2025-000123-v1');
    assert.equal(xpath(xml, `string(//${X('countryCodeISO3166_1')})`), 'CN');
    assert.equal(xpath(xml, `count(//${X('usedLangCodeISO639_1')})`), '2');
    assert.equal(xpath(xml, `string(//${X('mandatoryLangCodeISO639_1')})`), 'zh');
    assert.equal(xpath(xml, `string(//${X('beginPerformanceDate')})`), '2025-03-13');
    assert.equal(xpath(xml, `string(//${X('endPerformanceDate')})`), '2025-03-13');
    assert.equal(xpath(xml, `string(//${X('performanceLocation')})`), 'customer');
    assert.equal(xpath(xml, `string(//${X('issueDate')})`), '2025-03-14');
    assert.equal(xpath(xml, `string(//${X('dccSoftware')}//${X('content')})`), 'Jiliang');
    assert.equal(xpath(xml, `string(//${X('coreData')}//${X('identification')}[${X('issuer')}='other']/${X('value')})`), '4211');
    assert.equal(xpath(xml, `string(//${X('item')}/${X('name')}/${X('content')}[@lang='en'])`), 'Electronic price computing scale');
    assert.equal(xpath(xml, `string(//${X('item')}/${X('name')}/${X('content')}[@lang='zh'])`), '电子计价秤');
    assert.equal(xpath(xml, `string(//${X('item')}/${X('model')})`), 'ACS-15');
    assert.equal(xpath(xml, `string(//${X('item')}//${X('identification')}[${X('issuer')}='manufacturer']/${X('value')})`), 'YS2024000123');
    assert.equal(xpath(xml, `string(//${X('calibrationLaboratoryCode')})`), '125000004500001712');
    assert.equal(xpath(xml, `string(//${X('respPerson')}[${X('mainSigner')}='true']//${X('content')})`), '张批准');
    assert.match(xpath(xml, `string(//${X('respPerson')}[1]/${X('role')})`), /检定员/);
    assert.equal(xpath(xml, `string(//${X('customer')}/${X('name')}/${X('content')})`), passCertificate.owner.name);
    assert.equal(xpath(xml, `string(//${X('statement')}[@refType='basic_conformity']/${X('conformity')})`), 'pass');
    assert.equal(xpath(xml, `string(//${X('statement')}[@refType='basic_recalibration']/${X('date')})`), '2026-03-12');
  });

  test('results: one per item, errors and MPE limits as D-SI reals, conformity per item', () => {
    const xml = renderCertificateDcc(failedNotice);
    assert.equal(xpath(xml, `count(//${X('results')}/${X('result')})`), String(failedNotice.items.length));
    assert.equal(xpath(xml, `string(//${X('statement')}[@refType='basic_conformity']/${X('conformity')})`), 'fail');
    assert.equal(xpath(xml, `count(//${X('statement')}[@refType='basic_recalibration'])`), '0');
    assert.equal(xpath(xml, `string(//${X('performanceLocation')})`), 'laboratory');
    const error = `//${X('result')}[2]//${X('quantity')}[@refType='basic_measurementError']`;
    assert.equal(xpath(xml, `string(${error}/${X('real')}/${X('value')})`), '0.031');
    assert.equal(xpath(xml, `string(${error}/${X('real')}/${X('unit')})`), '\\milli\\gram\\litre\\tothe{-1}');
    assert.equal(xpath(xml, `string(${error}//${X('metaData')}[@refType='basic_conformity']/${X('conformity')})`), 'fail');
    assert.equal(xpath(xml, `string(${error}//${X('quantity')}[@refType='basic_acceptanceLimitLower']//${X('value')})`), '-0.02');
    assert.equal(xpath(xml, `string(${error}//${X('quantity')}[@refType='basic_acceptanceLimitUpper']//${X('value')})`), '0.02');
    assert.equal(xpath(xml, `string(//${X('result')}[1]//${X('metaData')}[@refType='basic_conformity']/${X('conformity')})`), 'pass');
    assert.equal(xpath(xml, `string(//${X('result')}[4]//${X('quantity')}[@refType='basic_measurementError']/${X('real')}/${X('unit')})`), '\\percent');
    // Environment and standards.
    assert.equal(xpath(xml, `string(//${X('influenceCondition')}[@refType='basic_temperature']//${X('unit')})`), '\\degreecelsius');
    assert.equal(xpath(xml, `string(//${X('influenceCondition')}[@refType='basic_temperature']//${X('value')})`), '20.1');
    assert.equal(xpath(xml, `string(//${X('influenceCondition')}[@refType='basic_humidityRelative']//${X('unit')})`), '\\percent');
    assert.equal(xpath(xml, `count(//${X('measuringEquipment')}[@refType='basic_normalUsed'])`), '2');
    assert.match(xpath(xml, `string(//${X('usedMethod')}[1]/${X('norm')})`), /^JJG 657-2019/);
  });

  test('uncertainty, decisions, hybrids and the text fallback', () => {
    const xml = renderCertificateDcc(withUncertainty);
    const error = (n: number) => `//${X('result')}[${n}]//${X('quantity')}[@refType='basic_measurementError']`;
    // u = 0.004 MPa → U = 0.008 MPa, k = 2.
    assert.equal(xpath(xml, `string(${error(1)}/${X('real')}/${X('expandedUnc')}/${X('uncertainty')})`), '0.008');
    assert.equal(xpath(xml, `string(${error(1)}/${X('real')}/${X('expandedUnc')}/${X('coverageFactor')})`), '2');
    assert.equal(xpath(xml, `string(${error(1)}/${X('real')}/${X('unit')})`), '\\mega\\pascal');
    assert.equal(xpath(xml, `count(//${X('usedMethod')}[@refType='basic_uncertainty'])`), '1');
    // pc and specific risk as \one quantities.
    assert.equal(xpath(xml, `count(${error(2)}//${X('real')}[${X('unit')}='\\one'])`), '2');
    assert.equal(xpath(xml, `string(${error(2)}//${X('real')}[${X('unit')}='\\one'][1]/${X('value')})`), '0.8767');
    // Asymmetric MPE.
    assert.equal(xpath(xml, `string(${error(3)}//${X('quantity')}[@refType='basic_acceptanceLimitLower']//${X('value')})`), '0');
    // mmHg: hybrid with pascal first.
    assert.equal(xpath(xml, `string(${error(4)}/${X('hybrid')}/${X('real')}[1]/${X('unit')})`), '\\pascal');
    assert.equal(xpath(xml, `string(${error(4)}/${X('hybrid')}/${X('real')}[2]/${X('value')})`), '1.5');
    // 格 and no unit: text, still valid.
    assert.match(xpath(xml, `string(${error(5)}/${X('noQuantity')})`), /0\.3 格, U = 0\.2 格 \(k = 2\)/);
    assert.equal(xpath(xml, `string(${error(6)}/${X('noQuantity')})`), '0.1');
    // Superseded version: the amendment and the status are stated.
    assert.match(xml, /替代第 1 版/);
    assert.equal(xpath(xml, `count(//${X('statement')}[${X('valid')}='false'])`), '1');
  });

  test('odd characters are escaped or dropped, never break the document', () => {
    const xml = renderCertificateDcc(oddCharacters);
    assert.doesNotMatch(xml, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u);
    assert.doesNotMatch(xml, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u, 'lone surrogate');
    assert.equal(xpath(xml, `string(//${X('customer')}/${X('name')}/${X('content')})`), 'A&B <Trading> "Co." 🚀 有限公司');
    assert.equal(xpath(xml, `string(//${X('item')}//${X('identification')}[${X('issuer')}='manufacturer']/${X('value')})`), 'SN 001');
    assert.equal(xpath(xml, `string(//${X('item')}/${X('model')})`), ']]> CDATA');
    assert.equal(xpath(xml, `string(//${X('respPerson')}[1]//${X('content')})`), '王检定');
    assert.equal(xpath(xml, `count(//${X('statement')}[${X('valid')}='false'])`), '1');
  });

  test('rejects a document without an ISO verification date', () => {
    assert.throws(() => renderCertificateDcc({ ...passCertificate, verifiedOn: '13/03/2025' }), /verifiedOn/);
  });
});

describe('PDF export', () => {
  const cache = new Map<string, Promise<Buffer>>();
  const render = (name: string) => {
    let pdf = cache.get(name);
    if (!pdf) cache.set(name, (pdf = renderCertificatePdf(FIXTURES[name]!, { qrPng: QR_PNG })));
    return pdf;
  };

  test('the font comes from the npm package, resolved through module resolution', () => {
    const dir = cjkFontDirectory();
    assert.ok(existsSync(join(dir, 'NotoSansHans-Regular.otf')), dir);
    assert.ok(existsSync(join(dir, 'NotoSansHans-Bold.otf')), dir);
  });

  test('a PDF with the font embedded as a subset, the QR image and fixed dates', async () => {
    const pdf = await render('passCertificate');
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const bytes = pdf.toString('latin1');
    // assert.ok, not assert.match: a failure must not print the whole PDF.
    assert.ok(/%%EOF\s*$/.test(bytes), 'ends with %%EOF');
    assert.ok(/\/FontFile3? /.test(bytes), 'embedded font program');
    assert.ok(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/.test(bytes), 'regular face as a subset');
    assert.ok(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Bold/.test(bytes), 'bold face as a subset');
    assert.ok(/\/Subtype \/Image/.test(bytes), 'QR image');
    assert.ok(bytes.includes('(D:20250314023000Z)'), 'creation date from issuedAt');
    assert.ok(pdf.length < 400_000, `PDF is ${pdf.length} bytes`);
  });

  test('rendering is deterministic', async () => {
    const again = await renderCertificatePdf(passCertificate, { qrPng: QR_PNG });
    assert.ok(again.equals(await render('passCertificate')));
  });

  test('cover and inner page: title, number, parties, signatories, dates, QR caption, end mark', async () => {
    const pdf = await render('passCertificate');
    assert.equal(pageCount(pdf), 2);
    const pages = pdfPages(pdf);
    assert.equal(pages.length, 2);
    const [cover = '', inner = ''] = pages.map(squash);
    for (const expected of ['检定证书', 'VERIFICATIONCERTIFICATE', 'CQJL-2025-000123', '重庆市计量质量检测研究院', '重庆市渝中区示例农贸市场有限公司', '电子计价秤', 'ACS-15', 'YS2024000123', '上海友声衡器有限公司', '合格（准确度等级Ⅲ）', '张批准', '李核验', '王检定', '2025年03月13日', '有效期至', '2026年03月12日', '扫码核验/scantoverify', 'https://jiliang.example.cn/v/CQJL-2025-000123', '重庆市渝北区杨柳北路1号']) {
      assert.ok(cover.includes(expected), `cover lacks ${expected}`);
    }
    for (const expected of ['JJG539-2016《数字指示秤》', 'M1等级砝码组', 'CQBZ-2024-0456', '温度Temperature：21.5℃', '相对湿度Relativehumidity：56%', '称量示值误差（5kg）', '+2', '±5', '以下空白']) {
      assert.ok(inner.includes(expected), `inner page lacks ${expected}`);
    }
    pages.forEach((page, i) => assert.ok(squash(page).includes(`第${i + 1}页共2页`), `page ${i + 1} lacks its number`));
    assert.ok(pages.every((p) => squash(p).includes('未经本机构书面批准')), 'footer on every page');
    assert.ok(!/0\.984\d* 0\.913\d* 0\.905\d* sc/.test(await inflatedContent(pdf)), 'no row highlighted when every item passes');
  });

  test('a result notice lists and highlights its failed items', async () => {
    const pdf = await render('failedNotice');
    const text = squash(pdfPages(pdf).join('\n'));
    assert.ok(text.includes('检定结果通知书'));
    assert.ok(text.includes('CQJL-2025-000124'));
    assert.ok(text.includes('不合格项目'));
    assert.ok(text.includes('2.示值误差（0.400mg/L）：示值误差+0.031mg/L'), 'failed item 2 listed');
    assert.ok(text.includes('3.示值误差（0.800mg/L）：示值误差-0.05mg/L'), 'failed item 3 listed');
    assert.ok(!text.includes('1.示值误差（0.100mg/L）：'), 'passing item not listed');
    assert.ok(!squash(pdfPages(pdf)[0] ?? '').includes('有效期至'), 'a result notice has no valid-until on its cover');
    assert.ok(text.includes('是Yes'), 'adjusted flag');
    // The failed rows are filled with FAIL_BG #fbe9e7 (0.984 0.914 0.906 sc in the content stream).
    const content = await inflatedContent(pdf);
    assert.ok(/0\.984\d* 0\.913\d* 0\.905\d* sc/.test(content), 'failed rows filled');
  });

  test('uncertainty and decision columns; superseded watermark', async () => {
    const pdf = await render('withUncertainty');
    const text = squash(pdfPages(pdf).join('\n'));
    assert.ok(text.includes('U(k=2)'));
    assert.ok(text.includes('pc99.9%'), 'pc shown');
    assert.ok(text.includes('R12.3%'), 'specific risk shown');
    assert.ok(text.includes('0~+0.0256'), 'asymmetric MPE');
    assert.ok(text.includes('第2版'));
    const raw = pdfPages(pdf, { raw: true });
    assert.ok(raw.every((p) => p.includes('SUPERSEDED')), 'watermark on every page');
  });

  test('odd characters render; the revoked watermark shows', async () => {
    const pdf = await render('oddCharacters');
    const text = pdfPages(pdf).join('\n');
    assert.ok(text.includes('A&B <Trading> "Co."'), 'markup characters kept as text');
    assert.ok(text.includes('王检定'), 'control character dropped');
    const raw = pdfPages(pdf, { raw: true });
    assert.ok(raw.every((p) => p.includes('REVOKED')), 'watermark on every page');
  });

  test('a minimal document (no items, standards or conditions) still renders a cover and an inner page', async () => {
    const pdf = await render('minimalDocument');
    assert.equal(pageCount(pdf), 2);
    const text = squash(pdfPages(pdf).join('\n'));
    assert.ok(text.includes('CQJL-2025-000500') && text.includes('以下空白'));
  });

  test('an image that is not a PNG/JPEG is refused', async () => {
    await assert.rejects(renderCertificatePdf(passCertificate, { qrPng: Buffer.from('not an image') }));
  });

  test('a long item list runs over pages, every page numbered x of y', async () => {
    const pdf = await render('longCertificate');
    const n = pageCount(pdf);
    assert.ok(n >= 4, `expected ≥ 4 pages, got ${n}`);
    const pages = pdfPages(pdf);
    assert.equal(pages.length, n);
    pages.forEach((page, i) => assert.ok(squash(page).includes(`第${i + 1}页共${n}页`), `page ${i + 1}`));
    const all = squash(pages.join('\n'));
    assert.equal(all.match(/号枪/g)?.length, longCertificate.items.length, 'every row printed once');
    assert.ok(squash(pages[2] ?? '').includes('检定结果（续）'), 'continued header');
    assert.ok(squash(pages.at(-1) ?? '').includes('以下空白'), 'end mark on the last page');
  });
});

/** The page content streams, inflated (pdfkit compresses them with Flate). */
async function inflatedContent(pdf: Buffer): Promise<string> {
  const { inflateSync } = await import('node:zlib');
  const text = pdf.toString('latin1');
  const out: string[] = [];
  const re = /\/Filter \/FlateDecode[^>]*>>\s*stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not every stream ends exactly before "endstream" with no padding; skip those.
    }
  }
  return out.join('\n');
}
